import type { Complaint, NewComplaint } from '../../domain/complaint.js';
import type { ComplaintFilter, SpeltField } from '../../domain/filter.js';
import type { ForgetBy } from '../../domain/forget.js';
import type { ImportedRows } from '../../domain/imported-rows.js';
import {
  LISTED_COLUMNS,
  type CauseRename,
  type Decide,
  type ImportOptions,
  type Logbook,
  type ReportReads,
} from '../logbook.js';
import { backupTo } from './backup.js';
import { causeCounts, renameCause } from './causes.js';
import { checkLogbook, recountFigures } from './check.js';
import {
  causesInUse,
  changeComplaint,
  countComplaints,
  desk,
  earlierByCustomer,
  eachComplaint,
  findComplaint,
  iterateComplaintRows,
  listComplaints,
  logComplaint,
  spellingsInUse,
  usedValues,
} from './complaints.js';
import { timeline } from './events.js';
import { complaintsMentioning, complaintsOf, forgetPerson, rewriteFile } from './forget.js';
import { heldIds, heldUids, importComplaints } from './import.js';
import type { Db } from './open.js';
import { correctiveActions, countUntriaged, periodFigures, suggestions, tallyBy } from './report.js';
import { saveSetting, storedSettings } from './settings.js';

/**
 * How many complaints a batch of a long read holds: enough that waiting on each costs next to
 * nothing, few enough that an export holds little (complaints of a few kilobytes each, two
 * batches at once, in 16 MB of heap: a test holds it to that).
 */
const BATCH = 100;

/** The rows of a statement read as they are asked for, a batch at a time; stopping early ends the statement. */
async function* inBatches<T>(rows: Iterable<T>): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** A logbook kept in one SQLite file: the store's functions, each done at once, behind the Logbook seam. */
export class SqliteLogbook implements Logbook {
  constructor(
    readonly db: Db,
    /** Where the file is: what a backup must not be written onto. */
    private readonly path: string,
  ) {}

  async log(complaint: NewComplaint) {
    return logComplaint(this.db, complaint);
  }

  async change(id: number, recordedAt: string, decide: Decide) {
    return changeComplaint(this.db, id, recordedAt, decide);
  }

  async find(id: number) {
    return findComplaint(this.db, id);
  }

  async timeline(id: number) {
    return timeline(this.db, id);
  }

  async list(filter: ComplaintFilter) {
    return listComplaints(this.db, filter);
  }

  complaints(filter: ComplaintFilter) {
    return inBatches(eachComplaint(this.db, filter));
  }

  listed(filter: ComplaintFilter) {
    return inBatches(eachComplaint(this.db, filter, LISTED_COLUMNS));
  }

  rows(filter: ComplaintFilter) {
    const { columns, rows } = iterateComplaintRows(this.db, filter);
    return { columns, batches: inBatches(rows) };
  }

  async count(filter: ComplaintFilter) {
    return countComplaints(this.db, filter);
  }

  async earlierByCustomer(person: Pick<Complaint, 'customer' | 'contact'>, beforeId: number, latest: number) {
    return earlierByCustomer(this.db, person, beforeId, latest);
  }

  async usedValues(column: 'about' | 'cause' | 'assignee' | 'staff', limit?: number) {
    return usedValues(this.db, column, limit);
  }

  async spellingsInUse(field: SpeltField) {
    return spellingsInUse(this.db, field);
  }

  async causesInUse() {
    return causesInUse(this.db);
  }

  async desk(now: string, followUpDueBefore: string, shown: number) {
    return desk(this.db, now, followUpDueBefore, shown);
  }

  /** One read transaction, begun before the first read and ended after the last, whatever `read` awaits between them. */
  async atOnce<T>(read: (reads: ReportReads) => Promise<T>): Promise<T> {
    const { db } = this;
    const reads: ReportReads = {
      tally: async (dimension, span) => tallyBy(db, dimension, span),
      untriaged: async (dimension, span) => countUntriaged(db, dimension, span),
      figures: async (span, now) => periodFigures(db, span, now),
      correctiveActions: async (dimension, spellings, span, limit) => correctiveActions(db, dimension, spellings, span, limit),
      suggestions: async (span, limit) => suggestions(db, span, limit),
    };
    db.exec('BEGIN');
    try {
      return await read(reads);
    } finally {
      if (db.inTransaction) db.exec('COMMIT');
    }
  }

  async causeCounts() {
    return causeCounts(this.db);
  }

  async renameCause(recordedAt: string, plan: (inUse: readonly string[]) => CauseRename) {
    return renameCause(this.db, recordedAt, plan);
  }

  async settings() {
    return storedSettings(this.db);
  }

  async saveSetting(key: string, value: string) {
    saveSetting(this.db, key, value);
  }

  async heldIds(ids: readonly number[]) {
    return heldIds(this.db, ids);
  }

  async heldUids(uids: readonly string[]) {
    return heldUids(this.db, uids);
  }

  async importComplaints(options: ImportOptions, read: (knownCauses: readonly string[]) => AsyncIterable<ImportedRows>) {
    return importComplaints(this.db, options, read);
  }

  async backup(file: string, replace: boolean) {
    return backupTo(this.db, this.path, file, replace);
  }

  async check() {
    return checkLogbook(this.db);
  }

  async recount() {
    recountFigures(this.db);
  }

  async complaintsOf(wanted: string, by: ForgetBy) {
    return complaintsOf(this.db, wanted, by);
  }

  async forget(wanted: string, by: ForgetBy, at: string) {
    const erasure = forgetPerson(this.db, wanted, by, at);
    if (erasure.ids.length > 0) rewriteFile(this.db);
    return erasure;
  }

  async complaintsMentioning(values: readonly string[]) {
    return complaintsMentioning(this.db, values);
  }

  async close() {
    this.db.close();
  }
}
