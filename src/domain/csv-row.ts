import { addHours } from 'date-fns/addHours';
import { isUtf8 } from 'node:buffer';
import { UsageError } from '../errors.js';
import { spellingToKeep } from './spelling.js';
import type { Complaint, Remedy } from './complaint.js';
import { contentUid, parseUid } from './identity.js';
import { brokenRule } from './record-rules.js';
import { parseRemediesCell, remediesCell, totalCost } from './remedies.js';
import { STATUSES } from './lifecycle.js';
import { formatMoney, parseMoney } from './money.js';
import { RECORD_COLUMNS, type RecordColumn } from './record.js';
import { CHANNELS, REMEDIES, SEVERITIES, WANTS, oneOf, parseId, wholeNumber } from './validate.js';
import { isCanonicalInstant, parseWhen } from './when.js';

/** The columns a complaint cannot do without (the logbook's NOT NULL ones); any other may be left out of a file. */
export const REQUIRED_COLUMNS: readonly RecordColumn[] = ['id', 'logged_at', 'occurred_at', 'status', 'description'];

// The first characters a spreadsheet runs as a formula (after OWASP's list, with the fullwidth
// lookalikes that some spreadsheets read as the same), any leading 's aside.
const FORMULA = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const GUARD = /^'(?='*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/;

// The first characters of a cell that may need a guard: an export asks of every cell, and a look-up
// costs less than the regular expression.
const MAY_NEED_GUARD = new Set([..."'=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20"].map((character) => character.charCodeAt(0)));

/**
 * A text cell as export writes it: one more ' before a cell a spreadsheet would run as a formula,
 * also when it already starts with 's, so that import, removing one ', gives back exactly what was
 * stored.
 */
export function guardFormula(cell: string): string {
  return MAY_NEED_GUARD.has(cell.charCodeAt(0)) && FORMULA.test(cell) ? `'${cell}` : cell;
}

/** A cell as it was before export neutralised it: one leading ' removed, only where a formula character follows. */
export function unguardFormula(cell: string): string {
  // Most cells do not start with a quote; asked first, it spares an import the pattern on every cell.
  return cell.startsWith("'") && GUARD.test(cell) ? cell.slice(1) : cell;
}

/** A cell of an export row: text, a number, or null for what was never given. */
export type CsvCell = string | number | null;

/**
 * Turns rows of the logbook's columns, in the order `columns` names them, into export rows: the
 * record's columns in order, cost as a decimal string ("4.50"), the remedies (JSON text in the
 * row) as remediesCell writes them, customer and contact empty when redacted. Where each cell
 * comes from is worked out once, as an export turns every row.
 */
export function csvRowMaker(columns: readonly (keyof Complaint)[], redact: boolean): (row: readonly unknown[]) => CsvCell[] {
  const withheld: readonly RecordColumn[] = redact ? ['customer', 'contact'] : [];
  const sources = RECORD_COLUMNS.map((column) => {
    if (withheld.includes(column)) return null;
    const source = columns.indexOf(column === 'cost' ? 'cost_minor' : column);
    if (source === -1) throw new Error(`the rows have no column for ${column}`);
    return source;
  });
  const costAt = RECORD_COLUMNS.indexOf('cost');
  const remediesAt = RECORD_COLUMNS.indexOf('remedies');
  return (row) => {
    const cells = new Array<CsvCell>(sources.length);
    for (let index = 0; index < sources.length; index++) {
      const source = sources[index]!;
      const value = source === null ? null : (row[source] as CsvCell);
      cells[index] =
        value === null
          ? null
          : index === costAt
            ? formatMoney(value as number)
            : index === remediesAt
              ? remediesCell(JSON.parse(value as string) as Remedy[])
              : value;
    }
    return cells;
  };
}

/** A header row checked: every column known, none twice, the required ones present. Names are matched without case. */
export function checkHeader(cells: readonly string[], line: number): RecordColumn[] {
  const columns: RecordColumn[] = [];
  for (const cell of cells) {
    const name = cell.trim().toLowerCase();
    const column = RECORD_COLUMNS.find((known) => known === name);
    if (column === undefined) {
      throw atLine(line, `'${cell}' is not a column of complaints; the columns are ${RECORD_COLUMNS.join(', ')}`);
    }
    if (columns.includes(column)) throw atLine(line, `the column ${column} appears twice`);
    columns.push(column);
  }
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw atLine(line, `the header lacks ${missing.join(', ')}; every file needs ${REQUIRED_COLUMNS.join(', ')}`);
  }
  return columns;
}

/** Reads one row's cells into a complaint, or throws a UsageError naming the line and the reason. */
export type RowReader = (cells: readonly string[], line: number) => Complaint;

