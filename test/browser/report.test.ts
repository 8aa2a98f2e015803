/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { stringify } from 'csv-stringify/sync';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempLogbook } from '../e2e/harness.js';
import { launchChromium, pdfPageSizes } from './chromium.js';

// A busy week at a noodle shop, as its owner types: the shop, most causes, the corrective actions
// and the customers' suggestions in Chinese, some causes in English, a few of them long. The
// clock is Thursday 26 November 2026 in London: this week is 2026-W48.
const NOW = '2026-11-26T10:00:00.000Z';

const CAUSES: Array<[cause: string, count: number]> = [
  ['汤太凉', 9],
  ['long wait at the till at lunchtime because only one cashier was on', 7],
  ['外卖包装破损，汤汁洒得到处都是，袋子也被弄脏了', 6],
  ['rude staff', 5],
  ['面条煮得太软', 4],
  ['card machine would not read contactless cards', 3],
  ['桌子没擦干净', 3],
  ['wrong order', 2],
  ['价格标签和收银价格不一致', 2],
  ['music too loud', 1],
  ['洗手间没有纸巾', 1],
  ['parking', 1],
  ['辣度不对', 1],
  ['no receipt given', 1],
];

// Corrective actions, each recorded when one complaint of its cause was resolved.
const ACTIONS: Array<[cause: string, action: string]> = [
  ['汤太凉', '汤锅温控器已更换'],
  ['汤太凉', '出餐前先用热水烫碗，汤温低于七十度不出餐'],
  ['汤太凉', '每天开店前检查保温台'],
  ['long wait at the till at lunchtime because only one cashier was on', '午市十一点半到一点半安排两个收银员'],
  ['long wait at the till at lunchtime because only one cashier was on', 'a second till opens when the queue reaches the door'],
  ['外卖包装破损，汤汁洒得到处都是，袋子也被弄脏了', '换成带密封盖的汤碗，汤和面分开装'],
  ['外卖包装破损，汤汁洒得到处都是，袋子也被弄脏了', '和外卖平台沟通，要求骑手平放'],
  ['rude staff', '全体员工服务培训，周一上午'],
  ['rude staff', 'the shift lead now greets every table within two minutes'],
  ['面条煮得太软', '煮面计时器设为九十秒'],
  ['card machine would not read contactless cards', 'card machine replaced by the bank'],
  ['桌子没擦干净', '每桌客人走后立即擦桌，店长每小时检查'],
];

const SUGGESTIONS = [
  '汤要热一点',
  '午饭时间多开一个收银台',
  'please offer a smaller portion for children',
  '外卖的汤最好用保温袋装',
  '可以加一个微信点餐',
  'more seats by the window would be nice',
  '辣度可以分成微辣、中辣、特辣',
  '希望周末早上也营业',
  'a loyalty card',
  '洗手间需要常备纸巾',
];

/** The week as the shop would bring it in from another till: one CSV, read by `complaints import`. */
function weekCsv(): string {
  const rows: string[][] = [];
  const actions = [...ACTIONS];
  const suggestions = [...SUGGESTIONS];
  for (const [cause, count] of CAUSES) {
    for (let n = 0; n < count; n++) {
      const id = rows.length + 1;
      // From Monday morning on, one every 80 minutes: all before the clock's Thursday morning.
      const occurred = new Date(Date.parse('2026-11-23T07:00:00.000Z') + id * 80 * 60_000);
      const action = actions.findIndex(([actionCause]) => actionCause === cause);
      const [, taken] = action === -1 ? [] : actions.splice(action, 1)[0]!;
      const resolved = taken === undefined ? '' : new Date(occurred.getTime() + 3 * 3_600_000).toISOString();
      rows.push([
        String(id),
        occurred.toISOString(),
        occurred.toISOString(),
        taken === undefined ? 'triaged' : 'resolved',
        `complaint ${id}`,
        'product',
        cause,
        resolved,
        taken === undefined ? '' : 'apology',
        taken ?? '',
        id % 4 === 0 ? (suggestions.shift() ?? '') : '',
      ]);
    }
  }
  const header = ['id', 'logged_at', 'occurred_at', 'status', 'description', 'category', 'cause', 'resolved_at', 'remedy', 'action', 'suggestion'];
  return stringify(rows, { header: true, columns: header, record_delimiter: '\r\n' });
}

const REPORTS = [
  { name: 'the whole week', args: [] as string[], labels: CAUSES.map(([cause]) => cause) },
  {
    name: '--top 3, with an Other larger than any cause',
    args: ['--top', '3'],
    labels: [...CAUSES.slice(0, 3).map(([cause]) => cause), 'Other (11 more causes)'],
  },
];

// The week set beside itself: two charts of fourteen causes each, the busiest page --compare makes.
const COMPARED = { name: 'the week beside itself (--compare)', args: ['--compare', '2026-W48'] };

let browser: Browser;
const files = new Map<string, string>();

