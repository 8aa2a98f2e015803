import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRefusedInOneLine } from '../support/bad-input.js';
import { runComparing, tempLogbook, type Logbook } from './harness.js';

// Monday of ISO week 48; the week before is week 47.
const NOW = '2026-11-23T18:00:00.000Z';
/** A test that makes a week of its own runs some twenty commands first: on PostgreSQL, at times over 20 s. */
const OWN_WEEK_TIMEOUT = 90_000;

/**
 * A week at the till: two valid complaints about cold soup, one about a slow queue, a question,
 * a customer needing help, one venting, one unfounded and one not judged yet; and in the week
 * before, one question and one venting.
 */
function weekOfNatures(): Logbook {
  const book = tempLogbook(NOW);
  const log = (text: string, at: string) => book.ok(['log', text, '--at', at, '--no-input']);
  log('汤是凉的', '2026-11-23 09:00'); // #1
  log('汤又是凉的', '2026-11-23 09:30'); // #2
  log('排队太久', '2026-11-23 10:00'); // #3
  log('你们几点关门？', '2026-11-23 10:30'); // #4
  log('会员卡怎么用不了', '2026-11-23 11:00'); // #5
  log('停车太难了，每次都这样', '2026-11-23 11:30'); // #6
  log('这个不是你们店买的', '2026-11-23 12:00'); // #7
  log('店里太吵', '2026-11-23 12:30'); // #8
  log('有没有素食？', '2026-11-17 10:00'); // #9
  log('服务员说话太快听不懂', '2026-11-17 11:00'); // #10
  book.ok(['triage', '1', '--category', 'product', '--cause', '汤凉']);
  book.ok(['triage', '2', '--category', 'product', '--cause', '汤凉']);
  book.ok(['triage', '3', '--nature', 'valid', '--category', 'service', '--cause', '排队久']);
  book.ok(['triage', '4', '--nature', 'question']);
  book.ok(['triage', '5', '--nature', 'help']);
  book.ok(['triage', '6', '--nature', 'venting']);
  book.ok(['triage', '7', '--reject', '--reason', '别家买的']);
  book.ok(['triage', '9', '--nature', 'question']);
  book.ok(['triage', '10', '--nature', 'venting']);
  return book;
}