/** What reading a file's rows needs to know of the logbook it goes into. */
export interface ImportContext {
  /** The causes in use, in the order their spellings are preferred. */
  knownCauses: readonly string[];
  /** The shop's categories: a complaint's must be one of them, as at triage. */
  categories: readonly string[];
  /** The response target, for a complaint whose file gives no respond_by, as at logging. */
  responseHours: number;
  /** What has happened cannot be after this; a time without a date is read against it. */
  now: Date;
}

/**
 * Reads the rows of one file in order, each checked by the rules the commands keep (brokenRule)
 * and the defaults they give (respond_by, severity). It remembers what earlier rows held, so an
 * id twice in the file is refused and causes are spelt as those already in use (`knownCauses`,
 * then earlier rows). Free text is kept exactly as written; a blank cell means "not given". A
 * complaint keeps the file's uid, or is given the one its id, times and description make
 * (contentUid), so that importing the same rows again is recognised.
 */
export function rowReader(columns: readonly RecordColumn[], context: ImportContext): RowReader {
  const { knownCauses, categories, responseHours, now } = context;
  const lineOfId = new Map<number, number>();
  const causes = [...knownCauses];
  // A file repeats a few causes many times; matching each against every cause in use is slow.
  const spellingOf = new Map<string, string>();
  const spelling = (typed: string): string => {
    let cause = spellingOf.get(typed);
    if (cause === undefined) {
      cause = spellingToKeep(typed, causes);
      if (!causes.includes(cause)) causes.push(cause);
      spellingOf.set(typed, cause);
    }
    return cause;
  };

  // The helpers and readers are made once and read the row in hand: made afresh for each of a
  // million rows, they and their lookups were a tenth of an import's time.
  const indexOf = Object.fromEntries(RECORD_COLUMNS.map((column) => [column, columns.indexOf(column)])) as Record<RecordColumn, number>;
  let cells: readonly string[] = [];
  const cell = (column: RecordColumn): string => {
    const index = indexOf[column];
    return index === -1 ? '' : unguardFormula(cells[index] ?? '');
  };
  const text = (column: RecordColumn): string | null => {
    const value = cell(column);
    // Most cells begin with a printable ASCII character, so are not blank; trimming each to see
    // cost a twentieth of the time an import spends reading a file.
    const first = value.charCodeAt(0);
    return first > 0x20 && first < 0x7f ? value : value.trim() === '' ? null : value;
  };
  const given = <T>(column: RecordColumn, read: (value: string, column: RecordColumn) => T): T | null => {
    const value = text(column);
    return value === null ? null : read(value, column);
  };
  const required = <T>(column: RecordColumn, read: (value: string, column: RecordColumn) => T): T => {
    const value = given(column, read);
    if (value === null) throw new UsageError(`${column} is empty; every complaint needs one`);
    return value;
  };
  const time = (value: string, column: string) => timestamp(value, column, now);
  const choice = <T extends string>(allowed: readonly T[]) => (value: string, column: RecordColumn) => oneOf(value, allowed, column);
  const [status, channel, wants, severity, remedy, category] = [
    choice(STATUSES), choice(CHANNELS), choice(WANTS), choice(SEVERITIES), choice(REMEDIES), choice(categories),
  ];
  const asIs = (value: string) => value;
  const money = (value: string, column: RecordColumn) => parseMoney(value, column);
  const satisfaction = (value: string, column: RecordColumn) => wholeNumber(value, 1, 5, column);
  const remedies = (value: string, column: RecordColumn) => parseRemediesCell(value, column, time);
  const uid = (value: string, column: RecordColumn) => parseUid(value, column);

  return (rowCells, line) => {
    cells = rowCells;
    try {
      const id = required('id', idOf);
      const earlier = lineOfId.get(id);
      if (earlier !== undefined) throw new UsageError(`id ${id} is also on line ${earlier}; each complaint must have its own id`);
      const occurredAt = required('occurred_at', time);
      const loggedAt = required('logged_at', time);
      const description = required('description', asIs);
      const resolvedAt = given('resolved_at', time);
      const classified = given('category', category);
      const complaint: Complaint = {
        id,
        logged_at: loggedAt,
        occurred_at: occurredAt,
        status: required('status', status),
        channel: given('channel', channel),
        customer: text('customer'),
        contact: text('contact'),
        about: text('about'),
        description,
        wants: given('wants', wants),
        suggestion: text('suggestion'),
        staff: text('staff'),
        category: classified,
        cause: given('cause', spelling),
        // Triage's default for a complaint classified without one.
        severity: given('severity', severity) ?? (classified === null ? null : 'medium'),
        reject_reason: text('reject_reason'),
        assignee: text('assignee'),
        // Logging's default: the response target from when it happened.
        respond_by: given('respond_by', time) ?? addHours(new Date(occurredAt), responseHours).toISOString(),
        resolved_at: resolvedAt,
        remedy: given('remedy', remedy),
        cost_minor: given('cost', money),
        root_cause: text('root_cause'),
        action: text('action'),
        followed_up_at: given('followed_up_at', time),
        satisfaction: given('satisfaction', satisfaction),
        remedies: [],
        uid: given('uid', uid) ?? contentUid(id, loggedAt, occurredAt, description),
      };
      complaint.remedies = remediesOf(complaint, given('remedies', remedies));
      const broken = brokenRule(complaint, now);
      if (broken !== null) throw new UsageError(broken);
      lineOfId.set(id, line);
      return complaint;
    } catch (error) {
      throw error instanceof UsageError ? atLine(line, error.message) : error;
    }
  };
}