beforeAll(async () => {
  const book = tempLogbook(NOW);
  book.ok(['config', 'set', 'shop', '老王牛肉面 Old Wang’s Noodles']);
  book.ok(['config', 'set', 'currency', 'CNY']);
  const csv = join(book.dir, 'week.csv');
  writeFileSync(csv, weekCsv());
  book.ok(['import', csv]);
  for (const { name, args } of [...REPORTS, COMPARED]) {
    const file = join(book.dir, `${files.size}.html`);
    book.ok(['report', '--format', 'html', '--out', file, ...args]);
    files.set(name, pathToFileURL(file).href);
  }
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function open(name: string, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(files.get(name)!);
  return page;
}

interface DrawnText {
  text: string;
  /** The font size as it shows on the screen, in CSS pixels. */
  size: number;
  /** Whether every line of it lies inside its element, the chart, and whatever could clip it. */
  inside: boolean;
}

/** Runs in the page: each piece of text in the chart, measured as drawn. */
function chartText(): DrawnText[] {
  const chart = document.querySelector('figure');
  if (chart === null) throw new Error('the page has no chart (no <figure>)');
  const within = (inner: DOMRect, outer: DOMRect) =>
    inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5 && inner.top >= outer.top - 0.5 && inner.bottom <= outer.bottom + 0.5;
  const drawn: DrawnText[] = [];
  const walker = document.createTreeWalker(chart, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node.textContent!.trim();
    if (text === '') continue;
    const element = node.parentElement!;
    // SVG text scales with its drawing: on screen it is its font size times the drawing's scale.
    const matrix = element instanceof SVGGraphicsElement ? element.getScreenCTM() : null;
    const scale = matrix === null ? 1 : Math.hypot(matrix.a, matrix.b);
    const boxes: Element[] = [element];
    for (let up = element.parentElement; up !== null && up !== chart.parentElement; up = up.parentElement) {
      if (up === chart || getComputedStyle(up).overflow !== 'visible') boxes.push(up);
    }
    const clipsItself = getComputedStyle(element).overflow !== 'visible' && element.scrollWidth > element.clientWidth;
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = [...range.getClientRects()];
    const inside = !clipsItself && lines.every((line) => boxes.every((box) => within(line, box.getBoundingClientRect())));
    drawn.push({ text, size: parseFloat(getComputedStyle(element).fontSize) * scale, inside });
  }
  return drawn;
}

/** Runs in the page: what scrolls sideways, the page itself or any box in it. */
function scrollingSideways(): string[] {
  const page = document.documentElement;
  const boxes = [...document.body.querySelectorAll('*')].filter(
    (box) => getComputedStyle(box).overflowX !== 'visible' && box.scrollWidth > box.clientWidth,
  );
  return [...(page.scrollWidth > page.clientWidth ? ['the page'] : []), ...boxes.map((box) => box.outerHTML.slice(0, 80))];
}

describe.each(REPORTS)('the HTML report of $name', ({ name, labels }) => {
  it.each([1000, 400, 320])('at %i px wide shows every chart label whole, at 11 px or more, inside the chart, and nothing scrolls sideways', async (width) => {
    const page = await open(name, width);
    const drawn = await page.evaluate(chartText);
    expect.soft(drawn.map(({ text }) => text)).toEqual(expect.arrayContaining(labels));
    expect.soft(drawn.filter(({ size }) => size < 11)).toEqual([]);
    expect.soft(drawn.filter(({ inside }) => !inside)).toEqual([]);
    expect.soft(await page.evaluate(scrollingSideways)).toEqual([]);
    await page.close();
  });

  it('loads nothing but itself, and its policy still lets each bar be drawn as long as its count', async () => {
    const page = await browser.newPage({ viewport: { width: 400, height: 900 } });
    const requests: string[] = [];
    const refused: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') refused.push(message.text());
    });
    await page.goto(files.get(name)!);
    expect(requests).toEqual([files.get(name)]);
    expect(refused).toEqual([]);
    const bars = await page.evaluate(() =>
      [...document.querySelectorAll('figure li')].flatMap((row) => {
        const bar = row.querySelector('.bar');
        return bar === null ? [] : [{ width: bar.getBoundingClientRect().width, count: Number(row.querySelector('.count')!.textContent) }];
      }),
    );
    expect(bars).toHaveLength(labels.length);
    const perComplaint = bars[0]!.width / bars[0]!.count;
    for (const { width, count } of bars) expect(width).toBeCloseTo(perComplaint * count, 0);
    await page.close();
  });

  it('draws every bar at least 3:1 against the page, and heads each table row with its name', async () => {
    const page = await open(name, 1000);
    const { bars, page: background, rowHeads } = await page.evaluate(() => ({
      bars: [...new Set([...document.querySelectorAll('.bar')].map((bar) => getComputedStyle(bar).backgroundColor))],
      page: getComputedStyle(document.body).backgroundColor,
      rowHeads: [...document.querySelectorAll('tbody tr')].map((row) => row.querySelector('th[scope="row"]')?.textContent ?? null),
    }));
    // WCAG's relative luminance and contrast ratio, of colours given as rgb(r, g, b).
    const luminance = (colour: string) => {
      const [r, g, b] = colour.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((part) => {
        const c = Number(part) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (one: string, other: string) => {
      const [light, dark] = [luminance(one), luminance(other)].sort((a, b) => b - a);
      return (light! + 0.05) / (dark! + 0.05);
    };
    expect(bars.length).toBeGreaterThanOrEqual(2);
    for (const bar of bars) expect(contrast(bar, background)).toBeGreaterThanOrEqual(3);
    expect(rowHeads.length).toBeGreaterThan(labels.length);
    expect(rowHeads.filter((head) => head === null || head.trim() === '')).toEqual([]);
    await page.close();
  });

  it('prints on one A4 page', async () => {
    const page = await open(name, 1000);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdfPageSizes(pdf)).toEqual([{ width: expect.closeTo(595, -1), height: expect.closeTo(842, -1) }]);
    await page.close();
  });
});

describe('the HTML report with --compare', () => {
  it.each([1000, 400, 320])('at %i px wide shows both charts, their bars on one scale, and nothing scrolls sideways', async (width) => {
    const page = await open(COMPARED.name, width);
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll('.pair figure')].map((figure) => ({
        left: figure.getBoundingClientRect().left,
        bars: [...figure.querySelectorAll('li')].flatMap((row) => {
          const bar = row.querySelector('.bar');
          return bar === null ? [] : [bar.getBoundingClientRect().width / Number(row.querySelector('.count')!.textContent)];
        }),
      })),
    );
    expect(charts.map(({ bars }) => bars.length)).toEqual([CAUSES.length, CAUSES.length]);
    for (const perComplaint of charts.flatMap(({ bars }) => bars)) expect(perComplaint).toBeCloseTo(charts[0]!.bars[0]!, 0);
    // Side by side where there is room; one above the other on a phone.
    expect(charts[1]!.left > charts[0]!.left).toBe(width === 1000);
    expect(await page.evaluate(scrollingSideways)).toEqual([]);
    // Each date of the period lines on one line, however narrow its column.
    const dates = await page.evaluate(() => [...document.querySelectorAll('.date')].map((date) => ({ date: date.textContent, lines: date.getClientRects().length })));
    expect(dates.length).toBeGreaterThan(4);
    expect(dates.filter(({ lines }) => lines !== 1)).toEqual([]);
    await page.close();
  });

  it('prints on A4 pages', async () => {
    const page = await open(COMPARED.name, 1000);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdfPageSizes(pdf)[0]).toEqual({ width: expect.closeTo(595, -1), height: expect.closeTo(842, -1) });
    await page.close();
  });
});

