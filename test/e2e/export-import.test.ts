import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/sqlite/open.js';
import { COLUMNS } from '../support/export-columns.js';
import { BIN, environment, runAtTerminal, runComparing, tempLogbook, underneath, type Logbook } from './harness.js';

const NOW = '2026-11-23T10:00:00.000Z';

/** Four complaints in different states, with text that is awkward in CSV. */
function sampleLogbook(): Logbook {
  const book = tempLogbook(NOW);
  book.ok(['log', 'soup was cold', '--customer', 'Ann Lee', '--contact', '0712 345678', '--channel', 'in-person',
    '--about', 'tomato soup', '--wants', 'refund', '--staff', 'Sam', '--at', '2026-11-20T12:30:00Z']);
  book.ok(['log', '汤是凉的，"很生气"', '--customer', '王芳', '--about', '牛肉面', '--at', '2026-11-21T09:00:00Z']);
  book.ok(['log', '=HYPERLINK("http://example.com","click")', '--customer', '@ann', '--contact', '+44 7700 900123', '--at', '2026-11-22T18:00:00Z']);
  book.ok(['log', 'first line,\r\nsecond line\nthird', '--suggestion', '-more staff', '--at', '2026-11-22T19:00:00Z']);
  book.ok(['triage', '1', '--category', 'product', '--cause', 'cold food', '--severity', 'high']);
  book.ok(['assign', '1', 'Sam']);
  book.ok(['resolve', '1', '--remedy', 'refund', '--cost', '4.50', '--root-cause', 'kettle thermostat', '--action', 'thermostat replaced']);
  book.ok(['follow-up', '1', '--satisfaction', '4']);
  book.ok(['triage', '3', '--reject', '--reason', 'not our shop']);
  return book;
}

function rowsOf(csv: string | Buffer): Array<Record<string, string>> {
  return parse(csv, { columns: true, bom: true });
}

/** A logbook holding no complaints yet. */
function emptyLogbook(): Logbook {
  const book = tempLogbook(NOW);
  book.ok(['config', 'set', 'shop', 'Corner Café']);
  return book;
}

/** A logbook holding one complaint, to import into and compare before and after. */
function oneComplaintLogbook(engine?: 'sqlite' | 'postgres'): Logbook {
  const book = tempLogbook(NOW, engine);
  book.ok(['log', 'bread was stale', '--at', '2026-11-22 08:00']);
  return book;
}

