import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectRefusedInOneLine } from '../support/bad-input.js';
import { runAtTerminal, runComparing, tempLogbook, type Logbook } from './harness.js';

const NOW = '2026-11-23T10:00:00.000Z';
const DAY = 24 * 60 * 60 * 1000;
const WEEK = 7 * DAY;
// When the soup kettle was replaced, and when the staff were trained.
const KETTLE = Date.parse('2026-10-01T09:00:00.000Z');
const TRAINING = Date.parse('2026-10-01T09:30:00.000Z');

/**
 * Weeks of a shop's complaints either side of 1 October: cold food four a week before the new
 * kettle (#16, resolved as it was fitted) and one a week after; 态度差 (rude staff) two a week
 * throughout, the staff trained on 1 October (#31); and the kettle checked again on 20 November
 * (#23). The logbook's first complaint (#42, a door that sticks) is a week before the rest, so
 * every week compared before 1 October was counted whole.
 */
function shopWithActions(): Logbook {
  const rows: string[] = [];
  const at = (ms: number) => new Date(ms).toISOString();
  const add = (occurred: number, cause: string, resolved?: { at: number; action: string }) => {
    const id = rows.length + 1;
    const status = resolved ? 'resolved' : 'triaged';
    const end = resolved ? `${at(resolved.at)},apology,${resolved.action}` : ',,';
    rows.push(`${id},${at(occurred)},${at(occurred)},${status},complaint ${id},product,${cause},${at(occurred + DAY)},${end},前台`);
  };
  for (let week = 4; week >= 1; week--) {
    for (const day of [1, 2, 3, 5]) add(KETTLE - week * WEEK + day * DAY, 'cold food', week === 1 && day === 5 ? { at: KETTLE, action: 'new soup kettle' } : undefined);
  }
  for (let week = 0; week < 7; week++) add(KETTLE + week * WEEK + 2 * DAY, 'cold food', week === 6 ? { at: Date.parse('2026-11-20T09:00:00.000Z'), action: 'kettle checked' } : undefined);
  for (let week = -4; week < 7; week++) {
    for (const day of [1, 4]) add(TRAINING + week * WEEK + day * DAY, '态度差', week === -1 && day === 4 ? { at: TRAINING, action: '培训服务员' } : undefined);
  }
  add(KETTLE - 5 * WEEK, 'door sticks');
  const book = tempLogbook(NOW);
  const file = join(book.dir, 'history.csv');
  writeFileSync(file, ['id,logged_at,occurred_at,status,description,category,cause,respond_by,resolved_at,remedy,action,till', ...rows, ''].join('\n'));
  book.ok(['import', file]);
  return book;
}

