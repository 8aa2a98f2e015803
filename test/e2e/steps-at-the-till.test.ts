import { describe, expect, it } from 'vitest';
import { expectRefusedInOneLine } from '../support/bad-input.js';
import { KEYS } from '../support/pty.js';
import { atTheTill, runComparing, tempLogbook, type Logbook } from './harness.js';

// Every step asks at a terminal for what its flags did not give, offering what was answered
// before; without a terminal it never asks. Each test answers as a person at the till would and
// reads back what was recorded.

const NOW = '2026-11-23T10:00:00.000Z';
const { enter, down } = KEYS;
const CONVERSATION = { timeout: 120_000 };

function shown(book: Logbook, id: number) {
  return JSON.parse(book.ok(['show', String(id), '--json']));
}

/** #1 汤是凉的 (wants a refund), triaged; #2 几点关门, a question; 小王 has handled one before (#3). */
function shop(): Logbook {
  const book = tempLogbook(NOW);
  book.ok(['log', '汤是凉的', '--wants', 'refund', '--no-input']);
  book.ok(['log', '几点关门？', '--no-input']);
  book.ok(['log', '桌子脏', '--no-input']);
  book.ok(['triage', '1', '--category', 'product', '--cause', '汤凉']);
  book.ok(['triage', '2', '--nature', 'question']);
  book.ok(['assign', '3', '小王']);
  book.ok(['resolve', '3', '--remedy', 'apology', '--root-cause', '没擦桌子', '--action', '每桌擦两遍']);
  return book;
}

