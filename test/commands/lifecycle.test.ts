import { beforeAll, describe, expect, it } from 'vitest';
import { runComparing, tempLogbook } from '../support/in-process.js';
import { EVERY_STATUS } from '../support/logbooks.js';

describe('steps dated after the fact', () => {
  it.each([
    [['log', 'soup was cold', '--at', '0001-01-01'], "--at: '0001-01-01' is before 2000; check the year"],
    [['log', 'soup was cold', '--at', '1900-01-01 12:00'], "--at: '1900-01-01 12:00' is before 2000; check the year"],
    [['triage', '1', '--category', 'product', '--cause', 'cold food', '--respond-by', '1999-12-31'], "--respond-by: '1999-12-31' is before 2000; check the year"],
    [['assign', '1', 'Sam', '--respond-by', '2026-11-22 12:00'], '--respond-by: 2026-11-22 12:00 is before complaint #1 happened (2026-11-23 09:00); give a later time'],
  ])('refuses %j: %s', async (args, message) => {
    const book = tempLogbook();
    await book.ok(['log', 'soup was cold', '--at', '2026-11-23 09:00']);
    expect(await runComparing(book, args)).toMatchObject({ code: 2, stdout: '', stderr: `complaints: ${message}\n`, unchanged: true });
  });
});

describe('refused lifecycle transitions', () => {
  // A complaint in every status (EVERY_STATUS); each refusal checks that it changed nothing.
  const book = tempLogbook();

  beforeAll(async () => {
    for (const step of EVERY_STATUS) await book.ok(step);
  });

  const reopenHint = (id: number) => `reopen it with 'complaints follow-up ${id} --reopen'`;
  const upholdHint = (id: number) => `uphold it first with 'complaints triage ${id} --category … --cause …'`;
  const resolveHint = (id: number) => `resolve it first with 'complaints resolve ${id} --remedy …'`;
  const reject = (id: number) => ['triage', String(id), '--reject', '--reason', 'not ours'];

  it.each<[string, string[], string]>([
    ['resolving a closed complaint', ['resolve', '5', '--remedy', 'refund'], `complaint #5 is closed; ${reopenHint(5)}`],
    [
      'resolving a resolved complaint',
      ['resolve', '4', '--remedy', 'refund'],
      "complaint #4 is resolved; record the customer's view with 'complaints follow-up 4 --satisfaction N'",
    ],
    [
      'resolving a resolved complaint, dated before its last step',
      ['resolve', '4', '--remedy', 'refund', '--at', '2026-11-10 10:30'],
      "complaint #4 is resolved; record the customer's view with 'complaints follow-up 4 --satisfaction N'",
    ],
    ['assigning a closed complaint, dated before its last step', ['assign', '5', 'Sam', '--at', '2026-11-02 00:30'], `complaint #5 is closed; ${reopenHint(5)}`],
    ['resolving a rejected complaint', ['resolve', '6', '--remedy', 'refund'], `complaint #6 is rejected; ${upholdHint(6)}`],
    ['following up a new complaint', ['follow-up', '1', '--satisfaction', '3'], `complaint #1 is new; ${resolveHint(1)}`],
    ['following up a triaged complaint', ['follow-up', '2', '--satisfaction', '3'], `complaint #2 is triaged; ${resolveHint(2)}`],
    // Not a missing --satisfaction first: none would do.
    ['following up a triaged complaint with nothing to record', ['follow-up', '2'], `complaint #2 is triaged; ${resolveHint(2)}`],
    ['following up an assigned complaint', ['follow-up', '3', '--satisfaction', '3'], `complaint #3 is assigned; ${resolveHint(3)}`],
    [
      'following up a closed complaint again',
      ['follow-up', '5', '--satisfaction', '3'],
      "complaint #5 is closed; it was followed up already; to reopen it use 'complaints follow-up 5 --reopen'",
    ],
    [
      'following up a rejected complaint',
      ['follow-up', '6', '--satisfaction', '3'],
      'complaint #6 is rejected; a rejected complaint has no remedy to follow up',
    ],
    ['rejecting an assigned complaint', reject(3), 'complaint #3 is assigned; it is already being handled; resolve it instead'],
    ['rejecting a resolved complaint', reject(4), "complaint #4 is resolved; it was upheld and given its remedy; to reject it after all, undo its steps back to its triage first ('complaints undo 4', one step at a time)"],
    ['rejecting a closed complaint', reject(5), "complaint #5 is closed; it was upheld and given its remedy; to reject it after all, undo its steps back to its triage first ('complaints undo 5', one step at a time)"],
    ['rejecting a rejected complaint', reject(6), 'complaint #6 is rejected; it is already rejected'],
    ['assigning a resolved complaint', ['assign', '4', 'Sam'], `complaint #4 is resolved; ${reopenHint(4)}`],
    ['assigning a closed complaint', ['assign', '5', 'Sam'], `complaint #5 is closed; ${reopenHint(5)}`],
    ['assigning a rejected complaint', ['assign', '6', 'Sam'], `complaint #6 is rejected; ${upholdHint(6)}`],
    ['reopening a new complaint', ['follow-up', '1', '--reopen'], 'complaint #1 is new; it is still open'],
    ['reopening a triaged complaint', ['follow-up', '2', '--reopen'], 'complaint #2 is triaged; it is still open'],
    ['reopening an assigned complaint', ['follow-up', '3', '--reopen'], 'complaint #3 is assigned; it is still open'],
    ['reopening a rejected complaint', ['follow-up', '6', '--reopen'], `complaint #6 is rejected; ${upholdHint(6)}`],
  ])('refuses %s with exit 1 and one line naming its status, and changes nothing', async (_refused, args, message) => {
    expect(await runComparing(book, args)).toEqual({ code: 1, stdout: '', stderr: `complaints: ${message}\n`, unchanged: true });
  });
});

