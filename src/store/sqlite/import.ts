import { availableParallelism } from 'node:os';
import type { Remedy } from '../../domain/complaint.js';
import { IdSpan } from '../../domain/id-span.js';
import { isContentUid } from '../../domain/identity.js';
import {
  DESCRIPTION_AT,
  ID_AT,
  ChoicesOfRows,
  IMPORTED_COLUMNS,
  IMPORTED_REMEDY_COLUMNS,
  LOGGED_AT,
  OCCURRED_AT,
  UID_AT,
  type ImportedIdentity,
  type ImportedRows,
  type ImportedValue,
} from '../../domain/imported-rows.js';
import { remediesCell } from '../../domain/remedies.js';
import { isBusy } from '../../errors.js';
import { IdsTaken, UidTwice } from '../errors.js';
import type { ImportOptions, Imported } from '../logbook.js';
import { causesInUse } from './complaints.js';
import { appendImportedEvents } from './events.js';
import { MonthlyTallies } from '../kept-figures.js';
import { recountFollowUpsWaiting } from './follow-ups-waiting.js';
import { recountDaysAndAdd } from './report.js';
import { saveSetting } from './settings.js';
import type { Db } from './open.js';
import { firstUidGivenAgain } from './uids-seen.js';

// How many values each remedy takes among a batch's: its row, then IMPORTED_REMEDY_COLUMNS.
const REMEDY_WIDTH = IMPORTED_REMEDY_COLUMNS.length + 1;

// Where the columns the month tallies read are among a row's values.
const [STATUS_AT, CAUSE_AT, RESOLVED_AT, ACTION_AT, ACTION_RECORDED_AT] = ['status', 'cause', 'resolved_at', 'action', 'action_at'].map((column) =>
  IMPORTED_COLUMNS.indexOf(column),
) as [number, number, number, number, number];

// A row that came without a uid is the complaint its number names here when their times and words
// agree: the file is an export of this logbook with its uids left out.
const NUMBERED_ALIKE = `SELECT 1 FROM complaints WHERE id = ? AND logged_at = ? AND occurred_at = ? AND description = ?`;

