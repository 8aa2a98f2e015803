import { ID_AT, IMPORTED_COLUMNS, type ImportedRows, type ImportedValue } from '../domain/imported-rows.js';
import { Refusal, isBusy } from '../errors.js';
import { causesInUse } from './complaints.js';
import { appendImportedEvents } from './events.js';
import { recountDailyFigures } from './report.js';
import type { Db } from './open.js';

/** Which of `ids` the logbook holds already, in order. */
export function heldIds(db: Db, ids: readonly number[]): number[] {
  return db
    .prepare(`SELECT id FROM complaints WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .pluck()
    .all(JSON.stringify(ids)) as number[];
}

export function alreadyHeld(ids: readonly number[]): Refusal {
  const shown = ids.slice(0, 5).map((id) => `#${id}`).join(', ');
  const more = ids.length > 5 ? ` and ${ids.length - 5} more` : '';
  return new Refusal(
    `the logbook already has ${shown}${more}; add --new-ids to number the imported complaints after the last one, or import into an empty logbook`,
  );
}

export interface ImportOptions {
  /** Number the complaints after the logbook's last one instead of keeping their ids. */
  newIds: boolean;
  /** When the import happens; each complaint's 'imported' event is dated then. */
  recordedAt: string;
  /** Where the complaints came from, as their timelines show it. */
  source: string;
  /** The size of the file in bytes: an import larger than the logbook is a bulk load (see importComplaints). */
  fileBytes: number;
}

/**
 * Records complaints, with their timestamps and an 'imported' event on each timeline, in one
 * transaction: `read` is given the causes in use and yields the complaints in batches as it reads
 * them, so a large file is never held whole, and the next batch can be read while one is written.
 * All of them are kept, or none when `read` throws or (unless `newIds`) the logbook already held
 * any of their ids. Returns the ids they have in the logbook, in the order added.
 */
export async function importComplaints(
  db: Db,
  options: ImportOptions,
  read: (knownCauses: readonly string[]) => AsyncIterable<ImportedRows>,
): Promise<number[]> {
  // Held ids are skipped here and refused at the end, so the refusal can name them; the rows
  // added meanwhile are rolled back with it. Positional parameters: binding the complaint's 25
  // values by name took a third of the insert's time.
  const insert = db.prepare(
    `INSERT INTO complaints (${IMPORTED_COLUMNS.join(', ')})
     VALUES (${IMPORTED_COLUMNS.map(() => '?').join(', ')})
     ON CONFLICT (id) DO NOTHING`,
  );
  const width = IMPORTED_COLUMNS.length;
  const values = new Array<ImportedValue>(width);
  // A file larger than the logbook is a bulk load, written as one (see setUpkeepAside, inBulkLoadMode).
  const bulk = options.fileBytes > logbookBytes(db);
  const load = () => inWriteTransaction(db, async () => {
    const ids: number[] = [];
    const held: number[] = [];
    const rebuilt = bulk ? setUpkeepAside(db) : [];
    // Read inside the write, so a cause or an id logged at the till meanwhile is seen.
    for await (const rows of read(causesInUse(db))) {
      const added = ids.length;
      const originals: number[] = [];
      for (let start = 0; start < rows.count * width; start += width) {
        for (let column = 0; column < width; column++) values[column] = rows.values[start + column] as ImportedValue;
        const original = values[ID_AT] as number;
        // A NULL id makes SQLite number the row after the last one.
        if (options.newIds) values[ID_AT] = null;
        const result = insert.run(values);
        if (result.changes === 0) {
          held.push(original);
          continue;
        }
        ids.push(Number(result.lastInsertRowid));
        originals.push(original);
      }
      // Batch by batch, while the next is being read: after them all, the events took ~2 s of a
      // million-row import in which nothing else was done.
      appendImportedEvents(db, ids.slice(added), originals, options.recordedAt, options.source);
    }
    if (held.length > 0) throw alreadyHeld(held.sort((a, b) => a - b));
    if (rebuilt.length > 0) {
      for (const create of rebuilt) db.exec(create);
      recountDailyFigures(db);
    }
    return ids;
  });
  return bulk ? inBulkLoadMode(db, load) : load();
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
 * (at 1M complaints ~2.2 s of a 13 s import); a rollback journal holds only the pages the load
 * changes that were in the file before, so a load into a new or small logbook writes its pages
 * once. Meanwhile another till cannot open the logbook, and once the load's pages no longer fit
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

/**
 * Drops the complaints' indexes, and the triggers that keep daily_figures, and returns the
 * statements that make them again, as the migrations wrote them. Building an index once from all
 * the rows costs less than keeping it up row by row, once the rows are many: 1M rows in a
 * micro-benchmark 24.5 s -> 14.5 s + 4.4 s to rebuild, 100k rows 2.0 s -> 1.4 s + 0.3 s. The
 * triggers cost ~10 µs a row (100k rows: 1 s); recounting every day's figures once costs less.
 */
function setUpkeepAside(db: Db): string[] {
  const kept = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_schema
        WHERE type IN ('index', 'trigger') AND tbl_name = 'complaints' AND sql IS NOT NULL ORDER BY type, name`,
    )
    .all() as Array<{ type: 'index' | 'trigger'; name: string; sql: string }>;
  for (const { type, name } of kept) db.exec(`DROP ${type.toUpperCase()} "${name}"`);
  return kept.map((made) => made.sql);
}
