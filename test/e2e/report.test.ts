import { parse } from 'csv-parse/sync';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runAtTerminal, runComparing, tempLogbook, type Logbook } from './harness.js';

// One logbook for the whole file, seeded through the binary as a shop would fill it. The clock is
// Thursday 26 November 2026, 10:00 in London: this week is 2026-W48 (Mon 23 – Sun 29 Nov).
const NOW = '2026-11-26T10:00:00.000Z';
const ESCAPE = '\u001b[31mred\u001b[0m';

// Other folds rude staff and slow service: rude staff is needed to reach 80 %, so --top 3 shows it.
const OTHER_WITHIN_THE_VITAL_FEW =
  'The vital few, up to the row that reaches 80 %: 1 of 4 causes, 42.86 % of 7 complaints; Other, which folds 3 more causes, lies within the 80 % too (--top 3 shows the vital few by name).';

let book: Logbook;
const report = (...args: string[]) => book.ok(['report', ...args]);
const reportJson = (...args: string[]) => JSON.parse(report('--format', 'json', ...args));

beforeAll(() => {
  book = tempLogbook(NOW);
  const steps: string[][] = [
    ['config', 'set', 'shop', 'Corner Café'],
    ['config', 'set', 'currency', 'EUR'],
    // This week (2026-W48).
    ['log', 'soup was cold', '--at', '2026-11-23 12:00', '--channel', 'in-person', '--suggestion', 'keep the soup in a flask'],
    ['log', 'soup cold again', '--at', '2026-11-23 13:00', '--channel', 'phone'],
    ['log', 'waiter was rude', '--at', '2026-11-24 09:00'],
    ['log', '汤太凉了', '--at', '2026-11-24 12:00', '--customer', '王芳', '--suggestion', '汤要热一点'],
    ['log', '汤不热', '--at', '2026-11-24 18:30'],
    ['log', 'waited 40 minutes', '--at', '2026-11-25 12:00'],
    ['log', 'bought it elsewhere', '--at', '2026-11-25 14:00'],
    ['log', 'strange note', '--at', '2026-11-25 15:00', '--suggestion', `<script>alert(1)</script> ${ESCAPE}`],
    ['log', 'cold once more', '--at', '2026-11-26 08:00'],
    // The week before (2026-W47), and one older still.
    ['log', 'long queue', '--at', '2026-11-18 10:00', '--suggestion', 'open earlier'],
    ['log', 'cold soup', '--at', '2026-11-20 12:00'],
    ['log', 'old one', '--at', '2026-11-10 10:00'],
    // Each triaged when it was logged, so the steps after it can be dated before today.
    ['triage', '1', '--category', 'product', '--cause', 'cold food', '--at', '2026-11-23 12:00'],
    ['triage', '2', '--category', 'product', '--cause', 'Cold Food', '--at', '2026-11-23 13:00'],
    ['triage', '3', '--category', 'staff', '--cause', 'rude staff', '--at', '2026-11-24 09:00'],
    ['triage', '4', '--category', 'product', '--cause', '汤太凉', '--at', '2026-11-24 12:00'],
    ['triage', '5', '--category', 'product', '--cause', '汤太凉', '--at', '2026-11-24 18:30'],
    ['triage', '6', '--category', 'service', '--cause', 'slow service', '--at', '2026-11-25 12:00'],
    ['triage', '7', '--reject', '--reason', 'not bought here', '--at', '2026-11-25 14:00'],
    ['triage', '9', '--category', 'product', '--cause', 'cold food', '--at', '2026-11-26 08:00'],
    ['triage', '10', '--category', 'service', '--cause', 'slow service', '--at', '2026-11-18 10:00'],
    ['triage', '11', '--category', 'product', '--cause', '=SUM(A1:A9)', '--at', '2026-11-20 12:00'],
    ['assign', '3', 'Sam'],
    ['resolve', '1', '--remedy', 'refund', '--cost', '4.50', '--action', 'thermostat replaced', '--at', '2026-11-23 15:00'],
    ['resolve', '4', '--remedy', 'apology', '--action', 'heat the bowls first', '--at', '2026-11-25 09:00'],
    ['resolve', '6', '--remedy', 'discount', '--cost', '2', '--action', 'second cashier at lunch', '--at', '2026-11-26 09:00'],
    ['resolve', '10', '--remedy', 'apology', '--action', 'more staff on Fridays', '--at', '2026-11-20 10:00'],
    ['follow-up', '1', '--satisfaction', '4', '--at', '2026-11-25 10:00'],
  ];
  for (const step of steps) book.ok(step);
}, 300_000);

