import type { ChalkInstance } from 'chalk';
import { OPEN_STATUSES, isOverdue, type Status } from '../domain/lifecycle.js';
import { remedyShown, statusShown } from '../language/labels.js';
import { t, type MessageKey } from '../language/messages.js';
import type { ListedColumn, ListedComplaint, Sampling } from '../store/logbook.js';
import { complaintRef, oneLine } from './terminal.js';
import { localTime } from '../language/dates.js';
import { displayWidth, fitWidth } from './width.js';

type Align = 'left' | 'right';

/** Rows of one-line cells, shown in columns as wide as their widest cell and two spaces. */
export interface TextTable {
  push(...rows: string[][]): void;
  toString(): string;
}

/** A table laid out: how many rows it has (its heading aside), and its lines, a batch at a time as they are read. */
export interface LaidOut {
  rows: number;
  lines: AsyncIterable<string[]>;
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
      const measuredRows = rows.map(measured);
      measuredRows.forEach((row) => columns.measure(row));
      return [columns.heading(), ...measuredRows.map((row) => columns.line(row))].join('\n');
    },
  };
}

/** A row of a table: its cells, and how wide each is. */
export interface MeasuredRow {
  cells: readonly string[];
  widths: readonly number[];
}

const measured = (cells: readonly string[]): MeasuredRow => ({ cells, widths: cells.map(displayWidth) });

/** A table's columns, as wide as the widest cell measured in each. */
export class Columns {
  private readonly head: MeasuredRow;
  private readonly widths: number[];
  private readonly left = new Set<number>();

  constructor(
    head: string[],
    paint: ChalkInstance,
    private readonly align: readonly Align[] = [],
  ) {
    this.head = measured(head.map((h) => paint.bold(h)));
    this.widths = [...this.head.widths];
  }

  measure({ widths }: MeasuredRow): void {
    for (let column = 0; column < this.widths.length; column++) this.measureCell(column, widths[column] ?? 0);
  }

  measureCell(column: number, width: number): void {
    this.widths[column] = Math.max(this.widths[column]!, width);
  }

  heading(): string {
    return this.line(this.head);
  }

  widthOf(column: number): number {
    return this.widths[column]!;
  }

  /** Narrows `column` to `width`, though never narrower than its heading. */
  narrow(column: number, width: number): void {
    this.widths[column] = Math.max(this.head.widths[column]!, Math.min(this.widths[column]!, width));
  }

  /** Leaves `column` out of every line, the heading's too. */
  leaveOut(column: number): void {
    this.left.add(column);
  }

  isLeftOut(column: number): boolean {
    return this.left.has(column);
  }

  /** How many columns of a line the first `count` columns take, with their gaps. */
  spanOf(count: number): number {
    return this.widths.slice(0, count).reduce((sum, width, column) => (this.left.has(column) ? sum : sum + width + GAP.length), 0);
  }

  line({ cells, widths }: MeasuredRow): string {
    let line = '';
    for (let column = 0; column < this.widths.length; column++) {
      if (this.left.has(column)) continue;
      const cell = cells[column] ?? '';
      const blank = ' '.repeat(Math.max(0, this.widths[column]! - (widths[column] ?? 0)));
      line += (this.align[column] === 'right' ? blank + cell : cell + blank) + GAP;
    }
    return line;
  }
}

/**
 * Lays out `rows` in columns `measure` has measured first, so that a table of any length is never
 * held whole: `measure` gives how many rows there are. Should a row come out wider than measured
 * (a till wrote meanwhile), it pushes its line out rather than being cut. The lines end in no blanks.
 */
export async function layOut(
  head: string[],
  paint: ChalkInstance,
  measure: (columns: Columns) => Promise<number>,
  rows: (columns: Columns) => AsyncIterable<MeasuredRow[]>,
): Promise<LaidOut> {
  const columns = new Columns(head, paint);
  const count = await measure(columns);
  async function* lines() {
    yield [withoutTrailingBlanks(columns.heading())];
    for await (const batch of rows(columns)) yield batch.map((row) => withoutTrailingBlanks(columns.line(row)));
  }
  return { rows: count, lines: lines() };
}

/**
 * A column of a table of complaints: its heading, the fields its cell reads, its cell for each
 * complaint, and the few complaints among which its widest cell is found, which give it all the
 * fields it reads; for a cell made from one field alone, that field (`of`), by whose value the
 * cell is remembered.
 */
interface ComplaintColumn {
  head: MessageKey;
  reads: readonly ListedColumn[];
  widest: Sampling;
  cell: (c: ListedComplaint, now: Date, paint: ChalkInstance) => string;
  of?: ListedColumn;
  /** For a column of names, how narrow a terminal with no room for it whole may cut it. */
  fewest?: number;
  /** For a column a narrow terminal may do without, its turn to be left out (the first, 1). */
  leftOutTurn?: number;
}