describe('the language of the HTML report', () => {
  it('is English, with each stored text written in Chinese marked zh-CN, and only that', async () => {
    const page = await open(REPORTS[0]!.name, 1000);
    const marks = await page.evaluate(() => {
      const han = /\p{Script=Han}/u;
      const texts: Text[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) texts.push(node as Text);
      return {
        page: document.documentElement.lang,
        chinese: texts.filter((text) => han.test(text.data)).map((text) => [text.data, text.parentElement!.closest('[lang]')!.getAttribute('lang')]),
        marked: [...document.body.querySelectorAll('[lang]')].filter((element) => !han.test(element.textContent!)).map((element) => element.outerHTML),
      };
    });
    expect(marks.page).toBe('en');
    // The shop, the causes in the chart and in the table, the actions and the suggestions.
    expect(marks.chinese.map(([text]) => text)).toEqual(
      expect.arrayContaining(['老王牛肉面 Old Wang’s Noodles', '汤太凉', '外卖包装破损，汤汁洒得到处都是，袋子也被弄脏了', '汤锅温控器已更换', '汤要热一点']),
    );
    expect(marks.chinese.filter(([, lang]) => lang !== 'zh-CN')).toEqual([]);
    // English words (the interface, English causes) stay English, for a screen reader's voice among others.
    expect(marks.marked).toEqual([]);
    await page.close();
  });

  it('has Chromium draw the Chinese text with Simplified Chinese glyphs', async () => {
    const page = await open(REPORTS[0]!.name, 1000);
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('DOM.enable');
    await devtools.send('CSS.enable');
    const { root } = await devtools.send('DOM.getDocument');
    const { nodeIds } = await devtools.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[lang="zh-CN"]' });
    const families = new Set<string>();
    for (const nodeId of nodeIds) {
      const { fonts } = await devtools.send('CSS.getPlatformFontsForNode', { nodeId });
      for (const { familyName } of fonts) if (/CJK/.test(familyName)) families.add(familyName);
    }
    // Without the mark, Chromium on Linux picks the Japanese forms of the same characters.
    expect(nodeIds.length).toBeGreaterThan(0);
    expect([...families]).toEqual(['Noto Sans CJK SC']);
    await page.close();
  });
});
