import { resolve } from 'node:path';
import type { Complaint, DeskMoments, NewComplaint, Recording } from '../../domain/complaint.js';
import type { ComplaintFilter, SpeltField } from '../../domain/filter.js';
import type { ForgetBy } from '../../domain/forget.js';
import type { ImportedIdentity, ImportedRows } from '../../domain/imported-rows.js';
import {
  LISTED_COLUMNS,
  type CauseRename,
  type Decide,
  type Places,
  type ImportOptions,
  type ListedColumn,
  type Logbook,
  type ReportReads,
  type Sampling,
  type StoredSpan,
  type SuggestedColumn,
} from '../logbook.js';
import { BackupOnItself } from '../errors.js';
import { csvRecordsOfRows, jsonElementsOfRows, type RecordsText } from '../records-text.js';
import { backupTo, isSameFile } from './backup.js';
import { causeCounts, renameCause } from './causes.js';
import { checkLogbook, recountFigures } from './check.js';
import { csvRecordsMadeBySqlite } from './csv-records.js';
import { jsonElementsMadeBySqlite } from './json-records.js';
import {
  causesInUse,
  changeComplaint,
  countComplaints,
  desk,
  earlierByCustomer,
  eachComplaint,
  eachSampled,
  findComplaint,
  iterateComplaintRows,
  listComplaints,
  logComplaint,
  spellingsInUse,
  usedValues,
} from './complaints.js';
import { lastChange, lastChangeAt, timeline } from './events.js';
import { complaintsMentioning, forgetPerson, wouldErase } from './forget.js';
import { rewriteFile } from './rewrite.js';
import { heldAlready, heldIds, importComplaints } from './import.js';
import { asProblem, type Db, type DraftLogbook } from './open.js';
import { correctiveActions, countUntriaged, periodFigures, recordedActions, suggestions, tallyBy, upheldCounts } from './report.js';
import { saveSetting, settingSetAfter, storedSettings } from './settings.js';

/**
 * How many complaints a batch of a long read holds: enough that waiting on each costs next to
 * nothing, few enough that an export holds little (complaints of a few kilobytes each, two
 * batches at once, in 16 MB of heap: a test holds it to that).
 */
const BATCH = 100;

/** A logbook kept in one SQLite file: the store's functions, each done at once, behind the Logbook seam. */
export class SqliteLogbook implements Logbook {
  constructor(
    readonly db: Db,
    /** Where the file is: what a backup must not be written onto. */
    private readonly path: string,
    /** A new logbook an import goes into, put in place once the import is done (else thrown away on closing). */
    private draft?: DraftLogbook,
    readonly madeNow = false,
  ) {}

  log(complaint: NewComplaint, enteredAt: Omit<Recording, 'at'>) {
    return this.translated(() => logComplaint(this.db, complaint, enteredAt));
  }

  change(id: number, recording: Recording, decide: Decide) {
    return this.translated(() => changeComplaint(this.db, id, recording, decide));
  }

  lastChange(id: number, ago: number) {
    return this.translated(() => lastChange(this.db, id, ago));
  }

  lastChangeAt(place: Omit<Recording, 'at'>, ago: number) {
    return this.translated(() => lastChangeAt(this.db, place, ago));
  }

  find(id: number) {
    return this.translated(() => findComplaint(this.db, id));
  }

  timeline(id: number) {
    return this.translated(() => timeline(this.db, id));
  }

  list(filter: ComplaintFilter) {
    return this.translated(() => listComplaints(this.db, filter));
  }

  complaints(filter: ComplaintFilter) {
    return this.inBatches(eachComplaint(this.db, filter));
  }

  listed(filter: ComplaintFilter, columns: readonly ListedColumn[] = LISTED_COLUMNS) {
    return this.inBatches(eachComplaint(this.db, filter, columns));
  }

  sampled(filter: ComplaintFilter, sampling: Sampling) {
    return this.inBatches(eachSampled(this.db, filter, sampling));
  }

  rows(filter: ComplaintFilter) {
    this.readingInOrder();
    const { columns, rows } = iterateComplaintRows(this.db, filter);
    return { columns, batches: this.inBatches(rows) };
  }

  csvRecords(filter: ComplaintFilter, { redact }: { redact: boolean }) {
    this.readingInOrder();
    return this.translatedRecords(csvRecordsMadeBySqlite(this.db, filter, redact, () => csvRecordsOfRows(this.rows(filter), redact)));
  }

  jsonElements(filter: ComplaintFilter) {
    this.readingInOrder();
    return this.translatedRecords(jsonElementsMadeBySqlite(this.db, filter, () => jsonElementsOfRows(this.rows(filter))));
  }

  /**
   * Rows in order (export, list --json) read each page once: SQLite's 16 MB page cache kept
   * nothing worth keeping, and was most of why an export of 10M complaints peaked at 108 MB.
   */
  private readingInOrder(): void {
    this.db.pragma('cache_size = -2000');
  }

  count(filter: ComplaintFilter) {
    return this.translated(() => countComplaints(this.db, filter));
  }

  earlierByCustomer(person: Pick<Complaint, 'customer' | 'contact'>, beforeId: number, latest: number) {
    return this.translated(() => earlierByCustomer(this.db, person, beforeId, latest));
  }

  usedValues(column: SuggestedColumn, limit?: number) {
    return this.translated(() => usedValues(this.db, column, limit));
  }

