import Database from 'better-sqlite3';
import {
  chmodSync, copyFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { knownMigrations } from '../../src/store/sqlite/open.js';
import { stopHalfWay } from '../support/stopped-write.js';
import { UNPRIVILEGED, giveFolder, letThrough } from '../support/unprivileged.js';
import { dumpDatabase, tempLogbook, type Result } from './harness.js';

// A real logbook to cut, damage and age; each case below makes its own file from it in a folder
// of its own, so "left as it was" can cover the whole folder (no journal or copy left behind).
const source = tempLogbook();

beforeAll(() => {
  for (let n = 1; n <= 30; n++) {
    source.ok(['log', `complaint number ${n}: ${'the soup was cold again '.repeat(8)}`, '--customer', `Customer ${n}`, '--no-input']);
  }
  source.ok(['triage', '1', '--category', 'product', '--cause', 'cold food']);
}, 60_000);

const PAGE = 4096;

/** The first page of a table or index, where a read of it must begin. */
function rootPage(file: string, name: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = ?`).pluck().get(name) as number;
  } finally {
    db.close();
  }
}

/** A copy of the real logbook with part of one page overwritten, as a bad disk sector would leave it. */
function damagedCopy(file: string, table: string, offsetInPage: number, length: number): void {
  const bytes = readFileSync(source.db);
  const start = (rootPage(source.db, table) - 1) * PAGE + offsetInPage;
  bytes.fill(0xa5, start, start + length);
  writeFileSync(file, bytes);
}

interface NotALogbook {
  what: string;
  /** Makes the bad file (or folder) in `dir` and returns the path to give as --db. */
  make(dir: string): string;
  problem: RegExp;
}

const CASES: NotALogbook[] = [
  {
    what: 'a text file',
    make: (dir) => write(join(dir, 'notes.txt'), 'milk, eggs, bread\nring the plumber\n'),
    problem: /is not a complaints database \(not an SQLite file\)/,
  },
  {
    what: 'a zero-byte file',
    make: (dir) => write(join(dir, 'empty.db'), ''),
    problem: /is an empty file, not a complaints database/,
  },
  {
    what: 'a logbook cut off half way (a copy that did not finish)',
    make: (dir) => write(join(dir, 'half.db'), readFileSync(source.db).subarray(0, Math.floor(statSync(source.db).size / 2))),
    problem: /is damaged/,
  },
  {
    what: 'a logbook with a page of its complaints overwritten',
    make: (dir) => {
      const file = join(dir, 'damaged.db');
      damagedCopy(file, 'complaints', 0, 64);
      return file;
    },
    problem: /is damaged/,
  },
  {
    what: 'a logbook with the middle of its schema-version page overwritten',
    make: (dir) => {
      const file = join(dir, 'damaged-schema.db');
      damagedCopy(file, 'schema_migrations', 8, PAGE / 2);
      return file;
    },
    problem: /is damaged/,
  },
  {
    what: 'a folder',
    make: (dir) => {
      const folder = join(dir, 'logbook.db');
      mkdirSync(folder);
      return folder;
    },
    problem: /is a folder, not a database file/,
  },
  {
    what: 'a logbook written by a newer version of complaints',
    make: (dir) => {
      const file = join(dir, 'future.db');
      copyFileSync(source.db, file);
      const db = new Database(file);
      db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'from_the_future', '2031-01-01T00:00:00.000Z')`).run();
      db.close();
      return file;
    },
    problem: /was written by a newer version of complaints \(schema 9999\); upgrade complaints/,
  },
  {
    what: "another program's SQLite database",
    make: (dir) => {
      const file = join(dir, 'recipes.db');
      const db = new Database(file);
      db.exec(`CREATE TABLE recipes (name TEXT, steps TEXT); INSERT INTO recipes VALUES ('soup', 'heat it')`);
      db.close();
      return file;
    },
    problem: /is an SQLite database of another program, not a complaints database/,
  },
];

function write(file: string, content: string | Buffer): string {
  writeFileSync(file, content);
  return file;
}

/** Everything in a folder, byte for byte, so nothing changed, appeared or vanished goes unseen. */
function snapshot(dir: string): Record<string, Buffer | 'folder'> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .sort()
      .map((name) => {
        const path = join(dir, name);
        return [name, statSync(path).isDirectory() ? 'folder' : readFileSync(path)];
      }),
  );
}

const COMMANDS = [
  ['list'],
  ['show', '1'],
  ['log', 'soup was cold', '--customer', 'Ann Lee', '--no-input'],
  ['check'],
];

describe('--db pointing at something that is not a logbook', () => {
  describe.each(CASES)('$what', (bad) => {
    it.each(COMMANDS.map((args) => [args.join(' '), args]))(
      '%s says so in one line naming the file, exits 1, and leaves it as it was',
      (_typed, args) => {
        const dir = tempLogbook().dir;
        const path = bad.make(dir);
        const before = snapshot(dir);

        const result = source.run(['--db', path, ...args]);

        expect(result.stderr).toMatch(/^complaints: [^\n]+\n$/);
        expect(result.stderr).toContain(path);
        expect(result.stderr).toMatch(bad.problem);
        expect(result.code).toBe(1);
        expect(snapshot(dir)).toEqual(before);
      },
    );
  });
});

