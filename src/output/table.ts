import type { ChalkInstance } from 'chalk';
import type { Complaint } from '../domain/complaint.js';
import { OPEN_STATUSES, isOverdue } from '../domain/lifecycle.js';
import { complaintRef, localTime, oneLine } from './terminal.js';
import { displayWidth } from './width.js';

type Align = 'left' | 'right';

/** Rows of one-line cells, shown in columns as wide as their widest cell and two spaces. */
export interface TextTable {
  push(...rows: string[][]): void;
  toString(): string;
}

/** A table laid out: how many rows it has (its heading aside), and its lines, made as they are read. */
export interface LaidOut {
  rows: number;
  lines: Iterable<string>;
}

// Two spaces after every cell, the last one's too (withoutTrailingSpace drops those).
const GAP = '  ';

/**
 * A table with the house style: coloured headings only when colour is on, no borders inside.
 * Laid out here rather than by cli-table3, whose layout compares every cell with every other
 * (for spans this never uses): 1,215 overdue complaints took it 2 s, 30,000 follow-ups due
 * longer than two minutes.
 */
export function newTable(head: string[], paint: ChalkInstance, align: readonly Align[] = []): TextTable {
  const rows: string[][] = [];
  return {
    push: (...more) => void rows.push(...more),
    toString: () => [...layOut(head, paint, () => rows, align).lines].join('\n'),
  };
}

/**
 * Lays out the rows `rowsOf` makes, asking for them twice: once to measure each column, then
 * again as the lines are read, so that a table of any length is never held whole. Should a row
 * come out wider the second time (a till wrote meanwhile), it pushes its line out rather than
 * being cut.
 */
export function layOut(head: string[], paint: ChalkInstance, rowsOf: () => Iterable<string[]>, align: readonly Align[] = []): LaidOut {
  const heading = head.map((h) => paint.bold(h));
  const widths = heading.map(displayWidth);
  let rows = 0;
  for (const row of rowsOf()) {
    rows++;
    for (let column = 0; column < widths.length; column++) widths[column] = Math.max(widths[column]!, displayWidth(row[column] ?? ''));
  }
  const line = (row: readonly string[]) =>
    widths
      .map((width, column) => {
        const cell = row[column] ?? '';
        const blank = ' '.repeat(Math.max(0, width - displayWidth(cell)));
        return (align[column] === 'right' ? blank + cell : cell + blank) + GAP;
      })
      .join('');
  function* lines() {
    yield line(heading);
    for (const row of rowsOf()) yield line(row);
  }
  return { rows, lines: lines() };
}

/** What a list shows of each complaint. */
export const LISTED = ['id', 'occurred_at', 'status', 'customer', 'about', 'cause', 'assignee', 'respond_by', 'description'] as const;
type Listed = Pick<Complaint, (typeof LISTED)[number]>;

/**
 * Complaints one a line, for `list` and the follow-ups due, read from `complaintsOf` twice (see
 * layOut): a list of a million complaints is shown with no more held than one of them.
 */
export function complaintTable(complaintsOf: () => Iterable<Listed>, now: Date, paint: ChalkInstance): LaidOut {
  function* rows() {
    for (const c of complaintsOf()) {
      const late = isOverdue(c.status, c.respond_by, now);
      yield [
        complaintRef(c.id),
        localTime(c.occurred_at),
        c.status,
        oneLine(c.customer, 20),
        oneLine(c.about, 20),
        oneLine(c.cause, 20),
        oneLine(c.assignee, 12),
        !OPEN_STATUSES.includes(c.status) ? '' : late ? paint.red(`${localTime(c.respond_by)} !`) : localTime(c.respond_by),
        oneLine(c.description, 40),
      ];
    }
  }
  const table = layOut(['id', 'occurred', 'status', 'customer', 'about', 'cause', 'assignee', 'respond by', 'complaint'], paint, rows);
  return { rows: table.rows, lines: map(table.lines, withoutTrailingBlanks) };
}

function* map<T, U>(items: Iterable<T>, change: (item: T) => U): Generator<U> {
  for (const item of items) yield change(item);
}

/** Tables pad the last column too; trailing blanks only get in the way of diff and grep. */
export function withoutTrailingSpace(text: string): string {
  return text.split('\n').map(withoutTrailingBlanks).join('\n');
}

// Not /[ \t]+$/: a regular expression tries again from every blank of a long run, which was a
// tenth of the time of a long list.
function withoutTrailingBlanks(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}