describe('each step at the till', CONVERSATION, () => {
  it('assign asks who, offering the people assigned before', async () => {
    const book = shop();
    const till = atTheTill(book, ['assign', '1']);
    await till.answer(/Who will handle it\?[^\n]*\n❯ 小王/, enter);
    expect(await till.finished()).toMatchObject({ code: 0, screen: expect.stringContaining('Assigned #1 to 小王') });
    expect(shown(book, 1)).toMatchObject({ status: 'assigned', assignee: '小王' });
  });

  it('assign takes the first person ever named, pasted with its Enter, and refuses an Enter with nothing typed', async () => {
    const book = tempLogbook(NOW);
    book.ok(['log', '汤是凉的', '--no-input']);
    const till = atTheTill(book, ['assign', '1']);
    await till.answer('Who will handle it?', enter);
    await till.answer('Give a name', '小王\r');
    expect(await till.finished()).toMatchObject({ code: 0, screen: expect.stringContaining('Assigned #1 to 小王') });
    expect(shown(book, 1)).toMatchObject({ status: 'assigned', assignee: '小王' });
  });

  it('resolve asks for the remedy (what the customer wanted first), its cost, and the root cause and action found before', async () => {
    const book = shop();
    const till = atTheTill(book, ['resolve', '1']);
    await till.answer(/Remedy given:[^\n]*\n❯ refund/, enter);
    await till.answer('What did it cost the shop?', '4.50', enter);
    await till.waitFor('Root cause');
    till.type('汤桶');
    await till.answer(/❯ 汤桶 \(new root cause\)/, enter);
    await till.answer(/Corrective action[^\n]*\n❯ \(skip\)/, down);
    await till.answer('❯ 每桌擦两遍', enter);
    expect(await till.finished()).toMatchObject({ code: 0, screen: expect.stringContaining('Resolved #1 with refund costing 4.50.') });
    expect(shown(book, 1)).toMatchObject({ status: 'resolved', remedy: 'refund', cost: 4.5, root_cause: '汤桶', action: '每桌擦两遍' });
  });

  it('resolve asks no cost when no remedy was given, as none is taken with it', async () => {
    const book = shop();
    const till = atTheTill(book, ['resolve', '1']);
    await till.answer(/Remedy given:[^\n]*\n❯ refund/, 'none');
    await till.answer('❯ none', enter);
    await till.answer(/Root cause[^\n]*\n❯ \(skip\)/, '泵坏了', enter);
    await till.answer(/Corrective action[^\n]*\n❯ \(skip\)/, enter);
    const { code, screen } = await till.finished();
    expect(code).toBe(0);
    expect(screen).not.toContain('What did it cost the shop?');
    expect(shown(book, 1)).toMatchObject({ status: 'resolved', remedy: 'none', cost: null, root_cause: '泵坏了' });
  });

  it('resolve takes no remedy for an Enter pressed before one is chosen, when the customer wanted none', async () => {
    const book = shop();
    book.ok(['log', '等了很久', '--no-input']);
    const till = atTheTill(book, ['resolve', '4']);
    await till.answer(/Remedy given:[^\n]*\n❯ \(choose one with the arrows\)/, enter);
    await till.answer(/Remedy given \(choose one with the arrows, then Enter\):[^\n]*\n❯ \(choose one with the arrows\)/, down);
    await till.answer(/❯ refund/, down);
    await till.answer(/❯ replacement/, enter);
    await till.answer('What did it cost the shop?', enter);
    await till.answer(/Root cause[^\n]*\n❯ \(skip\)/, enter);
    await till.answer(/Corrective action[^\n]*\n❯ \(skip\)/, enter);
    expect(await till.finished()).toMatchObject({ code: 0 });
    expect(shown(book, 4)).toMatchObject({ status: 'resolved', remedy: 'replacement', cost: null });
  });

  it('resolve asks a question only for its answer', async () => {
    const book = shop();
    const till = atTheTill(book, ['resolve', '2']);
    await till.answer('How was it answered?', '晚上九点', enter);
    const { code, screen } = await till.finished();
    expect(code).toBe(0);
    expect(screen).toContain('Answered #2.');
    expect(screen).not.toContain('Remedy given');
    expect(shown(book, 2)).toMatchObject({ status: 'resolved', answer: '晚上九点', remedy: null });
  });

  it('follow-up asks how satisfied, each score with its meaning on the row of its number, so a digit typed picks it; and what the customer said', async () => {
    const book = shop();
    const till = atTheTill(book, ['follow-up', '3']);
    await till.answer(/How satisfied is the customer now\?[^\n]*\n {2}1 — [^\n]+\n(?: {2}[234] — [^\n]+\n){3} {2}5 — fully satisfied\n❯ not reached yet: record nothing for now\n/, '4');
    await till.answer('❯ 4 — satisfied', enter);
    await till.answer('What did the customer say?', '挺好', enter);
    expect(await till.finished()).toMatchObject({ code: 0, screen: expect.stringContaining('Followed up #3: satisfaction 4/5; closed.') });
    expect(shown(book, 3)).toMatchObject({ status: 'closed', satisfaction: 4 });
    expect(shown(book, 3).timeline.at(-1).changes).toMatchObject({ note: '挺好' });
  });

  it('follow-up sends an unhappy customer’s complaint back', async () => {
    const book = shop();
    const till = atTheTill(book, ['follow-up', '3']);
    await till.waitFor('How satisfied is the customer now?');
    till.type(down);
    await till.answer('❯ still unhappy: reopen it', enter);
    await till.answer('What did the customer say?', enter);
    expect(await till.finished()).toMatchObject({ code: 0, screen: expect.stringContaining('Reopened #3') });
    expect(shown(book, 3)).toMatchObject({ status: 'assigned', assignee: '小王' });
  });

  it('follow-up records nothing when Enter is pressed at once: the customer was not reached', async () => {
    const book = shop();
    const before = book.dump();
    const till = atTheTill(book, ['follow-up', '3']);
    await till.answer(/How satisfied is the customer now\?[^\n]*\n(?:.*\n)*❯ not reached yet/, enter);
    const { code, screen } = await till.finished();
    expect(code).toBe(0);
    expect(screen).toContain('Nothing recorded: #3 is still to be followed up.');
    expect(screen).not.toContain('What did the customer say?');
    expect(book.dump()).toBe(before);
  });

  it('triage given some of its flags asks only for the rest: a category given, the cause and severity', async () => {
    const book = shop();
    book.ok(['log', '地上有水', '--no-input']);
    const till = atTheTill(book, ['triage', '4', '--category', 'service']);
    await till.waitFor('Cause');
    till.type('桌子没擦');
    await till.answer(/❯ 桌子没擦 \(new cause\)/, enter);
    await till.answer(/Severity:[^\n]*\n(?:.*\n)*❯ medium/, enter);
    const { code, screen } = await till.finished();
    expect(code).toBe(0);
    expect(screen).not.toContain('What kind of complaint?');
    expect(screen).not.toContain('Category:');
    expect(shown(book, 4)).toMatchObject({ status: 'triaged', category: 'service', cause: '桌子没擦', severity: 'medium' });
  });

  it('a cause or a person typed longer than a name may be is said at the question, which is asked again', async () => {
    const book = shop();
    book.ok(['log', '地上有水', '--no-input']);
    const triage = atTheTill(book, ['triage', '4', '--category', 'service', '--severity', 'low']);
    await triage.waitFor('Cause');
    triage.type('水'.repeat(101));
    await triage.answer('(new cause)', enter);
    await triage.answer('cause: 101 characters', '地滑');
    await triage.answer('❯ 地滑 (new cause)', enter);
    expect((await triage.finished()).code).toBe(0);

    const assign = atTheTill(book, ['assign', '4']);
    await assign.waitFor('Who will handle it?');
    assign.type('王'.repeat(120));
    await assign.answer('(new person)', enter);
    await assign.answer('assignee: 120 characters', '小李');
    await assign.answer('❯ 小李 (new person)', enter);
    expect((await assign.finished()).code).toBe(0);
    expect(shown(book, 4)).toMatchObject({ status: 'assigned', cause: '地滑', assignee: '小李' });
  });

  it('triage refuses a bad flag before asking anything, changing nothing', async () => {
    const book = shop();
    const before = book.dump();
    const { code, screen } = await atTheTill(book, ['triage', '3', '--category', 'weather']).finished();
    expect(code).toBe(2);
    expect(screen).toContain('weather');
    expect(screen).not.toContain('Cause');
    expect(book.dump()).toBe(before);
  });

  it('resolve refuses a bad --cost before asking for the remedy, changing nothing', async () => {
    const book = shop();
    const before = book.dump();
    const { code, screen } = await atTheTill(book, ['resolve', '1', '--cost', '一百块块']).finished();
    expect(code).toBe(2);
    expect(screen).toContain("--cost: '一百块块' is not an amount");
    expect(screen).not.toContain('Remedy given');
    expect(book.dump()).toBe(before);
  });

  it('asks nothing of a step the lifecycle refuses, saying why', async () => {
    const book = shop();
    const before = book.dump();
    const till = atTheTill(book, ['follow-up', '1']);
    const { code, screen } = await till.finished();
    expect(code).toBe(1);
    expect(screen).toContain("complaint #1 is triaged; resolve it first with 'complaints resolve 1 --remedy …'");
    expect(screen).not.toContain('How satisfied');
    expect(book.dump()).toBe(before);
  });
});

