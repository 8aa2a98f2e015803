import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefusedInOneLine, typed } from '../support/bad-input.js';
import { dumpDatabase, runAtTerminal, runComparing, tempLogbook } from './harness.js';

function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

// One logbook shared by every check below that must leave it unchanged; each check compares
// its own before and after, so a command that wrongly writes fails only its own test.
//   #1 new       'soup was cold' by Ann Lee, occurred 2026-11-20 09:00
//   #2 resolved  occurred 2026-11-20 10:00
const book = tempLogbook();

beforeAll(() => {
  book.ok(['log', 'soup was cold', '--customer', 'Ann Lee', '--at', '2026-11-20 09:00']);
  book.ok(['log', 'wrong size', '--at', '2026-11-20 10:00']);
  book.ok(['resolve', '2', '--remedy', 'replacement', '--at', '2026-11-21 10:00']);
}, 60_000);

// The launcher's own way out for bad input, through the binary: a usage error and a refusal of
// ours, and commander's errors, one with a suggestion. Every case of bad input is in
// test/commands/bad-input.test.ts, in-process.
const THROUGH_THE_BINARY: Array<[string[], 1 | 2, string]> = [
  [['show', '#99'], 1, 'no complaint #99'],
  [['assign', '1x', 'Sam'], 2, "'1x' is not a complaint id"],
  [['log', 'x', '--at', '2026-02-30'], 2, "--at: '2026-02-30' is no day of the calendar"],
  [['resolve'], 2, "missing required argument 'id'"],
  [['1', '2', '3'], 2, "too many arguments for 'complaints': it takes one, given 3; use: complaints <id>"],
  [['list', '--jsn'], 2, "unknown option '--jsn'"],
  [['log', 'x', '--customer', '甲', '--customer', '乙'], 2, '--customer is given more than once; give it once'],
  // Text that starts with a dash is read as an option; the line says how to give it as text.
  [['log', '-5 stars'], 2, "'-5 stars' is not an option; give text that starts with a dash last, after --, which ends the options: -- '-5 stars'"],
  [['log', '-差评，汤是凉的'], 2, "after --, which ends the options: -- '-差评，汤是凉的'"],
  // A word repeated in a refusal is shown inert and on the one line: it cannot clear the screen or add a line.
  [['show', '\u001b[2J\r\nfake'], 2, "'\\x1b[2J\\x0d\\nfake' is not a complaint id"],
  // A long word repeated is cut in its middle, not echoed whole (10,000 characters made a line of 10,119).
  [['resolve', '2', '--remedy', 'refund', '--cost', '1'.repeat(10_000)], 2, `--cost: '${'1'.repeat(40)}…${'1'.repeat(39)}' is too large an amount`],
  [['follow-up', '2', `--satisfaction=${'汤'.repeat(5000)}`], 2, `--satisfaction: '${'汤'.repeat(20)}…${'汤'.repeat(19)}' is not a satisfaction`],
];

describe('bad input through the binary', () => {
  it.each(THROUGH_THE_BINARY.map(([args, code, names]) => [typed(args), code, args, names] as const))(
    '%s exits %i with one line on stderr naming the problem, and changes nothing',
    (_typed, code, args, names) => {
      expectRefusedInOneLine(runComparing(book, args), code, names);
    },
  );
});

describe('a complaint that says nothing, into a logbook not made yet', () => {
  it('is refused before the logbook is made, leaving no file behind', () => {
    const book = tempLogbook();
    const file = join(book.dir, 'new', 'shop.db');
    for (const text of ['', '   ']) {
      expect(book.run(['--db', file, 'log', text, '--no-input'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^complaints: say what the complaint is/) });
    }
    expect(existsSync(file)).toBe(false);
  });

  it('is refused with a channel the logbook about to be made would not list, in the language spoken, leaving no file behind', () => {
    const book = tempLogbook();
    const file = join(book.dir, 'new', 'shop.db');
    expect(book.run(['--db', file, 'log', 'soup was cold', '--channel', 'carrier pigeon', '--no-input'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^complaints: --channel: 'carrier pigeon' is not one of/) });
    expect(book.run(['--db', file, 'log', '汤凉了', '--channel', 'phone', '--no-input'], { env: { LANG: 'zh_CN.UTF-8' } })).toMatchObject({ code: 2, stdout: '' });
    expect(existsSync(file)).toBe(false);
    // A channel it lists is taken, by either of its names.
    expect(book.run(['--db', file, 'log', '汤凉了', '--channel', '电话', '--no-input'], { env: { LANG: 'zh_CN.UTF-8' } }).code).toBe(0);
  });
});

describe('text that starts with a dash', () => {
  it('is logged as given after --', () => {
    const dashed = tempLogbook();
    dashed.ok(['log', '--no-input', '--', '-5 stars']);
    expect(JSON.parse(dashed.ok(['show', '1', '--json'])).description).toBe('-5 stars');
  });
});

