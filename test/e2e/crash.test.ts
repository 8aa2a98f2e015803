import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCsv } from '../support/generated-logbook.js';
import { onServer } from '../support/postgres.js';
import { BIN, environment, tempLogbook, type Logbook } from './harness.js';

const NOW = '2026-11-23T10:00:00.000Z';
// Large enough that an import spends seconds reading and a rename writes thousands of rows.
const ROWS = 20_000;
const OLD_CAUSE = 'cold food';
const NEW_CAUSE = 'food cold';


/**
 * When to kill: a fixed time after the process starts (while it starts up or reads the file), or
 * a fixed time after its write first reaches the write-ahead log or, for an import larger than
 * the logbook, the rollback journal (during the transaction, its commit, or the checkpoint after
 * it). A process that finishes first is simply not killed.
 */
type Moment = { afterStartMs: number } | { afterWriteBeginsMs: number };

const MOMENTS: Moment[] = [
  { afterStartMs: 150 },
  { afterStartMs: 800 },
  { afterWriteBeginsMs: 0 },
  { afterWriteBeginsMs: 15 },
  { afterWriteBeginsMs: 40 },
  { afterWriteBeginsMs: 100 },
  { afterWriteBeginsMs: 250 },
];

const describeMoment = (moment: Moment): string =>
  'afterStartMs' in moment ? `${moment.afterStartMs} ms after it starts` : `${moment.afterWriteBeginsMs} ms after its write reaches the log or journal`;

/** Runs the built binary on `book` and kills it with SIGKILL at `moment`, unless it ends first. */
async function runKilledAt(book: Logbook, args: string[], moment: Moment): Promise<void> {
  const child = spawn(process.execPath, [BIN, '--db', book.db, ...args], {
    stdio: 'ignore',
    env: { PATH: process.env.PATH ?? '', HOME: book.dir, TZ: process.env.TZ ?? 'Europe/London', COMPLAINTS_NOW: NOW },
  });
  const exited = once(child, 'exit');
  let running = true;
  void exited.then(() => (running = false));
  if ('afterStartMs' in moment) {
    await sleep(moment.afterStartMs);
  } else {
    while (running && !writing(book.db)) await sleep(2);
    if (moment.afterWriteBeginsMs > 0) await sleep(moment.afterWriteBeginsMs);
  }
  if (running) child.kill('SIGKILL');
  await exited;
}

/** Whether a write to the logbook has begun: its write-ahead log or rollback journal holds something. */
function writing(db: string): boolean {
  return [`${db}-wal`, `${db}-journal`].some((file) => (statSync(file, { throwIfNoEntry: false })?.size ?? 0) > 0);
}

/** A fresh logbook holding a copy of `seed`'s database, closed cleanly so no log is left beside it. */
function copyOf(seed: Logbook): Logbook {
  const book = tempLogbook(NOW);
  copyFileSync(seed.db, book.db);
  return book;
}

/** Opens the database as the next process would (recovering from the log), and asks SQLite whether it is sound. */
function inspect<T>(book: Logbook, read: (db: Database.Database) => T): { integrity: unknown; found: T } {
  const db = new Database(book.db, { fileMustExist: true });
  try {
    return { integrity: db.pragma('integrity_check', { simple: true }), found: read(db) };
  } finally {
    db.close();
  }
}

const countOf = (db: Database.Database, sql: string, ...params: unknown[]): number =>
  db.prepare(sql).pluck().get(...params) as number;