describe('complaints N', CONVERSATION, () => {
  it('shows the complaint, then offers the step its state expects first, which asks for the rest', async () => {
    const book = shop();
    const till = atTheTill(book, ['1']);
    await till.waitFor('Complaint #1');
    await till.answer(/What next\?[^\n]*\n❯ assign it/, enter);
    await till.answer(/Who will handle it\?[^\n]*\n❯ 小王/, enter);
    expect(await till.finished()).toMatchObject({ code: 0, screen: expect.stringContaining('Assigned #1 to 小王') });
  });

  it('offers a question to be answered first, as the next step it was given says, and asks for the answer', async () => {
    const book = shop();
    const till = atTheTill(book, ['2']);
    await till.waitFor('Complaint #2');
    await till.answer(/What next\?[^\n]*\n❯ answer it\n/, enter);
    await till.answer('How was it answered?', '周日十点开门', enter);
    expect((await till.finished()).code).toBe(0);
    expect(shown(book, 2)).toMatchObject({ status: 'resolved', answer: '周日十点开门', assignee: null });
  });

  it('leaves the complaint as it is when nothing is chosen', async () => {
    const book = shop();
    const before = book.dump();
    const till = atTheTill(book, ['3']);
    await till.waitFor('What next?');
    till.type(down, down, down);
    await till.answer('❯ nothing for now', enter);
    expect((await till.finished()).code).toBe(0);
    expect(book.dump()).toBe(before);
  });

  it('without a terminal, only shows it', () => {
    const book = shop();
    const result = runComparing(book, ['1']);
    expect(result).toMatchObject({ code: 0, unchanged: true, stderr: '' });
    expect(result.stdout).toBe(book.ok(['show', '1']));
  });
});

describe('without a terminal nothing is asked', () => {
  it.each([
    [['assign', '1'], 'give the person to assign: complaints assign 1 <person>'],
    [['resolve', '1'], '--remedy is needed'],
    [['follow-up', '3'], '--satisfaction 1-5 is needed'],
    [['99'], '#99'],
  ])('complaints %j refuses in one line, changing nothing', (args, message) => {
    const result = runComparing(shop(), args);
    expectRefusedInOneLine(result, args[0] === '99' ? 1 : 2, message);
  });
});
