import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase, runAtTerminal, runComparing, tempLogbook } from './harness.js';

interface BadInput {
  kind: string;
  args: string[];
  /** 2 for a usage error, 1 for a runtime refusal. */
  code: 1 | 2;
  /** What the message must name, so the user sees which part of the command was wrong. */
  names: string;
}

/** Cases of one kind, each written as [args, exit code, what the message names]. */
function casesOf(kind: string, rows: Array<[string[], 1 | 2, string]>): BadInput[] {
  return rows.map(([args, code, names]) => ({ kind, args, code, names }));
}

/** A command line as it would be typed, quoting the words a shell would need quoted. */
function typed(args: string[]): string {
  return ['complaints', ...args].map((word) => (/^[\w#.,:+/@-]+$/.test(word) ? word : `"${word}"`)).join(' ');
}

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

const BAD_INPUT: BadInput[] = [
  ...casesOf('unknown id', [
    [['triage', '99', '--category', 'product', '--cause', 'cold food'], 1, 'no complaint #99'],
    [['assign', '99', 'Sam'], 1, 'no complaint #99'],
    [['resolve', '99', '--remedy', 'refund'], 1, 'no complaint #99'],
    [['follow-up', '99', '--satisfaction', '4'], 1, 'no complaint #99'],
    [['note', '99', 'called back'], 1, 'no complaint #99'],
    [['show', '#99'], 1, 'no complaint #99'],
  ]),
  ...casesOf('malformed id', [
    [['triage', 'abc', '--category', 'product', '--cause', 'cold food'], 2, "'abc' is not a complaint id"],
    [['assign', '1x', 'Sam'], 2, "'1x' is not a complaint id"],
    [['resolve', '#', '--remedy', 'refund'], 2, "'#' is not a complaint id"],
    [['follow-up', '1.5', '--satisfaction', '4'], 2, "'1.5' is not a complaint id"],
    [['note', '0', 'called back'], 2, "'0' is not a complaint id"],
    [['show', '##1'], 2, "'##1' is not a complaint id"],
  ]),
  ...casesOf('invalid choice', [
    [['log', 'x', '--channel', 'fax'], 2, "--channel: 'fax' is not one of in-person, phone"],
    [['log', 'x', '--wants', 'cash'], 2, "--wants: 'cash' is not one of refund"],
    [['triage', '1', '--category', 'food', '--cause', 'cold food'], 2, "--category: 'food' is not one of product"],
    [['triage', '1', '--category', 'product', '--cause', 'cold food', '--severity', 'huge'], 2, "--severity: 'huge'"],
    [['resolve', '1', '--remedy', 'cash'], 2, "--remedy: 'cash' is not one of refund"],
    [['list', '--status', 'new,open'], 2, "--status: 'open' is not one of new"],
    [['config', 'set', 'week-start', 'friday'], 2, "'friday' is not one of monday"],
    [['config', 'get', 'colour'], 2, "'colour' is not a setting"],
  ]),
  ...casesOf('invalid date', [
    [['log', 'x', '--at', '2026-02-30'], 2, "--at: '2026-02-30' is not a date"],
    [['triage', '1', '--category', 'product', '--cause', 'cold food', '--respond-by', 'never'], 2, "--respond-by: 'never'"],
    [['assign', '1', 'Sam', '--at', 'half past'], 2, "--at: 'half past'"],
    [['resolve', '1', '--remedy', 'refund', '--at', '13/11/2026'], 2, "--at: '13/11/2026'"],
    [['follow-up', '2', '--satisfaction', '4', '--at', '2026-11-23 25:00'], 2, "--at: '2026-11-23 25:00'"],
    [['note', '1', 'called back', '--at', 'last week'], 2, "--at: 'last week'"],
    [['list', '--since', 'nope'], 2, "--since: 'nope'"],
  ]),
  ...casesOf('future --at', [
    [['log', 'x', '--at', '+2d'], 2, "--at: '+2d' is in the future"],
    [['triage', '1', '--category', 'product', '--cause', 'cold food', '--at', '+1h'], 2, 'in the future'],
    [['assign', '1', 'Sam', '--at', '2026-11-24'], 2, 'in the future'],
    [['resolve', '1', '--remedy', 'refund', '--at', '+3d'], 2, 'in the future'],
    [['follow-up', '2', '--satisfaction', '4', '--at', '2026-11-23 11:00'], 2, 'in the future'],
    [['note', '1', 'called back', '--at', '+1w'], 2, 'in the future'],
  ]),
  ...casesOf('--at before the complaint happened', [
    [['note', '1', 'called back', '--at', '2026-11-19'], 2, '--at: 2026-11-19 00:00 is before complaint #1 happened (2026-11-20 09:00)'],
  ]),
  ...casesOf('satisfaction out of range', [
    [['follow-up', '2', '--satisfaction', '0'], 2, "--satisfaction: '0'"],
    [['follow-up', '2', '--satisfaction', '6'], 2, "--satisfaction: '6'"],
    [['follow-up', '2', '--satisfaction', '2.5'], 2, "--satisfaction: '2.5'"],
  ]),
  ...casesOf('bad cost', [
    [['resolve', '1', '--remedy', 'refund', '--cost', '-3'], 2, "--cost: '-3' is not an amount"],
    [['resolve', '1', '--remedy', 'refund', '--cost', 'abc'], 2, "--cost: 'abc' is not an amount"],
    [['resolve', '1', '--remedy', 'refund', '--cost', '1.234'], 2, "--cost: '1.234' is not an amount"],
  ]),
  ...casesOf('empty text', [
    [['log', ''], 2, 'say what the complaint is'],
    [['note', '1', '  '], 2, 'the note cannot be empty'],
    [['assign', '1', ' '], 2, 'the person to assign cannot be empty'],
    [['triage', '1', '--category', 'product', '--cause', ' '], 2, '--cause cannot be empty'],
    [['triage', '1', '--reject', '--reason', ' '], 2, '--reason cannot be empty'],
    [['config', 'set', 'shop', ' '], 2, 'the shop name cannot be empty'],
  ]),
  ...casesOf('unknown flag', [
    [['--bogus'], 2, "unknown option '--bogus'"],
    [['log', 'x', '--bogus'], 2, "unknown option '--bogus'"],
    [['triage', '1', '--bogus'], 2, "unknown option '--bogus'"],
    [['assign', '1', 'Sam', '--bogus'], 2, "unknown option '--bogus'"],
    [['resolve', '1', '--remedy', 'refund', '--bogus'], 2, "unknown option '--bogus'"],
    [['follow-up', '2', '--bogus'], 2, "unknown option '--bogus'"],
    [['note', '1', 'called back', '--bogus'], 2, "unknown option '--bogus'"],
    [['list', '--bogus'], 2, "unknown option '--bogus'"],
    [['show', '1', '--bogus'], 2, "unknown option '--bogus'"],
    [['config', '--bogus'], 2, "unknown option '--bogus'"],
    [['config', 'get', 'shop', '--bogus'], 2, "unknown option '--bogus'"],
    [['config', 'set', 'shop', 'Corner', '--bogus'], 2, "unknown option '--bogus'"],
    [['backup', join(book.dir, 'copy.db'), '--bogus'], 2, "unknown option '--bogus'"],
    // A near miss, which commander answers with a suggestion: it must stay on the one line.
    [['list', '--jsn'], 2, "unknown option '--jsn'"],
    [['frobnicate'], 2, "unknown command 'frobnicate'"],
  ]),
  ...casesOf('missing argument', [
    [['log'], 2, 'say what the complaint is'],
    [['triage'], 2, 'give the id of the complaint to triage'],
    [['triage', '1'], 2, 'needs --category and --cause'],
    [['triage', '1', '--reject'], 2, '--reject needs --reason'],
    [['assign', '1'], 2, "missing required argument 'person'"],
    [['resolve'], 2, "missing required argument 'id'"],
    [['resolve', '1'], 2, '--remedy is needed'],
    [['follow-up', '2'], 2, '--satisfaction 1-5 is needed'],
    [['note', '1'], 2, "missing required argument 'text'"],
    [['show'], 2, "missing required argument 'id'"],
    [['config', 'get'], 2, "missing required argument 'key'"],
    [['config', 'set', 'shop'], 2, "missing required argument 'value'"],
    [['backup'], 2, "missing required argument 'file'"],
  ]),
  ...casesOf('conflicting flags', [
    [['triage', '1', '--reject', '--cause', 'cold food', '--reason', 'not ours'], 2, '--reject does not go with'],
    [['triage', '1', '--reject', '--severity', 'high', '--reason', 'not ours'], 2, '--reject does not go with'],
    [['triage', '1', '--category', 'product', '--cause', 'cold food', '--reason', 'not ours'], 2, '--reason goes with --reject'],
    [['follow-up', '--note', 'happy now'], 2, '--note needs the id'],
    [['list', '--since', '2026-11-20', '--until', '2026-11-19'], 2, 'is not after --since'],
  ]),
  ...casesOf('bad number or setting', [
    [['list', '--limit', '0'], 2, "--limit: '0'"],
    [['list', '--limit', 'ten'], 2, "--limit: 'ten'"],
    [['config', 'set', 'response-hours', '0'], 2, "'0' is not a whole number"],
    [['config', 'set', 'currency', 'EURO'], 2, "'EURO' is not a currency code"],
  ]),
];

describe('bad input to any command', () => {
  // Test names show the temporary folder as $TMP, so they are the same from run to run.
  const named = BAD_INPUT.map((c) => [`${c.kind}: ${typed(c.args).replaceAll(book.dir, '$TMP')} exits ${c.code}`, c] as const);
  it.each(named)(
    '%s with one line on stderr naming the problem, and changes nothing',
    (_name, { args, code, names }) => {
      const result = runComparing(book, args);
      expect({ code: result.code, stdout: result.stdout, unchanged: result.unchanged }).toEqual({
        code,
        stdout: '',
        unchanged: true,
      });
      // Exactly one line, in the tool's own form: no stack trace, no second line of advice.
      expect(result.stderr).toMatch(/^complaints: [^\n]+\n$/);
      expect(result.stderr).toContain(names);
      // The hint that comes with an unexpected internal error: a bad input deserves a deliberate message.
      expect(result.stderr).not.toContain('COMPLAINTS_DEBUG');
    },
  );
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

  it('is recognised by the same contact under another name, and the notice stays off stdout with --json', () => {
    const fresh = tempLogbook();
    fresh.ok(['log', 'soup was cold', '--customer', 'Ann Lee', '--contact', 'ANN@example.com', '--at', '2026-11-20']);
    const result = fresh.run(['log', 'no spoons', '--customer', 'A. Lee', '--contact', 'ann@example.com', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 2, customer: 'A. Lee' });
    expect(result.stderr.split('\n')).toContain('note: A. Lee complained before: #1 (2026-11-20)');
  });

  it('is recognised whatever the case of a name in any script, and however a phone number is punctuated', () => {
    const fresh = tempLogbook();
    fresh.ok(['log', 'soup was cold', '--customer', 'Zoë Brontë', '--at', '2026-11-20']);
    fresh.ok(['log', 'tea was cold', '--customer', '王芳', '--contact', '(0712) 345-678', '--at', '2026-11-21']);
    expect(fresh.run(['log', 'no spoons', '--customer', 'ZOË BRONTË']).stderr).toContain('note: ZOË BRONTË complained before: #1 (2026-11-20)\n');
    expect(fresh.run(['log', 'no cups', '--contact', '0712 345678']).stderr).toContain('note: 0712 345678 complained before: #2 (2026-11-21)\n');
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
