import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { snapshot } from '../support/folder-snapshot.js';
import { tempLogbook } from '../support/in-process.js';
import { THIRTY_COMPLAINTS } from '../support/logbooks.js';

// A real logbook to cut, damage and age; each case below makes its own file from it in a folder
// of its own, so "left as it was" can cover the whole folder (no journal or copy left behind).
const source = tempLogbook();

beforeAll(async () => {
  for (const step of THIRTY_COMPLAINTS) await source.ok(step);
});

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
    what: 'a device',
    make: () => '/dev/null',
    problem: /\/dev\/null is not an ordinary file \(a device or a pipe\), not a database file; give a file with --db\n/,
  },
  {
    what: 'a pipe',
    make: (dir) => {
      const pipe = join(dir, 'logbook.db');
      execFileSync('mkfifo', [pipe]);
      return pipe;
    },
    problem: /is not an ordinary file \(a device or a pipe\)/,
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
      async (_typed, args) => {
        const dir = tempLogbook().dir;
        const path = bad.make(dir);
        const before = snapshot(dir);

        const result = await source.run(['--db', path, ...args]);

        expect(result.stderr).toMatch(/^complaints: [^\n]+\n$/);
        expect(result.stderr).toContain(path);
        expect(result.stderr).toMatch(bad.problem);
        expect(result.code).toBe(1);
        expect(snapshot(dir)).toEqual(before);
      },
    );
  });
});

