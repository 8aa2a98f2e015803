import type { Complaint, DeskMoments, NewComplaint, Recording } from '../../domain/complaint.js';
import type { ComplaintFilter, SpeltField } from '../../domain/filter.js';
import type { ForgetBy } from '../../domain/forget.js';
import type { ImportedIdentity, ImportedRows } from '../../domain/imported-rows.js';
import { LISTED_COLUMNS, type CauseRename, type Decide, type Places, type ImportOptions, type ListedColumn, type ListedComplaint, type Logbook, type ReportReads, type Sampling, type StoredSpan, type SuggestedColumn } from '../logbook.js';
import { LogbookProblem } from '../errors.js';
import { csvRecordsOfRows, jsonElementsOfRows } from '../records-text.js';
import { backupTo } from './backup.js';
import { causeCounts, renameCause } from './causes.js';
import { checkLogbook, recountFigures } from './check.js';
import { tillRoleSql } from './roles.js';
import {
  COMPLAINT_COLUMNS,
  causesInUse,
  changeComplaint,
  countComplaints,
  desk,
  earlierByCustomer,
  eachComplaint,
  findComplaint,
  listComplaints,
  logComplaint,
  sampledComplaints,
  selectComplaints,
  spellingsInUse,
  usedValues,
} from './complaints.js';
import { asProblem, type Connection } from './connection.js';
import { lastChange, lastChangeAt, timeline } from './events.js';
import { complaintsMentioning, forgetPerson, wouldErase } from './forget.js';
import { heldAlready, heldIds, importComplaints } from './import.js';
import { correctiveActions, countUntriaged, periodFigures, recordedActions, suggestions, tallyBy, upheldCounts } from './report.js';
import { saveSetting, settingSetAfter, storedSettings } from './settings.js';

/** A logbook in a PostgreSQL database that several tills share, over one connection. */
export class PostgresLogbook implements Logbook {
  /**
   * Whether a complaint waited past its turn to be numbered: an import numbers its complaints for
   * a minute or more, so a command that found it busy once does not wait for it again.
   */
  private numberingBusy = false;

  constructor(
    readonly connection: Connection,
    readonly madeNow = false,
  ) {}

  async log(complaint: NewComplaint, enteredAt: Omit<Recording, 'at'>) {
    if (this.numberingBusy) throw new LogbookProblem(this.connection.shown, { kind: 'busy' });
    try {
      return await this.translated(() => logComplaint(this.connection, complaint, enteredAt));
    } catch (error) {
      if (error instanceof LogbookProblem && error.trouble.kind === 'busy') this.numberingBusy = true;
      throw error;
    }
  }

  change(id: number, recording: Recording, decide: Decide) {
    return this.translated(() => changeComplaint(this.connection, id, recording, decide));
  }

  lastChange(id: number, ago: number) {
    return this.translated(() => lastChange(this.connection, id, ago));
  }

  lastChangeAt(place: Omit<Recording, 'at'>, ago: number) {
    return this.translated(() => lastChangeAt(this.connection, place, ago));
  }

  find(id: number) {
    return this.translated(() => findComplaint(this.connection, id));
  }

  timeline(id: number) {
    return this.translated(() => timeline(this.connection, id));
  }

  list(filter: ComplaintFilter) {
    return this.translated(() => listComplaints(this.connection, filter));
  }

  complaints(filter: ComplaintFilter) {
    return this.translatedBatches(eachComplaint(this.connection, filter));
  }

  listed(filter: ComplaintFilter, columns: readonly ListedColumn[] = LISTED_COLUMNS) {
    const { sql, values } = selectComplaints(filter, columns.join(', '));
    return this.translatedBatches(this.connection.batches<ListedComplaint>(sql, values));
  }

  sampled(filter: ComplaintFilter, sampling: Sampling) {
    const { sql, values } = sampledComplaints(filter, sampling);
    return this.translatedBatches(this.connection.batches<Partial<ListedComplaint>>(sql, values));
  }

  rows(filter: ComplaintFilter) {
    const { sql, values } = selectComplaints(filter);
    return { columns: COMPLAINT_COLUMNS, batches: this.translatedBatches(this.connection.batches<unknown[]>(sql, values, 'array')) };
  }

  csvRecords(filter: ComplaintFilter, { redact }: { redact: boolean }) {
    return csvRecordsOfRows(this.rows(filter), redact);
  }

  jsonElements(filter: ComplaintFilter) {
    return jsonElementsOfRows(this.rows(filter));
  }

  count(filter: ComplaintFilter) {
    return this.translated(() => countComplaints(this.connection, filter));
  }

