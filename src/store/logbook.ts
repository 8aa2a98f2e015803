import type { Complaint, LastChange, NewComplaint, Recording, StepOutcome, TimelineEntry, Waiting, DeskMoments } from '../domain/complaint.js';
import type { ComplaintFilter, SpeltField } from '../domain/filter.js';
import type { AddedChoices } from '../domain/csv/import-row.js';
import type { ForgetBy } from '../domain/forget.js';
import type { IdSpan } from '../domain/id-span.js';
import type { ImportedIdentity, ImportedRows } from '../domain/imported-rows.js';
import type { Dimension, Tally } from '../domain/pareto.js';
import type { PreviousStep } from '../domain/steps.js';
import type { CorrectiveAction, Excerpt, PeriodFigures, RecordedAction, Suggestion } from '../domain/summary.js';
import type { RecordsText } from './records-text.js';

// The seam between the commands and a storage engine. Every method is asynchronous, as an engine
// reached over a network is; an embedded one may do its work at once. What each returns is a
// fact: the words for a person are chosen above it (a complaint not found is NotFound, not a
// sentence). Long reads come in batches, so that a million complaints are never held at once.

/**
 * Decides a step on a complaint as it stands inside the write, knowing when its latest step was
 * dated and its latest change that still stands (which an undo reverses).
 */
export type Decide = (current: Complaint, previous: PreviousStep, last: LastChange | undefined) => StepOutcome;

/** The free-text fields whose earlier answers are offered at the till. */
export type SuggestedColumn = 'about' | 'cause' | 'assignee' | 'staff' | 'root_cause' | 'action';

/** What a list shows of each complaint. */
export const LISTED_COLUMNS = ['id', 'occurred_at', 'status', 'customer', 'about', 'cause', 'assignee', 'respond_by', 'description'] as const;
/** What the follow-ups due show besides: whom to call and what they were given; read only for them (read for every list, they cost `list` of 100,000 ~0.15 s). */
export const CALL_BACK_COLUMNS = [...LISTED_COLUMNS, 'contact', 'resolved_at', 'remedy'] as const;
export type ListedColumn = (typeof CALL_BACK_COLUMNS)[number];
export type ListedComplaint = Pick<Complaint, (typeof LISTED_COLUMNS)[number]> & Partial<Pick<Complaint, ListedColumn>>;

/**
 * A few complaints standing for many, enough to find a table column's widest cell without reading
 * every complaint: one row for each distinct combination of `by`, with the lowest of `lowest` and
 * the highest of `highest` among the complaints having it (with no `by`, one row for all of them,
 * none when there are none). Each row has those fields alone.
 */
export interface Sampling {
  by?: readonly ListedColumn[];
  lowest?: readonly ListedColumn[];
  highest?: readonly ListedColumn[];
}

/** The complaints of some tills or branches, each as the spellings stored; given neither, all of them. */
export type Places = Pick<ComplaintFilter, 'till' | 'branch'>;

/** How often a customer complained before, and the latest of those complaints, oldest first. */
export interface EarlierComplaints {
  count: number;
  latest: Array<Pick<Complaint, 'id' | 'occurred_at' | 'customer'>>;
}

/** A period as stored: ISO 8601 UTC text, from `since` (inclusive) to `until` (exclusive). */
export interface StoredSpan {
  since: string;
  until: string;
}

/** What a report reads, all of it from one snapshot of the logbook. */
export interface ReportReads {
  /** The period's upheld complaints counted by `dimension`, one tally for each spelling as stored. */
  tally(dimension: Dimension, span: StoredSpan): Promise<Tally[]>;
  /** The period's complaints not judged yet, which no table by cause or category counts. */
  untriaged(span: StoredSpan): Promise<number>;
  /** The summary's figures of the period's complaints as they stand at `now`, and of the remedies given in it. */
  figures(span: StoredSpan, now: string): Promise<PeriodFigures>;
  /** Corrective actions recorded in the period on complaints whose `dimension` is spelt one of `spellings`. */
  correctiveActions(dimension: Dimension, spellings: readonly string[], span: StoredSpan, limit: number): Promise<Excerpt<CorrectiveAction>>;
  /** The customers' suggestions made with the period's complaints. */
  suggestions(span: StoredSpan, limit: number): Promise<Excerpt<Suggestion>>;
}

export interface CauseCount {
  cause: string;
  count: number;
}

/** Spellings of a cause to replace, and the one to use instead. */
export interface CauseRename {
  from: readonly string[];
  to: string;
  /** Whether `to` is a cause in use already, which the renamed complaints join. */
  merged: boolean;
}