describe('a logbook cut short', () => {
  it('is said to be damaged in one line, without SQLite\'s English, and left as it was', async () => {
    const dir = tempLogbook().dir;
    const whole = join(dir, 'whole.db');
    await source.run(['--db', whole, 'log', 'soup was cold', '--no-input']);
    const file = join(dir, 'cut.db');
    writeFileSync(file, readFileSync(whole).subarray(0, 8192));
    const before = snapshot(dir);
    expect(await source.run(['--db', file, 'list'])).toEqual({ code: 1, stdout: '', stderr: `complaints: ${file} is damaged; restore it from a backup\n` });
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('complaints check on a damaged logbook', () => {
  it('lists what SQLite found wrong, one line each, and says to restore from a backup', async () => {
    const dir = tempLogbook().dir;
    const file = join(dir, 'damaged.db');
    damagedCopy(file, 'complaints', 0, 64);
    const before = snapshot(dir);

    const result = await source.run(['--db', file, 'check']);

    expect(result.stdout).toMatch(/^(damage: [^\n]+\n)+$/);
    expect(result.stderr).toMatch(new RegExp(`^complaints: ${file.replace(/[.]/g, '\\.')} is damaged \\(\\d+ problems?, listed above\\); restore it from a backup\\n$`));
    expect(result.code).toBe(1);
    expect(snapshot(dir)).toEqual(before);
  });

  it("says SQLite's usual words for damage in the language spoken", async () => {
    const dir = tempLogbook().dir;
    const file = join(dir, 'damaged.db');
    const bytes = readFileSync(source.db);
    bytes.write('GARBAGEGARBAGE', 2 * PAGE);
    writeFileSync(file, bytes);
    const result = await source.run(['--db', file, 'check'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(result.stdout).toBe('损坏：读取时发现文件结构已损坏\n');
    expect(result.stderr).toBe(`complaints: ${file} 已损坏（1 个问题，见上方）；请从备份恢复\n`);
  });

  it('passes a sound logbook', async () => {
    expect(await source.ok(['check'])).toBe('ok: 30 complaints, 31 events, integrity ok\n');
  });

  it('counts one complaint and one event in the singular', async () => {
    const book = tempLogbook();
    await book.ok(['log', 'soup was cold']);
    expect(await book.ok(['check'])).toBe('ok: 1 complaint, 1 event, integrity ok\n');
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

  it.each(NOTHING_TO_DO.map((args) => [typed(args), args]))('%s says there is none, exits 1 and creates nothing', async (_typed, args) => {
    const dir = tempLogbook().dir;
    const path = join(dir, 'mistyped', 'complaints.db');
    const before = snapshot(dir);

    const result = await source.run(['--db', path, ...args.map((arg) => (arg === 'BACKUP' ? join(dir, 'backups', 'copy.db') : arg))]);

    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: no logbook at ${path}; the first 'complaints log' creates it, or give the logbook's file with --db\n`,
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('import --dry-run checks a file against an empty logbook, and creates nothing', async () => {
    const dir = tempLogbook().dir;
    const csv = join(dir, 'moving-in.csv');
    await source.ok(['export', '--out', csv]);
    const path = join(dir, 'new-shop', 'complaints.db');
    const before = snapshot(dir);

    expect(await source.run(['--db', path, 'import', csv, '--dry-run'])).toEqual({
      code: 0,
      stdout: `Would import 30 complaints from ${csv} as #1–#30; nothing was written (--dry-run).\n`,
      stderr: '',
    });
    expect(snapshot(dir)).toEqual(before);
  });

  it('log says why where no folder can be made for it, exits 1 and creates nothing', async () => {
    const dir = tempLogbook().dir;
    // A path through a regular file cannot be made by anyone, root included (tests run as root in CI).
    const path = join(write(join(dir, 'till-notes.txt'), 'not a folder\n'), 'logbooks', 'complaints.db');
    const before = snapshot(dir);

    const result = await source.run(['--db', path, 'log', 'soup was cold', '--no-input']);

    expect(result.stderr).toMatch(new RegExp(`^complaints: cannot create the database ${path}: a folder on the way is a file; choose another place with --db\\n$`));
    expect(result.code).toBe(1);
    expect(snapshot(dir)).toEqual(before);
  });
});

// What a script might name the logbook it writes onto: whatever the name, it is the one file.
const ONTO_ITSELF: Array<[string, (db: string) => string]> = [
  ['its own name', (db) => db],
  ['another spelling of its name', (db) => join(dirname(db), '.', '..', basename(dirname(db)), basename(db))],
  ['a hard link to it', (db) => link(db, linkSync)],
  ['a symbolic link to it', (db) => link(db, symlinkSync)],
];
const ONTO_ITSELF_AND_JOURNAL: Array<[string, (db: string) => string]> = [...ONTO_ITSELF, ['its write-ahead log', (db) => `${db}-wal`]];

describe('backup', () => {

  it.each(ONTO_ITSELF_AND_JOURNAL)('refuses to write onto the logbook given as %s, even with --force, in one line, changing nothing', async (_as, name) => {
    const book = tempLogbook();
    await book.ok(['log', 'soup was cold', '--no-input']);
    const onto = name(book.db);
    const before = snapshot(book.dir);

    expect(await book.run(['backup', onto, '--force'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: ${onto} is the logbook itself; write the backup to another file\n`,
    });
    expect(snapshot(book.dir)).toEqual(before);
  });
});

describe('backup to a folder, or along a path through a file', () => {
  it('is refused, even with --force, in one line naming a file to give instead, changing nothing', async () => {
    const book = tempLogbook();
    await book.ok(['log', 'soup was cold', '--no-input']);
    const folder = join(book.dir, 'backups');
    mkdirSync(folder);
    const before = snapshot(book.dir);
    for (const force of [[], ['--force']]) {
      expect(await book.run(['backup', folder, ...force])).toEqual({
        code: 1,
        stdout: '',
        stderr: `complaints: ${folder} is a folder; give the backup a file name, such as ${join(folder, 'complaints.db')}\n`,
      });
      const throughFile = join(book.db, 'backup.db');
      expect(await book.run(['backup', throughFile, ...force])).toEqual({ code: 1, stdout: '', stderr: `complaints: cannot write the backup ${throughFile}: a folder on the way is a file\n` });
    }
    expect(snapshot(book.dir)).toEqual(before);
  });
});

describe('backup, export --out and report --out to something not an ordinary file', () => {
  it('are refused in one line, leaving a pipe a pipe and /dev/null a device', async () => {
    const book = tempLogbook();
    await book.ok(['log', 'soup was cold', '--no-input']);
    // Beside the logbook's folder, whose snapshot would wait on it for a writer.
    const pipe = join(mkdtempSync(join(tmpdir(), 'complaints-fifo-')), 'out.fifo');
    execFileSync('mkfifo', [pipe]);
    const before = snapshot(book.dir);
    for (const target of [pipe, '/dev/null']) {
      const line = `complaints: ${target} is not an ordinary file (a device, a pipe, or a link to one); give the name of a file to write\n`;
      for (const args of [['backup', target, '--force'], ['export', '--out', target], ['report', '--format', 'html', '--out', target]]) {
        expect(await book.run(args)).toEqual({ code: 1, stdout: '', stderr: line });
      }
    }
    expect(statSync(pipe).isFIFO()).toBe(true);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(snapshot(book.dir)).toEqual(before);
  });
});

describe('export --out and report --out', () => {
  it('refuse a folder, and a path through a file, in one line, changing nothing', async () => {
    const book = tempLogbook();
    await book.ok(['log', 'soup was cold', '--no-input']);
    const folder = join(book.dir, 'exports');
    mkdirSync(folder);
    const throughFile = join(book.db, 'out.csv');
    const before = snapshot(book.dir);
    for (const args of [['export', '--out'], ['report', '--format', 'html', '--out']]) {
      expect(await book.run([...args, folder])).toEqual({ code: 1, stdout: '', stderr: `complaints: ${folder} is a folder; give the name of a file to write, in it or elsewhere\n` });
      expect(await book.run([...args, throughFile])).toEqual({ code: 1, stdout: '', stderr: `complaints: cannot write ${throughFile} (a folder on the way is a file); nothing was written\n` });
    }
    expect(snapshot(book.dir)).toEqual(before);
  });

  // What backup refuses, a slip of the hand at the till could do to an export or a report.
  it.each(ONTO_ITSELF_AND_JOURNAL)('refuse to write onto the logbook given as %s, in one line, changing nothing', async (_as, name) => {
    const book = tempLogbook();
    await book.ok(['log', 'soup was cold', '--no-input']);
    const onto = name(book.db);
    const before = snapshot(book.dir);
    for (const args of [['export', '--out', onto], ['report', '--format', 'html', '--out', onto]]) {
      expect(await book.run(args)).toEqual({ code: 1, stdout: '', stderr: `complaints: ${onto} is the logbook itself; write to another file\n` });
    }
    expect(snapshot(book.dir)).toEqual(before);
  });

  it('refuse to write over another logbook or a backup, typed for the file of a backup, and write over any other file', async () => {
    const book = tempLogbook();
    await book.ok(['log', 'soup was cold', '--no-input']);
    const backup = join(book.dir, 'backup.db');
    await book.ok(['backup', backup]);
    const before = snapshot(book.dir);
    for (const args of [['export', '--out', backup], ['report', '--format', 'html', '--out', backup]]) {
      expect(await book.run(args)).toEqual({
        code: 1,
        stdout: '',
        stderr: `complaints: ${backup} is a logbook or a backup of one (an SQLite database); write to another file, or remove it first if it is to go\n`,
      });
    }
    expect(snapshot(book.dir)).toEqual(before);
    const lastWeek = join(book.dir, 'week.csv');
    writeFileSync(lastWeek, 'last week\n');
    await book.ok(['export', '--out', lastWeek]);
    expect(readFileSync(lastWeek, 'utf8')).toMatch(/^id,/);
  });
});

/** A link to `file` beside it, made with `make`. */
function link(file: string, make: (target: string, path: string) => void): string {
  const path = `${file}.link`;
  make(file, path);
  return path;
}
