import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, environment, runComparing, tempLogbook, underneath, type Logbook } from './harness.js';

// A till in a process of its own: it loads the built program once, says "ready", waits for "go"
// on stdin, then runs `complaints log` COUNT times in a row (or until "stop"), each run opening,
// writing and closing the logbook exactly as a separate `complaints log` would. Loading once keeps
// 480 logs to seconds rather than a minute of Node start-ups, and makes the writers collide far
// more often than whole processes would. Its own stdout gets only the summary; the program's
// stderr is passed through, so any SQLITE_BUSY would reach the test.
const TILL = `
import { Writable } from 'node:stream';
const { run } = await import(process.env.COMPLAINTS_CLI);
const [label, countText] = process.argv.slice(1);
const count = countText === 'until-stop' ? Infinity : Number(countText);
process.umask(0o077);
const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
const ctx = {
  stdin: process.stdin, stdout: discard, stderr: process.stderr,
  stdinIsTTY: false, stdoutIsTTY: false, stderrIsTTY: false,
  env: process.env, now: () => new Date(process.env.COMPLAINTS_NOW),
};
const said = [];
process.stdin.setEncoding('utf8').on('data', (text) => said.push(text));
const heard = (word) => said.join('').includes(word);
process.stdout.write('ready\\n');
while (!heard('go')) await new Promise((wake) => setTimeout(wake, 1));
let logged = 0, failed = 0;
for (let i = 1; i <= count && !heard('stop'); i++) {
  const code = await run(['log', 'till ' + label + ' complaint ' + i, '--customer', 'Customer ' + label + '-' + i, '--no-input'], ctx);
  if (code === 0) logged++; else failed++;
  // A run may finish without ever yielding to I/O; let "stop" on stdin be read.
  await new Promise((wake) => setImmediate(wake));
}
process.stdout.write(JSON.stringify({ logged, failed }) + '\\n');
process.stdin.destroy();
process.exitCode = failed > 0 ? 1 : 0;
`;

const CLI = new URL('../../dist/cli.js', import.meta.url).href;

interface Till {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  /** Resolves with the exit code once the till has finished. */
  finished: Promise<number>;
}

