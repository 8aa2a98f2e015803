import { addHours } from 'date-fns/addHours';
import { UsageError } from '../../errors.js';
import { t } from '../../language/messages.js';
import { typedNames } from '../../language/labels.js';
import type { Complaint, Remedy } from '../complaint.js';
import { FIELDS, type FieldKind, type RecordColumn } from '../fields.js';
import { contentUid, parseUid } from '../identity.js';
import { formatMoney, parseMoney } from '../money.js';
import { rulesAt } from '../record-rules.js';
import { parseRemediesCell, totalCost } from '../remedies.js';
import { spellingToKeep } from '../spelling.js';
import { LIST_SEPARATOR, channelFor, choiceFor, nameChecked, oneOf, parseId } from '../validate.js';
import { parseSatisfaction, parseScores } from '../satisfaction.js';
import { isCanonicalInstant, parseWhen } from '../when.js';
import { atLine } from './encoding.js';
import { LinesById } from './lines-by-id.js';
import { unguardFormula } from './formula.js';

/** Reads one row's cells into a complaint, or throws a UsageError naming the line and the reason. */
export type RowReader = (cells: readonly string[], line: number) => Complaint;

/** What reading a file's rows needs to know of the logbook it goes into. */
export interface ImportContext {
  /** The causes in use, in the order their spellings are preferred. */
  knownCauses: readonly string[];
  /** The shop's categories: a complaint's is spelt as one of them, or added (`added`). */
  categories: readonly string[];
  /** The shop's channels, as the categories. */
  channels: readonly string[];
  /**
   * Where the reader notes each category and channel the file has and the shop's lists do not,
   * as first spelt: the file's own history (an export from a shop whose lists were otherwise, or
   * have changed since), which the import adds to the lists rather than refuse.
   */
  added: AddedChoices;
  /** The response target, for a complaint whose file gives no respond_by, as at logging. */
  responseHours: number;
  /** What has happened cannot be after this; a time without a date is read against it. */
  now: Date;
}

/** The categories and channels a file has that the shop's lists do not. */
export interface AddedChoices {
  categories: string[];
  channels: string[];
}

type CellReader = (value: string, column: string) => unknown;

/**
 * Reads the rows of one file in order, each field as its kind is read (FIELDS), each complaint
 * checked by the rules the commands keep (brokenRule) and given the defaults they give
 * (respond_by, severity). It remembers what earlier rows held, so an id twice in the file is
 * refused and causes are spelt as those already in use (`knownCauses`, then earlier rows). Free
 * text is kept exactly as written; a blank cell means "not given". A complaint keeps the file's
 * uid, or is given the one its id, times and description make (contentUid), so that importing the
 * same rows again is recognised.
 */
export function rowReader(columns: readonly RecordColumn[], context: ImportContext): RowReader {
  const { responseHours, now } = context;
  const linesById = new LinesById();
  const readerOf = readersFor(context);
  const broken = rulesAt(now);
  // Each field's reader and where its cell is, worked out once for a million rows; each row is
  // filled into a copy of one shape, faster than adding its fields to an empty object (568ca8b).
  const names = FIELDS.map((field) => field.name);
  const readers = FIELDS.map((field) => (field.name === 'contact' ? contactIn : readerOf(field.kind)));
  const places = FIELDS.map((field) => columns.indexOf(field.column));
  const shape = Object.fromEntries(names.map((name) => [name, null]));

  return (cells, line) => {
    try {
      const read: Record<string, unknown> = { ...shape };
      for (let index = 0; index < names.length; index++) {
        const at = places[index]!;
        const value = at === -1 ? null : given(unguardFormula(cells[at] ?? ''));
        const field = FIELDS[index]!;
        if (value === null) {
          if (field.required) throw new UsageError(t('csv.emptyRequired', { column: field.column }));
          continue;
        }
        read[names[index]!] = readers[index]!(value, field.column);
      }
      const complaint = read as unknown as Complaint;
      const earlier = linesById.lineOf(complaint.id);
      if (earlier !== undefined) throw new UsageError(t('csv.idTwice', { id: complaint.id, earlier }));
      // What the commands fill in: triage's severity, logging's respond-by, the uid; and for a
      // file written before natures were kept, the nature its status and classification tell.
      if (complaint.category !== null) complaint.severity ??= 'medium';
      complaint.nature ??= complaint.status === 'rejected' ? 'unfounded' : complaint.category !== null ? 'valid' : null;
      complaint.respond_by ??= addHours(new Date(complaint.occurred_at), responseHours).toISOString();
      // A file written before actions kept their own time: each was recorded when last resolved.
      if (complaint.action !== null) complaint.action_at ??= complaint.resolved_at;
      complaint.uid ??= contentUid(complaint.id, complaint.logged_at, complaint.occurred_at, complaint.description);
      complaint.remedies = remediesOf(complaint, read.remedies as Remedy[] | null);
      const rule = broken(complaint);
      if (rule !== null) throw new UsageError(rule);
      linesById.keep(complaint.id, line);
      return complaint;
    } catch (error) {
      throw error instanceof UsageError ? atLine(line, error.message) : error;
    }
  };
}

/**
 * Reads a category or channel as the shop's list spells it (`find`: as the commands find it), or
 * as a new one, noted in `added` and spelt as first met from then on. One holding a list's
 * separator could not be kept in the list.
 */
