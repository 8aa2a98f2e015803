import type { Env } from '../context.js';
import type { IdSpan } from '../domain/id-span.js';
import { INVISIBLE } from '../domain/spelling.js';
import { t } from '../language/messages.js';
import { fitWidth } from './width.js';

/** Colour is on only for a terminal, and off with --no-color, NO_COLOR (any value) or TERM=dumb. */
export function decideColor(flagAllows: boolean, env: Env, isTTY: boolean): boolean {
  if (!flagAllows) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

// C0 and C1 controls (ESC among them) and the bidirectional overrides that can reorder a line.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Stored text made safe to print: control characters shown as visible escapes, so a
 * description holding ESC[2J cannot clear the screen or recolour the terminal.
 */
export function inert(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    // \x only of a byte's worth: \x202e reads as a space and "2e".
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

/**
 * Inert text on one line, each line break shown as \n and what shows as nothing by its code, for
 * a line a person or a script reads as said: a refusal (a column headed with a zero-width space
 * before "id" was refused as 「id」, the one name that looked right), a file's name written to.
 */
export function shownOnOneLine(text: string): string {
  return inert(text)
    .replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\n/g, '\\n');
}

/**
 * Inert text on one line, for a table cell. Text wider than `max` columns (at least 1) is cut
 * between graphemes, never inside one, and ends in …, the whole at most `max` columns wide.
 */
export function oneLine(text: string | null | undefined, max = Infinity): string {
  if (text === null || text === undefined) return '';
  return fitWidth(inert(text.replace(/[\r\n\t]+/g, ' ')), max);
}

/**
 * Words as a POSIX shell reads them back: plain ones as they are, others in single quotes. Made
 * inert, as text the customer gave may hold control characters that would act on the terminal.
 */
export function shellLine(words: readonly string[]): string {
  return inert(words.map((word) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`)).join(' '));
}

export function complaintRef(id: number): string {
  return `#${id}`;
}

/** Complaint references as a column: each padded to the widest of `ids`, and no narrower than #12345. */
export function refColumn(ids: readonly number[]): (id: number) => string {
  const width = Math.max(6, ...ids.map((id) => complaintRef(id).length));
  return (id) => complaintRef(id).padEnd(width);
}

/** The lowest and highest of some complaints' ids: "#4–#9", or "#4" for one. */
export function idRange({ lowest, highest }: Pick<IdSpan, 'lowest' | 'highest'>): string {
  return lowest === highest ? `#${lowest}` : `#${lowest}–#${highest}`;
}

/**
 * Complaint ids (ascending) as a person reads them: runs of numbers one after another as their
 * ends (#3–#7), the first `most` runs of them, and how many ids more.
 */
export function idRuns(ids: readonly number[], most = 20): string {
  const runs: Array<[number, number]> = [];
  for (const id of ids) {
    const last = runs.at(-1);
    if (last !== undefined && id === last[1] + 1) last[1] = id;
    else runs.push([id, id]);
  }
  const shown = runs.slice(0, most).map(([lowest, highest]) => idRange({ lowest, highest }));
  const more = runs.slice(most).reduce((sum, [lowest, highest]) => sum + highest - lowest + 1, 0);
  return shown.join(t('common.listSeparator')) + (more > 0 ? ` ${t('report.andMore', { count: more })}` : '');
}

/** A file's size as a person reads it: 812 bytes, 160 KB, 1.2 MB, 9.1 GB (units of 1,024). */
export function sizeShown(bytes: number): string {
  const units = ['KB', 'MB', 'GB', 'TB'];
  if (bytes < 1024) return t('common.bytes', { count: bytes });
  let size = bytes / 1024;
  let unit = 0;
  for (; Math.round(size) >= 1024 && unit < units.length - 1; unit++) size /= 1024;
  return `${size < 10 && unit > 0 ? size.toFixed(1) : Math.round(size)} ${units[unit]}`;
}