function startTill(book: Logbook, label: string, count: number | 'until-stop'): Till {
  const child = spawn(process.execPath, ['--input-type=module', '-e', TILL, '--', label, String(count)], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: book.dir,
      TZ: 'Europe/London',
      COMPLAINTS_DB: book.db,
      COMPLAINTS_NOW: '2026-11-23T10:00:00.000Z',
      COMPLAINTS_CLI: CLI,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const till: Till = { child, stdout: '', stderr: '', finished: Promise.resolve(0) };
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (till.stdout += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (till.stderr += text));
  till.finished = once(child, 'close').then(([code]) => code as number);
  return till;
}

async function whenReady(tills: Till[]): Promise<void> {
  while (!tills.every((till) => till.stdout.includes('ready'))) await new Promise((wake) => setTimeout(wake, 10));
}

function countComplaints(book: Logbook, file = book.db): number {
  return (JSON.parse(book.ok(['list', '--json', '--db', file])) as unknown[]).length;
}

describe('many tills writing at once', () => {
  it('records all 480 complaints when eight processes each log 60 at the same moment, with no failure or SQLITE_BUSY', async () => {
    const book = tempLogbook();
    book.ok(['config', 'set', 'shop', 'Corner Café']);
    const tills = Array.from({ length: 8 }, (_, i) => startTill(book, String(i + 1), 60));
    await whenReady(tills);
    tills.forEach((till) => till.child.stdin!.write('go\n'));
    const codes = await Promise.all(tills.map((till) => till.finished));

    expect(tills.map((till) => till.stderr).join('')).not.toMatch(/SQLITE_BUSY|busy|locked/i);
    expect(codes).toEqual(Array(8).fill(0));
    expect(tills.map((till) => JSON.parse(till.stdout.split('\n')[1]!))).toEqual(Array(8).fill({ logged: 60, failed: 0 }));
    const records = JSON.parse(book.ok(['list', '--json'])) as Array<{ id: number; description: string }>;
    expect(records).toHaveLength(480);
    const expected = tills.flatMap((_, t) => Array.from({ length: 60 }, (_, i) => `till ${t + 1} complaint ${i + 1}`));
    expect(records.map((r) => r.description).sort()).toEqual(expected.sort());
    expect(new Set(records.map((r) => r.id)).size).toBe(480);
    expect(book.ok(['check'])).toBe('ok: 480 complaints, 480 events, integrity ok\n');
  }, 120_000);

  it('lets eight tills that open a logbook which does not exist yet all create and use it', async () => {
    for (let round = 1; round <= 3; round++) {
      const book = tempLogbook();
      const tills = Array.from({ length: 8 }, (_, i) => startTill(book, String(i + 1), 1));
      await whenReady(tills);
      tills.forEach((till) => till.child.stdin!.write('go\n'));
      const codes = await Promise.all(tills.map((till) => till.finished));

      expect(tills.map((till) => till.stderr).join('')).not.toMatch(/^complaints:/m);
      expect(codes).toEqual(Array(8).fill(0));
      expect(countComplaints(book)).toBe(8);
      // The one that made it says so; the others found it made.
      expect(tills.filter((till) => till.stderr.includes('New logbook:'))).toHaveLength(1);
    }
  }, 120_000);
});

describe('a till logging while a large import starts', () => {
  it('waits for the logbook to come back to its write-ahead log rather than refusing at once', async () => {
    const book = tempLogbook(undefined, 'sqlite');
    book.ok(['log', 'before the import']);
    // As a large import holds the logbook (inBulkLoadMode): out of write-ahead-log mode, writing.
    const importing = new Database(book.db);
    expect(importing.pragma('journal_mode = DELETE', { simple: true })).toBe('delete');
    importing.exec('BEGIN IMMEDIATE');
    const till = spawn(process.execPath, [BIN, 'log', 'logged as the import began', '--no-input'], { env: environment(book), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    till.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = once(till, 'close');
    await new Promise((wake) => setTimeout(wake, 500));
    importing.exec('COMMIT');
    backToWriteAheadLog(importing);
    importing.close();
    const [code] = await exited;
    expect({ code, stderr }).toMatchObject({ code: 0, stderr: expect.not.stringMatching(/busy/) });
    expect(countComplaints(book)).toBe(2);
  });
});

/**
 * As the import does when it is done: the till it let in at COMMIT may already hold the logbook,
 * and then puts it back into write-ahead-log mode itself as it opens it to write.
 */
function backToWriteAheadLog(db: Database.Database): void {
  try {
    db.pragma('journal_mode = WAL');
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
  }
}

describe('backup while another till is writing', () => {
  it('makes private copies that pass check and open, while the writer keeps going without a failure', async () => {
    const book = tempLogbook(undefined, 'sqlite');
    book.ok(['config', 'set', 'shop', 'Corner Café']);
    const writer = startTill(book, 'w', 'until-stop');
    await whenReady([writer]);
    writer.child.stdin!.write('go\n');
    const reader = new Database(book.db, { readonly: true });
    try {
      while ((reader.prepare(`SELECT count(*) FROM complaints`).pluck().get() as number) < 20) {
        await new Promise((wake) => setTimeout(wake, 10));
      }
    } finally {
      reader.close();
    }

    const copies = [1, 2, 3].map((n) => join(book.dir, `copy-${n}.db`));
    for (const copy of copies) {
      expect(book.ok(['backup', copy])).toMatch(/^Backed up .* to .*copy-\d\.db \(\d+(\.\d)? [KMG]B\)\.\n$/);
    }
    // Still writing after the last copy, so every copy was taken while it wrote.
    expect(writer.child.exitCode).toBeNull();
    writer.child.stdin!.write('stop\n');
    expect(await writer.finished).toBe(0);
    expect(writer.stderr).not.toMatch(/^complaints:/m);
    const { logged } = JSON.parse(writer.stdout.split('\n')[1]!) as { logged: number };

    for (const copy of copies) {
      expect(statSync(copy).mode & 0o777).toBe(0o600);
      const inCopy = countComplaints(book, copy);
      expect(inCopy).toBeGreaterThanOrEqual(20);
      expect(inCopy).toBeLessThanOrEqual(logged);
      expect(book.ok(['check', '--db', copy])).toBe(`ok: ${inCopy} complaints, ${inCopy} events, integrity ok\n`);
    }
    expect(countComplaints(book)).toBe(logged);
  }, 120_000);
});

describe('hostile text', () => {
  // Quotes of both kinds, a statement terminator and a comment: what breaks SQL built from strings.
  const HOSTILE = `O'Brien "the boss" '; drop table complaints; -- \\ %_`;
  const text = (field: string) => `${field}: ${HOSTILE}`;

  it('stores quotes and SQL in every text field exactly as typed, and the logbook keeps all its tables', () => {
    const book = tempLogbook();
    book.ok(['log', text('description'), '--customer', text('customer'), '--contact', text('contact'), '--about', text('about'),
      '--suggestion', text('suggestion'), '--staff', text('staff'), '--no-input']);
    book.ok(['triage', '1', '--category', 'product', '--cause', text('cause')]);
    book.ok(['assign', '1', text('assignee'), '--note', text('assign note')]);
    book.ok(['resolve', '1', '--remedy', 'refund', '--root-cause', text('root cause'), '--action', text('action'), '--note', text('resolve note')]);
    book.ok(['note', '1', text('note')]);
    book.ok(['log', text('second'), '--no-input']);
    book.ok(['triage', '2', '--reject', '--reason', text('reason')]);

    const first = JSON.parse(book.ok(['show', '1', '--json']));
    expect(first).toMatchObject({
      description: text('description'), customer: text('customer'), contact: text('contact'), about: text('about'),
      suggestion: text('suggestion'), staff: text('staff'), cause: text('cause'), assignee: text('assignee'),
      root_cause: text('root cause'), action: text('action'), status: 'resolved',
    });
    expect(first.timeline.map((e: { changes: { note?: string } }) => e.changes.note ?? null)).toEqual([
      null, null, text('assign note'), text('resolve note'), text('note'),
    ]);
    expect(JSON.parse(book.ok(['show', '2', '--json']))).toMatchObject({ description: text('second'), reject_reason: text('reason') });
    expect(JSON.parse(book.ok(['list', '--json', '--cause', text('cause')]))).toHaveLength(1);
    expect(book.ok(['check'])).toBe('ok: 2 complaints, 7 events, integrity ok\n');
  });

  // Clear the screen, retitle the window, turn text red, the one-byte C1 CSI, and a right-to-left override.
  const ESCAPES = '\x1b[2J\x1b]0;pwned\x07\x1b[31m\u009b2J\u202e';
  const RAW_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
  // Shown as it is, reversing what follows it, but no control character: a name may hold it.
  const BIDI = '\u202e';

  /** A file of one complaint, #1 assigned, whose every text holds escapes. */
  function hostileFile(book: Logbook): string {
    const file = join(book.dir, 'hostile.csv');
    const quoted = (text: string) => `"${text}"`;
    // A name, subject, cause or assignee may hold no control character, as the commands take
    // them, but may hold a direction override; free text may hold anything.
    const row = ['1', '2026-11-19T09:00:00.000Z', '2026-11-19T09:00:00.000Z', 'assigned', `soup ${ESCAPES} cold`, `Ann ${BIDI} Lee`, `soup ${BIDI}`, 'product', `cold ${BIDI} food`, `Sam ${BIDI}`, `more ${ESCAPES} salt`];
    writeFileSync(file, `id,logged_at,occurred_at,status,description,customer,about,category,cause,assignee,suggestion\r\n${row.map(quoted).join(',')}\r\n`);
    return file;
  }

  describe('escape sequences in stored text', () => {
    // Read-only commands below share one logbook: #1 resolved (a follow-up due), #2 new, both Ann's.
    const book = tempLogbook();
    let repeatCustomerNote = '';
    beforeAll(() => {
      book.ok(['import', hostileFile(book)]);
      book.ok(['note', '1', `call ${ESCAPES} back`, '--at', '2026-11-19 09:00']);
      book.ok(['resolve', '1', '--remedy', 'refund', '--at', '2026-11-19 10:00']);
      book.ok(['log', `bread ${ESCAPES} stale`, '--customer', `Ann ${BIDI} Lee`, '--no-input']);
      repeatCustomerNote = book.run(['log', `tea ${ESCAPES} cold`, '--customer', `Ann ${BIDI} Lee`, '--no-input']).stderr;
    }, 60_000);

    it.each([
      ['list', ['list']],
      ['show 1', ['show', '1']],
      ['show 2', ['show', '2']],
      ['(the desk)', []],
      ['follow-up', ['follow-up']],
    ])('complaints %s shows them as visible, inert characters', (_typed, args) => {
      const result = book.run(args);

      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(RAW_CONTROL);
      expect(result.stderr).not.toMatch(RAW_CONTROL);
      expect(result.stdout).toContain('\\x1b[2J');
    });

    it("log's note about a repeat customer shows the name inert", () => {
      expect(repeatCustomerNote).toContain('note: Ann \\u202e Lee');
      expect(repeatCustomerNote).not.toMatch(RAW_CONTROL);
    });
  });

  it('keeps escape sequences exactly in JSON, escaped as JSON escapes them', () => {
    const book = tempLogbook();
    book.ok(['import', hostileFile(book)]);

    const output = book.ok(['show', '1', '--json']);

    expect(output).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    expect(JSON.parse(output)).toMatchObject({ description: `soup ${ESCAPES} cold`, customer: `Ann ${BIDI} Lee`, suggestion: `more ${ESCAPES} salt` });
  });

  it('keeps the lines of text pasted from Windows as lines, with no carriage return to show raw', () => {
    const book = tempLogbook();
    book.ok(['log', '第一行\r\n第二行\r\n第三行', '--customer', '多行', '--no-input']);
    book.ok(['note', '1', '打过电话\r\n没人接']);
    expect(JSON.parse(book.ok(['show', '1', '--json'])).description).toBe('第一行\n第二行\n第三行');
    const shown = book.ok(['show', '1']);
    expect(shown).toContain('\n  第一行\n  第二行\n  第三行\n');
    expect(shown).not.toMatch(/\\x0d|\r/);
  });

  it('stores and shows a description of a million characters', () => {
    const book = tempLogbook();
    // One argument may not exceed 128 KiB on Linux, so the description comes as 10,000 words.
    const words = Array.from({ length: 10_000 }, (_, i) => `w${i}`.padEnd(i === 9_999 ? 100 : 99, 'abcdefgh'));
    const description = words.join(' ');
    expect(description).toHaveLength(1_000_000);

    expect(book.ok(['log', ...words, '--no-input'])).toBe('Logged #1; respond by 2026-11-24 10:00.\n');

    expect(underneath(book, `SELECT description FROM complaints`)).toEqual([{ description }]);
    expect(JSON.parse(book.ok(['list', '--json']))[0].description).toBe(description);
    expect(book.ok(['show', '1'])).toContain(`\n  ${description}\n`);
    expect(book.ok(['list'])).toMatch(/#1 .* w0abcdefgh/);
  });
});

describe('complaints check', () => {
  it('lists each problem it finds in the records, one a line, and exits 1 changing nothing', () => {
    // SQLite lets a rule of its schema be set aside for a moment; a PostgreSQL server never does.
    const book = tempLogbook(undefined, 'sqlite');
    for (const what of ['soup was cold', 'bread was stale', 'rude on the phone']) book.ok(['log', what, '--no-input']);
    const db = new Database(book.db);
    db.prepare(`DELETE FROM events WHERE complaint_id = 2`).run();
    db.pragma('foreign_keys = OFF');
    db.prepare(`INSERT INTO events (complaint_id, at, recorded_at, action, changes) VALUES (99, ?, ?, 'noted', '{}')`).run(
      '2026-11-23T10:00:00.000Z',
      '2026-11-23T10:00:00.000Z',
    );
    db.pragma('ignore_check_constraints = ON');
    db.prepare(`UPDATE complaints SET status = 'lost' WHERE id = 3`).run();
    db.close();

    const result = runComparing(book, ['check']);

    expect(result.stdout).toBe(
      [
        'broken rule: CHECK constraint failed in complaints',
        'missing row: events row 4 refers to a complaints row that is not there',
        "complaint #2 has no 'logged' or 'imported' event: its timeline does not say how it came in",
        "complaint #3 has the status 'lost', which is not one complaints knows",
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe(`complaints: ${book.db} has 4 problems (listed above)\n`);
    expect(result.code).toBe(1);
    expect(result.unchanged).toBe(true);
  });

  it('lists complaints no command could have made, as import would refuse them, by the rule each breaks', () => {
    const book = tempLogbook();
    book.ok(['log', 'soup was cold', '--no-input', '--at', '2026-11-20 12:00']);
    book.ok(['resolve', '1', '--remedy', 'refund', '--at', '2026-11-20 13:00']);
    book.ok(['log', 'bread was stale', '--no-input']);
    underneath(book, `UPDATE complaints SET resolved_at = '2026-11-19T12:00:00.000Z' WHERE id = 1`);
    underneath(book, `UPDATE complaints SET status = 'closed' WHERE id = 2`);
    expect(runComparing(book, ['check'])).toMatchObject({
      code: 1,
      unchanged: true,
      stdout: [
        'broken rule: complaint #1: resolved_at is before occurred_at',
        'broken rule: complaint #2: status is closed but resolved_at is empty; a closed complaint was resolved',
        '',
      ].join('\n'),
      stderr: `complaints: ${book.db} has 2 problems (listed above)\n`,
    });
  });

  it('finds days whose figures do not add up to their complaints, and counts them again with --recount', () => {
    const book = tempLogbook();
    book.ok(['log', 'soup was cold', '--no-input', '--at', '2026-11-20T12:00']);
    book.ok(['log', 'bread was stale', '--no-input', '--at', '2026-11-21T12:00']);
    book.ok(['log', 'rude on the phone', '--no-input']);
    const tamper = (sql: string) => underneath(book, sql);
    const week = () => JSON.parse(book.ok(['report', '--last', '7d', '--format', 'json'])).summary.logged;
    expect(book.ok(['check'])).toBe('ok: 3 complaints, 3 events, integrity ok\n');

    tamper(`UPDATE daily_figures SET logged = logged + 1 WHERE day = '2026-11-20'`);
    expect(week()).toBe(4);
    const one = runComparing(book, ['check']);
    expect(one).toMatchObject({ code: 1, unchanged: true });
    expect(one.stdout).toBe("the report's figures for the day 2026-11-20 (UTC) do not add up to their complaints; 'complaints check --recount' counts them again\n");

    tamper(`DELETE FROM daily_figures WHERE day = '2026-11-23'`);
    tamper(`INSERT INTO daily_figures VALUES ('2026-10-01', 0, 0, 0, 0, 0, 0, 1, 5, 0)`);
    const three = runComparing(book, ['check']);
    expect(three.stdout).toBe(
      "the report's figures for 3 days (2026-10-01 to 2026-11-23) do not add up to their complaints; 'complaints check --recount' counts them again\n",
    );
    expect(three.stderr).toBe(`complaints: ${book.db} has 1 problem (listed above)\n`);

    const recounted = book.run(['check', '--recount']);
    expect(recounted).toMatchObject({ code: 0, stdout: 'ok: 3 complaints, 3 events, integrity ok\n' });
    expect(recounted.stderr).toBe('Counted again from the complaints what is kept for the report, the desk and export.\n');
    expect(week()).toBe(3);
  });

  it('finds months whose tallies of causes, hours and actions do not add up, and counts them again with --recount', () => {
    const book = tempLogbook();
    book.ok(['log', '汤是凉的', '--no-input', '--at', '2026-09-10T12:00']);
    book.ok(['triage', '1', '--category', 'product', '--cause', '汤太凉', '--severity', 'low', '--at', '2026-09-10T13:00']);
    book.ok(['resolve', '1', '--remedy', 'refund', '--action', '换了保温灯', '--at', '2026-09-10T15:30']);
    book.ok(['log', 'bread was stale', '--no-input', '--at', '2026-10-02T12:00']);
    const tamper = (sql: string) => underneath(book, sql);
    const months = () => JSON.parse(book.ok(['report', '--since', '2026-09-01', '--until', '2026-10-31', '--format', 'json']));
    const asKept = months();
    expect(asKept.summary.medianHoursToResolve).toBe(3.5);
    expect(book.ok(['check'])).toBe('ok: 2 complaints, 4 events, integrity ok\n');

    tamper(`UPDATE monthly_causes SET upheld = upheld + 4 WHERE month = '2026-09'`);
    tamper(`INSERT INTO monthly_hours VALUES ('2026-10', 40, 2)`);
    const two = runComparing(book, ['check']);
    expect(two).toMatchObject({ code: 1, unchanged: true });
    expect(two.stdout).toBe(
      "the report's tallies of causes, hours to resolve and actions for 2 months (2026-09 to 2026-10) do not add up to their complaints; 'complaints check --recount' counts them again\n",
    );
    tamper(`UPDATE monthly_hours SET resolved = 0 WHERE month = '2026-10'`);
    tamper(`DELETE FROM monthly_actions`);
    expect(runComparing(book, ['check']).stdout).toBe(
      "the report's tallies of causes, hours to resolve and actions for the month 2026-09 do not add up to its complaints; 'complaints check --recount' counts them again\n",
    );

    expect(book.run(['check', '--recount'])).toMatchObject({ code: 0, stdout: 'ok: 2 complaints, 4 events, integrity ok\n' });
    expect(months()).toEqual(asKept);
  });

  it('finds months whose count of follow-ups waiting does not add up, and counts them again with --recount', () => {
    // Kept for the desk on SQLite only; PostgreSQL counts them from its index.
    const book = tempLogbook(undefined, 'sqlite');
    book.ok(['log', '汤是凉的', '--customer', '王芳', '--no-input', '--at', '2026-09-10T12:00']);
    book.ok(['resolve', '1', '--remedy', 'apology', '--at', '2026-09-10T15:30']);
    book.ok(['log', '桌上留了纸条', '--no-input', '--at', '2026-10-02T12:00']);
    book.ok(['resolve', '2', '--remedy', 'none', '--at', '2026-10-02T13:00']);
    const tamper = (sql: string) => underneath(book, sql);
    const desk = book.ok([]);
    expect(desk).toContain('1 follow-up due  ');
    expect(desk).toContain('1 follow-up due with no contact recorded');

    tamper(`UPDATE monthly_follow_ups SET waiting = 5 WHERE month = '2026-09'`);
    expect(book.ok([])).toContain('5 follow-ups due  ');
    const one = runComparing(book, ['check']);
    expect(one).toMatchObject({ code: 1, unchanged: true });
    expect(one.stdout).toBe(
      "the desk's count of follow-ups waiting from complaints resolved in the month 2026-09 does not add up to them; 'complaints check --recount' counts them again\n",
    );
    tamper(`DELETE FROM monthly_follow_ups WHERE month = '2026-10'`);
    expect(runComparing(book, ['check']).stdout).toBe(
      "the desk's count of follow-ups waiting from complaints resolved in 2 months (2026-09 to 2026-10) does not add up to them; 'complaints check --recount' counts them again\n",
    );

    expect(book.run(['check', '--recount'])).toMatchObject({ code: 0, stdout: 'ok: 2 complaints, 4 events, integrity ok\n' });
    expect(book.ok([])).toBe(desk);
  });

  it('finds complaints whose remedies kept for export are not those given, and writes them again with --recount', () => {
    // Kept for export on SQLite only; PostgreSQL's export reads the remedies themselves.
    const book = tempLogbook(undefined, 'sqlite');
    book.ok(['log', '汤是凉的', '--customer', '王芳', '--no-input', '--at', '2026-09-10T12:00']);
    book.ok(['resolve', '1', '--remedy', 'refund', '--cost', '12.50', '--at', '2026-09-10T15:30']);
    book.ok(['follow-up', '1', '--satisfaction', '1', '--reopen', '--at', '2026-09-11T09:00']);
    book.ok(['resolve', '1', '--remedy', 'discount', '--cost', '5', '--at', '2026-09-11T10:00']);
    book.ok(['log', '桌上留了纸条', '--no-input', '--at', '2026-10-02T12:00']);
    book.ok(['resolve', '2', '--remedy', 'apology', '--at', '2026-10-02T13:00']);
    book.ok(['log', 'bread was stale', '--no-input', '--at', '2026-10-03T09:00']);
    const tamper = (sql: string) => underneath(book, sql);
    const exported = book.ok(['export']);
    expect(exported).toContain('2026-09-10T14:30:00.000Z refund 12.50; 2026-09-11T09:00:00.000Z discount 5.00');
    expect(book.ok(['check'])).toMatch(/^ok: 3 complaints, /);

    tamper(`UPDATE complaints SET remedies_given = '2026-09-10T14:30:00.000Z refund 12.50' WHERE id = 1`);
    expect(book.ok(['export'])).not.toBe(exported);
    const one = runComparing(book, ['check']);
    expect(one).toMatchObject({ code: 1, unchanged: true });
    expect(one.stdout).toBe(
      "the remedies export gives for complaint #1 are not those given to it; 'complaints check --recount' writes them again\n",
    );
    tamper(`UPDATE complaints SET remedies_given = 'refund' WHERE id = 3`);
    expect(runComparing(book, ['check']).stdout).toBe(
      "the remedies export gives for 2 complaints (#1 to #3) are not those given to them; 'complaints check --recount' writes them again\n",
    );

    expect(book.run(['check', '--recount'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ok: 3 complaints, /) });
    expect(book.ok(['export'])).toBe(exported);
  });
});