describe('a process killed with SIGKILL', () => {
  let csv: string;
  let importSeed: Logbook;
  let renameSeed: Logbook;

  beforeAll(async () => {
    importSeed = tempLogbook(NOW);
    csv = join(importSeed.dir, 'generated.csv');
    await generateCsv(csv, ROWS, NOW);
    for (const text of ['cold soup', 'long wait at the till', 'wrong change']) importSeed.ok(['log', text]);
    renameSeed = tempLogbook(NOW);
    renameSeed.ok(['import', csv]);
  }, 60_000);

  describe('during import', () => {
    const tally = (db: Database.Database) => ({
      complaints: countOf(db, `SELECT count(*) FROM complaints`),
      events: countOf(db, `SELECT count(*) FROM events`),
    });

    it.each(MOMENTS.map((moment) => [describeMoment(moment), moment] as const))(
      'at %s leaves a sound logbook holding all of the batch or none of it',
      async (_, moment) => {
        const before = inspect(importSeed, tally).found;
        const book = copyOf(importSeed);
        await runKilledAt(book, ['import', '--new-ids', csv], moment);

        const after = inspect(book, tally);
        expect(after.integrity).toBe('ok');
        const none = before;
        const all = { complaints: before.complaints + ROWS, events: before.events + ROWS };
        expect([none, all]).toContainEqual(after.found);
        expect(book.run(['check'])).toMatchObject({ code: 0 });
      },
      60_000,
    );
  });

  describe('during causes rename', () => {
    const tally = (db: Database.Database) => ({
      complaints: countOf(db, `SELECT count(*) FROM complaints`),
      oldCause: countOf(db, `SELECT count(*) FROM complaints WHERE cause = ?`, OLD_CAUSE),
      newCause: countOf(db, `SELECT count(*) FROM complaints WHERE cause = ?`, NEW_CAUSE),
      renamedEvents: countOf(db, `SELECT count(*) FROM events WHERE action = 'cause-renamed'`),
    });

    it('has thousands of complaints to rename, so the write takes a while', () => {
      expect(inspect(renameSeed, tally).found.oldCause).toBeGreaterThan(1000);
    });

    it.each(MOMENTS.map((moment) => [describeMoment(moment), moment] as const))(
      'at %s leaves a sound logbook with every complaint renamed or none',
      async (_, moment) => {
        const before = inspect(renameSeed, tally).found;
        const book = copyOf(renameSeed);
        await runKilledAt(book, ['causes', 'rename', OLD_CAUSE, NEW_CAUSE], moment);

        const after = inspect(book, tally);
        expect(after.integrity).toBe('ok');
        const none = before;
        const all = { complaints: before.complaints, oldCause: 0, newCause: before.oldCause, renamedEvents: before.oldCause };
        expect([none, all]).toContainEqual(after.found);
        expect(book.run(['check'])).toMatchObject({ code: 0 });
      },
      60_000,
    );
  });
});

describe('a draft logbook a killed import left behind', () => {
  it('is removed, journal and all, when a logbook is next made there; one written to lately is left alone', () => {
    const book = tempLogbook(NOW, 'sqlite');
    // The draft of a process that is no longer running, as `import` into a new logbook names it.
    const gone = spawnSync('true').pid!;
    const abandoned = `${book.db}.${gone}.1.new`;
    const recent = `${book.db}.${gone}.2.new`;
    for (const file of [abandoned, `${abandoned}-journal`, recent]) writeFileSync(file, 'Zebedee Quint, 07700 900123');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const file of [abandoned, `${abandoned}-journal`]) utimesSync(file, anHourAgo, anHourAgo);

    book.ok(['log', 'the first complaint of a new logbook']);

    expect(readdirSync(book.dir).filter((name) => name.endsWith('.new') || name.endsWith('.new-journal'))).toEqual([basename(recent)]);
  });
});