/** Which of `ids` the logbook holds already, in order. */
export function heldIds(db: Db, ids: readonly number[]): number[] {
  return db
    .prepare(`SELECT id FROM complaints WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .pluck()
    .all(JSON.stringify(ids)) as number[];
}

/** The uids of those of `identities` the logbook holds already: those complaints are in it, whatever their numbers. */
export function heldAlready(db: Db, identities: readonly ImportedIdentity[]): Set<string> {
  const uids = JSON.stringify(identities.map(({ uid }) => uid));
  const held = new Set(db.prepare(`SELECT uid FROM complaints WHERE uid IN (SELECT value FROM json_each(?))`).pluck().all(uids) as string[]);
  const alike = db.prepare(NUMBERED_ALIKE).pluck();
  for (const { id, uid, logged_at, occurred_at, description } of identities) {
    if (!held.has(uid) && isContentUid(uid) && alike.get(id, logged_at, occurred_at, description) !== undefined) held.add(uid);
  }
  return held;
}

/**
 * Records complaints, with their timestamps, remedies and an 'imported' event on each timeline,
 * in one transaction: `read` is given the causes in use and yields the complaints in batches as
 * it reads them, so a large file is never held whole, and the next batch can be read while one is
 * written. A complaint whose uid the logbook has already is skipped. All the others are kept, or
 * none when `read` throws, when (unless `newIds`) other complaints hold any of their ids
 * (IdsTaken), or when two of them have one uid (UidTwice).
 */
export async function importComplaints(
  db: Db,
  options: ImportOptions,
  read: (knownCauses: readonly string[]) => AsyncIterable<ImportedRows>,
): Promise<Imported> {
  // Rows that clash are skipped here, and those whose ids are taken refused at the end, so the
  // refusal can name them; the rows added meanwhile are rolled back with it. Parameters are
  // positional, which binds far faster than by name (93747c7).
  const insert = db.prepare(
    `INSERT INTO complaints (${IMPORTED_COLUMNS.join(', ')}, remedies_given)
     VALUES (${IMPORTED_COLUMNS.map(() => '?').join(', ')}, ?)
     ON CONFLICT DO NOTHING`,
  );
  const holder = db.prepare(`SELECT id FROM complaints WHERE uid = ?`).pluck();
  const alike = db.prepare(NUMBERED_ALIKE).pluck();
  // One remedy at a time, beside its complaint: faster than a batch's remedies as JSON (568ca8b).
  const give = db.prepare(`INSERT INTO remedies (complaint_id, ${IMPORTED_REMEDY_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?)`);
  const width = IMPORTED_COLUMNS.length;
  // The row's values, then its remedies as export writes them (remedies_given).
  const values = new Array<ImportedValue>(width + 1).fill(null);
  // Whether the row in `values`, numbered `id` in the file, is the complaint so numbered here.
  const numberedAlike = (id: number) =>
    isContentUid(values[UID_AT] as string) && alike.get(id, values[LOGGED_AT], values[OCCURRED_AT], values[DESCRIPTION_AT]) !== undefined;
  // A file larger than the logbook is a bulk load, written as one (see setUpkeepAside, inBulkLoadMode).
  const bulk = options.fileBytes > logbookBytes(db);
  // A bulk load appends rows and builds its indexes at the end: SQLite's page cache, 16 MB as
  // better-sqlite3 builds it, held nothing it needed (1M: 186–189 MB → 165–167 MB, no slower).
  if (bulk) db.pragma('cache_size = -2000');
  const load = () => inWriteTransaction(db, async (): Promise<Imported> => {
    const added = new IdSpan();
    // The complaints added, to tell a uid given twice in the file from one the logbook has. A
    // bulk load needs none: the uids the logbook has are known before, so a row whose uid is
    // held is one the file gave twice.
    const addedIds = bulk ? undefined : new Set<number>();
    const taken: number[] = [];
    let alreadyThere = 0;
    // A bulk load sets the index of uids aside with the others (kept up row by row, its random
    // order made a large import half as slow again): the uids the logbook has are looked up
    // here instead, few as they are beside the file's, and two rows of the file with one uid are
    // found once the rows are in.
    const known = bulk ? new Set(db.prepare(`SELECT uid FROM complaints`).pluck().all() as string[]) : undefined;
    // Set aside once the first rows show in what order the file comes.
    let rebuilt: string[] | undefined;
    // With the triggers set aside, what the rows add to the month tallies is counted as they go in.
    const tallied = new MonthlyTallies();
    const choicesOfAdded = new ChoicesOfRows();
    // Read inside the write, so a cause or an id logged at the till meanwhile is seen.
    for await (const rows of read(causesInUse(db))) {
      if (bulk) rebuilt ??= setUpkeepAside(db, inLoggedOrder(rows, options.newIds));
      const batchIds: number[] = [];
      const originals: number[] = [];
      // Where the next row's remedies begin among the batch's.
      let remedy = 0;
      for (let row = 0; row < rows.count; row++) {
        const start = row * width;
        for (let column = 0; column < width; column++) values[column] = rows.values[start + column] as ImportedValue;
        // Triggers keep remedies_given as remedies are given; a bulk load, which sets them aside, writes it with the row.
        if (bulk) values[width] = remediesGiven(rows, row, remedy);
        const original = values[ID_AT] as number;
        // A NULL id makes SQLite number the row after the last one.
        if (options.newIds) values[ID_AT] = null;
        const uid = values[UID_AT] as string;
        const result = known?.has(uid) || (options.newIds && numberedAlike(original)) ? undefined : insert.run(values);
        const kept = result !== undefined && result.changes > 0;
        if (kept) {
          const id = Number(result.lastInsertRowid);
          added.add(id);
          batchIds.push(id);
          addedIds?.add(id);
          originals.push(original);
          choicesOfAdded.note(rows, row);
          if (bulk) {
            tallied.add({
              occurred_at: values[OCCURRED_AT] as string,
              status: values[STATUS_AT] as string,
              cause: values[CAUSE_AT] as string | null,
              resolved_at: values[RESOLVED_AT] as string | null,
              action: values[ACTION_AT] as string | null,
              action_at: values[ACTION_RECORDED_AT] as string | null,
            });
          }
        } else if (result === undefined || numberedAlike(original)) {
          // Asked before the holder of the uid, which a bulk load finds without the index of uids.
          alreadyThere++;
        } else {
          const held = holder.get(uid) as number | undefined;
          if (held === undefined) taken.push(original);
          else if (addedIds === undefined || addedIds.has(held)) throw new UidTwice(uid);
          else alreadyThere++;
        }
        for (; remedy < rows.remedies.length && rows.remedies[remedy] === row; remedy += REMEDY_WIDTH) {
          if (kept) give.run(batchIds[batchIds.length - 1]!, rows.remedies[remedy + 1], rows.remedies[remedy + 2], rows.remedies[remedy + 3]);
        }
      }
      // Batch by batch, while the next is being read, rather than after them all (420405f).
      appendImportedEvents(db, batchIds, originals, { at: options.recordedAt, till: options.till, branch: options.branch }, options.source);
    }
    if (taken.length > 0) throw new IdsTaken(taken.sort((a, b) => a - b));
    const choicesAdded = choicesOfAdded.heldOf(options.choicesAdded);
    for (const [key, value] of options.settingsWithRows(choicesAdded)) saveSetting(db, key, value);
    if (rebuilt !== undefined) {
      // The sorts of the indexes built again may use another core (1M: ~11.5 s → ~9.8 s on two).
      db.pragma(`threads = ${availableParallelism() - 1}`);
      for (const create of rebuilt) buildAgain(db, create);
      recountDaysAndAdd(db, tallied);
      recountFollowUpsWaiting(db);
    }
    return { added, alreadyThere, choicesAdded };
  });
  return bulk ? inBulkLoadMode(db, load) : load();
}

/** The remedies of the batch's `row`, whose first is at `first` among the batch's, as remediesCell writes them. */
function remediesGiven(rows: ImportedRows, row: number, first: number): string | null {
  const given: Remedy[] = [];
  for (let at = first; at < rows.remedies.length && rows.remedies[at] === row; at += REMEDY_WIDTH) {
    given.push({ given_at: rows.remedies[at + 1] as string, remedy: rows.remedies[at + 2] as string, cost_minor: rows.remedies[at + 3] as number | null });
  }
  // Oldest first, as they are read back; those given at one moment in the order of the file.
  return remediesCell(given.sort((a, b) => (a.given_at < b.given_at ? -1 : a.given_at > b.given_at ? 1 : 0)));
}

/**
 * Makes an index or trigger a bulk load set aside again; the index of uids refuses two rows of the
 * file with one uid. Of several such uids, the one named is the first given again in the order of
 * the ids, which is the file's when it numbers its complaints in order (an export) or the import
 * numbers them: as a dry run and a small import name it.
 */
function buildAgain(db: Db, create: string): void {
  try {
    db.exec(create);
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw error;
    throw new UidTwice(firstUidGivenAgain(db, 'complaints')!);
  }
}

/**
 * Runs `write` in one transaction, begun at once as a writer, that may wait for the file between
 * its statements (better-sqlite3's transaction() takes only synchronous work): committed when
 * `write` returns, rolled back when it throws.
 */
async function inWriteTransaction<T>(db: Db, write: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await write();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function logbookBytes(db: Db): number {
  return Number(db.pragma('page_count', { simple: true })) * Number(db.pragma('page_size', { simple: true }));
}

/**
 * Runs `load` with the logbook in rollback-journal mode when this is the only connection to it,
 * and in write-ahead-log mode as always when another till has it open. A load in the log writes
 * every page twice, once into the log and once from it into the file when the log is copied back
 * (d5df5d6); a rollback journal holds only the pages the load changes that were in the file
 * before, so a load into a new or small logbook writes its pages once. Meanwhile another till cannot open the logbook, and once the load's pages no longer fit
 * in memory it cannot read it either: it waits as it would for any other write (busy_timeout).
 * Write-ahead-log mode comes back afterwards; should the switch back fail, the next till to open
 * the logbook makes it.
 */
export async function inBulkLoadMode<T>(db: Db, load: () => Promise<T>): Promise<T> {
  const alone = leaveWriteAheadLog(db);
  try {
    return await load();
  } finally {
    if (alone) backToWriteAheadLog(db);
  }
}

/** Whether the logbook left write-ahead-log mode: it cannot while another connection has it open. */
function leaveWriteAheadLog(db: Db): boolean {
  const wait = db.pragma('busy_timeout', { simple: true }) as number;
  // Another connection open is an answer, not something to wait out.
  db.pragma('busy_timeout = 0');
  try {
    return db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  } catch (error) {
    if (isBusy(error)) return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${wait}`);
  }
}

