import { describe, expect, it } from 'vitest';
import { expectRefusedInOneLine } from '../support/bad-input.js';
import { KEYS } from '../support/pty.js';
import { atTheTill, runComparing, tempLogbook, type Logbook } from './harness.js';

const { enter, down } = KEYS;

const NOW = '2026-11-23T18:00:00.000Z';

/** The complaint as show --json gives it, without its timeline: what an undo must put back exactly. */
function standing(book: Logbook, id: number) {
  const { timeline: _timeline, ...complaint } = JSON.parse(book.ok(['show', String(id), '--json']));
  return complaint;
}

/** A shop with approval above 50.00 and one complaint, #1, logged at 10:00. */
function shop(): Logbook {
  const book = tempLogbook(NOW);
  book.ok(['config', 'set', 'approval-above', '50']);
  book.ok(['log', '蛋糕坏了', '--customer', '李先生', '--at', '2026-11-23 10:00', '--no-input']);
  return book;
}

// Each step of the lifecycle, with the steps that bring #1 to where it can be taken.
const STEPS: Array<{ step: string; before: string[][]; args: string[] }> = [
  { step: 'triage', before: [], args: ['triage', '1', '--category', 'product', '--cause', '变质', '--severity', 'high'] },
  { step: 'triage again', before: [['triage', '1', '--category', 'product', '--cause', '变质']], args: ['triage', '1', '--nature', 'venting'] },
  { step: 'reject', before: [], args: ['triage', '1', '--reject', '--reason', '别家买的'] },
  { step: 'assign', before: [['triage', '1', '--category', 'product', '--cause', '变质']], args: ['assign', '1', '小王', '--respond-by', '+2d'] },
  { step: 'resolve', before: [['assign', '1', '小王']], args: ['resolve', '1', '--remedy', 'refund', '--cost', '20', '--root-cause', '冷柜', '--action', '修冷柜'] },
  { step: 'answer', before: [['triage', '1', '--nature', 'question']], args: ['resolve', '1', '--answer', '九点关门'] },
  { step: 'propose', before: [['assign', '1', '小王']], args: ['resolve', '1', '--remedy', 'refund', '--cost', '88'] },
  { step: 'approve', before: [['assign', '1', '小王'], ['resolve', '1', '--remedy', 'refund', '--cost', '88']], args: ['approve', '1', '--as', '老板'] },
  {
    step: 'send back',
    before: [['assign', '1', '小王'], ['resolve', '1', '--remedy', 'refund', '--cost', '88']],
    args: ['approve', '1', '--reject', '--reason', '给代金券'],
  },
  { step: 'follow up', before: [['resolve', '1', '--remedy', 'apology']], args: ['follow-up', '1', '--satisfaction', '4'] },
  {
    step: 'reopen',
    before: [['assign', '1', '小王'], ['resolve', '1', '--remedy', 'refund', '--cost', '5'], ['follow-up', '1', '--satisfaction', '2']],
    args: ['follow-up', '1', '--reopen'],
  },
  { step: 'note', before: [], args: ['note', '1', '打过电话'] },
];

