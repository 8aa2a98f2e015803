import { join } from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { expectRefusedInOneLine, typed } from '../support/bad-input.js';
import { runComparing, tempLogbook } from '../support/in-process.js';

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

// One logbook shared by every check below that must leave it unchanged; each check compares
// its own before and after, so a command that wrongly writes fails only its own test.
//   #1 new       'soup was cold' by Ann Lee, occurred 2026-11-20 09:00
//   #2 resolved  occurred 2026-11-20 10:00
const book = tempLogbook();

beforeAll(async () => {
  await book.ok(['log', 'soup was cold', '--customer', 'Ann Lee', '--at', '2026-11-20 09:00']);
  await book.ok(['log', 'wrong size', '--at', '2026-11-20 10:00']);
  await book.ok(['resolve', '2', '--remedy', 'replacement', '--at', '2026-11-21 10:00']);
});

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
    [['list', '--status', 'new,opened'], 2, "--status: 'opened' is not one of new"],
    [['report', '--by', 'register'], 2, "--by: 'register' is not one of cause"],
    [['setup-roles', '--role', 'Till Role'], 2, "--role: 'Till Role' is not a role name this makes"],
    [['config', 'set', 'week-start', 'friday'], 2, "'friday' is not one of monday"],
    [['config', 'get', 'colour'], 2, "'colour' is not a setting"],
  ]),
  ...casesOf('invalid date', [
    [['log', 'x', '--at', '2026-02-30'], 2, "--at: '2026-02-30' is no day of the calendar"],
    [['triage', '1', '--category', 'product', '--cause', 'cold food', '--respond-by', 'never'], 2, "--respond-by: 'never'"],
    [['assign', '1', 'Sam', '--respond-by', '2200-01-01'], 2, "--respond-by: '2200-01-01' is more than two years away"],
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
    [['follow-up', '2', '--satisfaction', '5', '--reopen'], 2, '--reopen is for a customer still unhappy, and 5/5 is satisfied'],
  ]),
  ...casesOf('bad cost', [
    [['resolve', '1', '--remedy', 'refund', '--cost', '-3'], 2, "--cost: '-3' is not an amount"],
    [['resolve', '1', '--remedy', 'refund', '--cost', 'abc'], 2, "--cost: 'abc' is not an amount"],
    [['resolve', '1', '--remedy', 'none', '--cost', '5'], 2, '--cost is what a remedy given cost the shop; with --remedy none there is none to cost'],
    [['resolve', '1', '--remedy', 'refund', '--cost', '1.234'], 2, "--cost: '1.234' is not an amount"],
  ]),
  ...casesOf('empty text', [
    [['log', ''], 2, 'say what the complaint is'],
    [['note', '1', '  '], 2, 'the note cannot be empty'],
    // Invisible characters alone show as blank in every list.
    [['log', '\u200b', '--no-input'], 2, 'say what the complaint is'],
    [['assign', '1', '\u202e'], 2, 'the person to assign cannot be empty'],
    [['assign', '1', ' '], 2, 'the person to assign cannot be empty'],
    [['triage', '1', '--category', 'product', '--cause', ' '], 2, '--cause cannot be empty'],
    // What an input method ends a phrase with is no part of a cause: alone, it is none.
    [['triage', '1', '--category', 'product', '--cause', ' 。'], 2, '--cause cannot be empty'],
    [['causes', 'rename', 'cold food', '！'], 2, 'the new cause cannot be empty'],
    [['triage', '1', '--reject', '--reason', ' '], 2, '--reason cannot be empty'],
    [['config', 'set', 'shop', ' '], 2, 'the shop name cannot be empty'],
    [['config', 'set', 'shop', '\u200b'], 2, 'the shop name cannot be empty'],
    [['log', 'x', '--till', ' '], 2, '--till cannot be empty'],
    [['log', 'x', '--branch', ''], 2, '--branch cannot be empty'],
    [['log', 'x', '--till', 'front\tdesk'], 2, '--till: one line only, without tabs or other control characters'],
    [['config', 'set', 'branch', 'High\nStreet'], 2, 'config branch: one line only'],
    [['config', 'set', 'shop', 'Shop\u001b[2J'], 2, 'config shop: one line only'],
    // A name or contact shown in lists and written to exports: no bell or escape in a cell.
    [['log', 'x', '--customer', 'Ann\u0007 Lee'], 2, '--customer: one line only'],
    [['log', 'x', '--contact', '0712\t345'], 2, '--contact: one line only'],
    [['log', 'x', '--about', 'soup\nof the day'], 2, '--about: one line only'],
    [['log', 'x', '--staff', 'Sam\u001b[2J'], 2, '--staff: one line only'],
    [['assign', '1', 'Sam\u001b[2J'], 2, 'person to assign: one line only'],
    [['log', 'x', '--customer', 'Ann\u2028Lee'], 2, '--customer: one line only'],
    [['config', 'set', 'categories', 'food,bad\u001b[2J'], 2, 'config categories: one line only'],
    [['config', 'set', 'channels', 'phone,bell\u0007'], 2, 'config channels: one line only'],
    // A break between items, as a list pasted from a column has them, is taken; one in an item is not.
    [['config', 'set', 'categories', 'food\nbar,\ndrinks'], 2, 'config categories: one line only'],
    // A name stands whole in a column of lists and tables, a cause in a row of the Pareto table.
    [['log', 'x', '--customer', '王'.repeat(101)], 2, '--customer: 101 characters; a name may have at most 100, as it heads the rows of lists and reports'],
    [['log', 'x', '--contact', '1'.repeat(101)], 2, '--contact: 101 characters; a name may have at most 100'],
    [['triage', '1', '--category', 'product', '--cause', '汤'.repeat(101)], 2, '--cause: 101 characters; a name may have at most 100'],
    [['causes', 'rename', 'cold food', 'c'.repeat(150)], 2, 'the new cause: 150 characters; a name may have at most 100'],
    [['assign', '1', '小'.repeat(101)], 2, 'the person to assign: 101 characters'],
    [['config', 'set', 'categories', `food,${'x'.repeat(101)}`], 2, 'config categories: 101 characters'],
    [['config', 'set', 'till', '前'.repeat(101)], 2, 'config till: 101 characters'],
    // Who resolved it stands on the timeline as who approves does.
    [['resolve', '1', '--remedy', 'refund', '--as', 'Sam\nEvil'], 2, '--as: one line only'],
    [['resolve', '1', '--remedy', 'refund', '--as', '李'.repeat(101)], 2, '--as: 101 characters'],
    [['--db', ':memory:', 'log', 'x', '--no-input'], 2, "--db: :memory: is SQLite's name for a database that is gone"],
    [['list', '--till', ' '], 2, '--till cannot be empty'],
    [['export', '--branch', ''], 2, '--branch cannot be empty'],
    [['report', '--till', ''], 2, '--till cannot be empty'],
    [['report', '--branch', ' '], 2, '--branch cannot be empty'],
  ]),
  ...casesOf('unknown flag', [
    [['--bogus'], 2, "unknown option '--bogus'"],
    // The listing's --json, which commander hands to it: a script asking for JSON got text.
    [['config', 'set', 'shop', 'X', '--json'], 2, "--json: 'complaints config set' prints no JSON; it goes with 'complaints config'"],
    [['causes', 'rename', '--json', 'cold food', 'hot food'], 2, "--json: 'complaints causes rename' prints no JSON; it goes with 'complaints causes'"],
    // Two answers to one question: neither is taken.
    [['log', 'x', '--customer', '甲', '--customer', '乙'], 2, '--customer is given more than once; give it once'],
    [['triage', '1', '--category', 'product', '--category=service', '--cause', 'cold'], 2, '--category is given more than once'],
    [['--db', 'a.db', '--db', 'b.db', 'list'], 2, '--db is given more than once'],
    [['report', '--format', 'json', '--format', 'csv'], 2, '--format is given more than once'],
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
    [['assign', '1'], 2, 'give the person to assign: complaints assign 1 <person>'],
    [['resolve'], 2, "missing required argument 'id'"],
    [['resolve', '1'], 2, '--remedy is needed'],
    [['follow-up', '2'], 2, '--satisfaction 1-5 is needed'],
    [['note', '1'], 2, "missing required argument 'text'"],
    [['show'], 2, "missing required argument 'id'; use: complaints show [options] <id>"],
    [['config', 'get'], 2, "missing required argument 'key'"],
    [['config', 'set', 'shop'], 2, "missing required argument 'value'"],
    [['backup'], 2, "missing required argument 'file'"],
    [['backup', '-'], 2, "cannot go to standard output ('-')"],
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
    async (_name, { args, code, names }) => {
      expectRefusedInOneLine(await runComparing(book, args), code, names);
    },
  );
});
