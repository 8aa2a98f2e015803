import type { ChalkInstance } from 'chalk';
import { OPEN_STATUSES, isOverdue } from '../domain/lifecycle.js';
import { remedyShown, statusShown } from '../language/labels.js';
import { t, type MessageKey } from '../language/messages.js';
import { CALL_BACK_COLUMNS, LISTED_COLUMNS, type ListedColumn, type ListedComplaint } from '../store/logbook.js';
import { complaintRef, oneLine } from './terminal.js';
import { localTime } from '../language/dates.js';
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
  lines: AsyncIterable<string>;
}

// Two spaces after every cell, the last one's too (withoutTrailingSpace drops those).
const GAP = '  ';

/**
 * A table with the house style: coloured headings only when colour is on, no borders inside.
 * Laid out here rather than by cli-table3, whose layout compares every cell with every other, for
 * spans this never uses (measured in 011ab5a).
 */
export function newTable(head: string[], paint: ChalkInstance, align: readonly Align[] = []): TextTable {
  const rows: string[][] = [];
  return {
    push: (...more) => void rows.push(...more),
    toString: () => {
      const columns = new Columns(head, paint, align);
      rows.forEach((row) => columns.measure(row));
      return [columns.heading(), ...rows.map((row) => columns.line(row))].join('\n');
    },
  };
}

/** A table's columns, as wide as the widest cell measured in each. */
class Columns {
  private readonly head: string[];
  private readonly widths: number[];

  constructor(
    head: string[],
    paint: ChalkInstance,
    private readonly align: readonly Align[],
  ) {
    this.head = head.map((h) => paint.bold(h));
    this.widths = this.head.map(displayWidth);
  }

  measure(row: readonly string[]): void {
    for (let column = 0; column < this.widths.length; column++) {
      this.widths[column] = Math.max(this.widths[column]!, displayWidth(row[column] ?? ''));
    }
  }

  heading(): string {
    return this.line(this.head);
  }

  line(row: readonly string[]): string {
    return this.widths
      .map((width, column) => {
        const cell = row[column] ?? '';
        const blank = ' '.repeat(Math.max(0, width - displayWidth(cell)));
        return (this.align[column] === 'right' ? blank + cell : cell + blank) + GAP;
      })
      .join('');
  }
}

/**
 * Lays out the rows `batchesOf` makes, asking for them twice: once to measure each column, then
 * again as the lines are read, so that a table of any length is never held whole. Should a row
 * come out wider the second time (a till wrote meanwhile), it pushes its line out rather than
 * being cut.
 */
export async function layOut(
  head: string[],
  paint: ChalkInstance,
  batchesOf: () => AsyncIterable<string[][]>,
  align: readonly Align[] = [],
): Promise<LaidOut> {
  const columns = new Columns(head, paint, align);
  let rows = 0;
  for await (const batch of batchesOf()) {
    rows += batch.length;
    for (const row of batch) columns.measure(row);
  }
  async function* lines() {
    yield columns.heading();
    for await (const batch of batchesOf()) for (const row of batch) yield columns.line(row);
  }
  return { rows, lines: lines() };
}

/** A column of a table of complaints: its heading, and its cell for each complaint. */
interface ComplaintColumn {
  head: MessageKey;
  cell: (c: ListedComplaint, now: Date, paint: ChalkInstance) => string;
}

const ID: ComplaintColumn = { head: 'table.id', cell: (c) => complaintRef(c.id) };
const CUSTOMER: ComplaintColumn = { head: 'table.customer', cell: (c) => oneLine(c.customer, 20) };
const ABOUT: ComplaintColumn = { head: 'table.about', cell: (c) => oneLine(c.about, 20) };
const DESCRIPTION: ComplaintColumn = { head: 'table.complaint', cell: (c) => oneLine(c.description, 40) };

/** A table of complaints: the columns it shows, and the stored columns they read. */
export interface ComplaintTableColumns {
  reads: readonly ListedColumn[];
  shown: readonly ComplaintColumn[];
}

/** What `list` shows: where each complaint stands and who holds it, the overdue marked. */
export const LIST_COLUMNS: ComplaintTableColumns = {
  reads: LISTED_COLUMNS,
  shown: [
    ID,
    { head: 'table.occurred', cell: (c) => localTime(c.occurred_at) },
    { head: 'table.status', cell: (c) => statusShown(c.status) },
    CUSTOMER,
    ABOUT,
    { head: 'table.cause', cell: (c) => oneLine(c.cause, 20) },
    { head: 'table.assignee', cell: (c) => oneLine(c.assignee, 12) },
    {
      head: 'table.respondBy',
      cell: (c, now, paint) => {
        if (!OPEN_STATUSES.includes(c.status)) return '';
        return isOverdue(c.status, c.respond_by, now) ? paint.red(`${localTime(c.respond_by)} !`) : localTime(c.respond_by);
      },
    },
    DESCRIPTION,
  ],
};

/** What the follow-ups due show: whom to call (on what number, for those who left one), about what, and what they were given. */
export function followUpColumns(withContact: boolean): ComplaintTableColumns {
  return {
    reads: CALL_BACK_COLUMNS,
    shown: [
      ID,
      { head: 'table.resolved', cell: (c) => (c.resolved_at ? localTime(c.resolved_at) : '') },
      CUSTOMER,
      ...(withContact ? [{ head: 'table.contact', cell: (c: ListedComplaint) => oneLine(c.contact, 24) } as const] : []),
      ABOUT,
      { head: 'table.remedy', cell: (c) => (c.remedy ? remedyShown(c.remedy) : '') },
      DESCRIPTION,
    ],
  };
}

/**
 * Complaints one a line in `columns`, for `list` and the follow-ups due, read from `complaintsOf`
 * twice (see layOut): a list of a million complaints is shown with no more held than a batch of them.
 */
export async function complaintTable(
  complaintsOf: (reads: readonly ListedColumn[]) => AsyncIterable<ListedComplaint[]>,
  now: Date,
  paint: ChalkInstance,
  { reads, shown }: ComplaintTableColumns = LIST_COLUMNS,
): Promise<LaidOut> {
  async function* rows() {
    for await (const batch of complaintsOf(reads)) yield batch.map((c) => shown.map((column) => column.cell(c, now, paint)));
  }
  const table = await layOut(
    shown.map((column) => t(column.head)),
    paint,
    rows,
  );
  return { rows: table.rows, lines: map(table.lines, withoutTrailingBlanks) };
}

async function* map<T, U>(items: AsyncIterable<T>, change: (item: T) => U): AsyncGenerator<U> {
  for await (const item of items) yield change(item);
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