describe('undo', () => {
  it.each(STEPS)('reverses $step exactly, and records the undo on the timeline', ({ before, args }) => {
    const book = shop();
    for (const step of before) book.ok(step);
    const was = standing(book, 1);
    const report = () => JSON.parse(book.ok(['report', '--week', '2026-W48', '--format', 'json']));
    const reportWas = report();
    book.ok(args);
    const statusStepped = JSON.parse(book.ok(['show', '1', '--json'])).status;
    const undone = book.run(['undo', '1', '--yes']);
    expect(undone.code).toBe(0);
    // A step that left the status as it was (a note, a triage again) leaves it "still" so.
    const statusSaid = statusStepped === was.status ? /: #1 is still \S+\.\n$/ : /: #1 is \S+ again\.\n$/;
    expect(undone.stdout).toMatch(/^Undid #1 \S+ 2026-11-23 \d\d:\d\d: /);
    expect(undone.stdout).toMatch(statusSaid);
    expect(standing(book, 1)).toEqual(was);
    expect(report()).toEqual(reportWas);
    const timeline = JSON.parse(book.ok(['show', '1', '--json'])).timeline as Array<{ action: string }>;
    expect(timeline.at(-1)!.action).toBe('undone');
    // The step stays in history.
    expect(timeline.length).toBe(before.length + 3);
  });

  it('undoes step after step back to the logging, which withdraws the complaint from every count', () => {
    const book = shop();
    book.ok(['log', '汤是凉的', '--at', '2026-11-23 11:00', '--no-input']);
    book.ok(['triage', '1', '--category', 'product', '--cause', '变质']);
    book.ok(['resolve', '1', '--remedy', 'refund', '--cost', '20']);
    expect(book.ok(['undo', '1', '--yes'])).toBe('Undid #1 resolved 2026-11-23 18:00: #1 is triaged again.\n');
    expect(book.ok(['undo', '1', '--yes'])).toBe('Undid #1 triaged 2026-11-23 18:00: #1 is new again.\n');
    expect(book.ok(['undo', '1', '--yes'])).toBe('Undid #1 logged 2026-11-23 10:00: #1 is withdrawn, and counts nowhere.\n');

    expect(book.ok(['list']).split('\n').filter((line) => line.startsWith('#'))).toEqual([expect.stringMatching(/^#2 /)]);
    expect(book.ok(['list', '--status', 'withdrawn'])).toContain('蛋糕坏了');
    expect(JSON.parse(book.ok(['report', '--week', '2026-W48', '--format', 'json']))).toMatchObject({ total: 0, untriaged: 1, summary: { logged: 1 } });
    expect(book.ok([])).toContain('1 new to triage');
    // 李先生 complained before only in a complaint that was withdrawn.
    expect(book.run(['log', '又坏了', '--customer', '李先生', '--no-input']).stderr).not.toContain('complained before');
    expect(book.ok(['check'])).toMatch(/^ok: /);
    expectRefusedInOneLine(
      runComparing(book, ['triage', '1', '--category', 'product', '--cause', '变质']),
      1,
      "complaint #1 is withdrawn; its logging was undone; put it back with 'complaints undo 1' if it was a complaint after all",
    );
  });

  it('says a complaint whose step undone changed no status is still as it was: a note on a withdrawn or a new one', () => {
    const book = shop();
    book.ok(['undo', '1', '--yes']);
    book.ok(['note', '1', 'called back']);
    expect(book.ok(['undo', '1', '--yes'])).toBe('Undid #1 noted 2026-11-23 18:00: #1 is still withdrawn, and counts nowhere.\n');
    expect(book.ok(['undo', '1', '--yes'])).toBe('Undid #1 withdrawal 2026-11-23 18:00: #1 is new again.\n');
    book.ok(['note', '1', 'called back']);
    expect(book.ok(['undo', '1', '--yes'])).toBe('Undid #1 noted 2026-11-23 18:00: #1 is still new.\n');
  });

  it('puts a withdrawn complaint back when the withdrawal is undone, an undo typed by mistake, and counts it again', () => {
    const book = shop();
    const reportWas = book.ok(['report', '--week', '2026-W48', '--format', 'json']);
    expect(book.ok(['undo', '1', '--yes'])).toBe('Undid #1 logged 2026-11-23 10:00: #1 is withdrawn, and counts nowhere.\n');
    expect(book.ok(['undo', '1', '--yes'])).toBe('Undid #1 withdrawal 2026-11-23 18:00: #1 is new again.\n');
    expect(book.ok(['report', '--week', '2026-W48', '--format', 'json'])).toBe(reportWas);
    expect(book.ok(['show', '1']).trimEnd().split('\n').at(-1)).toMatch(/^ {2}2026-11-23 18:00 {2}undone — undid: withdrawal at 2026-11-23 18:00$/);
    expect(book.ok(['check'])).toMatch(/^ok: /);
    // It goes on as any complaint; its logging, undone once, is not undone again.
    book.ok(['triage', '1', '--category', 'product', '--cause', '变质']);
    expect(book.ok(['undo', '--yes'])).toMatch(/^Undid #1 triaged /);
    expectRefusedInOneLine(runComparing(book, ['undo', '1', '--yes']), 1, 'complaint #1 has nothing left to undo');
  });

  it("leaves the logbook sound, and its figures recounted alike, when the only complaint of its day is withdrawn", () => {
    const book = shop();
    book.ok(['log', '门口太滑', '--at', '2026-11-20 15:00', '--no-input']);
    book.ok(['undo', '--yes']);
    expect(book.ok(['check'])).toMatch(/^ok: /);
    book.ok(['check', '--recount']);
    expect(book.ok(['check'])).toMatch(/^ok: /);
  });

  it('says on the timeline which change it undid by its time, not to be taken for a later one of the kind, and marks that change undone', () => {
    const book = shop();
    book.ok(['triage', '1', '--category', 'product', '--cause', '变质', '--at', '2026-11-23 11:00']);
    book.ok(['undo', '1', '--yes']);
    book.ok(['triage', '1', '--category', 'product', '--cause', '坏了', '--at', '2026-11-23 12:00']);
    const timeline = book.ok(['show', '1']).split('\nTimeline\n')[1]!.trimEnd().split('\n');
    expect(timeline.at(-1)).toMatch(/^ {2}2026-11-23 18:00 {2}undone — undid: triaged at 2026-11-23 11:00, nature: \(cleared\), /);
    expect(timeline.at(-2)).toMatch(/^ {2}2026-11-23 12:00 {2}triaged — .*cause: 坏了/);
    expect(timeline.at(-3)).toMatch(/^ {2}2026-11-23 11:00 {2}triaged \(undone\) — .*cause: 变质/);
    expect(book.ok(['show', '1'], { env: { LANG: 'zh_CN.UTF-8' } })).toMatch(/\n {2}2026-11-23 11:00 {2}分诊（已撤销） — .*原因：变质/);
    const shown = JSON.parse(book.ok(['show', '1', '--json'])) as { timeline: Array<{ action: string; undone: boolean }> };
    expect(shown.timeline.map(({ action, undone }) => [action, undone])).toEqual([
      ['logged', false],
      ['triaged', true],
      ['triaged', false],
      ['undone', false],
    ]);
  });

  it('reverses the latest change made at this till, whichever complaint it was on', () => {
    const book = shop();
    book.ok(['log', '汤是凉的', '--no-input']);
    book.ok(['triage', '2', '--nature', 'help']);
    book.ok(['triage', '1', '--category', 'product', '--cause', '变质']);
    expect(book.ok(['undo', '--yes'])).toMatch(/^Undid #1 triaged /);
    expect(book.ok(['undo', '--yes'])).toMatch(/^Undid #2 triaged /);
    expect(book.ok(['undo', '--yes'])).toMatch(/^Undid #2 logged .*withdrawn/);
  });

  it("goes by this till's branch too: another branch's till of the same name is another till", () => {
    const book = shop();
    book.ok(['config', 'set', 'till', '前台']);
    book.ok(['config', 'set', 'branch', '北门店']);
    book.ok(['note', '1', '北门店前台的备注']);
    book.ok(['config', 'set', 'branch', '南门店']);
    book.ok(['log', '南门店登记的', '--no-input']);
    book.ok(['config', 'set', 'branch', '北门店']);
    // 北门店's 前台 undoes its own note, not the logging at 南门店's 前台 after it.
    expect(book.ok(['undo', '--yes'])).toMatch(/^Undid #1 noted /);
    expect(JSON.parse(book.ok(['show', '2', '--json'])).status).toBe('new');
    book.ok(['config', 'set', 'branch', '']);
    expectRefusedInOneLine(runComparing(book, ['undo', '--yes']), 1, 'nothing made at this till (前台) is left to undo');
  });

  it('takes back a complaint this till logged for another till or branch, and leaves one logged elsewhere for this till', () => {
    const book = shop();
    book.ok(['config', 'set', 'till', '前台']);
    book.ok(['log', '重复登记的', '--till', '前台', '--branch', '人民路店', '--no-input']);
    expect(book.ok(['undo', '--yes'])).toMatch(/^Undid #2 logged .*withdrawn/);
    expect(JSON.parse(book.ok(['show', '1', '--json'])).status).toBe('new');

    const elsewhere = shop();
    elsewhere.ok(['config', 'set', 'till', '后厨']);
    elsewhere.ok(['log', '后厨替前台登记的', '--till', '前台', '--no-input']);
    elsewhere.ok(['config', 'set', 'till', '前台']);
    expectRefusedInOneLine(runComparing(elsewhere, ['undo', '--yes']), 1, 'nothing made at this till (前台) is left to undo');
  });

  it("refuses this till's latest change while a later one, made elsewhere, depends on it", () => {
    const book = shop();
    book.ok(['config', 'set', 'till', '前台']);
    book.ok(['triage', '1', '--category', 'product', '--cause', '变质']);
    book.ok(['config', 'set', 'till', '后厨']);
    book.ok(['assign', '1', '小王']);
    book.ok(['config', 'set', 'till', '前台']);
    expectRefusedInOneLine(runComparing(book, ['undo', '--yes']), 1, "has a later one on #1 (#1 assigned 2026-11-23 18:00) that depends on it; undo that first with 'complaints undo 1'");
  });

  it("refuses this till's proposal once the owner has approved it, saying who undoes the approval", () => {
    const book = shop();
    book.ok(['config', 'set', 'till', '前台']);
    book.ok(['resolve', '1', '--remedy', 'refund', '--cost', '88']);
    book.ok(['config', 'set', 'till', '办公室']);
    book.ok(['approve', '1', '--as', '老板']);
    book.ok(['config', 'set', 'till', '前台']);
    expectRefusedInOneLine(
      runComparing(book, ['undo', '--yes']),
      1,
      "that depends on it, a decision on a remedy; whoever may approve remedies undoes that first with 'complaints undo 1'",
    );
  });

  it('asks at a terminal, showing the change: No keeps it, Yes undoes it', async () => {
    const book = shop();
    book.ok(['triage', '1', '--category', 'product', '--cause', '变质']);
    const before = book.dump();
    const kept = atTheTill(book, ['undo']);
    await kept.answer('Undo #1 triaged 2026-11-23 18:00?', enter);
    expect(await kept.finished()).toMatchObject({ code: 0, screen: expect.stringContaining('Nothing was undone.') });
    expect(book.dump()).toBe(before);

    const undone = atTheTill(book, ['undo']);
    await undone.waitFor('Undo #1 triaged 2026-11-23 18:00?');
    undone.type(down);
    await undone.answer('❯ Yes, undo it', enter);
    expect(await undone.finished()).toMatchObject({ code: 0, screen: expect.stringContaining('Undid #1 triaged 2026-11-23 18:00: #1 is new again.') });
  });

  it("undoes nothing when the complaint changed while the till asked: not the change it showed", async () => {
    const book = shop();
    const till = atTheTill(book, ['undo', '1']);
    await till.waitFor('Undo #1 logged 2026-11-23 10:00?');
    book.ok(['triage', '1', '--category', 'product', '--cause', '变质']);
    const before = book.dump();
    till.type(down);
    await till.answer('❯ Yes, undo it', enter);
    const { code, screen } = await till.finished();
    expect(code).toBe(1);
    expect(screen).toContain(
      "#1 changed a moment ago (#1 triaged 2026-11-23 18:00) after #1 logged 2026-11-23 10:00 was found to undo; nothing was undone (to undo the change now latest, run 'complaints undo 1' again)",
    );
    expect(book.dump()).toBe(before);
  });

  describe('refuses, in one line and changing nothing', () => {
    it.each([
      [['undo', '1'], 2, 'undo asks before it changes anything, and cannot ask here; add --yes'],
      [['undo', '99', '--yes'], 1, '#99'],
      [['undo', 'x', '--yes'], 2, "'x' is not a complaint id"],
    ] as const)('complaints %j', (args, code, message) => {
      expectRefusedInOneLine(runComparing(shop(), [...args]), code, message);
    });

    it('an imported complaint, and a cause renamed after the last step', () => {
      const book = shop();
      book.ok(['export', '--out', `${book.dir}/one.csv`]);
      const other = tempLogbook(NOW);
      other.ok(['import', `${book.dir}/one.csv`]);
      expectRefusedInOneLine(runComparing(other, ['undo', '1', '--yes']), 1, 'cannot be undone: it came into the logbook from a file; undo does not reverse an import');
      book.ok(['triage', '1', '--category', 'product', '--cause', '变质']);
      book.ok(['causes', 'rename', '变质', '坏了']);
      expectRefusedInOneLine(runComparing(book, ['undo', '1', '--yes']), 1, "rename it back with 'complaints causes rename'");
    });

    it("this till's latest change when it was a setting, rather than the step before it", () => {
      // A bare undo once passed over it, a setting being no step, and undid the follow-up and its score.
      const book = shop();
      book.ok(['resolve', '1', '--remedy', 'apology']);
      book.ok(['follow-up', '1', '--satisfaction', '4']);
      book.ok(['config', 'set', 'shop', '老王面馆']);
      expectRefusedInOneLine(runComparing(book, ['undo', '--yes']), 1, "the last change made at this till was a setting (shop), which undo does not take back: set it as it was with 'complaints config set shop …'");
      // The step is still undone by its number; a step taken since is this till's latest again.
      expect(book.ok(['undo', '1', '--yes'])).toContain('Undid #1 followed-up');
      book.ok(['note', '1', '打过电话']);
      expect(book.ok(['undo', '--yes'])).toContain('Undid #1 noted');
    });

    it("this till's latest change when it was a setting of this computer (its language, till or branch), by this computer's clock", () => {
      const book = shop();
      book.ok(['triage', '1', '--category', 'product', '--cause', '变质']);
      const at = (time: string) => ({ env: { COMPLAINTS_NOW: `2026-11-23T${time}:00.000Z` } });
      book.ok(['config', 'set', 'language', 'en'], at('18:05'));
      expectRefusedInOneLine(runComparing(book, ['undo', '--yes'], at('18:06')), 1, 'the last change made at this till was a setting (language)');
      book.ok(['note', '1', '打过电话'], at('18:07'));
      expect(book.ok(['undo', '--yes'], at('18:08'))).toContain('Undid #1 noted');
    });

    it("this till's latest change when it was a customer forgotten, a cause renamed or an import, rather than a step before it", () => {
      // A bare undo once passed over them, unrecorded at any till, and undid an older step elsewhere.
      const book = shop();
      book.ok(['log', '上菜慢', '--customer', '王芳', '--no-input']);
      book.ok(['triage', '2', '--category', 'service', '--cause', '太慢']);
      book.ok(['forget', '李先生', '--yes']);
      expectRefusedInOneLine(runComparing(book, ['undo', '--yes']), 1, 'cannot be undone: it erased the customer');
      book.ok(['causes', 'rename', '太慢', '上菜太慢']);
      expectRefusedInOneLine(runComparing(book, ['undo', '--yes']), 1, "rename it back with 'complaints causes rename'");
      // Asked for no complaint, it says the change was this till's latest, and how to undo one complaint's step.
      expect(book.run(['undo', '--yes']).stderr).toMatch(/^complaints: the last change made at this till \(#2 cause-renamed .*\) cannot be undone: .*; to undo a step on one complaint: complaints undo <id>\n$/);
      book.ok(['export', '--out', `${book.dir}/all.csv`]);
      const other = tempLogbook(NOW);
      other.ok(['log', '汤是凉的', '--no-input']);
      other.ok(['import', `${book.dir}/all.csv`, '--new-ids']);
      expectRefusedInOneLine(runComparing(other, ['undo', '--yes']), 1, 'undo does not reverse an import');
    });
  });
});