/** How a file of complaints is read into a logbook. */
export interface ImportOptions {
  /** Number the complaints after the logbook's last one instead of keeping their ids. */
  newIds: boolean;
  /** When the import happens; each complaint's 'imported' event is dated then. */
  recordedAt: string;
  /** Where the complaints came from, as their timelines show it. */
  source: string;
  /** The till importing them, and its branch: an import is its latest change, which undo refuses to reverse. */
  till: string;
  branch: string | null;
  /** The categories and channels the file has and the shop's lists do not, known once it is read. */
  choicesAdded: AddedChoices;
  /** The settings with `held` added to the shop's lists: those of choicesAdded the complaints added hold, saved with them. */
  settingsWithRows: (held: AddedChoices) => ReadonlyMap<string, string>;
  /** The size of the file in bytes, which may decide how it is best written. */
  fileBytes: number;
}

/** What an import added, by the ids the complaints have in the logbook, and how many it skipped as there already. */
export interface Imported {
  added: IdSpan;
  alreadyThere: number;
  /** What it added to the shop's lists: the categories and channels of the file new to them that complaints added hold. */
  choicesAdded: AddedChoices;
}

/** What a check found; every list empty means the logbook is sound. */
export interface Findings {
  complaints: number;
  events: number;
  /** The engine's own account of damage to the logbook, one message each. */
  damage: string[];
  /** Rows that break a rule of the schema (a CHECK, NOT NULL or column type), as the engine words it. */
  brokenRules: string[];
  /** Rows pointing at a row that is not there. */
  orphans: Array<{ table: string; rowid: number; parent: string }>;
  /** Complaints with no event recording how they came in. */
  withoutFirstEvent: number[];
  unknownStatuses: Array<{ id: number; status: string }>;
  /** Days whose figures, as kept for the report, are not what their complaints add up to. */
  miscountedDays: string[];
  /** Months whose tallies of causes and hours to resolve, as kept for the report, are not what their complaints add up to. */
  miscountedMonths: string[];
  /** Months whose count of follow-ups waiting, as kept for the desk on SQLite (PostgreSQL keeps none), is not what their complaints add up to. */
  miscountedFollowUps: string[];
  /** Complaints whose remedies, as kept for export on SQLite (PostgreSQL keeps none), are not those given, in order. */
  unmatchedRemedies: number[];
}

export interface Erasure {
  /** The complaints whose customer details were erased. */
  ids: number[];
  /** The distinct names and contacts erased, to look for elsewhere; never stored. */
  values: string[];
}

/** One logbook, whichever engine keeps it. */
export interface Logbook {
  /**
   * Records a new complaint and its first timeline event together. A complaint of the same uid
   * there already (sent once before by a till that could not learn it had arrived) is returned
   * as it stands, not logged twice. The event names the till it was entered at (`enteredAt`),
   * whose undo takes it back, whichever till the complaint itself is logged for.
   */
  log(complaint: NewComplaint, enteredAt: Omit<Recording, 'at'>): Promise<Complaint>;
  /**
   * Changes one complaint and appends its timeline event (and any remedy it gives) in one write;
   * `decide` sees it as it stands inside the write. Throws NotFound, or what `decide` throws,
   * having changed nothing.
   */
  change(id: number, recording: Recording, decide: Decide): Promise<Complaint>;
  /**
   * The latest change to a complaint that still stood (not undone, and no undo itself) `ago`
   * seconds before, by the logbook's clock: the one a command given then meant, whatever another
   * till has written since.
   */
  lastChange(id: number, ago: number): Promise<LastChange | undefined>;
  /** The latest change made at a till of a branch (or of none) that still stood `ago` seconds before, on whichever complaint. */
  lastChangeAt(place: Omit<Recording, 'at'>, ago: number): Promise<LastChange | undefined>;

  find(id: number): Promise<Complaint | undefined>;
  /** A complaint's history, oldest first. */
  timeline(id: number): Promise<TimelineEntry[]>;
  /** The complaints `filter` matches, whole; for the few a filter with a limit gives. */
  list(filter: ComplaintFilter): Promise<Complaint[]>;
  /** The same, in batches as they are read. */
  complaints(filter: ComplaintFilter): AsyncIterable<Complaint[]>;
  /** The same, with only what a list shows. */
  listed(filter: ComplaintFilter, columns?: readonly ListedColumn[]): AsyncIterable<ListedComplaint[]>;
  /** The rows `sampling` makes of the complaints `filter` matches (see Sampling). */
  sampled(filter: ComplaintFilter, sampling: Sampling): AsyncIterable<Partial<ListedComplaint>[]>;
  /** The same as bare rows of values, in the order `columns` names them (remedies as JSON text): a list's as JSON. */
  rows(filter: ComplaintFilter): { columns: readonly string[]; batches: AsyncIterable<unknown[][]> };
  /** The same as an export's CSV records (without the header), customer and contact empty when `redact`. */
  csvRecords(filter: ComplaintFilter, options: { redact: boolean }): AsyncIterable<RecordsText>;
  /** The same as the elements of a list's JSON array, runs of them each joined as jsonArray joins the runs. */
  jsonElements(filter: ComplaintFilter): AsyncIterable<RecordsText>;
  count(filter: ComplaintFilter): Promise<number>;
  /** Earlier complaints by the same person: the same name, or the same contact, as person keys match them. */
  earlierByCustomer(person: Pick<Complaint, 'customer' | 'contact'>, beforeId: number, latest: number): Promise<EarlierComplaints>;
  /** Earlier answers for a free-text field, most used first, among the latest complaints. */
  usedValues(column: SuggestedColumn, limit?: number): Promise<string[]>;
  /** Every spelling in use in `field`, in code order. */
  spellingsInUse(field: SpeltField): Promise<string[]>;
  /** Every cause in use, the one first met in time first. */
  causesInUse(): Promise<string[]>;
  /** What needs someone today, of the complaints `within` takes in: of each kind, how many and the first `shown`. */
  desk(moments: DeskMoments, shown: number, within: Places): Promise<Waiting>;