function backToWriteAheadLog(db: Db): void {
  try {
    db.pragma('journal_mode = WAL');
  } catch (error) {
    if (!isBusy(error)) throw error;
  }
}

// The columns an index may begin with to be kept up while rows logged one after another go in:
// its new entries land beside each other, at its end (times) or at the end of each of a few
// values' entries (tills and branches, a complaint's remedies), in pages kept in memory.
const LOGGED_ORDER_COLUMNS = new Set(['occurred_at', 'resolved_at', 'till', 'branch', 'complaint_id']);

// How far back a row's neighbour is looked for: complaints are logged a little after one another
// in no strict order of when they happened.
const NEIGHBOURS = 100;

/**
 * Whether `rows` (the file's first) come in the order they were logged: each mostly no earlier,
 * and with no lower id, than the row NEIGHBOURS before it (99.5 % of an export's rows; half of a
 * shuffled file's).
 */
export function inLoggedOrder(rows: ImportedRows, newIds: boolean): boolean {
  const width = IMPORTED_COLUMNS.length;
  let inOrder = 0;
  for (let row = NEIGHBOURS; row < rows.count; row++) {
    const [at, before] = [row * width, (row - NEIGHBOURS) * width];
    const later = (column: number) => (rows.values[at + column] as string | number) >= (rows.values[before + column] as string | number);
    if (later(OCCURRED_AT) && (newIds || later(ID_AT))) inOrder++;
  }
  return inOrder >= 0.9 * (rows.count - NEIGHBOURS);
}