  earlierByCustomer(person: Pick<Complaint, 'customer' | 'contact'>, beforeId: number, latest: number) {
    return this.translated(() => earlierByCustomer(this.connection, person, beforeId, latest));
  }

  usedValues(column: SuggestedColumn, limit?: number) {
    return this.translated(() => usedValues(this.connection, column, limit));
  }

  spellingsInUse(field: SpeltField) {
    return this.translated(() => spellingsInUse(this.connection, field));
  }

  causesInUse() {
    return this.translated(() => causesInUse(this.connection));
  }

  desk(moments: DeskMoments, shown: number, within: Places) {
    return this.translated(() => desk(this.connection, moments, shown, within));
  }

  /** One snapshot transaction, begun before the first read and ended after the last. */
  atOnce<T>(within: Places, read: (reads: ReportReads) => Promise<T>): Promise<T> {
    const { connection } = this;
    const reads: ReportReads = {
      tally: (dimension, span) => tallyBy(connection, dimension, span, within),
      untriaged: (span) => countUntriaged(connection, span, within),
      figures: (span, now) => periodFigures(connection, span, now, within),
      correctiveActions: (dimension, spellings, span, limit) => correctiveActions(connection, dimension, spellings, span, limit, within),
      suggestions: (span, limit) => suggestions(connection, span, limit, within),
    };
    return this.translated(() => connection.inTransaction(() => read(reads), 'snapshot'));
  }

  causeCounts() {
    return this.translated(() => causeCounts(this.connection));
  }

  upheldCounts(causes: readonly string[], spans: readonly StoredSpan[]) {
    return this.translated(() => upheldCounts(this.connection, causes, spans));
  }

  recordedActions(causes: readonly string[] | undefined, limit: number, recordedBefore?: string) {
    return this.translated(() => recordedActions(this.connection, causes, limit, recordedBefore));
  }

  renameCause(recording: Recording, plan: (inUse: readonly string[]) => CauseRename) {
    return this.translated(() => renameCause(this.connection, recording, plan));
  }

  settings() {
    return this.translated(() => storedSettings(this.connection));
  }

  saveSetting(key: string, value: string, place?: Omit<Recording, 'at'>) {
    return this.translated(() => saveSetting(this.connection, key, value, place));
  }

  settingSetAfter(place: Omit<Recording, 'at'>, eventId: number) {
    return this.translated(() => settingSetAfter(this.connection, place, eventId));
  }

  heldIds(ids: readonly number[]) {
    return this.translated(() => heldIds(this.connection, ids));
  }

  heldAlready(identities: readonly ImportedIdentity[]) {
    return this.translated(() => heldAlready(this.connection, identities));
  }

  async importComplaints(options: ImportOptions, read: (knownCauses: readonly string[]) => AsyncIterable<ImportedRows>) {
    const imported = await this.translated(() => importComplaints(this.connection, options, read));
    // A file with nothing in it makes no logbook: closing the connection rolls the draft back.
    if (this.connection.inDraft && imported.added.count > 0) await this.translated(() => this.connection.commitDraft());
    return imported;
  }

  get isDraft() {
    return this.connection.inDraft;
  }

  backup(file: string, replace: boolean) {
    return this.translated(() => backupTo(this.connection, file, replace));
  }

  /** None: the logbook is on the server. */
  isOwnFile() {
    return false;
  }

  check() {
    return this.translated(() => checkLogbook(this.connection));
  }

  recount() {
    return this.translated(() => recountFigures(this.connection));
  }

  wouldErase(wanted: string, by: ForgetBy) {
    return this.translated(() => wouldErase(this.connection, wanted, by));
  }

  forget(wanted: string, by: ForgetBy, recording: Recording) {
    return this.translated(() => forgetPerson(this.connection, wanted, by, recording));
  }

  complaintsMentioning(values: readonly string[]) {
    return this.translated(() => complaintsMentioning(this.connection, values));
  }

  // Changing the settings is what a till's role lacks (store/postgres/roles.ts).
  mayManage() {
    return this.translated(() => this.connection.value<boolean>(`SELECT has_table_privilege('settings', 'UPDATE')`));
  }

  tillRoleSql(role: string) {
    return this.translated(async () => {
      const schema = await this.connection.value<string>(`SELECT current_schema()`);
      return { schema, sql: tillRoleSql(schema, role) };
    });
  }

  close() {
    return this.connection.close();
  }

  /** What `work` gives, or a server's or driver's error as the problem it is with this logbook (asProblem). */
  private async translated<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw asProblem(error, this.connection.shown);
    }
  }

  private async *translatedBatches<T>(batches: AsyncIterable<T[]>): AsyncGenerator<T[]> {
    try {
      yield* batches;
    } catch (error) {
      throw asProblem(error, this.connection.shown);
    }
  }
}