  /**
   * Runs `read` on one snapshot, so that a till writing meanwhile cannot make a report's figures
   * disagree; every read counts only the complaints `within` takes in.
   */
  atOnce<T>(within: Places, read: (reads: ReportReads) => Promise<T>): Promise<T>;

  causeCounts(): Promise<CauseCount[]>;
  /** How many complaints, all but those rejected, with one of `causes` (as stored) occurred in each of `spans`, in order. */
  upheldCounts(causes: readonly string[], spans: readonly StoredSpan[]): Promise<number[]>;
  /**
   * The latest `limit` corrective actions recorded on complaints with a cause, one of `causes`
   * (as stored) if given, before `recordedBefore` (ISO UTC) if given, the latest first. Not
   * counted in all: a count would read every action of years of history.
   */
  recordedActions(causes: readonly string[] | undefined, limit: number, recordedBefore?: string): Promise<RecordedAction[]>;
  /** Gives every complaint with one of `plan`'s spellings its new cause, noted on each timeline, in one write. */
  renameCause(recording: Recording, plan: (inUse: readonly string[]) => CauseRename): Promise<CauseRename & { changed: number }>;

  settings(): Promise<ReadonlyMap<string, string>>;
  /** Saves a setting; one a till sets records where, for undo to know it came after that till's latest step. */
  saveSetting(key: string, value: string, place?: Omit<Recording, 'at'>): Promise<void>;
  /** The setting a till (of a branch, or of none) set latest after event `eventId` was written, if any. */
  settingSetAfter(place: Omit<Recording, 'at'>, eventId: number): Promise<string | undefined>;

  /** Which of `ids` the logbook holds already. */
  heldIds(ids: readonly number[]): Promise<number[]>;
  /**
   * The uids of those of `identities` the logbook holds already: by their uids, or for a row that
   * came without one, as the complaint of its number with the same times and description.
   */
  heldAlready(identities: readonly ImportedIdentity[]): Promise<Set<string>>;
  /** Records the complaints `read` yields, all or none (IdsTaken, UidTwice). */
  importComplaints(options: ImportOptions, read: (knownCauses: readonly string[]) => AsyncIterable<ImportedRows>): Promise<Imported>;

  /**
   * Writes a consistent copy to `file` that a user can restore. Throws
   * BackupOnItself, BackupExists (unless `replace`) or BackupFailed, having written nothing.
   */
  backup(file: string, replace: boolean): Promise<void>;
  /** Whether `file` is the logbook itself or one of its journals, however named: what no output may be written onto. */
  isOwnFile(file: string): boolean;
  check(): Promise<Findings>;
  /** Counts the report's kept figures of every day again from the complaints. */
  recount(): Promise<void>;
  /** What forgetting one person, by name or contact, would erase. */
  wouldErase(wanted: string, by: ForgetBy): Promise<Erasure>;
  /** Erases a person's name and contact everywhere, and leaves no earlier copy of them behind. */
  forget(wanted: string, by: ForgetBy, recording: Recording): Promise<Erasure>;
  /** Complaints whose free text still mentions any of `values`. */
  complaintsMentioning(values: readonly string[]): Promise<number[]>;

  /**
   * Whether the logbook's user may manage it (change the settings, rename causes, forget a
   * customer) rather than only log and handle complaints. Always, for a file.
   */
  mayManage(): Promise<boolean>;
  /** The SQL that makes `role` a till's role on this logbook (store/postgres/roles.ts), and the schema it is for; undefined for an engine without roles. */
  tillRoleSql(role: string): Promise<{ schema: string; sql: string } | undefined>;

  /** Whether this is a new logbook an import goes into, made only if the import is (nothing else may be written into it). */
  readonly isDraft: boolean;
  /** Whether opening it made it: the first complaint or setting recorded at its address. */
  readonly madeNow: boolean;

  close(): Promise<void>;
}
