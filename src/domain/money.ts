import { UsageError } from '../errors.js';
import { t } from '../language/messages.js';
import { halfWidth } from './validate.js';

// Amounts above this lose cents in a double once converted back to currency units for JSON.
const MAX_MINOR = 1e13;

// How a Chinese shop writes an amount of yuan: ¥12.50 (￥ from an input method is the same sign
// made plain), or 12.50元. Any other sign is refused rather than taken for the shop's currency.
const AMOUNT = /^¥?\s*(\d+)(?:[.,](\d{1,2}))?\s*元?$/;

/** Reads an amount typed as `12.50`, `12.5`, `12`, `¥12.50` or `12.50元` into integer minor units (1250). */
export function parseMoney(text: string, flag: string): number {
  const match = AMOUNT.exec(halfWidth(text));
  if (!match) {
    throw new UsageError(t('money.notAnAmount', { flag, text }));
  }
  const minor = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (minor > MAX_MINOR) throw new UsageError(t('money.tooLarge', { flag, text }));
  return minor;
}

/** Minor units as a decimal string with two places: 1250 → "12.50". */
export function formatMoney(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

// The currencies a shop writes with a sign of their own rather than the code; the yuan is the
// one the tool's Chinese shops keep.
const CURRENCY_SIGNS: Readonly<Record<string, string>> = { CNY: '¥' };

/**
 * An amount as the shop reads it, in its currency: ¥12.50 for yuan, EUR 12.50 for a currency
 * without a sign here, 12.50 for none. Files and JSON keep the plain number (formatMoney).
 */
export function amountShown(minor: number, currency: string): string {
  const sign = CURRENCY_SIGNS[currency];
  if (sign !== undefined) return `${sign}${formatMoney(minor)}`;
  return `${currency ? `${currency} ` : ''}${formatMoney(minor)}`;
}

/** Minor units as a number of currency units, for JSON: 1250 → 12.5. */
export function toUnits(minor: number): number {
  return Number(formatMoney(minor));
}