const SUMMARY_THIS_WEEK = {
  logged: 9,
  resolved: 3,
  open: 5,
  overdue: 3,
  rejected: 1,
  help: 0,
  question: 0,
  venting: 0,
  withinResponseTarget: 0.5,
  medianHoursToResolve: 21,
  followedUp: 1,
  averageSatisfaction: 4,
  remedyCost: 6.5,
  awaitingApproval: 0,
  proposedCost: 0,
};

describe('report --format json', () => {
  it("gives this week's Pareto rows by cause and the summary beside the week before, in the contract's shape", () => {
    expect(reportJson()).toEqual({
      period: { since: '2026-11-23T00:00:00.000Z', until: '2026-11-30T00:00:00.000Z' },
      by: 'cause',
      total: 7,
      untriaged: 1,
      rows: [
        { key: 'cold food', count: 3, percent: 42.86, cumulativePercent: 42.86, vital: true },
        { key: '汤太凉', count: 2, percent: 28.57, cumulativePercent: 71.43, vital: true },
        { key: 'rude staff', count: 1, percent: 14.29, cumulativePercent: 85.71, vital: true },
        { key: 'slow service', count: 1, percent: 14.29, cumulativePercent: 100, vital: false },
      ],
      summary: {
        ...SUMMARY_THIS_WEEK,
        previous: {
          logged: 2,
          resolved: 1,
          open: 1,
          overdue: 1,
          rejected: 0,
          help: 0,
          question: 0,
          venting: 0,
          withinResponseTarget: 0,
          medianHoursToResolve: 48,
          followedUp: 0,
          averageSatisfaction: null,
          remedyCost: 0,
          awaitingApproval: 0,
          proposedCost: 0,
        },
      },
    });
  });

  it('gives the same JSON for --json as for --format json, and refuses the two together', () => {
    expect(report('--json')).toBe(report('--format', 'json'));
    expect(book.run(['report', '--json', '--format', 'table'])).toMatchObject({ code: 2, stdout: '', stderr: 'complaints: --json cannot be used with --format <format>\n' });
    expect(book.run(['report', '--json', '--format', 'html'], { env: { LANG: 'zh_CN.UTF-8' } }).stderr).toBe('complaints: --json 不能与 --format <格式> 同时使用\n');
  });

  it('counts every upheld complaint for other dimensions, a missing value as (none), rejected ones only in the summary', () => {
    const byChannel = reportJson('--by', 'channel');
    expect(byChannel.rows.map((row: { key: string; count: number }) => [row.key, row.count])).toEqual([
      ['(none)', 6],
      ['in-person', 1],
      ['phone', 1],
    ]);
    expect(byChannel.total + byChannel.summary.rejected).toBe(byChannel.summary.logged);
    expect(byChannel.untriaged).toBe(1);

    const byRemedy = reportJson('--by', 'remedy');
    expect(byRemedy.rows.map((row: { key: string; count: number }) => [row.key, row.count])).toEqual([
      ['(none)', 5],
      ['apology', 1],
      ['discount', 1],
      ['refund', 1],
    ]);
    // On the page, the row of complaints given none yet is not to be read as the remedy "none".
    expect(report('--by', 'remedy')).toMatch(/^ *1 +\(no remedy yet\) +5 /m);
    expect(book.ok(['report', '--by', 'remedy'], { env: { LANG: 'zh_CN.UTF-8' } })).toContain('（尚未补救）');
    // Its total counts remedies, and the complaints awaiting one: not complaints.
    expect(report('--by', 'remedy')).toMatch(/% of 8 remedies given or awaited\./);
    expect(book.ok(['report', '--by', 'remedy'], { env: { LANG: 'zh_CN.UTF-8' } })).toMatch(/占 8 项补救（含尚未补救的）的 /);
  });

  it('accounts for every complaint by cause: rows, untriaged and rejected add up to those logged', () => {
    const byCategory = reportJson('--by', 'category');
    expect(byCategory.rows.map((row: { key: string; count: number }) => [row.key, row.count])).toEqual([
      ['product', 5],
      ['service', 1],
      ['staff', 1],
    ]);
    expect(byCategory.total + byCategory.untriaged + byCategory.summary.rejected).toBe(byCategory.summary.logged);
  });

  it('folds the rows after --top N into Other, last, and still marks the vital few', () => {
    expect(reportJson('--top', '2').rows).toEqual([
      { key: 'cold food', count: 3, percent: 42.86, cumulativePercent: 42.86, vital: true },
      { key: '汤太凉', count: 2, percent: 28.57, cumulativePercent: 71.43, vital: true },
      { key: 'Other', count: 2, percent: 28.57, cumulativePercent: 100, vital: true },
    ]);
  });

  it('reports a named week, --last and --since/--until by when the complaints occurred', () => {
    const before = reportJson('--week', '2026-W47');
    expect(before.period).toEqual({ since: '2026-11-16T00:00:00.000Z', until: '2026-11-23T00:00:00.000Z' });
    expect(before.rows.map((row: { key: string }) => row.key)).toEqual(['=SUM(A1:A9)', 'slow service']);

    const lastWeek = reportJson('--last', '7d');
    expect(lastWeek.period).toEqual({ since: '2026-11-20T00:00:00.000Z', until: '2026-11-27T00:00:00.000Z' });
    expect(lastWeek.summary.logged).toBe(10);

    const range = reportJson('--since', '2026-11-01', '--until', '2026-11-30');
    expect(range.period).toEqual({ since: '2026-11-01T00:00:00.000Z', until: '2026-12-01T00:00:00.000Z' });
    expect(range.summary.logged).toBe(12);
  });

  it('gives an empty period no rows and no shares, but still the figures', () => {
    expect(reportJson('--week', '2026-W40')).toMatchObject({
      total: 0,
      untriaged: 0,
      rows: [],
      summary: { logged: 0, withinResponseTarget: null, medianHoursToResolve: null, averageSatisfaction: null, remedyCost: 0 },
    });
  });

  it.each(['table', 'markdown', 'html'])('leaves "not yet triaged: 0" out of an empty period as %s, and keeps it in one with complaints', (format) => {
    expect(report('--week', '2026-W40', '--format', format)).not.toMatch(/Not yet triaged/);
    expect(report('--week', '2026-W47', '--format', format)).toMatch(/Not yet triaged: 0 \(not counted above\)\./);
  });

  it('says of a range not over yet, as of a week, that its figures are so far, and of one over, as of when', () => {
    expect(report('--since', 'this month').split('\n')[1]).toBe('Sun 1 Nov – Thu 26 Nov 2026 (so far: to Thu 26 Nov, 10:00)');
    expect(report('--since', '2026-10', '--until', '2026-10').split('\n')[1]).toBe('Thu 1 Oct – Sat 31 Oct 2026 (figures as of Thu 26 Nov, 10:00)');
  });

  it.each([
    ['Asia/Shanghai', '2026-11-22T16:00:00.000Z'],
    ['America/Los_Angeles', '2026-11-23T08:00:00.000Z'],
  ])('starts the week at Monday midnight in the local time zone (%s)', (zone, since) => {
    const result = book.run(['report', '--week', '2026-W48', '--format', 'json'], { env: { TZ: zone } });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).period.since).toBe(since);
  });
});