describe('a customer who complained before', () => {
  it('is named on stderr with the earlier complaints, whatever the case of the name, and a new customer is not', () => {
    const fresh = tempLogbook();
    fresh.ok(['log', 'soup was cold', '--customer', 'Ann Lee', '--at', '2026-11-20']);
    fresh.ok(['log', 'bread was stale', '--customer', 'ANN LEE', '--at', '2026-11-21']);
    expect(fresh.run(['log', 'no spoons', '--customer', 'ann lee'])).toEqual({
      code: 0,
      stdout: 'Logged #3; respond by 2026-11-24 10:00.\n',
      stderr: [
        'note: ann lee complained before: #1 (2026-11-20), #2 (2026-11-21)',
        'next: complaints triage 3 --category … --cause …',
        '',
      ].join('\n'),
    });
    expect(fresh.run(['log', 'cold tea', '--customer', 'Cy Young']).stderr).not.toContain('complained before');
  });

  it('gives as the latest the complaints that happened last, whatever order they were entered in', () => {
    const fresh = tempLogbook();
    for (const at of ['2026-11-20', '2026-10-01', '2026-09-01', '2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01']) {
      fresh.ok(['log', 'soup was cold', '--customer', 'Pat', '--at', at]);
    }
    expect(fresh.run(['log', 'again', '--customer', 'Pat']).stderr.split('\n')[0]).toBe(
      'note: Pat complained 7 times before; the latest: #6 (2025-03-01), #7 (2025-04-01), #3 (2026-09-01), #2 (2026-10-01), #1 (2026-11-20)',
    );
  });

  it('is recognised by the same contact under another name, and the notice stays off stdout with --json', () => {
    const fresh = tempLogbook();
    fresh.ok(['log', 'soup was cold', '--customer', 'Ann Lee', '--contact', 'ANN@example.com', '--at', '2026-11-20']);
    const result = fresh.run(['log', 'no spoons', '--customer', 'A. Lee', '--contact', 'ann@example.com', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 2, customer: 'A. Lee' });
    expect(result.stderr.split('\n')).toContain('note: ann@example.com complained before: #1 (2026-11-20, Ann Lee)');
  });

  it('says whether the name or the contact was met before, naming those who gave the contact under another name', () => {
    const fresh = tempLogbook();
    const env = { LANG: 'zh_CN.UTF-8' };
    fresh.ok(['log', '汤是凉的', '--customer', '刘敏', '--contact', '13800138000', '--at', '2026-11-20'], { env });
    // A number typed with a Chinese input method's full-width digits is the same number, kept in plain digits.
    expect(fresh.run(['log', '太咸', '--customer', '周杰', '--contact', '１３８００１３８０００', '--at', '2026-11-21'], { env }).stderr).toContain(
      '提示：联系方式「13800138000」之前投诉过：#1（2026-11-20，刘敏）\n',
    );
    expect(JSON.parse(fresh.ok(['show', '2', '--json'])).contact).toBe('13800138000');
    expect(fresh.run(['log', '又凉了', '--customer', '刘敏', '--at', '2026-11-22'], { env }).stderr).toContain('提示：顾客「刘敏」之前投诉过：#1（2026-11-20）\n');
    expect(fresh.run(['log', '还是凉', '--customer', '刘敏', '--contact', '138 0013 8000', '--at', '2026-11-23'], { env }).stderr).toContain(
      '提示：顾客「刘敏」或联系方式「138 0013 8000」之前投诉过：#1（2026-11-20）、#2（2026-11-21，周杰）、#3（2026-11-22）\n',
    );
  });

  it('is recognised whatever the case of a name in any script, and however a phone number is punctuated', () => {
    const fresh = tempLogbook();
    fresh.ok(['log', 'soup was cold', '--customer', 'Zoë Brontë', '--at', '2026-11-20']);
    fresh.ok(['log', 'tea was cold', '--customer', '王芳', '--contact', '(0712) 345-678', '--at', '2026-11-21']);
    expect(fresh.run(['log', 'no spoons', '--customer', 'ZOË BRONTË']).stderr).toContain('note: ZOË BRONTË complained before: #1 (2026-11-20)\n');
    expect(fresh.run(['log', 'no cups', '--contact', '0712 345678']).stderr).toContain('note: 0712 345678 complained before: #2 (2026-11-21, 王芳)\n');
    // A name pasted from a chat app with a zero-width space in it is the same name.
    expect(fresh.run(['log', 'no bowls', '--customer', '王\u200b芳']).stderr).toContain('complained before: #2 (2026-11-21)');
    // So is one with a zero-width joiner, which joins nothing but emoji.
    expect(fresh.run(['log', 'no plates', '--customer', '王\u200d芳']).stderr).toContain('complained before: #2 (2026-11-21), #5 (2026-11-23)');
    expect(JSON.parse(fresh.ok(['list', '--customer', '王芳', '--json'])).map((c: { id: number }) => c.id).sort()).toEqual([2, 5, 6]);
  });

  it('counts a regular\'s many earlier complaints and lists the latest five', () => {
    const fresh = tempLogbook();
    for (let day = 10; day <= 16; day++) fresh.ok(['log', `complaint of the ${day}th`, '--customer', 'Ann Lee', '--at', `2026-11-${day}`]);
    expect(fresh.run(['log', 'again', '--customer', 'ann lee']).stderr).toContain(
      'note: ann lee complained 7 times before; the latest: #3 (2026-11-12), #4 (2026-11-13), #5 (2026-11-14), #6 (2026-11-15), #7 (2026-11-16)\n',
    );
  });
});