function listedOrAdded(shops: readonly string[], added: string[], find: (value: string, listed: readonly string[]) => string | undefined): CellReader {
  const listed = [...shops];
  return (value, column) => {
    const known = find(value, listed);
    if (known !== undefined) return known;
    if (LIST_SEPARATOR.test(value)) return oneOf(value, listed, column);
    const choice = nameChecked(value.trim(), column);
    listed.push(choice);
    added.push(choice);
    return choice;
  };
}

// A phone number a spreadsheet showed in scientific notation (8.61E+12), and saved so: its last
// digits are lost, and taken as it is the contact would be kept as no one's.
const SHORTENED_NUMBER = /^\d(?:\.\d+)?E\+?\d+$/i;

function contactIn(value: string, column: string): string {
  if (SHORTENED_NUMBER.test(value.trim())) throw new UsageError(t('csv.contactShortened', { column, value }));
  return nameChecked(value, column);
}

/** A cell's text, or null when blank. */
function given(value: string): string | null {
  // Most cells begin with a printable ASCII character, so are not blank: no need to trim them to see (cd35f2f).
  const first = value.charCodeAt(0);
  return first > 0x20 && first < 0x7f ? value : value.trim() === '' ? null : value;
}

/** How a cell of each kind of field is read, for one file (causes are spelt as earlier rows spelt them). */
function readersFor({ knownCauses, categories, channels, added, now }: ImportContext): (kind: FieldKind) => CellReader {
  const causes = [...knownCauses];
  // A file repeats a few causes many times; matching each against every cause in use is slow.
  const spellingOf = new Map<string, string>();
  const spelling = (typed: string, column: string): string => {
    let cause = spellingOf.get(typed);
    if (cause === undefined) {
      // Held to what triage takes (causeGiven), as it would be kept.
      cause = nameChecked(spellingToKeep(typed, causes), column);
      if (!causes.includes(cause)) causes.push(cause);
      spellingOf.set(typed, cause);
    }
    return cause;
  };
  const time = (value: string, column: string) => timestamp(value, column, now);
  return (kind) => {
    switch (kind.type) {
      case 'id':
        return idOf;
      case 'time':
        return time;
      case 'text':
        return (value) => value;
      case 'name':
        return nameChecked;
      case 'choice': {
        // As the commands take them: 新, 高, 退款 (and 退钱, 免单) in Chinese.
        const namesOf = typedNames(kind.shown);
        return (value, column) => oneOf(value, kind.of, column, namesOf);
      }
      case 'category':
        return listedOrAdded(categories, added.categories, choiceFor);
      case 'channel':
        return listedOrAdded(channels, added.channels, channelFor);
      case 'cause':
        return spelling;
      case 'money':
        return parseMoney;
      case 'satisfaction':
        return parseSatisfaction;
      case 'scores':
        return parseScores;
      case 'remedies':
        return (value, column) => parseRemediesCell(value, column, time);
      case 'uid':
        return parseUid;
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
    throw new UsageError(t('csv.remedyNotLatest', { remedy: complaint.remedy, latest }));
  }
  if (complaint.cost_minor !== null && complaint.cost_minor !== cost) {
    const stated = formatMoney(complaint.cost_minor);
    throw new UsageError(cost === null ? t('csv.costNoTotal', { cost: stated }) : t('csv.costNotTotal', { cost: stated, total: formatMoney(cost) }));
  }
  complaint.remedy = latest;
  complaint.cost_minor = cost;
  return listed;
}

function idOf(value: string): number {
  try {
    return parseId(value);
  } catch {
    throw new UsageError(t('csv.notId', { value }));
  }
}

// Only calendar dates and times: "today" or "3d" in a file would mean whenever it is imported.
const STARTS_WITH_DATE = /^\s*\d{4}-\d{2}-\d{2}/;
// A date and time as a spreadsheet writes one typed into it, in local time: 2026/11/3 9:05, as
// Excel does in Chinese, 2026-11-3 9:05, or in its long form 2026年11月3日 9:05.
const SPREADSHEET_TIME = /^\s*(\d{4})(?:[/-]|年\s*)(\d{1,2})(?:[/-]|月\s*)(\d{1,2})(?:日\s*|\s+|$)(?:(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/u;

/** A spreadsheet's date and time written as ISO 8601 writes it in local time; anything else as it is. */
function asIso(value: string): string {
  const found = SPREADSHEET_TIME.exec(value);
  if (found === null) return value;
  const [, year, month, day, hour, minute, second] = found;
  const two = (part: string) => part.padStart(2, '0');
  const date = `${year}-${two(month!)}-${two(day!)}`;
  return hour === undefined ? date : `${date}T${two(hour)}:${minute}:${second ?? '00'}`;
}

function timestamp(value: string, column: string, now: Date): string {
  // Export's own form is already the form the logbook stores.
  if (isCanonicalInstant(value)) return value;
  try {
    const iso = asIso(value);
    if (STARTS_WITH_DATE.test(iso)) return parseWhen(iso, now, column).at.toISOString();
  } catch {
    // Said below, with the form that is expected.
  }
  throw new UsageError(t('csv.notTime', { column, value }));
}