describe('actions', () => {
  it('lists each corrective action, the latest first, with its cause’s weeks before and after and a verdict', () => {
    const book = shopWithActions();
    const result = book.run(['actions']);
    expect(result).toMatchObject({ code: 0, stderr: '4 weeks before and after each action\n' });
    expect(result.stdout).toBe(
      [
        '  #  recorded          cause      action           4 weeks before  after    verdict',
        '#23  2026-11-20 09:00  cold food  kettle checked   1 1 1 1                  too early',
        '#31  2026-10-01 10:30  态度差     培训服务员       2 2 2 2         2 2 2 2  no change',
        '#16  2026-10-01 10:00  cold food  new soup kettle  4 4 4 4         1 1 1 1  fewer',
        '',
      ].join('\n'),
    );
  });

  it('keeps an action when it was recorded through a reopening and a resolution without a new one', () => {
    const book = shopWithActions();
    book.ok(['follow-up', '16', '--reopen', '--note', 'cold again']);
    book.ok(['resolve', '16', '--remedy', 'apology']);
    expect(book.ok(['actions', '--cause', 'cold food'])).toMatch(/^#16 {2}2026-10-01 10:00 {2}cold food {2}new soup kettle {2}4 4 4 4 {9}1 1 1 1 {2}fewer$/m);
    expect(book.ok(['report', '--week', '2026-W40'])).toMatch(/^ {2}#16 +cold food: new soup kettle$/m);
    expect(JSON.parse(book.ok(['show', '16', '--json']))).toMatchObject({ action: 'new soup kettle', action_at: '2026-10-01T09:00:00.000Z', resolved_at: NOW });
  });

  it('says one week in the singular', () => {
    const result = shopWithActions().run(['actions', '--weeks', '1']);
    expect(result).toMatchObject({ code: 0, stderr: '1 week before and after each action\n' });
    expect(result.stdout.split('\n')[0]).toMatch(/ 1 week before  after +verdict$/);
  });

  it('prints the counts, the verdict and its chance as JSON', () => {
    const printed = JSON.parse(shopWithActions().ok(['actions', '--json', '--cause', 'COLD  food']));
    expect(printed).toEqual({
      weeks: 4,
      more: false,
      actions: [
        { id: 23, recordedAt: '2026-11-20T09:00:00.000Z', cause: 'cold food', action: 'kettle checked', before: [1, 1, 1, 1], after: [], verdict: 'too early', p: null },
        // 4 of 20 where chance gives 10: binomtest(4, 20, 0.5).pvalue
        { id: 16, recordedAt: '2026-10-01T09:00:00.000Z', cause: 'cold food', action: 'new soup kettle', before: [4, 4, 4, 4], after: [1, 1, 1, 1], verdict: 'fewer', p: 0.0118179 },
      ],
    });
  });

  it('compares as many weeks as --weeks says, leaving out those before the first complaint', () => {
    const printed = JSON.parse(shopWithActions().ok(['actions', '--json', '--weeks', '6', '--cause', '态度差']));
    expect(printed.actions).toEqual([
      expect.objectContaining({ id: 31, before: [null, 0, 2, 2, 2, 2], after: [2, 2, 2, 2, 2, 2], verdict: 'no change' }),
    ]);
  });

  it('leaves out the weeks before the first complaint that stands: one logged with a wrong date and withdrawn counts nowhere', () => {
    const book = shopWithActions();
    book.ok(['log', 'typed with the wrong year', '--at', '2026-01-05 10:00', '--no-input']);
    book.ok(['undo', '--yes']);
    const printed = JSON.parse(book.ok(['actions', '--json', '--weeks', '6', '--cause', '态度差']));
    expect(printed.actions).toEqual([expect.objectContaining({ id: 31, before: [null, 0, 2, 2, 2, 2] })]);
  });

  it('says an action taken before any week could be counted has nothing to compare, once its weeks after are counted, rather than too early', () => {
    const book = tempLogbook(NOW);
    book.ok(['log', '汤凉了', '--at', '2026-10-01 12:00', '--no-input']);
    book.ok(['triage', '1', '--category', 'product', '--cause', '汤凉', '--at', '2026-10-01 12:05']);
    book.ok(['resolve', '1', '--remedy', 'apology', '--action', '换了保温锅', '--at', '2026-10-01 12:30']);
    book.ok(['log', '汤又凉了', '--at', '2026-10-20 12:00', '--no-input']);
    book.ok(['triage', '2', '--category', 'product', '--cause', '汤凉']);
    expect(book.ok(['actions']).split('\n')[1]).toMatch(/· · · · +0 0 1 0 +nothing before it to compare$/);
    expect(book.ok(['actions'], { env: { LANG: 'zh_CN.UTF-8' } })).toContain('之前没有记录，无从比较');
    expect(JSON.parse(book.ok(['actions', '--json'])).actions[0]).toMatchObject({ verdict: 'too early', p: null });
  });

  it('shows the latest actions up to --limit and says how many more there are', () => {
    const result = shopWithActions().run(['actions', '--limit', '1']);
    expect(result.stdout.split('\n')).toHaveLength(3);
    expect(result.stderr).toBe('4 weeks before and after each action; earlier ones not shown (--limit)\n');
  });

  it('says on stderr that there are none yet, or none for the cause, and prints an empty list with --json', () => {
    const book = tempLogbook(NOW);
    book.ok(['log', 'the soup was cold']);
    expect(book.run(['actions'])).toMatchObject({
      code: 0,
      stdout: '',
      stderr: 'No corrective actions yet; they are recorded when a complaint is resolved: complaints resolve <id> --action …\n',
    });
    expect(JSON.parse(book.ok(['actions', '--json']))).toEqual({ weeks: 4, actions: [], more: false });
    expect(shopWithActions().run(['actions', '--cause', 'long wait'])).toMatchObject({
      code: 0,
      stdout: '',
      stderr: `No corrective actions for the cause "long wait"; 'complaints causes' lists the causes in use\n`,
    });
  });

  it.each([
    [['actions', '--weeks', '0'], '--weeks'],
    [['actions', '--weeks', '27'], '--weeks'],
    [['actions', '--weeks', 'four'], '--weeks'],
    [['actions', '--limit', '0'], '--limit'],
    [['actions', '--cause', '  '], '--cause'],
  ])('refuses %j in one line, changing nothing', (args, names) => {
    expectRefusedInOneLine(runComparing(shopWithActions(), args), 2, names);
  });
});

describe('the report of the vital few’s earlier actions', () => {
  it('shows under the period’s actions each one old enough to judge, with its weeks and verdict, in every format for people', () => {
    const book = shopWithActions();
    const heading = "Did the actions work? Their cause's complaints a week, 4 weeks before → after";
    const table = book.ok(['report', '--last', '8w']);
    expect(table).toContain(
      [
        'Corrective actions for the vital few, recorded in this period',
        '  #16    cold food: new soup kettle',
        '  #31    态度差: 培训服务员',
        '  #23    cold food: kettle checked',
        '',
        heading,
        '  #31    态度差: 培训服务员 (2026-10-01): 2 2 2 2 → 2 2 2 2, no change',
        '  #16    cold food: new soup kettle (2026-10-01): 4 4 4 4 → 1 1 1 1, fewer',
        '',
        "Customers' suggestions",
      ].join('\n'),
    );
    expect(book.ok(['report', '--last', '8w', '--format', 'markdown'])).toContain(
      `## ${heading}\n\n- #31 态度差: 培训服务员 (2026-10-01): 2 2 2 2 → 2 2 2 2, no change\n- #16 cold food: new soup kettle (2026-10-01): 4 4 4 4 → 1 1 1 1, fewer\n`,
    );
    expect(book.ok(['report', '--last', '8w', '--format', 'html'])).toContain(
      `<h3>Did the actions work? Their cause&#39;s complaints a week, 4 weeks before → after</h3>\n<ul>\n<li>#31 <span lang="zh-CN">态度差</span>: <span lang="zh-CN">培训服务员</span> <span class="whole">(2026-10-01)</span>: 2\u00a02\u00a02\u00a02 → 2\u00a02\u00a02\u00a02, no change</li>\n`,
    );
  });

  it('says, in a report kept to one till, that the earlier actions are judged by the whole shop’s weeks', () => {
    const book = shopWithActions();
    const kept = book.ok(['report', '--last', '8w', '--till', '前台']);
    expect(kept).toContain("Did the actions work? Their cause's complaints a week in the whole shop, every branch and till, 4 weeks before → after\n  #31 ");
    expect(book.ok(['report', '--last', '8w', '--till', '前台'], { env: { LANG: 'zh_CN.UTF-8' } })).toContain('措施有用吗？其原因在全店（所有分店和收银台）每周的投诉数，前 4 周 → 后 4 周');
  });

  it('leaves out actions recorded after the period, and says nothing of earlier actions when there are none to judge', () => {
    const book = shopWithActions();
    // A week in September: the kettle and the training came after it.
    expect(book.ok(['report', '--week', '2026-W38'])).not.toContain('Did the actions work?');
    // By category, the vital few are categories, not causes an action was taken for.
    expect(book.ok(['report', '--last', '8w', '--by', 'category'])).not.toContain('Did the actions work?');
    expect(JSON.parse(book.ok(['report', '--last', '8w', '--format', 'json']))).not.toHaveProperty('earlierActions');
  });
});

describe('report --compare, before and after a change', () => {
  it('sets the two periods’ Pareto tables side by side, the earlier first, bars on one scale, and the summary beside the period chosen', () => {
    const book = shopWithActions();
    const result = book.run(['report', '--week', '2026-W42', '--compare', '2026-W38']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 12)).toEqual([
      'Complaints by cause — My shop',
      'Week 2026-W42, Mon 12 Oct – Sun 18 Oct 2026 (figures as of Mon 23 Nov, 10:00)',
      '',
      'Week 2026-W38, Mon 14 Sep – Sun 20 Sep 2026           Week 2026-W42, Mon 12 Oct – Sun 18 Oct 2026',
      '#  cause      count      %  cum. %                    #  cause      count      %  cum. %',
      '1  cold food      4  66.67   66.67  ████████████      1  态度差         2  66.67   66.67  ██████',
      '2  态度差         2  33.33  100.00  ██████            2  cold food      1  33.33  100.00  ███',
      '── the vital few above ───────────────────────────    ── the vital few above ─────────────────────',
      'Week 2026-W38, Mon 14 Sep – Sun 20 Sep 2026: The vital few, up to the row that reaches 80 %: all 2 causes, 100.00 % of 6 complaints.',
      'Week 2026-W42, Mon 12 Oct – Sun 18 Oct 2026: The vital few, up to the row that reaches 80 %: all 2 causes, 100.00 % of 3 complaints.',
      '',
      'Not yet triaged: 0 (not counted above).',
    ]);
    expect(result.stdout).toContain('summary                     2026-W42  2026-W38\nlogged                             3         6  ▼\n');
    expect(result.stdout).toContain('Compared with week 2026-W38, Mon 14 Sep – Sun 20 Sep 2026\n');
  });

  it('sets the tables one under the other on a terminal too narrow for both (80 columns)', () => {
    const book = shopWithActions();
    const { stdout } = runAtTerminal(book, ['report', '--week', '2026-W42', '--compare', '2026-W38'], { env: { NO_COLOR: '1' } });
    expect(stdout.replace(/\r/g, '').split('\n').slice(3, 14)).toEqual([
      'Week 2026-W38, Mon 14 Sep – Sun 20 Sep 2026',
      '#  cause      count      %  cum. %',
      '1  cold food      4  66.67   66.67  ████████████',
      '2  态度差         2  33.33  100.00  ██████',
      '── the vital few above ───────────────────────────',
      '',
      'Week 2026-W42, Mon 12 Oct – Sun 18 Oct 2026',
      '#  cause      count      %  cum. %',
      '1  态度差         2  66.67   66.67  ██████',
      '2  cold food      1  33.33  100.00  ███',
      '── the vital few above ─────────────────────',
    ]);
  });

  it('gives the period chosen and its table as compare in JSON, and its figures as the summary’s previous', () => {
    const printed = JSON.parse(shopWithActions().ok(['report', '--week', '2026-W42', '--compare', '2026-09-14..2026-09-20', '--format', 'json']));
    expect(printed.compare).toEqual({
      period: { since: '2026-09-13T23:00:00.000Z', until: '2026-09-20T23:00:00.000Z' },
      total: 6,
      untriaged: 0,
      rows: [
        { key: 'cold food', count: 4, percent: 66.67, cumulativePercent: 66.67, vital: true },
        { key: '态度差', count: 2, percent: 33.33, cumulativePercent: 100, vital: true },
      ],
    });
    expect(printed.summary.previous.logged).toBe(6);
    expect(printed.total).toBe(3);
  });

  it('shows both tables in Markdown and both charts on one page in HTML, in time order', () => {
    const book = shopWithActions();
    const markdown = book.ok(['report', '--week', '2026-W38', '--compare', '2026-W42', '--format', 'markdown']);
    expect(markdown.indexOf('### Week 2026-W38')).toBeGreaterThan(0);
    expect(markdown.indexOf('### Week 2026-W42')).toBeGreaterThan(markdown.indexOf('### Week 2026-W38'));
    const html = book.ok(['report', '--week', '2026-W42', '--compare', '2026-W38', '--format', 'html']);
    expect(html).toMatch(/<div class="pair">\n<figure>\n<h3>Week 2026-W38, .*<\/h3>\n<ol class="bars"[\s\S]*<\/figure>\n<figure>\n<h3>Week 2026-W42, /);
  });

  it.each([
    ['2026-W99', '--compare'],
    ['next year', '--compare'],
    ['2026-13', '--compare'],
    ['2026-09-30..2026-09-01', '--compare'],
    ['2026-09-01..', '--compare'],
  ])('refuses --compare %j in one line, changing nothing', (period, names) => {
    expectRefusedInOneLine(runComparing(shopWithActions(), ['report', '--compare', period]), 2, names);
  });
});