describe('where the logbook lives', () => {
  it('is created private (file 0600, folder 0700) under $XDG_DATA_HOME when neither --db nor COMPLAINTS_DB is given', () => {
    const fresh = tempLogbook();
    const dataHome = join(fresh.dir, 'xdg', 'data');
    const result = fresh.run(['log', 'soup was cold'], { env: { COMPLAINTS_DB: '', XDG_DATA_HOME: dataHome } });
    expect(result.code).toBe(0);
    const file = join(dataHome, 'complaints', 'complaints.db');
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(join(dataHome, 'complaints'))).toBe(0o700);
    expect(JSON.parse(dumpDatabase(file)).complaints.map((c: { description: string }) => c.description)).toEqual(['soup was cold']);
    expect(existsSync(fresh.db)).toBe(false);
  });

  it('falls back to ~/.local/share/complaints/complaints.db without XDG_DATA_HOME', () => {
    const fresh = tempLogbook();
    expect(fresh.run(['log', 'soup was cold'], { env: { COMPLAINTS_DB: '' } }).code).toBe(0);
    const file = join(fresh.dir, '.local', 'share', 'complaints', 'complaints.db');
    expect(modeOf(file)).toBe(0o600);
    expect(JSON.parse(dumpDatabase(file)).complaints).toHaveLength(1);
  });

  it('is under the home folder when XDG_DATA_HOME is relative, which the XDG specification has ignored, not where the command runs', () => {
    const fresh = tempLogbook();
    const elsewhere = join(fresh.dir, 'elsewhere');
    mkdirSync(elsewhere);
    expect(fresh.run(['log', 'soup was cold'], { env: { COMPLAINTS_DB: '', XDG_DATA_HOME: 'data' }, cwd: elsewhere }).code).toBe(0);
    expect(JSON.parse(dumpDatabase(join(fresh.dir, '.local', 'share', 'complaints', 'complaints.db'))).complaints).toHaveLength(1);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('is made private again by the next write when a copy left it readable by others', () => {
    const copied = tempLogbook(undefined, 'sqlite');
    copied.ok(['log', 'soup was cold']);
    chmodSync(copied.db, 0o644);
    copied.ok(['list']);
    expect(modeOf(copied.db)).toBe(0o644);
    copied.ok(['log', 'bread was stale']);
    expect(modeOf(copied.db)).toBe(0o600);
  });

  it('is the --db file even when COMPLAINTS_DB names another', () => {
    const other = join(book.dir, 'other.db');
    const result = runComparing(book, ['--db', other, 'log', 'written elsewhere']);
    expect({ code: result.code, unchanged: result.unchanged }).toEqual({ code: 0, unchanged: true });
    expect(JSON.parse(dumpDatabase(other)).complaints.map((c: { description: string }) => c.description)).toEqual([
      'written elsewhere',
    ]);
  });
});

describe('colour at a terminal', () => {
  // The first case shows the terminal really is one; the others must then print plain text.
  it.each<[string, string[], Record<string, string>, boolean]>([
    ['is used by default', [], {}, true],
    ['is off with NO_COLOR set', [], { NO_COLOR: '1' }, false],
    ['is off with --no-color', ['--no-color'], {}, false],
    ['is off with TERM=dumb', [], { TERM: 'dumb' }, false],
  ])('%s', (_when, args, env, coloured) => {
    const result = runAtTerminal(book, [...args, 'show', '1'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('soup was cold');
    expect(result.stdout.includes('\u001b[')).toBe(coloured);
  });
});

describe('no prompting where nobody can answer', () => {
  it('with CI=true and no terminal, log without text exits 2 instead of waiting', () => {
    const result = runComparing(book, ['log'], { env: { CI: 'true' } });
    expect(result).toMatchObject({ code: 2, stdout: '', unchanged: true });
    expect(result.stderr).toMatch(/^complaints: say what the complaint is[^\n]*\n$/);
  });

  it('with CI=true even at a terminal, log without text exits 2 instead of prompting', () => {
    const result = runAtTerminal(book, ['log'], { env: { CI: 'true' } });
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/^complaints: say what the complaint is/);
  });
});