/** A column whose cell is `cellOf` the complaint's `field`, nothing else: its widest is among the field's distinct values. */
function columnOf(head: MessageKey, field: ListedColumn, cellOf: (value: string) => string, narrowed: Pick<ComplaintColumn, 'fewest' | 'leftOutTurn'> = {}): ComplaintColumn {
  return {
    head,
    ...narrowed,
    reads: [field],
    widest: { by: [field] },
    of: field,
    cell: (c) => {
      const value = c[field];
      return value === null || value === undefined ? '' : cellOf(String(value));
    },
  };
}

/**
 * A column showing the time `field` holds, in the shop's local time: every time is written as wide
 * as any other (yyyy-MM-dd HH:mm, none being before 2000 or after 9999), so the latest stands for all.
 */
function timeColumn(head: MessageKey, field: 'occurred_at' | 'resolved_at', leftOutTurn?: number): ComplaintColumn {
  return { head, reads: [field], widest: { highest: [field] }, cell: (c) => localTime(c[field] ?? null), ...(leftOutTurn === undefined ? {} : { leftOutTurn }) };
}

// The highest id is the longest.
const ID: ComplaintColumn = { head: 'table.id', reads: ['id'], widest: { highest: ['id'] }, cell: (c) => complaintRef(c.id) };
// A name cut to this many columns is still known by its start (four Chinese characters).
const NAME_FEWEST = 8;
const CUSTOMER = columnOf('table.customer', 'customer', (customer) => oneLine(customer, 20), { fewest: NAME_FEWEST });
// On a terminal too narrow for every column, a list leaves out first what the till needs least to
// know a complaint by and act on it: what it is about, when it happened, its cause.
const ABOUT = columnOf('table.about', 'about', (about) => oneLine(about, 20), { fewest: NAME_FEWEST, leftOutTurn: 1 });
const DESCRIPTION = columnOf('table.complaint', 'description', (description) => oneLine(description, 40));

// The complaint's words keep this many columns however narrow the terminal: enough to know it by.
const LAST_COLUMN_AT_LEAST = 16;

/** A table of complaints: the columns it shows, each saying the stored columns it reads. */
export interface ComplaintTableColumns {
  shown: readonly ComplaintColumn[];
}

