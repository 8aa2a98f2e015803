import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { sqliteMigrations as knownMigrations } from '../../src/store/sqlite/open.js';
import { snapshot } from '../support/folder-snapshot.js';
import { THIRTY_COMPLAINTS } from '../support/logbooks.js';
import { stopHalfWay } from '../support/stopped-write.js';
import { UNPRIVILEGED, giveFolder, letThrough } from '../support/unprivileged.js';
import { dumpDatabase, runComparing, tempLogbook, type Result } from './harness.js';

// A real logbook to copy and read back; a case that must leave things as they were makes its own
// folder, so "left as it was" can cover the whole folder (no journal or copy left behind).
const source = tempLogbook();

beforeAll(() => {
  for (const step of THIRTY_COMPLAINTS) source.ok(step);
}, 60_000);

/** A command line as the tests name it. */
const typed = (args: string[]) => ['complaints', ...args].join(' ');

describe('a logbook that cannot be written', () => {
  // A shop's logbook, and what each read prints while it can be written: the same must come out
  // where it cannot.
  const shop = tempLogbook('2026-11-26T09:00:00.000Z');
  const csv = join(shop.dir, 'from-the-other-till.csv');
  const READS = [
    [], ['list'], ['list', '--json'], ['show', '1', '--json'], ['report', '--week', '2026-W48', '--format', 'json'], ['export'],
    ['causes'], ['config'], ['config', 'get', 'shop'], ['follow-up'], ['check'], ['forget', 'Ann Lee', '--dry-run'],
    ['import', 'CSV', '--dry-run', '--new-ids'],
  ];
  const WRITES = [
    ['log', 'soup was cold', '--no-input'],
    ['triage', '2', '--category', 'service', '--cause', 'long wait'],
    ['config', 'set', 'shop', 'Corner Café'],
    ['check', '--recount'],
    ['import', 'CSV', '--new-ids'],
  ];
  const withCsv = (args: string[]) => args.map((arg) => (arg === 'CSV' ? csv : arg));
  const printed = new Map<string, Result>();

  beforeAll(() => {
    shop.ok(['log', 'soup was cold', '--customer', 'Ann Lee', '--at', '2026-11-23 12:05']);
    shop.ok(['log', 'waited 25 minutes for a table', '--customer', 'Bo Chen', '--at', '2026-11-23 12:20']);
    shop.ok(['triage', '1', '--category', 'product', '--cause', 'cold food', '--at', '2026-11-23 12:30']);
    shop.ok(['resolve', '1', '--remedy', 'refund', '--cost', '4.50', '--at', '2026-11-23 13:00']);
    shop.ok(['export', '--out', csv]);
    // Read where it lies by the binary run as another user.
    chmodSync(csv, 0o644);
    letThrough(shop.dir);
    for (const args of READS) printed.set(typed(args), shop.run(withCsv(args)));
  }, 60_000);

  /** A copy of the shop's logbook that the binary, run as UNPRIVILEGED, may read but not write. */
  function readOnlyCopy(where: ReadOnly, prepare?: (file: string) => void): { dir: string; db: string } {
    const dir = mkdtempSync(join(tmpdir(), 'complaints-read-only-'));
    const db = join(dir, 'complaints.db');
    copyFileSync(shop.db, db);
    prepare?.(db);
    makeReadOnly(db, where);
    return { dir, db };
  }

  const asUnprivileged = { as: UNPRIVILEGED };

  describe.each([
    ['in a read-only folder', 'folder'],
    ['that is itself read-only', 'file'],
  ] as const)('%s', (_where, where) => {
    it.each(READS.map((args) => [typed(args), args]))('%s prints what it prints where the logbook can be written, and creates nothing', (name, args) => {
      const { dir, db } = readOnlyCopy(where);
      const before = snapshot(dir);

      expect(shop.run(['--db', db, ...withCsv(args)], asUnprivileged)).toEqual(printed.get(name));
      expect(snapshot(dir)).toEqual(before);
    });

    it.each(WRITES.map((args) => [typed(args), args]))('%s refuses in one line naming the file, exits 1 and changes nothing', (_name, args) => {
      const { dir, db } = readOnlyCopy(where);
      const before = snapshot(dir);

      expect(shop.run(['--db', db, ...withCsv(args)], asUnprivileged)).toEqual({
        code: 1,
        stdout: '',
        stderr: `complaints: cannot open the database ${db} for writing (permission denied); check its permissions and its folder's, or choose another --db\n`,
      });
      expect(snapshot(dir)).toEqual(before);
    });

    it('is refused in one line, unchanged, when it must first be updated for this version', () => {
      const latest = knownMigrations().at(-1)!.version;
      const { dir, db } = readOnlyCopy(where, (file) => writtenBefore(file, latest));
      const before = snapshot(dir);

      expect(shop.run(['--db', db, 'list'], asUnprivileged)).toEqual({
        code: 1,
        stdout: '',
        stderr:
          `complaints: ${db} must first be updated for this version of complaints (schema ${latest - 1} to ${latest}), which needs ` +
          `write access to it and its folder (permission denied); nothing was changed; copy it to a folder you can write to, or check its permissions\n`,
      });
      expect(snapshot(dir)).toEqual(before);
    });
  });

  it('is refused in one line, unchanged, when its latest changes are in a -wal that cannot be read without writing', () => {
    const { dir, db } = readOnlyCopy('folder', (file) => {
      // As a copy taken while a till was writing leaves it: the -wal holds what the file does not yet.
      const till = new Database(file);
      try {
        till.pragma('wal_autocheckpoint = 0');
        till.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('shop', 'Corner Café')`).run();
        copyFileSync(file, `${file}.copy`);
        copyFileSync(`${file}-wal`, `${file}.copy-wal`);
      } finally {
        till.close();
      }
      renameSync(`${file}.copy`, file);
      renameSync(`${file}.copy-wal`, `${file}-wal`);
    });
    const before = snapshot(dir);

    expect(shop.run(['--db', db, 'list'], asUnprivileged)).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: ${db} cannot be read without writing: its latest changes are still in ${db}-wal; open it once where it can be written, or copy both files to a folder you can write to\n`,
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('is refused in one line, unchanged, in a read-only folder when a stopped process left a write in it half done', () => {
    const { dir, db } = readOnlyCopy('folder', (file) => {
      stopHalfWay(file);
      chmodSync(`${file}-journal`, 0o444);
    });
    const before = snapshot(dir);

    expect(shop.run(['--db', db, 'list'], asUnprivileged)).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: ${db} holds a write that a stopped process left half done, which only a process that can write it can roll back; open it once where it can be written\n`,
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('backs up into a folder that can be written, and the copy holds every row', () => {
    const { db } = readOnlyCopy('folder');
    const elsewhere = mkdtempSync(join(tmpdir(), 'complaints-backups-'));
    giveFolder(elsewhere);
    letThrough(elsewhere);
    const copy = join(elsewhere, 'copy.db');

    const result = shop.run(['--db', db, 'backup', copy], asUnprivileged);

    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(new RegExp(`^Backed up ${db} to ${copy} \\(\\d+ KB\\)\\.\\n$`));
    expect(dumpDatabase(copy)).toBe(dumpDatabase(shop.db));
  });
});

type ReadOnly = 'folder' | 'file';

/**
 * Lets the binary, run as UNPRIVILEGED, read `file` but not write it: the file is read-only, and
 * so is its folder (as on read-only media), or the folder is one it may write.
 */
function makeReadOnly(file: string, where: ReadOnly): void {
  const dir = dirname(file);
  chmodSync(file, 0o444);
  if (where === 'folder') {
    chmodSync(dir, 0o555);
    // So that the run's clean-up can empty it.
    onTestFinished(() => chmodSync(dir, 0o700));
  } else {
    giveFolder(dir);
  }
  letThrough(dir);
}

/** Makes the logbook look as one written before migration `version` does: the migration is not recorded as applied. */
function writtenBefore(file: string, version: number): void {
  const db = new Database(file);
  try {
    db.prepare(`DELETE FROM schema_migrations WHERE version >= ?`).run(version);
  } finally {
    db.close();
  }
}

describe('backup', () => {
  it('makes the folders on the way that do not exist yet, private as the logbook\'s own', () => {
    const dir = tempLogbook().dir;
    const copy = join(dir, 'backups', '2026', 'complaints-2026-11-23.db');

    expect(source.run(['backup', copy])).toEqual({ code: 0, stdout: expect.stringMatching(/^Backed up .* \(\d+(\.\d)? [KMG]B\)\.\n$/), stderr: '' });

    expect(modeOf(join(dir, 'backups'))).toBe(0o700);
    expect(modeOf(join(dir, 'backups', '2026'))).toBe(0o700);
    expect(modeOf(copy)).toBe(0o600);
    expect(dumpDatabase(copy)).toBe(source.dump());
  });

  it('follows a path through .. as the system does, making the folders it passes through, as mkdir -p does', () => {
    const dir = tempLogbook().dir;
    // Typed, not joined: join would tidy the .. away.
    expect(source.run(['backup', `${dir}/b/x/../y/copy.db`]).code).toBe(0);
    expect(dumpDatabase(join(dir, 'b', 'y', 'copy.db'))).toBe(source.dump());
    const logbook = `${dir}/l/x/../y/new.db`;
    expect(source.run(['--db', logbook, 'log', 'soup was cold', '--no-input']).code).toBe(0);
    expect(existsSync(join(dir, 'l', 'y', 'new.db'))).toBe(true);
  });

  it('that fails leaves no folder it made behind, and says why in one line', () => {
    const dir = tempLogbook().dir;
    // A name the system takes, whose draft's name (with .PID.partial) is too long for it.
    const copy = join(dir, 'made', 'here', `${'a'.repeat(248)}.db`);
    const before = snapshot(dir);
    expect(source.run(['backup', copy], { env: { LANG: 'zh_CN.UTF-8' } })).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: 无法写入备份 ${copy}：无法在那里创建或打开这个文件\n`,
    });
    expect(snapshot(dir)).toEqual(before);
    // A file where a folder goes, reached through a folder to be made.
    writeFileSync(join(dir, 'a-file'), '');
    const throughFile = `${dir}/x/../a-file/copy.db`;
    expect(source.run(['backup', throughFile])).toMatchObject({ code: 1, stderr: `complaints: cannot write the backup ${throughFile}: a folder on the way is a file\n` });
    expect(existsSync(join(dir, 'x'))).toBe(false);
    // Named as a folder, there or not.
    for (const folder of [`${dir}/new/folder/`, `${dir}/new/.`, `${dir}/new/x/../..`]) {
      expect(source.run(['backup', folder])).toMatchObject({ code: 1, stderr: expect.stringMatching(/^complaints: .* is a folder; give the backup a file name, such as .*complaints\.db\n$/) });
    }
    expect(existsSync(join(dir, 'new'))).toBe(false);
  });

  it("refuses a server's address for the copy, making no folder of it, nor saying its password", () => {
    const source = tempLogbook();
    source.ok(['log', 'soup was cold', '--no-input']);
    for (const address of ['postgres://till:s3cret@localhost/shop', 'postgresql://localhost/shop']) {
      const result = runComparing(source, ['backup', address], { cwd: source.dir });
      expect(result).toMatchObject({ code: 2, unchanged: true, stderr: "complaints: a backup is a file on this computer, not a server's address: give a file name, such as complaints-backup.db\n" });
      expect(readdirSync(source.dir).some((name) => name.startsWith('postgres'))).toBe(false);
    }
  });

  it('keeps the copy of a damaged logbook, but says both are damaged and exits 1', () => {
    const damaged = tempLogbook();
    for (const text of ['soup was cold', 'no spoons', 'queue too long']) damaged.ok(['log', text, '--no-input']);
    damaged.ok(['triage', '1', '--category', 'product', '--cause', 'cold food']);
    // An index whose page is overwritten: its table still reads, as the damage a till would not see.
    const db = new Database(damaged.db);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const page = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'complaints' AND sql IS NOT NULL LIMIT 1`).pluck().get() as number;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(damaged.db);
    bytes.fill(0x55, (page - 1) * pageSize + 8, page * pageSize);
    writeFileSync(damaged.db, bytes);
    const copy = join(damaged.dir, 'backup.db');

    const result = damaged.run(['backup', copy]);
    expect({ ...result, stderr: result.stderr.replace(/\(.*\)/, '(…)') }).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: copied ${damaged.db} to ${copy}, but the logbook is damaged, and so is the copy (…); 'complaints check' says what, and 'complaints check --db' on an earlier backup whether it is sound\n`,
    });
    expect(statSync(copy).size).toBe(bytes.length);
  });

  it('writes a copy kept with a rollback journal, which reads where nothing can be written beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'complaints-usb-stick-'));
    const copy = join(dir, 'complaints.db');
    source.ok(['backup', copy]);
    // Bytes 18 and 19 of the header: 1 for a rollback journal, 2 for a write-ahead log.
    expect([...readFileSync(copy).subarray(18, 20)]).toEqual([1, 1]);
    makeReadOnly(copy, 'folder');
    const before = snapshot(dir);

    expect(source.run(['--db', copy, 'check'], { as: UNPRIVILEGED })).toEqual({
      code: 0,
      stdout: 'ok: 30 complaints, 31 events, integrity ok\n',
      stderr: '',
    });
    expect(source.run(['--db', copy, 'list', '--json'], { as: UNPRIVILEGED }).stdout).toBe(source.ok(['list', '--json']));
    expect(snapshot(dir)).toEqual(before);
  });
});

