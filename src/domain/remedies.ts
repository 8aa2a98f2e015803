import { UsageError } from '../errors.js';
import { t } from '../language/messages.js';
import type { Remedy } from './complaint.js';
import { formatMoney, parseMoney } from './money.js';
import { REMEDIES, oneOf } from './validate.js';

const SEPARATOR = '; ';

/**
 * A complaint's remedies as one cell of an export, oldest first, each as when it was given, the
 * remedy and, if it cost anything, the cost: `2026-11-23T12:00:00.000Z refund 4.50; 2026-11-25T09:00:00.000Z apology`.
 * None is an empty cell.
 */
export function remediesCell(remedies: readonly Remedy[]): string | null {
  if (remedies.length === 0) return null;
  return remedies
    .map(({ given_at, remedy, cost_minor }) => (cost_minor === null ? `${given_at} ${remedy}` : `${given_at} ${remedy} ${formatMoney(cost_minor)}`))
    .join(SEPARATOR);
}

/** Reads a cell remediesCell wrote (or a person wrote the same way); `readTime` reads each time as the file's other times are read. */
export function parseRemediesCell(text: string, column: string, readTime: (value: string, column: string) => string): Remedy[] {
  return text.split(';').map((item) => {
    const words = item.trim().split(/\s+/);
    if (words.length < 2 || words.length > 3 || !/^\d{4}-/.test(words[0]!)) {
      throw new UsageError(t('remedy.notARemedyGiven', { column, item: item.trim() }));
    }
    const [givenAt, remedy, cost] = words as [string, string, string | undefined];
    return {
      given_at: readTime(givenAt, column),
      remedy: oneOf(remedy, REMEDIES, column),
      cost_minor: cost === undefined ? null : parseMoney(cost, column),
    };
  });
}

/** What remedies cost together; none when none of them had a cost. */
export function totalCost(remedies: readonly Remedy[]): number | null {
  const costs = remedies.flatMap(({ cost_minor }) => (cost_minor === null ? [] : [cost_minor]));
  return costs.length === 0 ? null : costs.reduce((sum, cost) => sum + cost, 0);
}
