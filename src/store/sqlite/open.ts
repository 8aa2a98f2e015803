import Database from 'better-sqlite3';
import {
  accessSync, chmodSync, closeSync, constants, existsSync, linkSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { contentUid } from '../../domain/identity.js';
import { personKey } from '../../domain/person.js';
import { isBusy } from '../../errors.js';
import { t } from '../../language/messages.js';
import { LogbookProblem } from '../errors.js';
import { knownMigrations, type Migration } from '../migrations.js';
import type { FirstSettings } from '../open.js';
import { payRewriteOwed } from './rewrite.js';
import { saveSetting } from './settings.js';
import { makeFolders, removeAbandonedDrafts, removeFoldersMade, SQLITE_HEADER } from '../folders.js';

export type Db = Database.Database;

/** The SQLite logbook's migrations (migrations/sqlite). */
export const sqliteMigrations = (dir?: string): Migration[] => knownMigrations('sqlite', dir);


/**
 * Opens the logbook at `path` for writing, creating it (0600, in a 0700 folder) if it does not
 * exist, and brings its schema up to date. Anything that is not a complaints database is refused untouched.
 */
export function openDatabase(path: string, migrations = sqliteMigrations(), firstSettings: FirstSettings = {}): Db {
  return openOrMakeDatabase(path, migrations, firstSettings).db;
}

/** openDatabase, saying whether this call made the logbook: of tills making it at once, one did. */
export function openOrMakeDatabase(path: string, migrations = sqliteMigrations(), firstSettings: FirstSettings = {}): { db: Db; madeNow: boolean } {
  const madeNow = !existsSync(path) && createLogbook(path, migrations, firstSettings);
  return { db: waitingOutSwitch(() => openExisting(path, migrations, 'write')), madeNow };
}

/**
 * Opens the logbook at `path` for reading: nothing is created, and nothing the command runs can
 * change it. Where the file or its folder cannot be written (a backup on read-only media, a share
 * mounted read-only) it is opened read-only, and refused, unchanged, if it must be brought up to
 * date first. Where both can, it is opened as a writer would, so that SQLite may bring it up to
 * date, roll back a write that a stopped process left half done, and tidy away its -wal and -shm
 * files when done: a read-only connection can do none of these.
 */
export function openForReading(path: string, migrations = sqliteMigrations()): Db {
  return waitingOutSwitch(() => openExisting(path, migrations, 'read'));
}

// As long as a till waits for another's write (busy_timeout).
const BUSY_WAIT_MS = 10_000;

/**
 * Opens the logbook, waiting while another till switches its journal mode (a large import does,
 * as it starts and ends: inBulkLoadMode). SQLite answers such a connection busy at once rather
 * than through busy_timeout: a complaint logged in the import's first half second was refused.
 */
function waitingOutSwitch(open: () => Db): Db {
  const giveUpAt = Date.now() + BUSY_WAIT_MS;
  for (;;) {
    try {
      return open();
    } catch (error) {
      if (!(error instanceof LogbookProblem && error.trouble.kind === 'busy') || Date.now() >= giveUpAt) throw error;
      Atomics.wait(PAUSE, 0, 0, 25);
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/** A new, empty logbook in memory: what a dry run checks against when the logbook does not exist yet. */
export function openEmptyLogbook(migrations = sqliteMigrations(), firstSettings: FirstSettings = {}): Db {
  const db = ready(new Database(':memory:'));
  migrate(db, ':memory:', migrations);
  saveFirstSettings(db, firstSettings);
  return db;
}

function openExisting(path: string, migrations: Migration[], purpose: 'read' | 'write'): Db {
  const header = sqliteHeader(path);
  const denied = unwritable(path);
  if (denied !== undefined && purpose === 'write') {
    throw new LogbookProblem(path, { kind: 'cannot write', code: denied, folderToo: true });
  }
  let db: Db | undefined;
  try {
    db = ready(denied === undefined ? new Database(path, { fileMustExist: true }) : readOnly(path, header[18] === 2));
    // Every check that may refuse comes before the first write (even the switch to WAL), so a
    // refused file is left byte-for-byte as it was.
    refuseIfForeign(db, path);
    refuseIfNewer(db, path, migrations);
    const pending = pendingMigrations(db, migrations);
    if (pending.length > 0 && denied !== undefined) {
      const from = Math.max(0, ...appliedVersions(db));
      throw new LogbookProblem(path, { kind: 'needs update', from, to: pending[pending.length - 1]!.version, code: denied });
    }
    // A reader leaves the journal mode as it is, so that a backup kept with a rollback journal stays so.
    if (purpose === 'write') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    if (pending.length > 0) migrate(db, path, migrations);
    if (purpose === 'write') {
      payRewriteOwed(db);
      keepPrivate(path);
    }
    // After migrating, which sets them aside.
    db.pragma(purpose === 'write' ? 'foreign_keys = ON' : 'query_only = ON');
    return db;
  } catch (error) {
    db?.close();
    throw asProblem(error, path);
  }
}

/**
 * Makes the logbook and the files SQLite keeps beside it private to their owner again, where a
 * copy (cp, a restored backup, an unzipped archive) left them readable by others: they hold
 * customers' names and numbers. Only the owner may, and only the owner is asked to.
 */
function keepPrivate(path: string): void {
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    const found = statSync(file, { throwIfNoEntry: false });
    if (found === undefined || (found.mode & 0o077) === 0 || found.uid !== process.getuid?.()) continue;
    try {
      chmodSync(file, found.mode & 0o700);
    } catch {
      // A disk that keeps no modes (a FAT stick, some network shares) cannot be asked; the logbook is used all the same.
    }
  }
}

/** What every connection needs before its first statement. */
function ready(db: Db): Db {
  // Wait for another till's write rather than failing; set before anything that may need a lock.
  db.pragma(`busy_timeout = ${BUSY_WAIT_MS}`);
  lendFunctions(db);
  return db;
}

/** Why the logbook at `path`, or its folder (where SQLite keeps its -wal and -shm), cannot be written; undefined when both can. */
function unwritable(path: string): string | undefined {
  for (const place of [path, dirname(path)]) {
    try {
      accessSync(place, constants.W_OK);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code ?? String(error);
    }
  }
  return undefined;
}

/**
 * A read-only connection to the logbook where it lies, when SQLite needs to make nothing beside it
 * to read it: kept with a rollback journal (as backups are), or with the -wal and -shm of a
 * write-ahead log there already (another till has it open). Otherwise to a copy in memory, rather
 * than leave new -wal and -shm files behind where SQLite may make them, or fail where it may not
 * (https://sqlite.org/wal.html, "Read-Only Databases"). SQLite's `immutable=1` would read it in
 * place without them, but this driver is built without URI filenames.
 */
function readOnly(path: string, inWalMode: boolean): Db {
  const besideIt = [`${path}-wal`, `${path}-shm`].every((file) => existsSync(file));
  return !inWalMode || besideIt ? new Database(path, { readonly: true, fileMustExist: true }) : inMemory(path);
}

/**
 * The logbook read whole into memory, marked as kept with a rollback journal (bytes 18 and 19 of
 * its header), as sqlite3_deserialize() asks of a file in write-ahead-log mode. Changes still in
 * a -wal beside it would be missed, so a logbook with one is refused instead.
 */
function inMemory(path: string): Db {
  const wal = `${path}-wal`;
  if ((statSync(wal, { throwIfNoEntry: false })?.size ?? 0) > 0) {
    throw new LogbookProblem(path, { kind: 'changes beside it', wal });
  }
  const image = readFileSync(path);
  image[18] = 1;
  image[19] = 1;
  return new Database(image, { readonly: true });
}

/**
 * Builds a new logbook under a temporary name and links it into place, so the path never exists
 * as an empty file that another till opening it at the same moment would take for a stranger;
 * false when another till made it first, whose is as good as ours.
 */
function createLogbook(path: string, migrations: Migration[], firstSettings: FirstSettings): boolean {
  const { draft } = draftLogbook(path, migrations, firstSettings);
  try {
    return linkInPlace(draft, path);
  } finally {
    rmSync(draft, { force: true });
  }
}

/**
 * A new logbook for `path`, opened for writing under a name no till looks for, with the
 * functions for putting it at `path` once it holds what it should (a refused import leaves no
 * logbook behind), or throwing it away.
 */
export function openDraftLogbook(path: string, migrations = sqliteMigrations(), firstSettings: FirstSettings = {}): DraftLogbook {
  const { draft, foldersMade } = draftLogbook(path, migrations, firstSettings);
  try {
    const db = openExisting(draft, migrations, 'write');
    return {
      db,
      draft,
      putInPlace() {
        db.close();
        try {
          if (!linkInPlace(draft, path)) throw new LogbookProblem(path, { kind: 'made meanwhile' });
        } finally {
          rmSync(draft, { force: true });
        }
      },
      throwAway() {
        db.close();
        for (const file of [draft, `${draft}-wal`, `${draft}-shm`, `${draft}-journal`]) rmSync(file, { force: true });
        removeFoldersMade(foldersMade);
      },
    };
  } catch (error) {
    rmSync(draft, { force: true });
    throw error;
  }
}

export interface DraftLogbook {
  db: Db;
  /** Where the draft is, until it is put in place or thrown away. */
  draft: string;
  /** Closes the draft and puts it where the logbook goes; refused if another till made one there meanwhile. */
  putInPlace(): void;
  /** Closes the draft and removes it, with any files SQLite keeps beside it and the folders made for it. */
  throwAway(): void;
}

// How many logbooks this process has drafted: each draft's name is its own.
let drafted = 0;
// A draft's name after the logbook's, as draftLogbook makes it: the process, a count, .new.
const LOGBOOK_DRAFT = /^(\d+)\.\d+\.new$/;

/**
 * Makes a new logbook beside `path`, private, brought up to date and closed; returns its name,
 * and the folders made for it. Not made, it leaves neither behind.
 */
function draftLogbook(path: string, migrations: Migration[], firstSettings: FirstSettings): { draft: string; foldersMade: string[] } {
  const draft = `${path}.${process.pid}.${++drafted}.new`;
  let made = false;
  let foldersMade: string[] = [];
  try {
    foldersMade = makeFolders(dirname(path), 0o700);
    removeAbandonedDrafts(path, LOGBOOK_DRAFT);
    closeSync(openSync(draft, 'wx', 0o600));
    made = true;
    const db = new Database(draft);
    lendFunctions(db);
    try {
      db.pragma('journal_mode = WAL');
      migrate(db, draft, migrations);
      saveFirstSettings(db, firstSettings);
    } finally {
      db.close();
    }
    return { draft, foldersMade };
  } catch (error) {
    if (made) rmSync(draft, { force: true });
    removeFoldersMade(foldersMade);
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new LogbookProblem(path, { kind: 'cannot create', reason });
  }
}

/** Links `draft` at `path`; false when there is a logbook there already. */
function linkInPlace(draft: string, path: string): boolean {
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new LogbookProblem(path, { kind: 'cannot create', reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
}

function saveFirstSettings(db: Db, firstSettings: FirstSettings): void {
  db.transaction(() => Object.entries(firstSettings).forEach(([key, value]) => saveSetting(db, key, value)))();
}

/** What the migrations call that SQLite does not have: the same code the store writes with. */
function lendFunctions(db: Db): void {
  db.function('person_key', { deterministic: true }, (text: unknown, field: unknown) =>
    typeof text === 'string' ? personKey(text, field === 'contact' ? 'contact' : 'customer') : null,
  );
  db.function('complaint_uid', { deterministic: true }, (id: unknown, loggedAt: unknown, occurredAt: unknown, description: unknown) =>
    contentUid(Number(id), String(loggedAt), String(occurredAt), String(description)),
  );
}

/**
 * The first bytes of the SQLite file at `path`, as far as the file format versions (bytes 18 and
 * 19: 2 for write-ahead-log mode); anything that is not an SQLite file is refused.
 */
function sqliteHeader(path: string): Buffer {
  let header = Buffer.alloc(0);
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new LogbookProblem(path, { kind: 'a folder' });
    // A device or a pipe: /dev/null reads as empty, which would be called a file to remove, and a pipe waits for a writer.
    if (!stat.isFile()) throw new LogbookProblem(path, { kind: 'not a file' });
    const fd = openSync(path, 'r');
    try {
      const buffer = Buffer.alloc(20);
      header = buffer.subarray(0, readSync(fd, buffer, 0, 20, 0));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (error instanceof LogbookProblem) throw error;
    throw new LogbookProblem(path, { kind: 'unreadable', code: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  if (header.length === 0) throw new LogbookProblem(path, { kind: 'empty' });
  if (header.subarray(0, 16).toString('latin1') !== SQLITE_HEADER) throw new LogbookProblem(path, { kind: 'not a database' });
  return header;
}

/** An SQLite file some other program made: never add our tables to it. */
function refuseIfForeign(db: Db, path: string): void {
  const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[];
  if (tables.length > 0 && !tables.includes('schema_migrations')) {
    throw new LogbookProblem(path, { kind: 'another program' });
  }
}

function appliedVersions(db: Db): number[] {
  const hasTable = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'`).get();
  return hasTable ? (db.prepare(`SELECT version FROM schema_migrations ORDER BY version`).pluck().all() as number[]) : [];
}

function pendingMigrations(db: Db, migrations: Migration[]): Migration[] {
  const done = new Set(appliedVersions(db));
  return migrations.filter((m) => !done.has(m.version));
}

function refuseIfNewer(db: Db, path: string, migrations: Migration[]): void {
  const known = new Set(migrations.map((m) => m.version));
  const unknown = appliedVersions(db).filter((v) => !known.has(v));
  if (unknown.length === 0) return;
  // A damaged page can read as a version from the future; telling the owner to upgrade would
  // send them the wrong way.
  if (db.pragma('quick_check', { simple: true }) !== 'ok') {
    throw new LogbookProblem(path, { kind: 'damaged', detail: null });
  }
  throw new LogbookProblem(path, { kind: 'newer', schema: Math.max(...unknown) });
}

function migrate(db: Db, path: string, migrations: Migration[]): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const pending = () => pendingMigrations(db, migrations);
  if (pending().length === 0) return;
  const copy = appliedVersions(db).length > 0 ? copyAside(db, path, pending()[0]!.version) : undefined;
  // Foreign keys are not enforced while migrating, as SQLite's procedure for making a table anew
  // asks (dropped and renamed, the table would take the rows that refer to it with it); each
  // migration is checked for rows left referring to nothing before it commits. openExisting turns
  // them on again for a writer.
  db.pragma('foreign_keys = OFF');

  const record = db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`);
  for (const migration of migrations) {
    try {
      // Immediate, and checked again inside: another till may have applied it while we waited.
      db.transaction(() => {
        if (!pending().some((m) => m.version === migration.version)) return;
        db.exec(migration.sql);
        const broken = (db.pragma('foreign_key_check') as unknown[]).length;
        if (broken > 0) throw new Error(t('store.orphanedRows', { count: broken }));
        record.run(migration.version, migration.name, new Date().toISOString());
      }).immediate();
    } catch (error) {
      const name = `${migration.version} ${migration.name}`;
      throw new LogbookProblem(path, { kind: 'update failed', migration: name, reason: (error as Error).message, keptIn: copy ?? null });
    }
  }
}

/**
 * Keeps the logbook as it was before a migration, in case the new version misbehaves. Written
 * under a temporary name first, so a copy that failed halfway never stands in for a real one.
 */
function copyAside(db: Db, path: string, firstPending: number): string {
  const copy = `${path}.before-schema-${firstPending}`;
  if (existsSync(copy)) return copy;
  const draft = `${copy}.${process.pid}.new`;
  try {
    closeSync(openSync(draft, 'wx', 0o600));
    db.prepare('VACUUM INTO ?').run(draft);
    renameSync(draft, copy);
  } finally {
    rmSync(draft, { force: true });
  }
  return copy;
}

/** What SQLite says of any damage it meets, in English whatever the language spoken. */
export const USUAL_DAMAGE = 'database disk image is malformed';

/** A driver error while using the logbook at `path` as the problem it is; any other error as it is. */
export function asProblem(error: unknown, path: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  if (code === 'SQLITE_NOTADB') return new LogbookProblem(path, { kind: 'not a database' });
  if (code.startsWith('SQLITE_CORRUPT')) {
    // SQLite's usual words add nothing to "damaged", and only in English; anything more it says is kept.
    const { message } = error as Error;
    return new LogbookProblem(path, { kind: 'damaged', detail: message === USUAL_DAMAGE ? null : message });
  }
  if (code === 'SQLITE_READONLY_ROLLBACK') return new LogbookProblem(path, { kind: 'half-done write' });
  if (code === 'SQLITE_FULL') return new LogbookProblem(path, { kind: 'disk full' });
  // Most often a disk with no room for the shared memory or log beside the file, read though it is.
  if (code.startsWith('SQLITE_IOERR')) return new LogbookProblem(path, { kind: 'disk failed', code });
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')) {
    return new LogbookProblem(path, { kind: 'cannot write', code, folderToo: false });
  }
  if (isBusy(error)) return new LogbookProblem(path, { kind: 'busy' });
  return error;
}