function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

describe('a --db that is a URL of another kind, or a PostgreSQL URL short of its slashes', () => {
  const otherKind = (scheme: string) => `a ${scheme}:// address is not a logbook this can open; give a file, or a PostgreSQL URL written as postgres://user@host:5432/database`;
  const shortOfSlashes = (scheme: string) => `a ${scheme}: address is written with two slashes after the colon, as ${scheme}://user@host:5432/database; nothing was changed`;
  it.each([
    ['--db', 'postgress://till:s3cret@127.0.0.1:5432/complaints', otherKind('postgress')],
    ['--db', 'mysql://shop/complaints', otherKind('mysql')],
    ['COMPLAINTS_DB', 'file:///tmp/complaints.db', otherKind('file')],
    ['--db', 'postgres:/till:s3cret@127.0.0.1:5432/complaints', shortOfSlashes('postgres')],
    ['COMPLAINTS_DB', 'postgresql:till:s3cret@shop/complaints', shortOfSlashes('postgresql')],
  ])('refuses %s %s in one line, naming only its scheme, and makes no file', (from, address, refusal) => {
    const book = tempLogbook();
    // Where a file named by the URL would be made (the home folder holds the compiled program's cache).
    const cwd = join(book.dir, 'till');
    mkdirSync(cwd);
    const result = from === '--db' ? book.run(['--db', address, 'log', 'soup was cold', '--no-input'], { cwd }) : book.run(['log', 'soup was cold', '--no-input'], { cwd, env: { COMPLAINTS_DB: address } });
    expect(result).toEqual({ code: 2, stdout: '', stderr: `complaints: ${from}: ${refusal}\n` });
    expect(snapshot(cwd)).toEqual({});
    expect(existsSync(book.db)).toBe(false);
  });
});

describe('a path written with ~ where the shell leaves it as it is', () => {
  it('is in the home folder, for --db=, COMPLAINTS_DB, --out and backup alike, making no folder named ~', () => {
    const book = tempLogbook();
    const cwd = join(book.dir, 'till');
    mkdirSync(cwd);
    book.ok(['--db=~/shop.db', 'log', 'soup was cold', '--no-input'], { cwd });
    book.ok(['log', 'bread was stale', '--no-input'], { cwd, env: { COMPLAINTS_DB: '~/shop.db' } });
    expect(book.ok(['--db', '~/shop.db', 'export', '--out', '~/week.csv'], { cwd })).toBe(`Exported 2 complaints to ${join(book.dir, 'week.csv')}.\n`);
    book.ok(['--db', '~/shop.db', 'backup', '~/shop-backup.db'], { cwd });
    expect(existsSync(join(book.dir, 'shop-backup.db'))).toBe(true);
    expect(snapshot(cwd)).toEqual({});
  });
});