describe('natures', () => {
  // What only reads, and the refusals, which change nothing, share one week.
  let week: Logbook;
  beforeAll(() => {
    week = weekOfNatures();
  }, 120_000);

  it('counts only valid complaints in the Pareto, and help, questions and venting apart with the week before', () => {
    const report = JSON.parse(week.ok(['report', '--week', '2026-W48', '--format', 'json']));
    expect(report).toMatchObject({
      total: 3,
      untriaged: 1,
      rows: [
        { key: '汤凉', count: 2 },
        { key: '排队久', count: 1 },
      ],
    });
    expect(report.summary).toMatchObject({ logged: 8, rejected: 1, help: 1, question: 1, venting: 1 });
    expect(report.summary.previous).toMatchObject({ logged: 2, rejected: 0, help: 0, question: 1, venting: 1 });
    // Not by cause either: by channel, every valid complaint or one not judged yet.
    const byChannel = JSON.parse(week.ok(['report', '--week', '2026-W48', '--by', 'channel', '--format', 'json']));
    expect(byChannel.total).toBe(4);
  });

  it('shows the natures in the summary table, and each on show and in the export', () => {
    const book = week;
    const table = book.ok(['report', '--week', '2026-W48']);
    expect(table).toContain("Not yet triaged: 1 (not counted above); triage them with 'complaints triage'. Help, questions and venting: 3 (not counted above).");
    expect(table).toMatch(/^help +1 +0 +▲$/m);
    expect(table).toMatch(/^questions +1 +1 +=$/m);
    expect(table).toMatch(/^venting +1 +1 +=$/m);
    expect(book.ok(['show', '4'])).toMatch(/^nature +question$/m);
    const exported = book.ok(['export']).split('\r\n');
    expect(exported[0]).toMatch(/,nature,answer,/);
    // Counted from the end, where no description's comma can move it.
    const fromEnd = exported[0]!.split(',').reverse().indexOf('nature');
    const natureOf = (id: number) => exported.find((row) => row.startsWith(`${id},`))!.split(',').reverse()[fromEnd];
    expect([natureOf(4), natureOf(7), natureOf(8)]).toEqual(['question', 'unfounded', '']);
  });

  it('answers a question without a remedy, follows it up and closes it; the answer shows, exports and imports again', () => {
    const book = weekOfNatures();
    const answered = book.run(['resolve', '4', '--answer', '晚上九点关门', '--note', '电话告知']);
    expect(answered).toMatchObject({ code: 0, stdout: 'Answered #4.\n' });
    expect(answered.stderr).toContain('follow-up 4');
    book.ok(['follow-up', '4', '--satisfaction', '5']);
    const shown = JSON.parse(book.ok(['show', '4', '--json']));
    expect(shown).toMatchObject({ status: 'closed', nature: 'question', answer: '晚上九点关门', remedy: null, cost: null, satisfaction: 5 });
    expect(shown.timeline.map((event: { action: string }) => event.action)).toEqual(['logged', 'triaged', 'answered', 'followed-up']);
    expect(shown.timeline[2].changes).toMatchObject({ answer: '晚上九点关门', note: '电话告知' });

    const exported = book.ok(['export']);
    const file = join(book.dir, 'natures.csv');
    writeFileSync(file, exported);
    const other = tempLogbook(NOW);
    other.ok(['import', file]);
    expect(other.ok(['export'])).toBe(exported);
  }, OWN_WEEK_TIMEOUT);

  it('tells what comes next for a communicative complaint: an answer', () => {
    const book = tempLogbook(NOW);
    book.ok(['log', '几点开门', '--no-input']);
    expect(book.run(['triage', '1', '--nature', 'question']).stderr).toBe('next: complaints resolve 1 --answer "…"\n');
  });

  it('clears the classification of a valid complaint found to be venting, and needs it again to be valid', () => {
    const book = weekOfNatures();
    expect(book.ok(['triage', '3', '--nature', 'venting'])).toBe('Triaged #3 as venting: to be answered, not counted among the causes.\n');
    expect(JSON.parse(book.ok(['show', '3', '--json']))).toMatchObject({ nature: 'venting', category: null, cause: null, severity: null });
    expectRefusedInOneLine(runComparing(book, ['triage', '3', '--nature', 'valid']), 2, 'triaging #3 as valid needs --category and --cause');
    book.ok(['triage', '3', '--category', 'service', '--cause', '排队久']);
    expect(JSON.parse(book.ok(['show', '3', '--json']))).toMatchObject({ nature: 'valid', cause: '排队久' });
  }, OWN_WEEK_TIMEOUT);

  it('counts the remedy of a complaint reopened and found a question in the report by remedy, as its cost counts', () => {
    const book = tempLogbook(NOW);
    book.ok(['log', '面太咸', '--at', '2026-11-23 12:00', '--no-input']);
    book.ok(['triage', '1', '--category', 'product', '--cause', '面太咸', '--at', '2026-11-23 12:05']);
    book.ok(['resolve', '1', '--remedy', 'discount', '--cost', '10', '--at', '2026-11-23 12:30']);
    book.ok(['follow-up', '1', '--reopen', '--satisfaction', '2', '--at', '2026-11-23 14:00']);
    book.ok(['triage', '1', '--nature', 'question', '--at', '2026-11-23 15:00']);
    book.ok(['resolve', '1', '--answer', '本来就咸', '--at', '2026-11-23 16:00']);
    const byRemedy = JSON.parse(book.ok(['report', '--week', '2026-W48', '--by', 'remedy', '--format', 'json']));
    expect(byRemedy.summary).toMatchObject({ question: 1, remedyCost: 10 });
    expect(byRemedy.rows).toEqual([{ key: 'discount', count: 1, percent: 100, cumulativePercent: 100, vital: true }]);
  });

  it('reads a file written before natures were kept: triaged ones valid, rejected ones unfounded', () => {
    const book = tempLogbook(NOW);
    const file = join(book.dir, 'old.csv');
    writeFileSync(
      file,
      [
        'id,logged_at,occurred_at,status,description,category,cause,reject_reason',
        '1,2026-11-20T10:00:00.000Z,2026-11-20T10:00:00.000Z,triaged,汤凉,product,汤凉,',
        '2,2026-11-20T10:00:00.000Z,2026-11-20T10:00:00.000Z,rejected,别家买的,,,不是本店',
        '3,2026-11-20T10:00:00.000Z,2026-11-20T10:00:00.000Z,new,几点关门,,,',
        '',
      ].join('\n'),
    );
    book.ok(['import', file]);
    const listed = JSON.parse(book.ok(['list', '--json'])) as Array<{ id: number; nature: string | null }>;
    expect(listed.map(({ id, nature }) => ({ id, nature }))).toEqual([
      { id: 3, nature: null },
      { id: 2, nature: 'unfounded' },
      { id: 1, nature: 'valid' },
    ]);
  });

  describe('refuses, in one line and changing nothing', () => {
    it.each([
      [['triage', '8', '--nature', 'rude'], "--nature: 'rude' is not one of valid, help, question, venting, unfounded"],
      [['triage', '8', '--nature', 'question', '--cause', '吵'], '--nature question does not go with --category, --cause or --severity'],
      [['triage', '8', '--nature', 'help', '--reject', '--reason', 'x'], '--reject means --nature unfounded, not help'],
      [['triage', '8', '--nature', 'unfounded'], '--nature unfounded needs --reason'],
      [['triage', '8', '--nature', 'venting', '--reason', 'x'], '--reason goes with --reject (or --nature unfounded)'],
      [['resolve', '4', '--answer', '九点', '--remedy', 'apology'], '--answer does not go with --remedy'],
      [['resolve', '4', '--answer', '  '], '--answer cannot be empty'],
    ])('a usage error: complaints %j', (args, message) => {
      expectRefusedInOneLine(runComparing(week, args), 2, message);
    });

    it.each([
      [['resolve', '1', '--answer', '抱歉'], 'complaint #1 was triaged as valid; resolve it with a remedy (--remedy …)'],
      [['resolve', '8', '--answer', '抱歉'], "complaint #8 is not judged yet; triage it first as help, question or venting ('complaints triage 8 --nature question')"],
      [['resolve', '7', '--answer', '抱歉'], 'complaint #7 is rejected'],
      [['resolve', '99', '--answer', '抱歉'], '#99'],
    ])('a refusal: complaints %j', (args, message) => {
      expectRefusedInOneLine(runComparing(week, args), 1, message);
    });

    it('finding venting in a complaint resolved with a remedy, until it is reopened', () => {
      const book = weekOfNatures();
      book.ok(['resolve', '1', '--remedy', 'refund', '--cost', '12']);
      expectRefusedInOneLine(
        runComparing(book, ['triage', '1', '--nature', 'venting']),
        1,
        "complaint #1 was resolved with a remedy, as a valid complaint is, so it cannot be venting; reopen it first with 'complaints follow-up 1 --reopen'",
      );
      book.ok(['follow-up', '1', '--reopen']);
      book.ok(['triage', '1', '--nature', 'venting']);
      expect(JSON.parse(book.ok(['show', '1', '--json']))).toMatchObject({ status: 'triaged', nature: 'venting', remedy: 'refund' });
    }, OWN_WEEK_TIMEOUT);

    it('making valid a complaint answered without a remedy, until it is reopened', () => {
      const book = weekOfNatures();
      book.ok(['resolve', '5', '--answer', '帮她重新激活了']);
      expectRefusedInOneLine(
        runComparing(book, ['triage', '5', '--category', 'service', '--cause', '会员卡']),
        1,
        "complaint #5 was answered without a remedy, which a valid complaint needs; reopen it first with 'complaints follow-up 5 --reopen'",
      );
      book.ok(['follow-up', '5', '--reopen']);
      book.ok(['triage', '5', '--category', 'service', '--cause', '会员卡']);
      expect(JSON.parse(book.ok(['show', '5', '--json']))).toMatchObject({ status: 'triaged', nature: 'valid', answer: '帮她重新激活了' });
    }, OWN_WEEK_TIMEOUT);
  });
});