describe('an import into a new logbook stopped with Ctrl-C', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('on %s leaves nothing behind, neither the draft nor the folder made for it', async (signal) => {
    const book = tempLogbook(NOW, 'sqlite');
    const folder = join(book.dir, 'new shop');
    const child = spawn(process.execPath, [BIN, '--db', join(folder, 'complaints.db'), 'import', '-'], { env: environment(book), stdio: ['pipe', 'ignore', 'pipe'] });
    // A file still coming in: the import waits for the rest with its draft open.
    child.stdin.write(`id,logged_at,occurred_at,status,description\n1,${NOW},${NOW},new,Zebedee Quint rang\n`);
    const drafted = () => existsSync(folder) && readdirSync(folder).some((name) => name.endsWith('.new'));
    while (!drafted()) await sleep(20);
    child.kill(signal);
    // Ended by the signal, as it would have been, once the draft is thrown away: a shell says 130 or 143.
    const [code, endedBy] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect({ code, endedBy }).toEqual({ code: null, endedBy: signal });
    expect(readdirSync(book.dir).filter((name) => name !== 'complaints.db' && !name.startsWith('.'))).toEqual([]);
  });

  it('on PostgreSQL ends while the server still waits for the rows, and leaves no logbook made', async () => {
    const book = tempLogbook(NOW, 'postgres');
    // Named, to find its connection on the server.
    const url = new URL(book.db);
    url.searchParams.set('application_name', book.schema!);
    const child = spawn(process.execPath, [BIN, '--db', url.toString(), 'import', '-'], { env: environment(book), stdio: ['pipe', 'ignore', 'pipe'] });
    child.stdin.write(`id,logged_at,occurred_at,status,description\n1,${NOW},${NOW},new,Zebedee Quint rang\n`);
    const copying = async () =>
      (await onServer([`SELECT 1 FROM pg_stat_activity WHERE application_name = '${book.schema}' AND query LIKE 'COPY%'`]))[0]!.length > 0;
    while (!(await copying())) await sleep(20);
    child.kill('SIGINT');
    const [, endedBy] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect(endedBy).toBe('SIGINT');
    expect(await onServer([`SELECT table_name FROM information_schema.tables WHERE table_schema = '${book.schema}'`])).toEqual([[]]);
  });
});

describe('the copy a killed backup left behind', () => {
  it('is removed, journal and all, by the next backup to that file; one written to lately, or of a running process, is left alone', () => {
    const book = tempLogbook(NOW, 'sqlite');
    book.ok(['log', 'soup was cold']);
    const backup = `${book.dir}/complaints-backup.db`;
    const gone = spawnSync('true').pid!;
    const abandoned = `${backup}.${gone}.partial`;
    const running = `${backup}.${process.pid}.partial`;
    const recent = `${backup}.${gone + 1_000_000}.partial`;
    for (const file of [abandoned, `${abandoned}-journal`, running, recent]) writeFileSync(file, 'Zebedee Quint, 07700 900123');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const file of [abandoned, `${abandoned}-journal`, running]) utimesSync(file, anHourAgo, anHourAgo);

    book.ok(['backup', backup]);

    expect(readdirSync(book.dir).filter((name) => name.includes('.partial')).sort()).toEqual([basename(running), basename(recent)].sort());
  });
});

describe('the draft a killed export or report left behind', () => {
  it.each([
    ['export', (out: string) => ['export', '--out', out]],
    ['report', (out: string) => ['report', '--format', 'html', '--out', out]],
  ])('is removed by the next %s to that file; one written to lately, or of a running process, is left alone', (_command, args) => {
    const book = tempLogbook(NOW, 'sqlite');
    book.ok(['log', 'soup was cold']);
    const out = `${book.dir}/complaints.out`;
    const draft = (pid: number) => `${book.dir}/.complaints.out.${pid}.0123456789ab.partial`;
    const gone = spawnSync('true').pid!;
    const [abandoned, running, recent] = [draft(gone), draft(process.pid), draft(gone + 1_000_000)];
    for (const file of [abandoned, running, recent]) writeFileSync(file, 'Zebedee Quint, 07700 900123');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const file of [abandoned, running]) utimesSync(file, anHourAgo, anHourAgo);

    book.ok(args(out));

    expect(readdirSync(book.dir).filter((name) => name.includes('.partial')).sort()).toEqual([basename(running), basename(recent)].sort());
    expect(readdirSync(book.dir)).toContain('complaints.out');
  });
});