/**
 * Drops the indexes of complaints and remedies, and the triggers that keep the kept figures, and
 * returns the statements that make them again, as the migrations wrote them. Building an index
 * once from all the rows costs less than keeping it up row by row, once the rows are many
 * (a891bca), and recounting every day's figures once less than the triggers row by row. The
 * unique index of uids goes too; importComplaints keeps its rule meanwhile. When the rows come
 * in the order they were logged (`rowsInLoggedOrder`, see inLoggedOrder), the indexes that take
 * them at their ends stay and cost less kept up than built again: 1M, SQLite alone, 13.1 s →
 * 9.3 s for complaints.
 */
function setUpkeepAside(db: Db, rowsInLoggedOrder: boolean): string[] {
  const kept = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_schema
        WHERE type IN ('index', 'trigger') AND tbl_name IN ('complaints', 'remedies') AND sql IS NOT NULL ORDER BY type, name`,
    )
    .all() as Array<{ type: 'index' | 'trigger'; name: string; sql: string }>;
  const leadingColumn = db.prepare(`SELECT name FROM pragma_index_info(?) WHERE seqno = 0`).pluck();
  const setAside = kept.filter(({ type, name }) => type === 'trigger' || !(rowsInLoggedOrder && LOGGED_ORDER_COLUMNS.has(leadingColumn.get(name) as string)));
  for (const { type, name } of setAside) db.exec(`DROP ${type.toUpperCase()} "${name}"`);
  return setAside.map((made) => made.sql);
}