/** What `list` shows: where each complaint stands and who holds it, the overdue marked. */
export const LIST_COLUMNS: ComplaintTableColumns = {
  shown: [
    ID,
    timeColumn('table.occurred', 'occurred_at', 2),
    columnOf('table.status', 'status', (status) => statusShown(status as Status)),
    CUSTOMER,
    ABOUT,
    columnOf('table.cause', 'cause', (cause) => oneLine(cause, 20), { fewest: NAME_FEWEST, leftOutTurn: 3 }),
    columnOf('table.assignee', 'assignee', (assignee) => oneLine(assignee, 12), { fewest: NAME_FEWEST }),
    {
      head: 'table.respondBy',
      reads: ['status', 'respond_by'],
      // Of each status, the earliest respond-by: overdue if any is.
      widest: { by: ['status'], lowest: ['respond_by'] },
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
    shown: [
      ID,
      timeColumn('table.resolved', 'resolved_at'),
      CUSTOMER,
      ...(withContact ? [columnOf('table.contact', 'contact', (contact) => oneLine(contact, 24))] : []),
      ABOUT,
      columnOf('table.remedy', 'remedy', (remedy) => remedyShown(remedy)),
      DESCRIPTION,
    ],
  };
}

/**
 * Fits `padded` in `span` columns of a terminal: should they not fit with every name cut to its
 * fewest, the columns a list may do without are left out in their turn (`leftOutTurn`); then the
 * columns of names (`fewest`) are narrowed, the widest first. On an 80-column terminal every row
 * of a list with its names filled in was wider and wrapped. Gives each column narrowed, with the
 * width it was cut to.
 */
function narrowedToFit(columns: Columns, padded: readonly ComplaintColumn[], span: number): Array<[number, number]> {
  const spanAtFewest = () =>
    padded.reduce(
      (sum, { fewest = Infinity }, column) => (columns.isLeftOut(column) ? sum : sum - Math.max(0, columns.widthOf(column) - fewest)),
      columns.spanOf(padded.length),
    );
  const turns = padded.flatMap(({ leftOutTurn }, column) => (leftOutTurn === undefined ? [] : [[leftOutTurn, column] as const])).sort(([a], [b]) => a - b);
  for (const [, column] of turns) {
    if (spanAtFewest() <= span) break;
    columns.leaveOut(column);
  }
  const narrowed = new Map<number, number>();
  for (let excess = columns.spanOf(padded.length) - span; excess > 0; excess--) {
    let widest = -1;
    padded.forEach(({ fewest }, column) => {
      if (fewest === undefined || columns.isLeftOut(column) || columns.widthOf(column) <= fewest) return;
      if (widest === -1 || columns.widthOf(column) > columns.widthOf(widest)) widest = column;
    });
    if (widest === -1) break;
    const before = columns.widthOf(widest);
    columns.narrow(widest, before - 1);
    if (columns.widthOf(widest) === before) break;
    narrowed.set(widest, columns.widthOf(widest));
  }
  return [...narrowed];
}

/** The complaints a table shows, as it reads them. */
export interface ShownComplaints {
  /** Them all, in the order shown, with the fields `reads` names. */
  listed(reads: readonly ListedColumn[]): AsyncIterable<ListedComplaint[]>;
  /**
   * How many they are, and the few standing for them all in finding a column's widest cell (see
   * Sampling); none for a few complaints (a list with a limit), which are measured from their own
   * cells, read twice: a query for each column cost `list --limit 5` ~2 ms more than that.
   */
  sampling?: {
    count(): Promise<number>;
    sampled(sampling: Sampling): AsyncIterable<Partial<ListedComplaint>[]>;
  };
}

/**
 * Complaints one a line in `columns`, for `list` and the follow-ups due: each column measured from
 * the few complaints its `widest` picks (or from every complaint, when they are few), and the lines
 * made as the complaints are read, so that a list of a million complaints is read once and shown
 * with no more held than a batch of them. On a terminal `fitTo` columns wide, the last column (the
 * complaint's words) is cut to the room the others leave, down to LAST_COLUMN_AT_LEAST.
 */
export async function complaintTable(
  complaints: ShownComplaints,
  now: Date,
  paint: ChalkInstance,
  { shown }: ComplaintTableColumns = LIST_COLUMNS,
  fitTo?: number,
): Promise<LaidOut> {
  const cellsOf = shown.map((column) => rememberedCells(column, now, paint));
  const readsOf = (columns: readonly ComplaintColumn[]) => [...new Set(columns.flatMap((column) => column.reads))];
  const reads = readsOf(shown);
  // The last column is never padded (a line ends in no blanks), so never measured.
  const padded = shown.slice(0, -1);
  // The columns of names cut to fit the terminal, and how wide, once measured.
  let cutTo: Array<[number, number]> = [];
  async function measure(columns: Columns) {
    const count = await measureCells(columns);
    if (fitTo !== undefined) cutTo = narrowedToFit(columns, padded, fitTo - LAST_COLUMN_AT_LEAST);
    return count;
  }
  async function measureCells(columns: Columns) {
    const { sampling } = complaints;
    if (sampling === undefined) {
      let count = 0;
      for await (const batch of complaints.listed(readsOf(padded))) {
        count += batch.length;
        for (const c of batch) for (let index = 0; index < padded.length; index++) columns.measureCell(index, cellsOf[index]!(c).width);
      }
      return count;
    }
    // Measured from every complaint, a table read them all twice: 1,000,000 took 12.3 s, now 8.4 s
    // (medians in turn).
    const count = await sampling.count();
    if (count === 0) return 0;
    for (const [index, column] of padded.entries()) {
      for await (const batch of sampling.sampled(column.widest)) {
        for (const sample of batch) columns.measureCell(index, displayWidth(column.cell(sample as ListedComplaint, now, paint)));
      }
    }
    return count;
  }
  async function* rows(columns: Columns) {
    const last = padded.length;
    const room = fitTo === undefined ? Infinity : Math.max(LAST_COLUMN_AT_LEAST, fitTo - columns.spanOf(last));
    for await (const batch of complaints.listed(reads)) {
      yield batch.map((c) => {
        const cells = new Array<string>(cellsOf.length);
        const widths = new Array<number>(cellsOf.length);
        for (let column = 0; column < cellsOf.length; column++) {
          const cell = cellsOf[column]!(c);
          cells[column] = cell.text;
          widths[column] = cell.width;
        }
        for (const [column, most] of cutTo) {
          if (widths[column]! > most) {
            cells[column] = fitWidth(cells[column]!, most);
            widths[column] = displayWidth(cells[column]!);
          }
        }
        if (widths[last]! > room) {
          cells[last] = fitWidth(cells[last]!, room);
          widths[last] = displayWidth(cells[last]!);
        }
        return { cells, widths };
      });
    }
  }
  return layOut(
    shown.map((column) => t(column.head)),
    paint,
    measure,
    rows,
  );
}

// Cells remembered for each column, with their widths: a list's causes, assignees and statuses are
// few, and made and measured once each rather than for every complaint. A column
// remembers this many at most, and forgets them once it has met more cells than it has met
// again: most shops' descriptions are each told once, and looking them up costs more than it saves.
const REMEMBERED_CELLS = 4096;

interface Cell {
  text: string;
  width: number;
}

function rememberedCells(column: ComplaintColumn, now: Date, paint: ChalkInstance): (c: ListedComplaint) => Cell {
  const cellOf = (c: ListedComplaint): Cell => {
    const text = column.cell(c, now, paint);
    return { text, width: displayWidth(text) };
  };
  const { of } = column;
  if (of === undefined) return cellOf;
  let cells: Map<unknown, Cell> | undefined = new Map();
  let metAgain = 0;
  return (c) => {
    if (cells === undefined) return cellOf(c);
    const value = c[of];
    let cell = cells.get(value);
    if (cell !== undefined) {
      metAgain++;
      return cell;
    }
    cell = cellOf(c);
    if (cells.size < REMEMBERED_CELLS) cells.set(value, cell);
    else if (metAgain < cells.size) cells = undefined;
    return cell;
  };
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