  spellingsInUse(field: SpeltField) {
    return this.translated(() => spellingsInUse(this.db, field));
  }

  causesInUse() {
    return this.translated(() => causesInUse(this.db));
  }

  desk(moments: DeskMoments, shown: number, within: Places) {
    return this.translated(() => desk(this.db, moments, shown, within));
  }

  /** One read transaction, begun before the first read and ended after the last, whatever `read` awaits between them. */
  atOnce<T>(within: Places, read: (reads: ReportReads) => Promise<T>): Promise<T> {
    return this.translated(() => this.readAtOnce(within, read));
  }

  private async readAtOnce<T>(within: Places, read: (reads: ReportReads) => Promise<T>): Promise<T> {
    const { db } = this;
    const reads: ReportReads = {
      tally: async (dimension, span) => tallyBy(db, dimension, span, within),
      untriaged: async (span) => countUntriaged(db, span, within),
      figures: async (span, now) => periodFigures(db, span, now, within),
      correctiveActions: async (dimension, spellings, span, limit) => correctiveActions(db, dimension, spellings, span, limit, within),
      suggestions: async (span, limit) => suggestions(db, span, limit, within),
    };
    db.exec('BEGIN');
    try {
      return await read(reads);
    } finally {
      if (db.inTransaction) db.exec('COMMIT');
    }
  }

  causeCounts() {
    return this.translated(() => causeCounts(this.db));
  }

  upheldCounts(causes: readonly string[], spans: readonly StoredSpan[]) {
    return this.translated(() => upheldCounts(this.db, causes, spans));
  }

  recordedActions(causes: readonly string[] | undefined, limit: number, recordedBefore?: string) {
    return this.translated(() => recordedActions(this.db, causes, limit, recordedBefore));
  }

  renameCause(recording: Recording, plan: (inUse: readonly string[]) => CauseRename) {
    return this.translated(() => renameCause(this.db, recording, plan));
  }

  settings() {
    return this.translated(() => storedSettings(this.db));
  }

  saveSetting(key: string, value: string, place?: Omit<Recording, 'at'>) {
    return this.translated(() => saveSetting(this.db, key, value, place));
  }

  settingSetAfter(place: Omit<Recording, 'at'>, eventId: number) {
    return this.translated(() => settingSetAfter(this.db, place, eventId));
  }

  heldIds(ids: readonly number[]) {
    return this.translated(() => heldIds(this.db, ids));
  }

  heldAlready(identities: readonly ImportedIdentity[]) {
    return this.translated(() => heldAlready(this.db, identities));
  }

  async importComplaints(options: ImportOptions, read: (knownCauses: readonly string[]) => AsyncIterable<ImportedRows>) {
    const imported = await this.translated(() => importComplaints(this.db, options, read));
    // A file with nothing in it makes no logbook: close() throws the draft away.
    if (imported.added.count === 0) return imported;
    this.draft?.putInPlace();
    this.draft = undefined;
    return imported;
  }

  get isDraft() {
    return this.draft !== undefined;
  }

  backup(file: string, replace: boolean) {
    // Its journals too: a backup renamed over the write-ahead log would leave the logbook unreadable.
    if (this.isOwnFile(file)) return Promise.reject(new BackupOnItself(file));
    return this.translated(() => backupTo(this.db, file, replace));
  }

  isOwnFile(file: string) {
    // A journal may not be there between commands; its name is the logbook's all the same.
    return ['', '-wal', '-shm', '-journal'].some((suffix) => resolve(file) === resolve(`${this.path}${suffix}`) || isSameFile(file, `${this.path}${suffix}`));
  }

  check() {
    return this.translated(() => checkLogbook(this.db));
  }

  recount() {
    return this.translated(() => recountFigures(this.db));
  }

  wouldErase(wanted: string, by: ForgetBy) {
    return this.translated(() => wouldErase(this.db, wanted, by));
  }

  forget(wanted: string, by: ForgetBy, recording: Recording) {
    return this.translated(() => {
      const erasure = forgetPerson(this.db, wanted, by, recording);
      if (erasure.ids.length > 0) rewriteFile(this.db);
      return erasure;
    });
  }

  complaintsMentioning(values: readonly string[]) {
    return this.translated(() => complaintsMentioning(this.db, values));
  }

  // A file has no roles: whoever may open it may do anything with it, and its mode (0600) says who may.
  async mayManage() {
    return true;
  }

  async tillRoleSql() {
    return undefined;
  }

  async close() {
    if (this.draft === undefined) this.db.close();
    else this.draft.throwAway();
  }

  /** What `work` gives, or a driver's error as the problem it is with this logbook (asProblem). */
  private async translated<T>(work: () => T | Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw asProblem(error, this.path);
    }
  }

  private async *translatedRecords(records: AsyncIterable<RecordsText>): AsyncGenerator<RecordsText> {
    try {
      yield* records;
    } catch (error) {
      throw asProblem(error, this.path);
    }
  }

  /** The rows of a statement a batch at a time, as they are asked for; stopping early ends the statement. */
  private async *inBatches<T>(rows: Iterable<T>): AsyncGenerator<T[]> {
    let batch: T[] = [];
    try {
      for (const row of rows) {
        batch.push(row);
        if (batch.length === BATCH) {
          yield batch;
          batch = [];
        }
      }
    } catch (error) {
      throw asProblem(error, this.path);
    }
    if (batch.length > 0) yield batch;
  }
}
