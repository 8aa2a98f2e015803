import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectRefusedInOneLine } from '../support/bad-input.js';
import { runComparing, tempLogbook, type Logbook } from './harness.js';

const NOW = '2026-11-23T18:00:00.000Z';

/** A shop whose remedies above 50.00 wait for the owner: #1 held by 小王, #2 new, #3 a question. */
function shopWithALimit(): Logbook {
  const book = tempLogbook(NOW);
  book.ok(['config', 'set', 'approval-above', '50']);
  book.ok(['log', '蛋糕坏了', '--customer', '李先生', '--at', '2026-11-23 10:00', '--no-input']);
  book.ok(['log', '汤是凉的', '--at', '2026-11-23 11:00', '--no-input']);
  book.ok(['log', '会员卡用不了', '--at', '2026-11-23 12:00', '--no-input']);
  book.ok(['triage', '1', '--category', 'product', '--cause', '变质']);
  book.ok(['assign', '1', '小王']);
  book.ok(['triage', '3', '--nature', 'help']);
  return book;
}

const shown = (book: Logbook, id: number) => JSON.parse(book.ok(['show', String(id), '--json']));

describe('a remedy above the approval limit', () => {
  it('records the action found with it when it is found, which stands when the remedy is sent back', () => {
    const book = shopWithALimit();
    book.ok(['resolve', '1', '--remedy', 'refund', '--cost', '88', '--action', '修冷柜']);
    const proposedAt = shown(book, 1).timeline.at(-1).at;
    expect(shown(book, 1)).toMatchObject({ action: '修冷柜', action_at: proposedAt });
    expect(book.ok(['report', '--week', '2026-W48'])).toMatch(/^ {2}#1 +变质: 修冷柜$/m);
    book.ok(['approve', '1', '--reject', '--reason', '太贵', '--as', '老板']);
    book.ok(['resolve', '1', '--remedy', 'apology']);
    expect(shown(book, 1)).toMatchObject({ status: 'resolved', action: '修冷柜', action_at: proposedAt });
  });

  it('is proposed, waits on the desk, and is given when approved: the timeline says who proposed and who approved', () => {
    const book = shopWithALimit();
    const proposed = book.run(['resolve', '1', '--remedy', 'refund', '--cost', '88', '--root-cause', '冷柜坏了', '--action', '修冷柜']);
    expect(proposed).toMatchObject({
      code: 0,
      stdout: 'Proposed refund costing 88.00 for #1: above 50.00, it waits for approval.\n',
      stderr: 'next: complaints approve 1 (or --reject --reason …)\n',
    });
    expect(shown(book, 1)).toMatchObject({ status: 'assigned', remedy: null, cost: null, proposed_remedy: 'refund', proposed_cost: 88, root_cause: '冷柜坏了' });
    expect(book.ok([])).toContain('1 awaiting approval  complaints approve <id>\n  #1     refund 88.00 by 小王: 蛋糕坏了');

    const report = JSON.parse(book.ok(['report', '--week', '2026-W48', '--format', 'json']));
    expect(report.summary).toMatchObject({ remedyCost: 0, awaitingApproval: 1, proposedCost: 88 });
    expect(book.ok(['report', '--week', '2026-W48'])).toMatch(/^awaiting approval +1 +0 +▲\nproposed, not yet given +88\.00 +0\.00 +▲$/m);

    expect(book.run(['approve', '1', '--as', '老板'])).toMatchObject({ code: 0, stdout: 'Approved refund costing 88.00 for #1; resolved.\n' });
    const approved = shown(book, 1);
    expect(approved).toMatchObject({ status: 'resolved', remedy: 'refund', cost: 88, proposed_remedy: null, proposed_cost: null });
    expect(approved.timeline.slice(-2)).toMatchObject([
      { action: 'proposed', changes: { proposed_remedy: 'refund', proposed_cost_minor: 8800, by: '小王' } },
      { action: 'approved', changes: { remedy: 'refund', cost: 88, by: '老板' } },
    ]);
    expect(JSON.parse(book.ok(['report', '--week', '2026-W48', '--format', 'json'])).summary).toMatchObject({
      remedyCost: 88,
      awaitingApproval: 0,
      proposedCost: 0,
    });
    // With none waiting in either week, the table has no rows for them.
    expect(book.ok(['report', '--week', '2026-W48'])).not.toContain('awaiting approval');
  });

  it('proposed for a complaint given to no one waits on the desk for approval only, not also to be assigned', () => {
    const book = shopWithALimit();
    book.ok(['triage', '2', '--category', 'product', '--cause', '汤凉']);
    expect(book.ok([])).toContain('2 to assign  complaints assign <id> <person>\n  #2     due 2026-11-24 11:00: 汤是凉的\n  #3 ');
    book.ok(['resolve', '2', '--remedy', 'compensation', '--cost', '60']);
    const desk = book.ok([]);
    expect(desk).toContain('1 awaiting approval  complaints approve <id>\n  #2     compensation 60.00: 汤是凉的');
    expect(desk).toContain('1 to assign  complaints assign <id> <person>\n  #3 ');
  });

  it('is given in the shop’s currency wherever a person reads it, and as a plain number to scripts', () => {
    const book = shopWithALimit();
    book.ok(['config', 'set', 'currency', 'EUR']);
    expect(book.ok(['resolve', '1', '--remedy', 'refund', '--cost', '88'])).toBe('Proposed refund costing EUR 88.00 for #1: above EUR 50.00, it waits for approval.\n');
    expect(book.ok([])).toContain('  #1     refund EUR 88.00 by 小王: 蛋糕坏了');
    expect(book.ok(['approve', '1'])).toBe('Approved refund costing EUR 88.00 for #1; resolved.\n');
    expect(book.ok(['show', '1'])).toMatch(/^cost +EUR 88\.00$/m);
    expect(book.ok(['export'])).toMatch(/,88\.00,/);
  });

  it('is sent back with a reason, the complaint open as it was, to be resolved another way', () => {
    const book = shopWithALimit();
    book.ok(['resolve', '2', '--remedy', 'compensation', '--cost', '60', '--as', '小李']);
    expect(book.run(['approve', '2', '--reject', '--reason', '给代金券'])).toMatchObject({
      code: 0,
      stdout: 'Sent back the compensation costing 60.00 proposed for #2; it is new again.\n',
    });
    const back = shown(book, 2);
    expect(back).toMatchObject({ status: 'new', proposed_remedy: null, remedy: null });
    expect(back.timeline.at(-1)).toMatchObject({ action: 'proposal-rejected', changes: { remedy: 'compensation', reason: '给代金券' } });
    expect(back.timeline.at(-2)).toMatchObject({ action: 'proposed', changes: { by: '小李' } });
    expect(book.run(['resolve', '2', '--remedy', 'discount', '--cost', '20'])).toMatchObject({ code: 0, stdout: 'Resolved #2 with discount costing 20.00.\n' });
  });

  it('is an amount in currency units in config --json, as every amount in JSON is, and null without one', () => {
    const book = shopWithALimit();
    book.ok(['config', 'set', 'approval-above', '1,280.5']);
    expect(JSON.parse(book.ok(['config', '--json']))['approval-above']).toBe(1280.5);
    // One setting, as the whole of them give it.
    expect(JSON.parse(book.ok(['config', 'get', 'approval-above', '--json']))).toEqual({ 'approval-above': 1280.5 });
    expect(JSON.parse(book.ok(['config', '--json', 'get', 'till']))).toEqual({ till: null });
    book.ok(['config', 'set', 'approval-above', 'none']);
    expect(JSON.parse(book.ok(['config', '--json']))['approval-above']).toBeNull();
  });

  it('is given at once at or below the limit, and always without one', () => {
    const book = shopWithALimit();
    expect(book.ok(['resolve', '1', '--remedy', 'refund', '--cost', '50'])).toBe('Resolved #1 with refund costing 50.00.\n');
    book.ok(['config', 'set', 'approval-above', 'none']);
    expect(book.ok(['config', 'get', 'approval-above'])).toBe('none\n');
    expect(book.ok(['resolve', '2', '--remedy', 'refund', '--cost', '500'])).toBe('Resolved #2 with refund costing 500.00.\n');
  });

  it('exports and imports again byte for byte while it waits', () => {
    const book = shopWithALimit();
    book.ok(['resolve', '1', '--remedy', 'refund', '--cost', '88']);
    const exported = book.ok(['export']);
    expect(exported.split('\r\n')[0]).toMatch(/,proposed_remedy,proposed_cost,/);
    const file = join(book.dir, 'waiting.csv');
    writeFileSync(file, exported);
    const other = tempLogbook(NOW);
    other.ok(['import', file]);
    expect(other.ok(['export'])).toBe(exported);
    expect(other.ok(['approve', '1'])).toContain('Approved refund costing 88.00 for #1');
  });

  describe('refuses, in one line and changing nothing', () => {
    it.each([
      [['approve', '1'], "complaint #1 has no remedy awaiting approval; a remedy waits for it when it costs more than 'complaints config get approval-above'", 1],
      [['approve', '99'], '#99', 1],
      [['approve', '1', '--reject'], '--reject needs --reason', 2],
      [['approve', '1', '--reason', 'x'], '--reason goes with --reject', 2],
      [['approve', '1', '--as', ' '], '--as cannot be empty', 2],
      [['config', 'set', 'approval-above', '-5'], "config approval-above: '-5' is not an amount", 2],
    ] as const)('complaints %j', (args, message, code) => {
      expectRefusedInOneLine(runComparing(shopWithALimit(), [...args]), code, message);
    });

    it.each([
      [['resolve', '2', '--remedy', 'apology']],
      [['triage', '2', '--reject', '--reason', '不是本店']],
      // Not told to resolve it first, which the proposal refuses.
      [['follow-up', '2', '--satisfaction', '5']],
    ])('%j while a remedy waits', (args) => {
      const book = shopWithALimit();
      book.ok(['resolve', '2', '--remedy', 'refund', '--cost', '88']);
      expectRefusedInOneLine(
        runComparing(book, args),
        1,
        "complaint #2 has a remedy awaiting approval (refund, 88.00); approve it with 'complaints approve 2', or send it back with --reject --reason …",
      );
    });

    it('the second of two deciding one proposal, saying the first decided it', () => {
      const book = shopWithALimit();
      book.ok(['resolve', '2', '--remedy', 'refund', '--cost', '88', '--at', '2026-11-23 11:30']);
      book.ok(['approve', '2', '--as', 'Li Na', '--at', '2026-11-23 11:35']);
      expectRefusedInOneLine(
        runComparing(book, ['approve', '2', '--reject', '--reason', 'a voucher instead']),
        1,
        'complaint #2 had its remedy approved at 2026-11-23 11:35: no remedy awaits approval now',
      );
    });

    it('with the cost in the shop\'s currency, as the desk gives it', () => {
      const book = shopWithALimit();
      book.ok(['config', 'set', 'currency', 'CNY']);
      book.ok(['resolve', '2', '--remedy', 'refund', '--cost', '88']);
      expectRefusedInOneLine(runComparing(book, ['resolve', '2', '--remedy', 'apology']), 1, 'has a remedy awaiting approval (refund, ¥88.00)');
    });

    it('a judgement of help, a question or venting while a remedy waits, which is answered rather than remedied', () => {
      const book = shopWithALimit();
      book.ok(['resolve', '1', '--remedy', 'compensation', '--cost', '99']);
      expectRefusedInOneLine(runComparing(book, ['triage', '1', '--nature', 'help']), 1, 'complaint #1 has a remedy awaiting approval');
    });

    it('a remedy for help, a question or venting', () => {
      const book = shopWithALimit();
      expectRefusedInOneLine(runComparing(book, ['resolve', '3', '--remedy', 'compensation', '--cost', '9']), 1, "complaint #3 was triaged as help; answer it (--answer …)");
    });
  });
});