describe('a step repeated as the complaint stands', () => {
  const book = tempLogbook();

  beforeAll(async () => {
    for (const step of EVERY_STATUS) await book.ok(step);
  });

  it.each<[string, string[], string]>([
    ['a triage', ['triage', '2', '--category', 'staff', '--cause', 'rude staff'], 'Nothing to change: #2 is already as given (triaged); nothing recorded.'],
    ['a triage naming the nature it has', ['triage', '2', '--nature', 'valid'], 'Nothing to change: #2 is already as given (triaged); nothing recorded.'],
    ['an assignment', ['assign', '3', 'Sam'], 'Nothing to change: #3 is already as given (assigned); nothing recorded.'],
  ])('records nothing for %s, saying so, and exits 0', async (_repeated, args, message) => {
    expect(await runComparing(book, args)).toEqual({ code: 0, stdout: '', stderr: `${message}\n`, unchanged: true });
  });

  it('records an assignment repeated with a note, and a triage that changes the severity', async () => {
    expect(await runComparing(book, ['assign', '3', 'Sam', '--note', 'chased the van'])).toMatchObject({ code: 0, unchanged: false });
    expect(await runComparing(book, ['triage', '2', '--severity', 'high'])).toMatchObject({ code: 0, unchanged: false });
  });
});

describe('undo given at two tills at once', () => {
  // The second till's undo is given before the first's is written, and reads the logbook after it:
  // as two tills pressing undo for the same mistake do. It means the change the first undid.
  async function shop() {
    const book = tempLogbook('2026-11-23T18:00:00.000Z');
    await book.ok(['log', 'soup was cold', '--at', '2026-11-23 10:00', '--no-input']);
    await book.ok(['triage', '1', '--category', 'product', '--cause', 'cold food']);
    await book.ok(['assign', '1', 'Sam']);
    return book;
  }
  const statusOf = async (book: Awaited<ReturnType<typeof shop>>, id: number) => JSON.parse(await book.ok(['show', String(id), '--json'])).status;

  it('undoes one change, not the one before it too', async () => {
    const book = await shop();
    const given = performance.now();
    expect(await book.ok(['undo', '1', '--yes'])).toBe('Undid #1 assigned 2026-11-23 18:00: #1 is triaged again.\n');
    expect(await runComparing(book, ['undo', '1', '--yes'], { givenAt: given })).toEqual({
      code: 0,
      stdout: '',
      stderr: "#1 assigned 2026-11-23 18:00 was undone a moment ago at another till; nothing more was undone (to undo the change before it, run 'complaints undo 1' again)\n",
      unchanged: true,
    });
    expect(await statusOf(book, 1)).toBe('triaged');
    // Given after, it undoes the change before.
    expect(await book.ok(['undo', '1', '--yes'])).toMatch(/^Undid #1 triaged .*: #1 is new again/);
  });

  it('leaves a complaint withdrawn, rather than putting it back, when both undo its logging', async () => {
    const book = await shop();
    await book.ok(['log', 'wrong table', '--no-input']);
    const given = performance.now();
    await book.ok(['undo', '2', '--yes']);
    expect(await runComparing(book, ['undo', '2', '--yes'], { givenAt: given })).toMatchObject({ code: 0, stderr: expect.stringMatching(/^#2 logged .* was undone a moment ago at another till/), unchanged: true });
    expect(await statusOf(book, 2)).toBe('withdrawn');
  });

  it("undoes this till's latest change once when both tills' undo name no complaint", async () => {
    const book = await shop();
    const given = performance.now();
    await book.ok(['undo', '--yes']);
    expect(await runComparing(book, ['undo', '--yes'], { givenAt: given })).toMatchObject({ code: 0, stderr: expect.stringMatching(/^#1 assigned .* was undone a moment ago/), unchanged: true });
    expect(await statusOf(book, 1)).toBe('triaged');
  });

  it('refuses, changing nothing, when another till made a step after the undo was given', async () => {
    const book = await shop();
    const given = performance.now();
    await book.ok(['note', '1', 'rang the customer']);
    expect(await runComparing(book, ['undo', '1', '--yes'], { givenAt: given })).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^complaints: #1 changed a moment ago \(#1 noted .*\) after #1 assigned .* was found to undo; nothing was undone/),
      unchanged: true,
    });
  });
});