describe('report as a table', () => {
  it('matches the golden table: ranks, shares, bars, the vital few ruled off, the summary and what was done', async () => {
    await expect(report()).toMatchFileSnapshot('golden/report-table.txt');
  });

  it('lines up the columns when causes are written in Chinese', () => {
    const rows = report().split('\n').filter((line) => /^\d+ {2}/.test(line));
    expect(rows).toHaveLength(4);
    // Display columns up to the end of the count: a CJK character takes two.
    const countEnds = rows.map((line) => {
      const head = /^\d+ {2}.*? {2,}\d+/.exec(line)![0];
      return head.length + (head.match(/[\u3000-\u9fff]/g) ?? []).length;
    });
    expect(new Set(countEnds).size).toBe(1);
  });

  it('names what Other folds and rules off the vital few by name above it, though Other, the largest, lies within the 80 % too', () => {
    const lines = report('--top', '1').split('\n');
    expect(lines.slice(3, 8)).toEqual([
      '#  cause                  count      %  cum. %',
      '1  cold food                  3  42.86   42.86  ██████████████████',
      // As wide as the table: the header padded through the 24-cell bar column.
      `── the vital few above ${'─'.repeat(51)}`,
      '2  Other (3 more causes)      4  57.14  100.00  ████████████████████████',
      OTHER_WITHIN_THE_VITAL_FEW,
    ]);
  });

  it('rules off the vital few above Other when Other comes after the 80 %, as before', () => {
    const lines = report('--top', '3').split('\n');
    const rule = lines.findIndex((line) => line.startsWith('── the vital few above ─'));
    expect(lines[rule - 1]).toMatch(/^3  rude staff /);
    expect(lines[rule + 1]).toMatch(/^4  Other \(1 more cause\) /);
    expect(lines[rule + 2]).toBe('The vital few, up to the row that reaches 80 %: 3 of 4 causes, 85.71 % of 7 complaints.');
  });

  it('shows stored escape sequences inertly and colours nothing when the output is not a terminal', () => {
    const table = report();
    expect(table).not.toContain('\u001b');
    expect(table).toContain('\\x1b[31mred\\x1b[0m');
  });

  it('colours the table on a terminal, unless NO_COLOR is set', () => {
    const env = { COMPLAINTS_NOW: NOW };
    const coloured = runAtTerminal(book, ['report'], { env });
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toContain('\u001b[1m');
    expect(coloured.stdout).toContain('\\x1b[31mred');
    expect(runAtTerminal(book, ['report'], { env: { ...env, NO_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });
});

describe('report --format markdown', () => {
  it('matches the golden Markdown: the same content, with stored text escaped', async () => {
    const markdown = report('--format', 'markdown');
    expect(markdown).toContain('\\<script\\>');
    await expect(markdown).toMatchFileSnapshot('golden/report-markdown.md');
  });

  it('marks only the vital few by name when Other, the largest, lies within the 80 % too, and says so', () => {
    expect(report('--top', '1', '--format', 'markdown')).toContain(
      [
        '| 1 | **cold food** | 3 | 42.86 | 42.86 | ● | ████████████ |',
        '| 2 | Other (3 more causes) | 4 | 57.14 | 100.00 |  | ████████████████ |',
        '',
        OTHER_WITHIN_THE_VITAL_FEW,
      ].join('\n'),
    );
  });
});

describe('the corrective actions listed under the table', () => {
  it('lists the actions recorded this period for the vital few, however the table is drawn', () => {
    const byCause = report('--format', 'markdown');
    expect(byCause).toContain('- #1 cold food: thermostat replaced\n- #4 汤太凉: heat the bowls first\n\n');
    expect(byCause).not.toContain('second cashier');
    expect(byCause).not.toContain('more staff on Fridays');
    // By assignee, the vital few is "(none)": nobody was assigned to #1, #4 or #6; each action's
    // cause says what it corrects, alone under the row of no one.
    expect(report('--by', 'assignee', '--format', 'markdown')).toContain(
      '- #1 cold food: thermostat replaced\n- #4 汤太凉: heat the bowls first\n- #6 slow service: second cashier at lunch\n',
    );
  });

  it('says the vital few by assignee count the row of no one among them, which is no assignee', () => {
    expect(report('--by', 'assignee')).toMatch(/: 1 of \d+ assignees \(counting \(none\)\), /);
  });
});

describe('a report asked for on a Monday morning', () => {
  it('says when nothing is logged this week yet how to see the week just ended, and not when a week was asked for', () => {
    const book = tempLogbook('2026-11-30T08:00:00.000Z');
    book.ok(['log', 'soup was cold', '--at', '2026-11-27 12:00']);
    const monday = book.run(['report']);
    expect(monday.code).toBe(0);
    expect(monday.stderr).toBe("note: nothing is logged this week yet; last week's report: complaints report --week last\n");
    expect(book.run(['report', '--week', 'last']).stderr).toBe('');
    expect(book.run(['report', '--week']).stderr).toBe('');
    book.ok(['log', 'no spoons']);
    expect(book.run(['report']).stderr).toBe('');
  });
});

describe('report --format csv', () => {
  it('gives the Pareto rows with the contract header, CRLF records and formula-like keys neutralised', () => {
    const csv = report('--format', 'csv');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parse(csv, { columns: true })).toEqual([
      { rank: '1', key: 'cold food', count: '3', percent: '42.86', cumulative_percent: '42.86', vital: 'true' },
      { rank: '2', key: '汤太凉', count: '2', percent: '28.57', cumulative_percent: '71.43', vital: 'true' },
      { rank: '3', key: 'rude staff', count: '1', percent: '14.29', cumulative_percent: '85.71', vital: 'true' },
      { rank: '4', key: 'slow service', count: '1', percent: '14.29', cumulative_percent: '100.00', vital: 'false' },
    ]);
    const before = parse(report('--format', 'csv', '--week', '2026-W47'), { columns: true }) as Array<{ key: string }>;
    expect(before.map((row) => row.key)).toEqual(["'=SUM(A1:A9)", 'slow service']);
  });

  it('begins with a UTF-8 byte order mark with --bom, for Excel, in a file as on stdout, and not without', () => {
    expect(report('--format', 'csv').startsWith('rank,')).toBe(true);
    expect(report('--format', 'csv', '--bom').startsWith('\uFEFFrank,')).toBe(true);
    const file = join(book.dir, 'for-excel.csv');
    book.ok(['report', '--out', file, '--bom']);
    expect(readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('refuses --bom for a report that is not CSV, writing nothing', () => {
    const file = join(book.dir, 'week.html');
    const result = runComparing(book, ['report', '--out', file, '--bom']);
    expect(result).toMatchObject({ code: 2, stdout: '', unchanged: true });
    expect(result.stderr).toBe('complaints: --bom is for a CSV report (--format csv, or --out a file ending .csv); the html report has no byte order mark\n');
    expect(existsSync(file)).toBe(false);
  });
});

describe('report --format html', () => {
  const html = () => report('--format', 'html');

  it('draws one bar per row, as long as its count beside the largest, and rules off the vital few', () => {
    const page = html();
    const items = [...page.matchAll(/<li( class="[^"]*")?>(.*?)<\/li>/g)].map(([, kind, inner]) => ({ kind, inner: inner! }));
    const chart = items.slice(0, items.findIndex(({ inner }) => inner.startsWith('#')));
    const bars = chart.map(({ kind, inner }) => {
      const bar = /^<span class="label">(.*)<\/span><span class="track"><span class="bar" style="width: ([\d.]+)%"><\/span><\/span><span class="count">(\d+)<\/span>$/.exec(inner);
      return bar === null ? inner : { vital: kind === ' class="vital"', label: bar[1], width: Number(bar[2]), count: Number(bar[3]) };
    });
    expect(bars).toEqual([
      { vital: true, label: 'cold food', width: 100, count: 3 },
      { vital: true, label: '<span lang="zh-CN">汤太凉</span>', width: 66.67, count: 2 },
      { vital: true, label: 'rude staff', width: 33.33, count: 1 },
      'the vital few above',
      { vital: false, label: 'slow service', width: 33.33, count: 1 },
    ]);
    expect(page).toContain('<figcaption class="quiet">The vital few, up to the row that reaches 80&nbsp;%: 3 of 4 causes, 85.71&nbsp;% of 7 complaints. Below the rule, slow service has as many complaints (1) as rude staff: between ties the rule falls by name alone.</figcaption>');
  });

  it('shows a long cause whole, as Markdown does, so that two alike but for their ends are told apart; a terminal\'s table cuts them in the middle', () => {
    const long = tempLogbook('2026-11-30T09:00:00.000Z');
    const alike = '顾客反映在周末晚高峰时段等待上菜的时间超过了四十分钟而且服务员没有主动解释原因';
    for (const [day, where] of [['23', '堂食'], ['24', '外卖']]) {
      long.ok(['log', '等太久', '--at', `2026-11-${day} 12:00`]);
      long.ok(['triage', day === '23' ? '1' : '2', '--category', 'service', '--cause', `${alike}（${where}）`]);
    }
    for (const format of ['html', 'markdown']) {
      const page = long.ok(['report', '--week', 'last', '--format', format]);
      expect(page, format).toContain(`${alike}（堂食）`);
      expect(page, format).toContain(`${alike}（外卖）`);
    }
    // Cut at the end, the two would read the same; their ends are kept instead.
    const table = long.ok(['report', '--week', 'last']);
    expect(table).toMatch(/^1 {2}顾客反映在周末晚高峰…动解释原因（堂食） +1 /m);
    expect(table).toMatch(/^2 {2}顾客反映在周末晚高峰…动解释原因（外卖） +1 /m);
  });

  it('leaves out the table of causes of a period with none, which the page says above it', () => {
    const page = report('--week', '2026-W40', '--format', 'html');
    expect(page).toContain('No upheld complaints to count by cause in the period.');
    expect(page).not.toContain('<h2>Complaints by cause</h2>');
  });

  it('is one self-contained page for a phone and for one A4 sheet, fetching nothing', () => {
    const page = html();
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain('@page { size: A4;');
    expect(page).toContain('@media print');
    expect(page).toContain('<table>');
    expect(page).toContain('<h2>Summary</h2>');
    expect(page).not.toMatch(/https?:|\/\/|url\(|<script|<link|<img|\bsrc=|\bhref=|@import/i);
  });

  it('rules off the vital few by name in the chart and the table, not under Other, when Other lies within the 80 % too', () => {
    const page = report('--top', '1', '--format', 'html');
    expect(page).toMatch(/<li class="vital"><span class="label">cold food<\/span>.*<\/li>\n<li class="cut">the vital few above<\/li>\n<li><span class="label">Other \(3 more causes\)<\/span>/);
    expect(page).toContain('<tr class="vital last-vital"><td class="n">1</td><th scope="row" class="key">cold food</th>');
    expect(page).toContain(
      '<tr><td class="n">2</td><th scope="row" class="key">Other (3 more causes)</th><td class="n">4</td><td class="n">57.14</td><td class="n">100.00</td><td class="mark"></td></tr>',
    );
    expect(page).toContain(OTHER_WITHIN_THE_VITAL_FEW.replaceAll(' %', '&nbsp;%'));
  });

  it('is an English page that marks each stored text written in Chinese as zh-CN, and nothing else', () => {
    const page = html();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<th scope="row" class="key"><span lang="zh-CN">汤太凉</span></th>');
    expect(page).toContain('<li>#4 <span lang="zh-CN">汤太凉</span>: heat the bowls first</li>');
    expect(page).toContain('<li>#4 <span lang="zh-CN">汤要热一点</span></li>');
    expect(page).toContain('<h1>Complaints by cause — Corner Café</h1>');
    const marks = [...page.matchAll(/<(\w+) lang="([^"]+)">([^<]*)</g)].map(([, tag, lang, text]) => ({ tag, lang, text: text! }));
    expect(marks[0]).toEqual({ tag: 'html', lang: 'en', text: '\n' });
    expect(marks.slice(1).filter(({ tag, lang, text }) => tag !== 'span' || lang !== 'zh-CN' || !/\p{Script=Han}/u.test(text))).toEqual([]);
  });

  it('escapes stored text', () => {
    const page = html();
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62; \\x1b[31mred\\x1b[0m');
    expect(page).not.toContain('\u001b');
  });
});

describe('report --out', () => {
  it('writes the report to the file instead of stdout and says where on stderr', () => {
    const file = join(book.dir, 'week.html');
    const result = book.run(['report', '--format', 'html', '--out', file]);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    expect(result.stderr).toBe(`Wrote the HTML report to ${file}.\n`);
    expect(readFileSync(file, 'utf8')).toBe(html());
  });

  it.each([
    ['week.html', 'html'],
    ['WEEK.HTM', 'html'],
    ['week.md', 'markdown'],
    ['week.csv', 'csv'],
    ['week.json', 'json'],
    ['week.txt', 'table'],
    ['week', 'table'],
  ])('without --format, writes %s in the format its ending names (%s)', (name, format) => {
    const file = join(book.dir, name);
    book.ok(['report', '--out', file]);
    expect(readFileSync(file, 'utf8')).toBe(report('--format', format));
  });

  it('refuses, without --format, a file whose ending names a document no report is written as', () => {
    const file = join(book.dir, 'week.pdf');
    const result = runComparing(book, ['report', '--out', file]);
    expect(result).toMatchObject({ code: 2, stdout: '', unchanged: true });
    expect(result.stderr).toBe(
      `complaints: --out ${file}: a report is not written as .pdf; for a PDF, write the HTML page (--out week.html) and print it from the browser; for a spreadsheet, --out week.csv\n`,
    );
    expect(existsSync(file)).toBe(false);
  });

  it('writes the format --format names, whatever the ending', () => {
    const file = join(book.dir, 'week-as-json.html');
    book.ok(['report', '--format', 'json', '--out', file]);
    expect(readFileSync(file, 'utf8')).toBe(report('--format', 'json'));
  });

  it("writes to stdout for --out -, as without --out, and no file named '-'", () => {
    const result = book.run(['report', '--out', '-'], { cwd: book.dir });
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: report() });
    expect(existsSync(join(book.dir, '-'))).toBe(false);
  });

  function html() {
    return report('--format', 'html');
  }
});

describe('report refuses what cannot be a report, writing nothing', () => {
  it.each([
    [['--week', '2026-W60'], "--week: '2026-W60' is not a week"],
    [['--week', '2026-47'], "--week: '2026-47' is not a week"],
    [['--week', '2025-W53'], '--week: 2025 has 52 weeks'],
    [['--week', '2027-W01'], "--week: week '2027-W01' has not begun yet; this week is 2026-W48"],
    [['--since', '2026-11-20', '--until', '2026-11-19'], '--until (2026-11-19) is not after --since (2026-11-20)'],
    [['--last', '0d'], "--last: '0d' is not a length of time"],
    [['--last', '7m'], "--last: '7m' is not a length of time"],
    [['--top', '0'], "--top: '0' is not a whole number"],
    [['--by', 'colour'], "--by: 'colour' is not one of cause, category, about (subject), channel, assignee, remedy"],
    [['--format', 'pdf'], "--format: 'pdf' is not one of table, markdown (md), csv, json, html"],
    [['--week', '--last', '7d'], 'give one period, not --week and --last'],
    [['--last', '7d', '--since', '2026-11-01'], 'give one period, not --last and --since/--until'],
  ])('%j', (args, message) => {
    const before = book.dump();
    const out = join(book.dir, 'refused.txt');
    const result = book.run(['report', ...args, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^complaints: [^\n]*\n$/);
    expect(result.stderr).toContain(message);
    expect(existsSync(out)).toBe(false);
    expect(book.dump()).toBe(before);
  });
});

describe('a report by a dimension spelt several ways in the logbook', () => {
  it('counts the spellings of one person as one row and lists their actions under it', () => {
    const shop = tempLogbook(NOW);
    shop.ok(['log', 'soup was cold', '--at', '2026-11-23 12:00']);
    shop.ok(['log', 'bread was stale', '--at', '2026-11-23 13:00']);
    shop.ok(['assign', '1', 'Élodie']);
    shop.ok(['assign', '2', 'Sam']);
    shop.ok(['resolve', '1', '--remedy', 'refund', '--action', 'soup kept in a flask']);
    // An import keeps names as written: "élodie" comes in beside "Élodie".
    const file = join(shop.dir, 'from-the-other-till.csv');
    writeFileSync(
      file,
      [
        'id,logged_at,occurred_at,status,description,assignee,resolved_at,remedy,action',
        `3,${NOW},2026-11-24T12:00:00.000Z,resolved,tea was cold,élodie,2026-11-25T12:00:00.000Z,apology,kettle descaled`,
        `4,${NOW},2026-11-24T13:00:00.000Z,assigned,coffee was cold,ÉLODIE,,,`,
        '',
      ].join('\r\n'),
    );
    shop.ok(['import', file]);
    const byAssignee = JSON.parse(shop.ok(['report', '--by', 'assignee', '--format', 'json']));
    expect(byAssignee.rows.map(({ key, count }: { key: string; count: number }) => [key, count])).toEqual([
      ['ÉLODIE', 3],
      ['Sam', 1],
    ]);
    expect(shop.ok(['report', '--by', 'assignee', '--format', 'markdown'])).toContain(
      '- #3 ÉLODIE: kettle descaled\n- #1 ÉLODIE: soup kept in a flask\n',
    );
  });
});

describe('a complaint given several remedies', () => {
  // The week of 2026-W48: a refund, a reopen, a discount; an apology given this week to a
  // complaint of the week before.
  let shop: Logbook;
  beforeAll(() => {
    shop = tempLogbook(NOW);
    for (const step of [
      ['log', 'soup was cold', '--at', '2026-11-23 12:00'],
      ['resolve', '1', '--remedy', 'refund', '--cost', '100', '--at', '2026-11-23 13:00'],
      ['follow-up', '1', '--satisfaction', '1', '--reopen', '--at', '2026-11-24 10:00'],
      ['resolve', '1', '--remedy', 'discount', '--cost', '50', '--at', '2026-11-24 11:00'],
      ['log', 'bread was stale', '--at', '2026-11-19 09:00'],
      ['resolve', '2', '--remedy', 'apology', '--cost', '0.50', '--at', '2026-11-23 09:00'],
      ['log', 'no answer yet', '--at', '2026-11-25 09:00'],
    ]) {
      shop.ok(step);
    }
  });

  it('counts what every remedy given in the week cost, in the week it was given', () => {
    expect(JSON.parse(shop.ok(['report', '--format', 'json'])).summary).toMatchObject({ remedyCost: 150.5, previous: { remedyCost: 0 } });
  });

  it('counts every remedy given in the week by remedy, and the week’s complaints given none as (none)', () => {
    const byRemedy = JSON.parse(shop.ok(['report', '--by', 'remedy', '--format', 'json']));
    expect(byRemedy.rows.map(({ key, count }: { key: string; count: number }) => [key, count])).toEqual([
      ['(none)', 1],
      ['apology', 1],
      ['discount', 1],
      ['refund', 1],
    ]);
  });

  it('keeps every remedy in show, list --json and export, and carries them through export and import', () => {
    expect(shop.ok(['show', '1'])).toContain('remedy            refund, then discount\ncost              150.00 (100.00 + 50.00)\n');
    const [listed] = JSON.parse(shop.ok(['list', '--json', '--limit', '3'])).filter((c: { id: number }) => c.id === 1);
    expect(listed).toMatchObject({
      remedy: 'discount',
      cost: 150,
      remedies: [
        { given_at: '2026-11-23T13:00:00.000Z', remedy: 'refund', cost: 100 },
        { given_at: '2026-11-24T11:00:00.000Z', remedy: 'discount', cost: 50 },
      ],
    });
    const exported = shop.ok(['export']);
    expect((parse(exported, { columns: true }) as Array<Record<string, string>>)[0]!.remedies).toBe('2026-11-23T13:00:00.000Z refund 100.00; 2026-11-24T11:00:00.000Z discount 50.00');
    const copy = tempLogbook(NOW);
    const file = join(copy.dir, 'export.csv');
    writeFileSync(file, exported);
    copy.ok(['import', file]);
    expect(copy.ok(['export'])).toBe(exported);
    expect(JSON.parse(copy.ok(['report', '--format', 'json'])).summary.remedyCost).toBe(150.5);
  });
});

describe('a week of one complaint', () => {
  it('counts it in the singular', () => {
    const shop = tempLogbook(NOW);
    shop.ok(['log', '汤是凉的', '--at', '2026-11-24 12:00']);
    shop.ok(['triage', '1', '--category', 'product', '--cause', '汤太凉']);
    expect(shop.ok(['report'])).toContain('The vital few, up to the row that reaches 80 %: 1 cause, 100.00 % of 1 complaint.\n');
  });
});