describe('complaints check on a damaged logbook', () => {
  it('lists what SQLite found wrong, one line each, and says to restore from a backup', () => {
    const dir = tempLogbook().dir;
    const file = join(dir, 'damaged.db');
    damagedCopy(file, 'complaints', 0, 64);
    const before = snapshot(dir);

    const result = source.run(['--db', file, 'check']);

    expect(result.stdout).toMatch(/^(damage: [^\n]+\n)+$/);
    expect(result.stderr).toMatch(new RegExp(`^complaints: ${file.replace(/[.]/g, '\\.')} is damaged \\(\\d+ problems?, listed above\\); restore it from a backup\\n$`));
    expect(result.code).toBe(1);
    expect(snapshot(dir)).toEqual(before);
  });

  it('passes a sound logbook', () => {
    expect(source.ok(['check'])).toBe('ok: 30 complaints, 31 events, integrity ok\n');
  });

  it('counts one complaint and one event in the singular', () => {
    const book = tempLogbook();
    book.ok(['log', 'soup was cold']);
    expect(book.ok(['check'])).toBe('ok: 1 complaint, 1 event, integrity ok\n');
  });
});

/** A command line as the tests name it. */
const typed = (args: string[]) => ['complaints', ...args].join(' ');

describe('a logbook that does not exist', () => {
  // The commands that read a logbook, and those that change what one holds: with none there,
  // none has anything to do, and none may leave a logbook (or its folder) behind to look healthy.
  const NOTHING_TO_DO = [
    [], ['list'], ['show', '1'], ['report'], ['export'], ['causes'], ['config'], ['config', 'get', 'shop'], ['follow-up'],
    ['check'], ['backup', 'BACKUP'], ['forget', 'Ann Lee', '--dry-run'],
    ['triage'], ['triage', '1', '--category', 'product', '--cause', 'cold food'], ['assign', '1', 'Sam'],
    ['resolve', '1', '--remedy', 'refund'], ['note', '1', 'called back'], ['follow-up', '1', '--satisfaction', '4'],
    ['causes', 'rename', 'cold food', 'food'], ['forget', 'Ann Lee', '--yes'], ['check', '--recount'],
  ];

  it.each(NOTHING_TO_DO.map((args) => [typed(args), args]))('%s says there is none, exits 1 and creates nothing', (_typed, args) => {
    const dir = tempLogbook().dir;
    const path = join(dir, 'mistyped', 'complaints.db');
    const before = snapshot(dir);

    const result = source.run(['--db', path, ...args.map((arg) => (arg === 'BACKUP' ? join(dir, 'backups', 'copy.db') : arg))]);

    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: no logbook at ${path}; the first 'complaints log' creates it, or give the logbook's file with --db\n`,
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('import --dry-run checks a file against an empty logbook, and creates nothing', () => {
    const dir = tempLogbook().dir;
    const csv = join(dir, 'moving-in.csv');
    source.ok(['export', '--out', csv]);
    const path = join(dir, 'new-shop', 'complaints.db');
    const before = snapshot(dir);

    expect(source.run(['--db', path, 'import', csv, '--dry-run'])).toEqual({
      code: 0,
      stdout: `Would import 30 complaints from ${csv} as #1–#30; nothing was written (--dry-run).\n`,
      stderr: '',
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('log says why where no folder can be made for it, exits 1 and creates nothing', () => {
    const dir = tempLogbook().dir;
    // A path through a regular file cannot be made by anyone, root included (tests run as root in CI).
    const path = join(write(join(dir, 'till-notes.txt'), 'not a folder\n'), 'logbooks', 'complaints.db');
    const before = snapshot(dir);

    const result = source.run(['--db', path, 'log', 'soup was cold', '--no-input']);

    expect(result.stderr).toMatch(new RegExp(`^complaints: cannot create the database ${path}: ENOTDIR; choose another place with --db\\n$`));
    expect(result.code).toBe(1);
    expect(snapshot(dir)).toEqual(before);
  });
});

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
        stderr: `complaints: cannot open the database ${db} for writing (EACCES); check its permissions and its folder's, or choose another --db\n`,
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
          `write access to it and its folder (EACCES); nothing was changed; copy it to a folder you can write to, or check its permissions\n`,
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
    expect(result.stdout).toMatch(new RegExp(`^Backed up ${db} to ${copy} \\(\\d+ pages\\)\\.\\n$`));
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

    expect(source.run(['backup', copy])).toEqual({ code: 0, stdout: expect.stringMatching(/^Backed up .* \(\d+ pages\)\.\n$/), stderr: '' });

    expect(modeOf(join(dir, 'backups'))).toBe(0o700);
    expect(modeOf(join(dir, 'backups', '2026'))).toBe(0o700);
    expect(modeOf(copy)).toBe(0o600);
    expect(dumpDatabase(copy)).toBe(source.dump());
  });

  // What a script might name the logbook it backs up onto: whatever the name, it is the one file.
  const ONTO_ITSELF: Array<[string, (db: string) => string]> = [
    ['its own name', (db) => db],
    ['another spelling of its name', (db) => join(dirname(db), '.', '..', basename(dirname(db)), basename(db))],
    ['a hard link to it', (db) => link(db, linkSync)],
    ['a symbolic link to it', (db) => link(db, symlinkSync)],
  ];

  it.each(ONTO_ITSELF)('refuses to write onto the logbook given as %s, even with --force, in one line, changing nothing', (_as, name) => {
    const book = tempLogbook();
    book.ok(['log', 'soup was cold', '--no-input']);
    const onto = name(book.db);
    const before = snapshot(book.dir);

    expect(book.run(['backup', onto, '--force'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: ${onto} is the logbook itself; write the backup to another file\n`,
    });
    expect(snapshot(book.dir)).toEqual(before);
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

/** A link to `file` beside it, made with `make`. */
function link(file: string, make: (target: string, path: string) => void): string {
  const path = `${file}.link`;
  make(file, path);
  return path;
}