/**
 * The remedies of a complaint read from a file: those its remedies column lists, which its remedy
 * (the latest) and cost (all together) must agree with where given; else, a file without the
 * column having no more than one, the remedy and cost given when it was resolved.
 */
function remediesOf(complaint: Complaint, listed: Remedy[] | null): Remedy[] {
  if (listed === null) {
    if (complaint.remedy === null) return [];
    return [{ given_at: complaint.resolved_at ?? complaint.occurred_at, remedy: complaint.remedy, cost_minor: complaint.cost_minor }];
  }
  const latest = listed[listed.length - 1]!.remedy;
  const cost = totalCost(listed);
  if (complaint.remedy !== null && complaint.remedy !== latest) {
    throw new UsageError(`remedy is ${complaint.remedy} but the latest of remedies is ${latest}; remedy is the latest remedy given`);
  }
  if (complaint.cost_minor !== null && complaint.cost_minor !== cost) {
    throw new UsageError(`cost is ${formatMoney(complaint.cost_minor)} but remedies add up to ${cost === null ? 'nothing' : formatMoney(cost)}; cost is what every remedy cost together`);
  }
  complaint.remedy = latest;
  complaint.cost_minor = cost;
  return listed;
}

function idOf(value: string): number {
  try {
    return parseId(value);
  } catch {
    throw new UsageError(`id: '${value}' is not a complaint id; ids are whole numbers from 1`);
  }
}

// Only calendar dates and times: "today" or "3d" in a file would mean whenever it is imported.
const STARTS_WITH_DATE = /^\s*\d{4}-\d{2}-\d{2}/;

function timestamp(value: string, column: string, now: Date): string {
  // Export's own form is already the form the logbook stores.
  if (isCanonicalInstant(value)) return value;
  try {
    if (STARTS_WITH_DATE.test(value)) return parseWhen(value, now, column).at.toISOString();
  } catch {
    // Said below, with the form that is expected.
  }
  throw new UsageError(`${column}: '${value}' is not a date and time; use ISO 8601 such as 2026-11-23T10:00:00.000Z (local time when no zone is given)`);
}

function atLine(line: number, reason: string): UsageError {
  return new UsageError(`line ${line}: ${reason}`);
}

/**
 * Refuses bytes a CSV file of complaints cannot hold, naming the line: a NUL byte (a binary file,
 * or UTF-16 text) or a sequence that is not UTF-8 (a spreadsheet saved in a legacy encoding).
 * `firstLine` is the line of the file the bytes begin on.
 */
export function checkEncoding(bytes: Uint8Array, firstLine = 1): void {
  const counter = lineCounter(bytes);
  const lineOf = (offset: number) => counter(offset) + firstLine - 1;
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw atLine(lineOf(nul), 'the file holds a NUL byte, so it is not UTF-8 text (UTF-16, or not a CSV file?); save it as CSV UTF-8');
  }
  // Checked without decoding: the text of a large file would take twice its size again.
  if (isUtf8(bytes)) return;
  // Find the line to fix: a line break byte never occurs inside a multi-byte UTF-8 character.
  const strict = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline + 1;
    try {
      strict.decode(bytes.subarray(start, end));
    } catch {
      break;
    }
    start = end;
  }
  throw atLine(lineOf(start), 'the text is not UTF-8 (saved in another encoding?); save the file as CSV UTF-8');
}

/**
 * The line number of a byte offset, counting LF, CRLF and a lone CR as one line break each.
 * Offsets must be asked for in increasing order; the count carries on from the last one.
 */
export function lineCounter(bytes: Uint8Array): (offset: number) => number {
  let position = 0;
  let line = 1;
  return (offset) => {
    for (; position < offset && position < bytes.length; position++) {
      const byte = bytes[position];
      if (byte === 0x0a || (byte === 0x0d && bytes[position + 1] !== 0x0a)) line++;
    }
    return line;
  };
}