describe('export', () => {
  let book: Logbook;
  let csv: string;
  beforeAll(() => {
    book = sampleLogbook();
    csv = book.ok(['export']);
  });

  it('writes the header row and one row per complaint in id order, each record ending in CRLF', () => {
    expect(csv.slice(0, csv.indexOf('\r\n'))).toBe(COLUMNS.join(','));
    expect(rowsOf(csv).map((row) => row.id)).toEqual(['1', '2', '3', '4']);
    expect(csv.endsWith('\r\n')).toBe(true);
    // Outside quoted cells every line break is a CRLF.
    expect(csv.replace(/"(?:[^"]|"")*"/g, '""')).not.toMatch(/[^\r]\n|\r[^\n]/);
  });

  it('writes times as ISO 8601 UTC, cost as a decimal string, and an empty cell for what was never given', () => {
    const [closed, fresh] = rowsOf(csv);
    expect(closed).toMatchObject({
      logged_at: NOW,
      occurred_at: '2026-11-20T12:30:00.000Z',
      status: 'closed',
      channel: 'in-person',
      cause: 'cold food',
      resolved_at: NOW,
      remedy: 'refund',
      cost: '4.50',
      satisfaction: '4',
      staff: 'Sam',
    });
    expect(fresh).toMatchObject({ status: 'new', channel: '', cost: '', satisfaction: '', resolved_at: '', description: '汤是凉的，"很生气"' });
  });

  it('keeps commas, quotes and line breaks inside cells', () => {
    // Typed with Windows's CR LF, the line break is kept as a line break alone.
    expect(rowsOf(csv)[3]!.description).toBe('first line,\nsecond line\nthird');
  });

  it('quotes every cell with a line break, so that another reader (Python\'s csv module) sees one record per complaint', () => {
    const fresh = tempLogbook(NOW);
    // A carriage return typed is a line break; one can come only from a file imported as it is.
    const file = join(fresh.dir, 'returns.csv');
    const row = (id: number, description: string) => `${id},${NOW},${NOW},new,"${description}"`;
    writeFileSync(file, ['id,logged_at,occurred_at,status,description', row(1, 'soup was cold\nand late'), row(2, 'a lone\rreturn'), row(3, 'from\r\nWindows'), ''].join('\r\n'));
    fresh.ok(['import', file]);
    const python = spawnSync('python3', ['-c', 'import csv, json, sys; print(json.dumps([row[8] for row in csv.reader(sys.stdin)]))'], {
      input: fresh.ok(['export']),
      encoding: 'utf8',
    });
    expect(python.status, python.stderr).toBe(0);
    expect(JSON.parse(python.stdout)).toEqual(['description', 'soup was cold\nand late', 'a lone\rreturn', 'from\r\nWindows']);
  });

  it('puts a quote before cells a spreadsheet would run as a formula', () => {
    const [, , formula, multiLine] = rowsOf(csv);
    expect(formula).toMatchObject({ description: `'=HYPERLINK("http://example.com","click")`, customer: "'@ann", contact: "'+44 7700 900123" });
    expect(multiLine!.suggestion).toBe("'-more staff");
  });

  it('starts with a UTF-8 byte order mark with --bom, and not without', () => {
    const withBom = join(book.dir, 'excel.csv');
    book.ok(['export', '--bom', '--out', withBom]);
    const bytes = readFileSync(withBom);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(csv);
    expect(csv.startsWith('id,')).toBe(true);
  });

  it('leaves customer and contact empty with --redact, and changes nothing else', () => {
    const redacted = rowsOf(book.ok(['export', '--redact']));
    expect(redacted.map((row) => [row.customer, row.contact])).toEqual(Array(4).fill(['', '']));
    expect(redacted.map(({ customer, contact, ...rest }) => rest)).toEqual(rowsOf(csv).map(({ customer, contact, ...rest }) => rest));
  });

  it.each([
    [['--status', 'closed,rejected']],
    [['--since', '2026-11-21']],
    [['--until', '2026-11-21']],
    [['--cause', 'COLD FOOD']],
    [['--category', 'product', '--assignee', 'sam']],
    [['--overdue']],
    [['--limit', '2']],
  ])('exports the complaints list %j shows, in id order', (filter) => {
    const listed = (JSON.parse(book.ok(['list', ...filter, '--json'])) as Array<{ id: number }>).map((c) => String(c.id));
    const exported = rowsOf(book.ok(['export', ...filter])).map((row) => row.id);
    if (filter[0] === '--limit') {
      // list's limit keeps the newest, export's the first ids; both give that many.
      expect(exported).toEqual(['1', '2']);
    } else {
      expect(exported).toEqual([...listed].sort((a, b) => Number(a) - Number(b)));
    }
  });

  it('refuses a filter list would refuse, with exit 2', () => {
    const result = book.run(['export', '--status', 'opened']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^complaints: --status: 'opened' is not one of new, triaged/);
    expect(result.stdout).toBe('');
  });

  it('writes --out in full, says so on stdout, and shows no progress when stderr is not a terminal', () => {
    const dir = join(book.dir, 'out');
    mkdirSync(dir);
    const result = book.run(['export', '--out', join(dir, 'all.csv')]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(`Exported 4 complaints to ${join(dir, 'all.csv')}.\n`);
    expect(readdirSync(dir)).toEqual(['all.csv']);
    expect(readFileSync(join(dir, 'all.csv'), 'utf8')).toBe(csv);
    expect(statSync(join(dir, 'all.csv')).mode & 0o777).toBe(0o600);
  });

  it.each(['for-boss.xlsx', 'all.json', 'all.HTML'])('refuses --out %s, a file named for another format than CSV, writing nothing', (name) => {
    const file = join(book.dir, name);
    const result = runComparing(book, ['export', '--out', file]);
    expect(result).toMatchObject({ code: 2, stdout: '', unchanged: true });
    expect(result.stderr).toMatch(new RegExp(`^complaints: --out .*${name.replace('.', '\\.')}: export writes CSV, not \\.[a-z]+; name the file \\.csv, which a spreadsheet opens, or for JSON run 'complaints list --json'\n$`));
    expect(existsSync(file)).toBe(false);
  });

  it('says the file written on one line, whatever it is named', () => {
    const file = join(book.dir, 'two\nlines.csv');
    expect(book.ok(['export', '--out', file])).toBe(`Exported 4 complaints to ${join(book.dir, 'two\\nlines.csv')}.\n`);
    expect(readFileSync(file, 'utf8')).toBe(csv);
  });

  it("writes to stdout for --out -, as without --out, and no file named '-'", () => {
    const result = book.run(['export', '--out', '-'], { cwd: book.dir });
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: csv });
    expect(existsSync(join(book.dir, '-'))).toBe(false);
  });

  it('replaces an existing --out file only once the new one is complete', () => {
    const file = join(book.dir, 'replaced.csv');
    writeFileSync(file, 'old contents');
    book.ok(['export', '--status', 'new', '--out', file]);
    expect(rowsOf(readFileSync(file)).map((row) => row.id)).toEqual(['2', '4']);
  });

  it('leaves neither a half file nor a temporary one when --out cannot be written', () => {
    const dir = join(book.dir, 'blocked');
    mkdirSync(join(dir, 'taken.csv'), { recursive: true });
    const result = book.run(['export', '--out', join(dir, 'taken.csv')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`complaints: ${join(dir, 'taken.csv')} is a folder; give the name of a file to write, in it or elsewhere\n`);
    expect(readdirSync(dir)).toEqual(['taken.csv']);

    writeFileSync(join(dir, 'a-file'), '');
    const throughFile = book.run(['export', '--out', join(dir, 'a-file', 'x.csv')]);
    expect(throughFile).toMatchObject({ code: 1, stderr: `complaints: cannot write ${join(dir, 'a-file', 'x.csv')} (a folder on the way is a file); nothing was written\n` });
    expect(readdirSync(dir).sort()).toEqual(['a-file', 'taken.csv']);

    const missing = book.run(['export', '--out', join(book.dir, 'no-such-folder', 'x.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^complaints: cannot write .*x\.csv \(no such file or folder\); nothing was written\n$/);

    const tooLong = join(book.dir, `${'长'.repeat(100)}.csv`);
    expect(book.run(['export', '--out', tooLong])).toMatchObject({ code: 1, stderr: `complaints: cannot write ${tooLong} (the name is too long); nothing was written\n` });
    expect(book.run(['export', '--out', tooLong], { env: { LANG: 'zh_CN.UTF-8' } })).toMatchObject({
      code: 1,
      stderr: `complaints: 无法写入 ${tooLong}（名称太长）；未写入任何内容\n`,
    });
  });

  it('shows a progress bar on stderr when it is a terminal, and clears it when done', () => {
    const result = runAtTerminal(book, ['export', '--out', join(book.dir, 'at-terminal.csv')], { env: { COMPLAINTS_NOW: NOW } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Exporting █+.* 100%/);
    expect(result.stdout).toContain('Exported 4 complaints');
  });
});

describe('export of a large logbook', () => {
  /** A logbook of `rows` complaints with long descriptions, about 2.5 KB of CSV each. */
  function largeLogbook(rows: number): Logbook {
    const book = tempLogbook(NOW);
    const description = '汤是凉的, "cold", '.repeat(100);
    if (book.schema !== undefined) {
      book.ok(['config', 'set', 'shop', 'Corner Café']);
      underneath(
        book,
        `INSERT INTO complaints (id, logged_at, occurred_at, status, description, uid)
         SELECT i, '${NOW}', '${NOW}', 'new', i || ' ${description.replace(/'/g, "''")}', md5(i::text)::uuid::text FROM generate_series(0, ${rows - 1}) AS i`,
      );
      return book;
    }
    const db = openDatabase(book.db);
    try {
      const insert = db.prepare(
        `INSERT INTO complaints (logged_at, occurred_at, status, description) VALUES (@at, @at, 'new', @description)`,
      );
      db.transaction(() => {
        for (let i = 0; i < rows; i++) insert.run({ at: NOW, description: `${i} ${description}` });
      })();
    } finally {
      db.close();
    }
    return book;
  }

  it('streams: writes far more than the memory it is allowed to use', () => {
    const rows = 24_000;
    const book = largeLogbook(rows);
    const file = join(book.dir, 'large.csv');
    // 24 MB of JavaScript heap for about 60 MB of CSV: holding the rows would run out. (16 MB
    // left too little room once the program's own code and messages were loaded: on PostgreSQL
    // the collector ran out at 15 MB of it, 2026-12-02.)
    const result = book.run(['export', '--out', file], { env: { NODE_OPTIONS: '--max-old-space-size=24' } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(2 * 24 * 1024 * 1024);
    const csv = readFileSync(file, 'utf8');
    expect(csv.split('\r\n').length - 2).toBe(rows);
  });

  it('lists as JSON far more than the memory it is allowed to use, newest first', () => {
    const rows = 16_000;
    const book = largeLogbook(rows);
    // About 55 MB of JSON (the most the harness takes in) in the same 24 MB of heap as the export above.
    const result = book.run(['list', '--json'], { env: { NODE_OPTIONS: '--max-old-space-size=24' } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(Buffer.byteLength(result.stdout)).toBeGreaterThan(2 * 24 * 1024 * 1024);
    const ids = (JSON.parse(result.stdout) as Array<{ id: number }>).map((record) => record.id);
    expect(ids).toHaveLength(rows);
    // All happened at one moment: the greater id first.
    expect(ids.every((id, index) => index === 0 || id < ids[index - 1]!)).toBe(true);
  });

  it.each([['export'], ['list'], ['list --json']])('%s stops quietly with exit 0 when its reader leaves early, as `| head` does', (command) => {
    // Far more output than a pipe holds, so the command is still writing when head has gone.
    const book = largeLogbook(2_000);
    const result = spawnSync('bash', ['-c', `"$0" "$1" ${command} | head -n 2; exit "\${PIPESTATUS[0]}"`, process.execPath, BIN], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: book.dir, TZ: 'Europe/London', COMPLAINTS_DB: book.db, COMPLAINTS_NOW: NOW },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')).toHaveLength(3);
  });
});

describe('import', () => {
  let exported: string;
  let source: Logbook;
  beforeAll(() => {
    source = sampleLogbook();
    exported = join(source.dir, 'export.csv');
    source.ok(['export', '--out', exported]);
  });

  it('gives back the same file when what it imported into an empty logbook is exported again', () => {
    const target = tempLogbook(NOW);
    expect(target.ok(['import', exported])).toBe(`Imported 4 complaints from ${exported} as #1–#4.\n`);
    expect(target.ok(['export'])).toBe(readFileSync(exported, 'utf8'));
    expect(JSON.parse(target.ok(['list', '--json']))).toEqual(JSON.parse(source.ok(['list', '--json'])));
  });

  it('reads standard input given as -, from a pipe whose writer is slower than the reader', () => {
    const target = tempLogbook(NOW);
    // The reader meets an empty pipe for a second, then the file in two halves a second apart.
    const half = Math.floor(readFileSync(exported).length / 2);
    const slowly = `sleep 1; head -c ${half} "$2"; sleep 1; tail -c +${half + 1} "$2"`;
    const result = spawnSync('bash', ['-c', `(${slowly}) | "$0" "$1" import -`, process.execPath, BIN, exported], {
      encoding: 'utf8',
      env: environment(target),
    });
    expect(result.stdout).toBe('Imported 4 complaints from standard input as #1–#4.\n');
    expect(result.status).toBe(0);
    expect(target.ok(['export'])).toBe(readFileSync(exported, 'utf8'));
    // The timeline names where the complaints came from in the language spoken.
    expect(target.ok(['show', '1'])).toMatch(/ imported — source: standard input/);
    expect(target.ok(['show', '1'], { env: { LANG: 'zh_CN.UTF-8' } })).toContain(' 导入 — 来源：标准输入');
  });

  it('refuses a bad row on standard input in one line, naming it, and imports nothing', () => {
    const target = tempLogbook(NOW);
    target.ok(['log', 'already here']);
    const lines = readFileSync(exported, 'utf8').split('\r\n');
    const broken = [...lines.slice(0, 3), lines[3]!.replace(/,(new|triaged|assigned|resolved|closed|rejected),/, ',lost,'), ...lines.slice(4)].join('\r\n');
    const result = runComparing(target, ['import', '-'], { input: broken });
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^complaints: line 4: .*'lost'.*; nothing was imported from standard input\n$/);
    expect(result.code).toBe(2);
    expect(result.unchanged).toBe(true);
  });

  it('reads a file exported with --bom', () => {
    const withBom = join(source.dir, 'with-bom.csv');
    source.ok(['export', '--bom', '--out', withBom]);
    const target = tempLogbook(NOW);
    target.ok(['import', withBom]);
    expect(target.ok(['export', '--bom'])).toBe(readFileSync(withBom, 'utf8'));
  });

  it('keeps each complaint\'s remedies, oldest first, from a file larger than the logbook (loaded in bulk) as from a small one', () => {
    const remedies = '2026-11-22T10:00:00.000Z discount 0.05; 2026-11-20T15:00:00.000Z refund 50.00; 2026-11-22T10:00:00.000Z apology';
    const oldestFirst = '2026-11-20T15:00:00.000Z refund 50.00; 2026-11-22T10:00:00.000Z discount 0.05; 2026-11-22T10:00:00.000Z apology';
    for (const count of [1, 3_000]) {
      const target = tempLogbook(NOW);
      const file = join(target.dir, 'remedies.csv');
      const rows = Array.from(
        { length: count },
        (_, i) => `${i + 1},2026-11-20T12:00:00.000Z,2026-11-20T12:00:00.000Z,resolved,"soup ${i + 1}, cold",2026-11-22T10:00:00.000Z,apology,50.05,"${remedies}"`,
      );
      writeFileSync(file, ['id,logged_at,occurred_at,status,description,resolved_at,remedy,cost,remedies', ...rows, ''].join('\n'));
      target.ok(['import', file]);
      const exported = rowsOf(target.ok(['export']));
      expect(exported).toHaveLength(count);
      expect(new Set(exported.map((row) => row.remedies))).toEqual(new Set([oldestFirst]));
    }
  });

  it('keeps ids and times, and begins each timeline with the import', () => {
    const target = tempLogbook('2026-12-01T09:00:00.000Z');
    target.ok(['import', exported]);
    const shown = JSON.parse(target.ok(['show', '1', '--json']));
    expect(shown).toMatchObject({ id: 1, logged_at: NOW, occurred_at: '2026-11-20T12:30:00.000Z', status: 'closed', cost: 4.5 });
    expect(shown.timeline).toEqual([
      { at: '2026-12-01T09:00:00.000Z', recorded_at: '2026-12-01T09:00:00.000Z', action: 'imported', changes: { source: 'export.csv' }, undone: false },
    ]);
  });

  it('reads a hand-made file: the required columns in any order, LF line ends, choices in capitals, local times', () => {
    const target = tempLogbook(NOW);
    const file = join(target.dir, 'by-hand.csv');
    writeFileSync(file, [
      'Status,id,description,occurred_at,logged_at,Channel,remedy,cost,resolved_at',
      'Resolved,10,"cold tea, again",2026-11-20 14:00,2026-11-20 14:05,PHONE,Refund,3,2026-11-20 15:00',
      '',
      'new,11,菜太咸,2026-11-21T09:00:00Z,2026-11-21T09:00:00Z,,,,',
      '',
    ].join('\n'));
    target.ok(['import', file], { env: { TZ: 'Asia/Shanghai' } });
    expect(JSON.parse(target.ok(['list', '--json']))).toEqual([
      expect.objectContaining({ id: 11, status: 'new', description: '菜太咸', channel: null, cost: null, customer: null }),
      expect.objectContaining({ id: 10, status: 'resolved', channel: 'phone', cost: 3, occurred_at: '2026-11-20T06:00:00.000Z' }),
    ]);
  });

  it("removes exactly the quote export puts before a formula, and keeps any other leading quote", () => {
    const target = tempLogbook(NOW);
    const file = join(target.dir, 'quotes.csv');
    writeFileSync(file, [
      'id,logged_at,occurred_at,status,description,customer,about',
      `1,${NOW},${NOW},new,'=1+1,'tis me,''@home`,
      '',
    ].join('\r\n'));
    target.ok(['import', file]);
    expect(JSON.parse(target.ok(['show', '1', '--json']))).toMatchObject({ description: '=1+1', customer: "'tis me", about: "'@home" });
  });

  it('spells causes as the logbook already does', () => {
    const target = tempLogbook(NOW);
    target.ok(['log', 'cold soup', '--at', '2026-11-22 12:00']);
    target.ok(['triage', '1', '--category', 'product', '--cause', 'Cold food']);
    const file = join(target.dir, 'causes.csv');
    writeFileSync(file, `id,logged_at,occurred_at,status,description,category,cause\r\n2,${NOW},${NOW},triaged,cold tea,product,  COLD   FOOD \r\n`);
    target.ok(['import', file]);
    expect(JSON.parse(target.ok(['show', '2', '--json'])).cause).toBe('Cold food');
  });

  it('checks the whole file with --dry-run and says what it would add, writing nothing', () => {
    const target = oneComplaintLogbook();
    const result = runComparing(target, ['import', exported, '--dry-run', '--new-ids']);
    expect(result).toMatchObject({ code: 0, unchanged: true });
    expect(result.stdout).toBe(`Would import 4 complaints from ${exported} with new ids after the logbook's last one; nothing was written (--dry-run).\n`);
  });

  it('refuses ids other complaints of the logbook have, changing nothing, unless --new-ids', () => {
    const target = oneComplaintLogbook();
    for (const dryRun of [[], ['--dry-run']]) {
      const refused = runComparing(target, ['import', exported, ...dryRun]);
      expect(refused).toMatchObject({ code: 1, unchanged: true });
      expect(refused.stderr).toBe(
        "complaints: the logbook has other complaints numbered #1; add --new-ids to number the file's complaints after the last one, or import into an empty logbook; nothing was imported\n",
      );
    }
    expect(target.ok(['import', exported, '--new-ids'])).toBe(`Imported 4 complaints from ${exported} as #2–#5.\n`);
    const renumbered = JSON.parse(target.ok(['show', '2', '--json']));
    expect(renumbered).toMatchObject({ description: 'soup was cold', status: 'closed', logged_at: NOW });
    expect(renumbered.timeline[0].changes).toEqual({ source: 'export.csv', original_id: 1 });
  });

  it('names the held ids wherever they are in the file, the lowest five first, and changes nothing', () => {
    const target = tempLogbook(NOW);
    for (const text of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) target.ok(['log', text, '--at', '2026-11-22 08:00']);
    const file = join(target.dir, 'some-held.csv');
    const row = (id: number) => `${id},${NOW},${NOW},new,from the other till`;
    writeFileSync(file, ['id,logged_at,occurred_at,status,description', row(40), row(6), row(41), row(2), row(7), row(5), row(3), row(1), ''].join('\r\n'));
    for (const dryRun of [[], ['--dry-run']]) {
      const refused = runComparing(target, ['import', file, ...dryRun]);
      expect(refused).toMatchObject({ code: 1, unchanged: true });
      expect(refused.stderr).toBe(
        "complaints: the logbook has other complaints numbered #1, #2, #3, #5, #6 and 1 more; add --new-ids to number the file's complaints after the last one, or import into an empty logbook; nothing was imported\n",
      );
    }
  });

  it('recognises complaints it has already, by their uid, and skips them, saying how many: a second import adds nothing', () => {
    const target = tempLogbook(NOW);
    target.ok(['import', exported]);
    for (const flags of [[], ['--new-ids'], ['--dry-run']]) {
      const again = runComparing(target, ['import', exported, ...flags]);
      expect(again).toMatchObject({ code: 0, unchanged: true, stdout: `Nothing to import: all 4 complaints in ${exported} are in the logbook already.\n` });
    }
    expect(JSON.parse(target.ok(['list', '--json']))).toHaveLength(4);
  });

  it('adds only the complaints a file has that the logbook does not, under their own numbers or new ones', () => {
    const target = tempLogbook(NOW);
    const firstTwo = join(target.dir, 'first-two.csv');
    source.ok(['export', '--until', '2026-11-21 23:59', '--out', firstTwo]);
    target.ok(['import', firstTwo]);
    target.ok(['log', 'logged here meanwhile']);
    expect(runComparing(target, ['import', exported, '--dry-run', '--new-ids'])).toMatchObject({
      code: 0,
      unchanged: true,
      stdout: `Would import 2 complaints from ${exported} with new ids after the logbook's last one; 2 complaints were in the logbook already and would be left as they are; nothing was written (--dry-run).\n`,
    });
    expect(target.ok(['import', exported, '--new-ids'])).toBe(
      `Imported 2 complaints from ${exported} as #4–#5; 2 complaints were in the logbook already and were left as they are.\n`,
    );
    expect((JSON.parse(target.ok(['list', '--json'])) as Array<{ description: string }>).map((c) => c.description).sort()).toEqual(
      ['=HYPERLINK("http://example.com","click")', 'first line,\nsecond line\nthird', 'logged here meanwhile', 'soup was cold', '汤是凉的，"很生气"'].sort(),
    );
  });

  it('recognises the rows of a file made by hand, without uids, when it is imported again', () => {
    const target = tempLogbook(NOW);
    const file = join(target.dir, 'by-hand.csv');
    // Two tables complained of the same thing at the same moment: two complaints, not one.
    writeFileSync(file, ['id,logged_at,occurred_at,status,description', `1,${NOW},${NOW},new,cold soup`, `2,${NOW},${NOW},new,cold soup`, ''].join('\r\n'));
    expect(target.ok(['import', file])).toBe(`Imported 2 complaints from ${file} as #1–#2.\n`);
    expect(runComparing(target, ['import', file, '--new-ids'])).toMatchObject({ code: 0, unchanged: true });
  });

  it('takes columns, statuses, natures, severities, remedies and dates as a Chinese till writes them, storing them as export writes them', () => {
    const target = tempLogbook(NOW);
    const file = join(target.dir, 'zh.csv');
    writeFileSync(
      file,
      [
        'id,logged_at,occurred_at,status,description,nature,category,cause,severity,remedy,resolved_at',
        `1,${NOW},${NOW},已处理,汤是凉的,有效投诉,product,菜凉了,高,退款,${NOW}`,
        `2,${NOW},${NOW},已处理,菜太咸,有效投诉,product,太咸,中,免单,${NOW}`,
        `3,${NOW},${NOW},新,等了很久,,,,,,`,
        '',
      ].join('\r\n'),
    );
    target.ok(['import', file], { env: { LANG: 'zh_CN.UTF-8' } });
    const stored = (JSON.parse(target.ok(['list', '--json'])) as Array<Record<string, unknown>>).sort((a, b) => Number(a.id) - Number(b.id));
    expect(stored.map(({ status, nature, severity, remedy }) => [status, nature, severity, remedy])).toEqual([
      ['resolved', 'valid', 'high', 'refund'],
      ['resolved', 'valid', 'medium', 'refund'],
      ['new', null, null, null],
    ]);
    // A spreadsheet of the shop's own: headed as list and show head the columns, dates in Excel's long form.
    const own = join(target.dir, 'own.csv');
    writeFileSync(own, ['编号,登记时间,发生时间,状态,投诉,顾客', '4,2026年11月22日 18:30,2026年11月22日 18:00,新,菜里有头发,王芳', ''].join('\r\n'));
    target.ok(['import', own], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(JSON.parse(target.ok(['show', '4', '--json']))).toMatchObject({
      logged_at: '2026-11-22T18:30:00.000Z',
      occurred_at: '2026-11-22T18:00:00.000Z',
      status: 'new',
      description: '菜里有头发',
      customer: '王芳',
    });
  });

  it('says numbers with gaps between them as from the lowest to the highest, not one after another, rather than as a run', () => {
    const target = tempLogbook(NOW);
    const file = join(target.dir, 'gap.csv');
    writeFileSync(file, ['id,logged_at,occurred_at,status,description', `1,${NOW},${NOW},new,cold soup`, `5000000000,${NOW},${NOW},new,a stray zero`, ''].join('\r\n'));
    expect(target.ok(['import', file, '--dry-run'])).toBe(
      `Would import 2 complaints from ${file} as numbers from #1 to #5000000000, not one after another; nothing was written (--dry-run).\n`,
    );
    expect(target.ok(['import', file], { env: { LANG: 'zh_CN.UTF-8' } })).toMatch(/^已从「[^」]+」导入 2 条投诉，编号为 #1 至 #5000000000 之间（不连续）。/);
  });

  it('recognises its own complaints in an export of it whose uid column was deleted, and not one whose words were changed', () => {
    const target = tempLogbook(NOW);
    target.ok(['log', '汤是凉的，"很生气"', '--at', '2026-11-22 08:00']);
    target.ok(['log', 'first line,\nsecond line', '--at', '2026-11-22 09:00']);
    target.ok(['resolve', '2', '--remedy', 'refund', '--cost', '4.50', '--at', '2026-11-22 10:00']);
    const rows = parse(target.ok(['export']), { relax_column_count: false }) as string[][];
    const uidAt = rows[0]!.indexOf('uid');
    const withoutUids = (edit: (row: string[]) => string[] = (row) => row) =>
      rows.map((row, index) => (index === 0 ? row : edit(row)).filter((_, column) => column !== uidAt).map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';
    const file = join(target.dir, 'no-uids.csv');
    writeFileSync(file, withoutUids());
    for (const flags of [[], ['--new-ids'], ['--dry-run']]) {
      expect(runComparing(target, ['import', file, ...flags])).toMatchObject({
        code: 0,
        unchanged: true,
        stdout: `Nothing to import: all 2 complaints in ${file} are in the logbook already.\n`,
      });
    }
    const descriptionAt = rows[0]!.indexOf('description');
    writeFileSync(file, withoutUids((row) => row.map((cell, column) => (column === descriptionAt && row[0] === '2' ? 'first line, edited' : cell))));
    expect(runComparing(target, ['import', file])).toMatchObject({
      code: 1,
      unchanged: true,
      stderr: "complaints: the logbook has other complaints numbered #2; add --new-ids to number the file's complaints after the last one, or import into an empty logbook; nothing was imported\n",
    });
    // And so in a file larger than the logbook, which is loaded in bulk.
    const filler = 'x'.repeat(400);
    const header = rows[0]!.filter((name) => name !== 'uid');
    const given: Record<string, (i: number) => string> = { id: (i) => String(i + 3), logged_at: () => NOW, occurred_at: () => NOW, status: () => 'new', description: (i) => `${filler} ${i}` };
    const more = Array.from({ length: 1500 }, (_, i) => header.map((name) => given[name]?.(i) ?? '').join(',')).join('\r\n');
    writeFileSync(file, `${withoutUids()}${more}\r\n`);
    expect(target.ok(['import', file])).toBe(`Imported 1500 complaints from ${file} as #3–#1502; 2 complaints were in the logbook already and were left as they are.\n`);
  });

  it.each([
    ['resolved before it happened', `1,${NOW},2026-11-20T12:00:00Z,resolved,cold soup,refund,2026-11-17T12:00:00Z,`, 'resolved_at is before occurred_at'],
    ['that happens in 2099', `1,2099-01-01T00:00:00Z,2099-01-01T00:00:00Z,new,cold soup,,,`, 'logged_at 2099-01-01T00:00:00.000Z is in the future'],
    ['new, with a remedy and a satisfaction', `1,${NOW},${NOW},new,cold soup,refund,,5`, 'satisfaction is given but followed_up_at is empty'],
    ['closed, with nothing filled in', `1,${NOW},${NOW},closed,cold soup,,,`, 'status is closed but resolved_at is empty; a closed complaint was resolved'],
  ])('refuses a complaint %s, as no command could make it, naming the line and the rule, and imports nothing', (_, row, rule) => {
    const target = oneComplaintLogbook();
    const file = join(target.dir, 'impossible.csv');
    writeFileSync(file, ['id,logged_at,occurred_at,status,description,remedy,resolved_at,satisfaction', `2,${NOW},${NOW},new,fine,,,`, row.replace(/^1,/, '3,'), ''].join('\r\n'));
    expect(runComparing(target, ['import', file])).toMatchObject({
      code: 2,
      unchanged: true,
      stderr: `complaints: line 3: ${rule}; nothing was imported from ${file}\n`,
    });
  });

  it.each([
    ['a customer longer than a name may be', `3,${NOW},${NOW},new,cold soup,${'王'.repeat(101)},,,`, 'customer: 101 characters; a name may have at most 100'],
    ['a customer on two lines', `3,${NOW},${NOW},new,cold soup,"Li\nSi",,,`, 'customer: one line only'],
    ['a cause longer than a name may be', `3,${NOW},${NOW},triaged,cold soup,,product,${'凉'.repeat(150)},`, 'cause: 150 characters'],
    ['a new category with a control character', `3,${NOW},${NOW},triaged,cold soup,,fo\x01od,cold,`, 'category: one line only'],
    ['an assignee on two lines', `3,${NOW},${NOW},assigned,cold soup,,product,cold,"小\n王"`, 'assignee: one line only'],
  ])('refuses a complaint with %s, as the commands do, naming the line, and imports nothing', (_, row, rule) => {
    const target = oneComplaintLogbook();
    const file = join(target.dir, 'names.csv');
    writeFileSync(file, ['id,logged_at,occurred_at,status,description,customer,category,cause,assignee', `2,${NOW},${NOW},new,fine,,,,`, row, ''].join('\r\n'));
    const result = runComparing(target, ['import', file]);
    expect(result).toMatchObject({ code: 2, unchanged: true });
    expect(result.stderr).toMatch(new RegExp(`^complaints: line 3: ${rule}[^\n]*; nothing was imported from `));
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  it.each([
    ['into a logbook larger than the file', () => oneComplaintLogbook(), []],
    ['into a logbook larger than the file, checking only', () => oneComplaintLogbook(), ['--dry-run']],
    ['as a bulk load into an empty logbook', () => emptyLogbook(), []],
  ])('refuses a file giving two complaints one uid, %s, naming the first given again of several', (_, logbook, flags) => {
    const target = logbook();
    const file = join(target.dir, 'uid-twice.csv');
    const uid = 'f0f6a3c7-2b1d-4e8f-9a0b-5c4d3e2f1a0b';
    // Given twice too, but again only after the other: a lower uid, which is not the one named.
    const later = '00000000-2b1d-4e8f-9a0b-5c4d3e2f1a0b';
    // Larger than an empty logbook, so that it is loaded as a bulk load.
    const filler = 'x'.repeat(400_000);
    writeFileSync(
      file,
      [
        'id,logged_at,occurred_at,status,description,uid',
        `2,${NOW},${NOW},new,fine,`,
        `3,${NOW},${NOW},new,${filler},${uid}`,
        `4,${NOW},${NOW},new,first,${later}`,
        `5,${NOW},${NOW},new,again,${uid.toUpperCase()}`,
        `6,${NOW},${NOW},new,second,${later}`,
        '',
      ].join('\r\n'),
    );
    expect(runComparing(target, ['import', file, ...flags])).toMatchObject({
      code: 2,
      unchanged: true,
      stderr: `complaints: the file gives two complaints the uid ${uid}; each complaint has a uid of its own; nothing was imported from ${file}\n`,
    });
  });

  it('refuses a file giving two complaints one uid as a bulk load into a logbook with complaints, the second on an id the logbook holds', () => {
    // A bulk load is SQLite's: a file larger than the logbook's.
    const target = oneComplaintLogbook('sqlite');
    const file = join(target.dir, 'uid-twice-on-a-held-id.csv');
    const uid = '0f6a3c7e-2b1d-4e8f-9a0b-5c4d3e2f1a0b';
    // Larger than the logbook, so that it is loaded as a bulk load.
    const filler = 'x'.repeat(statSync(target.db).size + 100_000);
    writeFileSync(file, ['id,logged_at,occurred_at,status,description,uid', `2,${NOW},${NOW},new,${filler},${uid}`, `1,${NOW},${NOW},new,again,${uid}`, ''].join('\r\n'));
    expect(runComparing(target, ['import', file])).toMatchObject({
      code: 2,
      unchanged: true,
      stderr: `complaints: the file gives two complaints the uid ${uid}; each complaint has a uid of its own; nothing was imported from ${file}\n`,
    });
  });

  it('skips, dry run and import alike, a complaint the logbook holds however often the file gives its uid', () => {
    const target = oneComplaintLogbook();
    const [header, row] = target.ok(['export']).split('\r\n') as [string, string];
    const file = join(target.dir, 'held-twice.csv');
    writeFileSync(file, [header, row, row.replace(/^1,/, '2,'), ''].join('\r\n'));
    const said = `Nothing to import: all 2 complaints in ${file} are in the logbook already.\n`;
    expect(runComparing(target, ['import', file, '--dry-run'])).toMatchObject({ code: 0, stdout: said, unchanged: true });
    expect(runComparing(target, ['import', file])).toMatchObject({ code: 0, stdout: said, unchanged: true });
  });

  it("adds the categories and channels the shop's lists do not have, saying so, and none when it refuses the file", () => {
    const target = oneComplaintLogbook();
    target.ok(['config', 'set', 'categories', '菜品,服务']);
    const file = join(target.dir, 'categories.csv');
    const rows = ['id,logged_at,occurred_at,status,description,category,cause,channel', `2,${NOW},${NOW},triaged,汤凉了,菜品,上菜慢,美团`, `3,${NOW},${NOW},triaged,cold tea,product,cold food,phone`];
    writeFileSync(file, [...rows, `4,${NOW},${NOW},triaged,,product,cold food,phone`, ''].join('\r\n'));
    expect(runComparing(target, ['import', file])).toMatchObject({ code: 2, unchanged: true });

    writeFileSync(file, [...rows, ''].join('\r\n'));
    const dryRun = target.run(['import', file, '--dry-run']);
    expect(dryRun.stderr).toBe(
      "Would add to the shop's categories, as the file has them: product.\nWould add to the shop's channels, as the file has them: 美团.\n",
    );
    const imported = target.run(['import', file]);
    expect(imported).toMatchObject({ code: 0, stdout: `Imported 2 complaints from ${file} as #2–#3.\n` });
    expect(imported.stderr).toContain("Added to the shop's categories, as the file has them: product ('complaints config set categories' changes the list).\n");
    expect(imported.stderr).toContain("Added to the shop's channels, as the file has them: 美团 ('complaints config set channels' changes the list).\n");
    expect(target.ok(['config', 'get', 'categories'])).toBe('菜品,服务,product\n');
    expect(target.ok(['config', 'get', 'channels'])).toBe('in-person,phone,email,web,social,other,美团\n');
  });

  it('brings back no category the owner took off the lists for complaints the logbook has already, dry run and import alike', () => {
    const shop = oneComplaintLogbook();
    shop.ok(['config', 'set', 'categories', '配送、外卖、服务']);
    shop.ok(['triage', '1', '--category', '配送', '--cause', '送晚了']);
    const file = join(shop.dir, 'week.csv');
    writeFileSync(file, shop.ok(['export']));
    // The owner folds 配送 into 外卖; the week's file, imported again, holds only #1, there already.
    shop.ok(['config', 'set', 'categories', '外卖、服务']);
    expect(runComparing(shop, ['import', file, '--dry-run'])).toMatchObject({ code: 0, stderr: '', unchanged: true });
    expect(runComparing(shop, ['import', file])).toMatchObject({ code: 0, stderr: '', unchanged: true });
    // Beside a new complaint, of 外卖, still none: only a complaint added brings its category.
    const { uid, logged_at, occurred_at } = JSON.parse(shop.ok(['show', '1', '--json']));
    writeFileSync(file, ['uid,id,logged_at,occurred_at,status,description,category,cause', `${uid},1,${logged_at},${occurred_at},triaged,bread was stale,配送,送晚了`, `,2,${NOW},${NOW},triaged,汤洒了,外卖,洒了`, ''].join('\r\n'));
    expect(shop.run(['import', file, '--dry-run'])).toMatchObject({ code: 0, stderr: '' });
    expect(shop.run(['import', file])).toMatchObject({ code: 0, stdout: `Imported 1 complaint from ${file} as #2; 1 complaint was in the logbook already and was left as it is.\n` });
    expect(shop.ok(['config', 'get', 'categories'])).toBe('外卖,服务\n');
  });

  it("moves a shop's logbook with its own categories through export | import - into a new one", () => {
    const shop = oneComplaintLogbook();
    shop.ok(['config', 'set', 'categories', '菜品、饮料、服务']);
    shop.ok(['triage', '1', '--category', '菜品', '--cause', '太咸']);
    shop.ok(['config', 'set', 'categories', '饮料、服务']);
    const moved = tempLogbook(NOW);
    moved.ok(['import', '-'], { input: shop.ok(['export']) });
    expect(moved.ok(['export'])).toBe(shop.ok(['export']));
    expect(moved.ok(['config', 'get', 'categories'])).toBe('product,service,staff,price,delivery,premises,other,菜品\n');
  });

  it('refuses a bad row after held ids as a bad file, with exit 2', () => {
    const target = oneComplaintLogbook();
    const file = join(target.dir, 'held-then-bad.csv');
    writeFileSync(file, ['id,logged_at,occurred_at,status,description', `1,${NOW},${NOW},new,held`, `2,${NOW},${NOW},new,fine`, `3,${NOW},${NOW},open,bad`, ''].join('\r\n'));
    const refused = runComparing(target, ['import', file]);
    expect(refused).toMatchObject({ code: 2, unchanged: true });
    expect(refused.stderr).toBe(`complaints: line 4: status: 'open' is not one of new, triaged, assigned, resolved, closed, rejected, withdrawn; nothing was imported from ${file}\n`);
  });

  it('says so when the file has a header but no complaints', () => {
    const target = oneComplaintLogbook();
    const file = join(target.dir, 'header-only.csv');
    writeFileSync(file, `${COLUMNS.join(',')}\r\n`);
    const result = runComparing(target, ['import', file]);
    expect(result).toMatchObject({ code: 0, unchanged: true, stdout: `Nothing to import: ${file} has a header but no complaints.\n` });
  });

  it('passes over rows of empty cells, as a spreadsheet writes rows whose cells were cleared', () => {
    const target = oneComplaintLogbook();
    const file = join(target.dir, 'cleared-rows.csv');
    const empty = ',,,,';
    writeFileSync(file, ['id,logged_at,occurred_at,status,description', `2,${NOW},${NOW},new,汤凉了`, empty, ` , ,,,`, `3,${NOW},${NOW},new,茶太甜`, empty, ''].join('\r\n'));
    expect(target.run(['import', file])).toMatchObject({ code: 0, stdout: `Imported 2 complaints from ${file} as #2–#3.\n` });
  });

  it('shows its progress on stderr when it is a terminal, checking and importing in one pass', () => {
    const target = tempLogbook(NOW);
    const result = runAtTerminal(target, ['import', exported], { env: { COMPLAINTS_NOW: NOW } });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Importing █+.* 100%/);
    expect(result.stdout).not.toContain('Checking');
    const dryRun = runAtTerminal(tempLogbook(NOW), ['import', exported, '--dry-run'], { env: { COMPLAINTS_NOW: NOW } });
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toMatch(/Checking █+.* 100%/);
  });
});

describe('import of a file larger than the logbook', () => {
  // Large enough that the import drops the complaints' indexes and builds them again afterwards.
  const ROWS = 2_000;
  const header = 'id,logged_at,occurred_at,status,description,customer,category,cause,respond_by,resolved_at,remedy,action';
  // Each of 20 days in November has 100 complaints: by default the days go round; `inLoggedOrder`
  // has them come a day at a time.
  const row = (id: number, inLoggedOrder = false) => {
    const day = 1 + (inLoggedOrder ? Math.floor((id - 1) / (ROWS / 20)) : id % 20);
    return `${id},${NOW},2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z,resolved,cold soup ${id},Customer ${id % 97},product,cause ${id % 13},${NOW},${NOW},refund,${id % 3 ? '' : 'fixed'}`;
  };
  const schema = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return {
        objects: db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name`).all(),
        integrity: db.pragma('integrity_check', { simple: true }),
        // A large import may leave write-ahead-log mode while it loads; every till expects it back.
        journalMode: db.pragma('journal_mode', { simple: true }),
      };
    } finally {
      db.close();
    }
  };

  // How a bulk load is written into an SQLite file: its indexes, triggers and journal mode.
  // Rows in the order they were logged keep the indexes led by a time up as they go in; others have them built again.
  it.each([
    ['newest first', (i: number) => row(ROWS - i)],
    ['in the order they were logged', (i: number) => row(i + 1, true)],
  ])('builds the indexes again as the migrations made them, holding every complaint, from rows %s', (_, rowAt) => {
    const target = tempLogbook(NOW, 'sqlite');
    target.ok(['config', 'set', 'shop', 'Corner Café']);
    const before = schema(target.db);
    const file = join(target.dir, 'large.csv');
    writeFileSync(file, [header, ...Array.from({ length: ROWS }, (_, i) => rowAt(i)), ''].join('\r\n'));
    expect(statSync(file).size).toBeGreaterThan(statSync(target.db).size);
    expect(target.ok(['import', file])).toBe(`Imported ${ROWS} complaints from ${file} as #1–#${ROWS}.\n`);
    expect(schema(target.db)).toEqual({ ...before, integrity: 'ok' });
    const db = new Database(target.db, { readonly: true });
    try {
      expect(db.prepare(`SELECT count(*) FROM complaints INDEXED BY complaints_by_cause WHERE cause = 'cause 5'`).pluck().get()).toBe(154);
      expect(db.prepare(`SELECT count(*) FROM complaints INDEXED BY complaints_with_action_by_recorded WHERE action IS NOT NULL AND action_at > ''`).pluck().get()).toBe(666);
      expect(db.prepare(`SELECT count(*) FROM complaints INDEXED BY complaints_for_report WHERE occurred_at >= '2026-11-05' AND occurred_at < '2026-11-07'`).pluck().get()).toBe(200);
      // The triggers that keep each day's figures were set aside too; the days are counted afresh.
      const days = db.prepare(`SELECT day, logged, answered FROM daily_figures ORDER BY day`).all();
      expect(days).toEqual(Array.from({ length: 20 }, (_, i) => ({ day: `2026-11-${String(i + 1).padStart(2, '0')}`, logged: 100, answered: 100 })));
    } finally {
      db.close();
    }
  });

  it('adds what a bulk load brings to the month tallies kept before it, as the set-aside triggers would', () => {
    const target = tempLogbook(NOW, 'sqlite');
    target.ok(['log', '汤是凉的', '--no-input', '--at', '2026-11-02 12:00']);
    target.ok(['triage', '1', '--category', 'product', '--cause', 'cause 5', '--at', '2026-11-02 12:30']);
    target.ok(['resolve', '1', '--remedy', 'refund', '--action', '换了保温灯', '--at', '2026-11-02 15:00']);
    target.ok(['log', 'bread was stale', '--no-input', '--at', '2026-11-03 09:00']);
    const file = join(target.dir, 'large.csv');
    writeFileSync(file, [header, ...Array.from({ length: ROWS }, (_, i) => row(i + 1)), ''].join('\r\n'));
    expect(statSync(file).size).toBeGreaterThan(statSync(target.db).size);
    target.ok(['import', file, '--new-ids']);
    expect(target.ok(['check'])).toMatch(/^ok: /);
  });

  it('imports while another till has the logbook open, and that till sees every complaint afterwards', () => {
    const target = tempLogbook(NOW, 'sqlite');
    target.ok(['config', 'set', 'shop', 'Corner Café']);
    const file = join(target.dir, 'large.csv');
    writeFileSync(file, [header, ...Array.from({ length: ROWS }, (_, i) => row(i + 1)), ''].join('\r\n'));
    const otherTill = new Database(target.db);
    try {
      const count = otherTill.prepare(`SELECT count(*) FROM complaints`).pluck();
      expect(count.get()).toBe(0);
      expect(target.ok(['import', file])).toBe(`Imported ${ROWS} complaints from ${file} as #1–#${ROWS}.\n`);
      expect(count.get()).toBe(ROWS);
      expect(otherTill.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      otherTill.close();
    }
  });

  it('leaves the logbook and its indexes as they were when its last row is bad', () => {
    const target = oneComplaintLogbook('sqlite');
    const before = schema(target.db);
    const file = join(target.dir, 'large-bad.csv');
    writeFileSync(file, [header, ...Array.from({ length: ROWS }, (_, i) => row(i + 2)), `${ROWS + 2},${NOW},${NOW},open,x,,,,,,,`, ''].join('\r\n'));
    const result = runComparing(target, ['import', file]);
    expect(result).toMatchObject({ code: 2, unchanged: true });
    expect(result.stderr).toBe(`complaints: line ${ROWS + 2}: status: 'open' is not one of new, triaged, assigned, resolved, closed, rejected, withdrawn; nothing was imported from ${file}\n`);
    expect(schema(target.db)).toEqual(before);
  });
});

describe('import --dry-run of a file of many batches', () => {
  // Rows enough for several batches, so that what is found in one batch is weighed against the rest.
  const header = 'id,logged_at,occurred_at,status,description,uid';
  const uidOf = (id: number) => `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`;
  const row = (id: number, uid = uidOf(id)) => `${id},${NOW},${NOW},new,Soup was cold (${id}),${uid}`;
  const fileOf = (dir: string, rows: string[]) => {
    const file = join(dir, 'many.csv');
    writeFileSync(file, [header, ...rows, ''].join('\r\n'));
    return file;
  };

  it('says a bad row in a later batch before a uid given twice in an earlier one, as the import does', () => {
    const target = oneComplaintLogbook();
    const rows = Array.from({ length: 3000 }, (_, i) => row(i + 2));
    rows[10] = row(12, uidOf(3));
    rows[2500] = row(2502).replace(',new,', ',open,');
    const file = fileOf(target.dir, rows);
    const dry = runComparing(target, ['import', file, '--dry-run']);
    const real = runComparing(target, ['import', file]);
    expect(dry).toMatchObject({ code: 2, unchanged: true });
    expect(dry.stderr).toBe(real.stderr);
    expect(dry.stderr).toContain('line 2502: status');
  });

  it('names the ids other complaints have in order, wherever in the file they come, as the import does', () => {
    const target = oneComplaintLogbook();
    target.ok(['log', 'Bread was stale', '--no-input']);
    // The logbook holds #1 and #2; the file gives them to other complaints, #2 in its first batch and #1 in its last.
    const rows = [row(2, uidOf(9999)), ...Array.from({ length: 2500 }, (_, i) => row(i + 3)), row(1, uidOf(9998))];
    const file = fileOf(target.dir, rows);
    const dry = runComparing(target, ['import', file, '--dry-run']);
    expect(dry).toMatchObject({ code: 1, unchanged: true });
    expect(dry.stderr).toBe(runComparing(target, ['import', file]).stderr);
    expect(dry.stderr).toContain('numbered #1, #2;');
  });

  it('counts what it would add and what is there already across batches', () => {
    const target = oneComplaintLogbook();
    const held = JSON.parse(target.ok(['show', '1', '--json'])).uid as string;
    const file = fileOf(target.dir, [...Array.from({ length: 2500 }, (_, i) => row(i + 2)), row(1, held)]);
    expect(target.ok(['import', file, '--dry-run'])).toBe(
      `Would import 2500 complaints from ${file} as #2–#2501; 1 complaint was in the logbook already and would be left as it is; nothing was written (--dry-run).\n`,
    );
  });
});

describe('import into a logbook that does not exist yet', () => {
  // The logbook and what SQLite or a draft would keep beside it (the folder is also the runs'
  // home, where Node 22.1 and later keep their compile cache).
  const logbookFiles = (target: Logbook) => readdirSync(target.dir).filter((name) => name.startsWith(basename(target.db)));
  const source = () => {
    const book = tempLogbook(NOW);
    book.ok(['log', 'Soup was cold', '--customer', 'Ann Lee', '--no-input']);
    return book.ok(['export']);
  };

  it('makes it, private, with nothing left beside it, and says so', () => {
    const target = tempLogbook(NOW, 'sqlite');
    const file = join(target.dir, 'in.csv');
    writeFileSync(file, source());
    expect(target.run(['import', file])).toMatchObject({
      code: 0,
      stdout: `Imported 1 complaint from ${file} as #1.\n`,
      stderr: expect.stringMatching(new RegExp(`^New logbook: ${target.db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n`)),
    });
    expect(logbookFiles(target)).toEqual([basename(target.db)]);
    expect(statSync(target.db).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['a file that is not a CSV of complaints', 'id,logged_at\r\n1,yesterday\r\n'],
    ['a bad row after good ones', source() + `2,${NOW},${NOW},open,Bread was stale\r\n`],
  ])('refuses %s and leaves no logbook, nor anything beside where it would be', (_, text) => {
    const target = tempLogbook(NOW, 'sqlite');
    const file = join(target.dir, 'in.csv');
    writeFileSync(file, text);
    const result = target.run(['import', file]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(logbookFiles(target)).toEqual([]);
  });

  it('makes none from a file with a header but no complaints', () => {
    const target = tempLogbook(NOW, 'sqlite');
    const file = join(target.dir, 'in.csv');
    writeFileSync(file, `${COLUMNS.join(',')}\r\n`);
    expect(target.run(['import', file])).toMatchObject({ code: 0, stdout: `Nothing to import: ${file} has a header but no complaints.\n` });
    expect(logbookFiles(target)).toEqual([]);
  });

  it('refuses a bad file into folders not there yet and leaves no folder behind, keeping those that were', () => {
    const target = tempLogbook(NOW, 'sqlite');
    mkdirSync(join(target.dir, 'shops'));
    const file = join(target.dir, 'in.csv');
    writeFileSync(file, 'id,logged_at\r\n1,yesterday\r\n');
    const result = target.run(['--db', join('shops', 'east', 'till 2', 'logbook.db'), 'import', file], { cwd: target.dir });
    expect(result.code).toBe(2);
    expect(readdirSync(join(target.dir, 'shops'))).toEqual([]);
  });

  it('refuses a bad file on standard input the same way', () => {
    const target = tempLogbook(NOW, 'sqlite');
    const result = target.run(['import', '-'], { input: 'id,logged_at\r\n1,yesterday\r\n' });
    expect(result.code).toBe(2);
    expect(logbookFiles(target)).toEqual([]);
  });
});

describe('import of a file larger than it reads at once', () => {
  // More than the megabyte import reads at a time, so records, lines and checks carry across pieces.
  const ROWS = 12_000;
  const header = 'id,logged_at,occurred_at,status,description,customer';
  const row = (id: number) => `${id},${NOW},${NOW},new,"the soup was cold, again (${id})\r\nand the bread stale",Customer ${id % 97} ${'·'.repeat(20)}`;
  const fileOf = (dir: string, rows: Array<string | Buffer>) => {
    const file = join(dir, 'large.csv');
    writeFileSync(file, Buffer.concat([...rows.flatMap((r) => [Buffer.from(r), Buffer.from('\r\n')])]));
    expect(statSync(file).size).toBeGreaterThan(1024 * 1024);
    return file;
  };

  it('imports every row', () => {
    const target = tempLogbook(NOW);
    const file = fileOf(target.dir, [header, ...Array.from({ length: ROWS }, (_, i) => row(i + 1))]);
    expect(target.ok(['import', file])).toBe(`Imported ${ROWS} complaints from ${file} as #1–#${ROWS}.\n`);
    expect(JSON.parse(target.ok(['show', String(ROWS), '--json'])).description).toBe(`the soup was cold, again (${ROWS})\r\nand the bread stale`);
  });

  it.each([
    // A row's line is where it begins; a byte's, where the byte is (the row's second line here).
    ['a bad status', (id: number) => row(id).replace(',new,', ',open,'), 0, "status: 'open' is not one of new, triaged, assigned, resolved, closed, rejected, withdrawn"],
    ['bytes that are not UTF-8', (id: number) => Buffer.concat([Buffer.from(row(id)), Buffer.from([0xff])]), 1, 'the text is not UTF-8 (saved in another encoding?); save the file as CSV UTF-8, or import a Chinese Excel\'s CSV with --encoding gbk'],
  ])('refuses %s far into the file, naming its line, and changes nothing', (_, bad, lineInRow, reason) => {
    const target = oneComplaintLogbook();
    const badId = ROWS - 10;
    const rows = Array.from({ length: ROWS }, (_, i) => (i + 2 === badId ? bad(i + 2) : row(i + 2)));
    const file = fileOf(target.dir, [header, ...rows]);
    // The header is line 1 and each row takes two lines (a line break in its description).
    const line = 2 + (badId - 2) * 2 + lineInRow;
    const result = runComparing(target, ['import', file]);
    expect(result).toMatchObject({ code: 2, unchanged: true });
    expect(result.stderr).toBe(`complaints: line ${line}: ${reason}; nothing was imported from ${file}\n`);
  });
});

describe('import of a CSV a Chinese Excel saved (GBK)', () => {
  // 汤是凉的 and 顾客 as GB18030 (and GBK) writes them; Node reads that encoding but cannot write it.
  const SOUP_WAS_COLD = Buffer.from([0xcc, 0xc0, 0xca, 0xc7, 0xc1, 0xb9, 0xb5, 0xc4]);
  const CUSTOMER = Buffer.from([0xb9, 0xcb, 0xbf, 0xcd]);
  const ROWS = 30_000;
  const header = Buffer.from('id,logged_at,occurred_at,status,description,customer\r\n');
  const row = (id: number) => Buffer.concat([Buffer.from(`${id},${NOW},${NOW},new,`), SOUP_WAS_COLD, Buffer.from(` ${id},`), CUSTOMER, Buffer.from(`${id % 97}\r\n`)]);
  // More than the megabyte import reads at a time, so characters and lines are cut between pieces.
  const fileOf = (dir: string, rows: Buffer[]) => {
    const file = join(dir, 'saved-by-excel.csv');
    writeFileSync(file, Buffer.concat([header, ...rows]));
    expect(statSync(file).size).toBeGreaterThan(1024 * 1024);
    return file;
  };

  it('imports every row with --encoding gbk, as the Chinese it was typed in', () => {
    const target = tempLogbook(NOW);
    const file = fileOf(target.dir, Array.from({ length: ROWS }, (_, i) => row(i + 1)));
    expect(target.ok(['import', file, '--encoding', 'gbk', '--dry-run'])).toContain(`Would import ${ROWS} complaints`);
    expect(target.ok(['import', file, '--encoding', 'gbk'])).toBe(`Imported ${ROWS} complaints from ${file} as #1–#${ROWS}.\n`);
    expect(JSON.parse(target.ok(['show', String(ROWS), '--json']))).toMatchObject({ description: `汤是凉的 ${ROWS}`, customer: `顾客${ROWS % 97}` });
  });

  it('refuses bytes that are not GBK far into the file, naming their line, and changes nothing', () => {
    const target = oneComplaintLogbook();
    const badId = ROWS - 10;
    const rows = Array.from({ length: ROWS }, (_, i) => (i + 2 === badId ? Buffer.concat([Buffer.from([0x81, 0x20]), row(i + 2)]) : row(i + 2)));
    const file = fileOf(target.dir, rows);
    const result = runComparing(target, ['import', file, '--encoding', 'gbk']);
    expect(result).toMatchObject({ code: 2, unchanged: true });
    expect(result.stderr).toBe(
      `complaints: line ${badId}: the text is not GBK or GB18030; save the file as CSV UTF-8 and import it without --encoding; nothing was imported from ${file}\n`,
    );
  });

  it('refuses a UTF-8 file given --encoding gbk, which would read as other characters, and changes nothing', () => {
    const target = oneComplaintLogbook();
    const file = join(target.dir, 'utf-8.csv');
    writeFileSync(file, `id,logged_at,occurred_at,status,description\r\n2,${NOW},${NOW},new,汤是凉的\r\n`);
    const result = runComparing(target, ['import', file, '--encoding', 'gbk']);
    expect(result).toMatchObject({ code: 2, unchanged: true });
    expect(result.stderr).toBe(`complaints: line 2: the text is UTF-8 already; import the file without --encoding; nothing was imported from ${file}\n`);
  });

  it('refuses an encoding it does not read, in one line, and changes nothing', () => {
    const target = oneComplaintLogbook();
    const file = join(target.dir, 'saved-by-excel.csv');
    writeFileSync(file, Buffer.concat([header, row(2)]));
    const result = runComparing(target, ['import', file, '--encoding', 'big5']);
    expect(result).toMatchObject({ code: 2, unchanged: true });
    expect(result.stderr).toBe(`complaints: --encoding: 'big5' is not an encoding import reads; use utf-8 (the default) or gbk (GB18030, as a Chinese Excel saves CSV)\n`);
  });
});
