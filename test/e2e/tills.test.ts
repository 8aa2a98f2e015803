import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runComparing, tempLogbook, type Logbook } from './harness.js';

// A shop with two branches sharing one logbook: at 高街店 the till 前台 and a tablet on the
// floor, at North a till of its own; the owner's laptop in the back office belongs to no branch.
// Each computer is a home folder of its own (its settings are kept there), all on one logbook.
const NOW = '2026-11-26T10:00:00.000Z';

let book: Logbook;
const computers = { front: '', tablet: '', north: '', office: '' };
const on = (computer: keyof typeof computers, ...args: string[]) => book.ok(args, { env: { HOME: computers[computer] } });
const json = (computer: keyof typeof computers, ...args: string[]) => JSON.parse(on(computer, ...args, '--json'));

beforeAll(() => {
  book = tempLogbook(NOW);
  for (const computer of Object.keys(computers) as Array<keyof typeof computers>) {
    computers[computer] = mkdtempSync(join(tmpdir(), `complaints-${computer}-`));
  }
  on('front', 'config', 'set', 'till', '前台');
  on('front', 'config', 'set', 'branch', '高街店');
  on('tablet', 'config', 'set', 'branch', '高街店');
  on('north', 'config', 'set', 'till', 'North till');
  on('north', 'config', 'set', 'branch', 'North');
  const steps: Array<[keyof typeof computers, ...string[]]> = [
    ['front', 'log', '汤是凉的', '--at', '2026-11-23 12:00', '--customer', '王芳', '--suggestion', '汤要热一点'],
    ['front', 'log', '上菜太慢', '--at', '2026-11-24 13:00'],
    ['tablet', 'log', '桌子脏', '--at', '2026-11-24 18:00'],
    ['north', 'log', 'cold soup', '--at', '2026-11-25 12:00'],
    ['north', 'log', 'wrong change', '--at', '2026-11-25 19:30'],
    ['office', 'log', 'rude on the phone', '--at', '2026-11-26 08:00', '--channel', 'phone'],
    // Taken at the front till for the other branch, as a visitor from North complained there.
    ['front', 'log', 'North was closed early', '--at', '2026-11-26 09:00', '--branch', 'north'],
    ['office', 'triage', '1', '--category', 'product', '--cause', '凉菜', '--at', '2026-11-23 12:30'],
    ['office', 'triage', '4', '--category', 'product', '--cause', '凉菜', '--at', '2026-11-25 12:30'],
    ['office', 'triage', '2', '--category', 'service', '--cause', '上菜慢', '--at', '2026-11-24 13:30'],
    ['office', 'triage', '5', '--category', 'price', '--cause', 'change', '--at', '2026-11-25 20:00'],
    ['office', 'resolve', '1', '--remedy', 'refund', '--cost', '28', '--action', '汤碗先加热', '--at', '2026-11-23 14:00'],
    ['office', 'resolve', '5', '--remedy', 'refund', '--cost', '3.50', '--action', 'count change twice', '--at', '2026-11-25 21:00'],
  ];
  for (const [computer, ...args] of steps) on(computer, ...args);
  // Eighteen commands, each a process of its own: seconds on a busy machine.
}, 120_000);

describe('where a complaint was logged', () => {
  it('records the till and branch each computer is set to, its name when no till is set, and what --till and --branch say', () => {
    const logged = json('office', 'list').map((c: { id: number; till: string; branch: string | null }) => [c.id, c.till, c.branch]);
    expect(logged.sort((a: number[], b: number[]) => a[0]! - b[0]!)).toEqual([
      [1, '前台', '高街店'],
      [2, '前台', '高街店'],
      [3, hostname(), '高街店'],
      [4, 'North till', 'North'],
      [5, 'North till', 'North'],
      [6, hostname(), null],
      [7, '前台', 'north'],
    ]);
  });

  it("keeps a computer's till and branch in a private file of its own, not in the shared logbook", () => {
    const file = join(computers.front, '.config', 'complaints', 'this-computer.json');
    // With which was set last, and when: a bare undo after it refuses rather than undo the step before.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ till: '前台', branch: '高街店', last_set: { key: 'branch', at: NOW } });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(on('front', 'config', 'get', 'till')).toBe('前台\n');
    expect(on('office', 'config', 'get', 'till')).toBe(`${hostname()} (this computer's name)\n`);
    expect(on('office', 'config', 'get', 'branch')).toBe('(none)\n');
    expect(json('front', 'config')).toMatchObject({ till: '前台', branch: '高街店' });
  });

  it("unsets a computer's till with '', after which it logs under the computer's name again", () => {
    const book = tempLogbook(NOW);
    book.ok(['config', 'set', 'till', 'back']);
    expect(book.ok(['config', 'set', 'till', ''])).toBe(`till = ${hostname()} (this computer's name)\n`);
    expect(JSON.parse(book.ok(['log', 'x', '--json'])).till).toBe(hostname());
  });

  it('refuses a till named with the mark a report puts between a till and its branch, changing nothing', () => {
    const book = tempLogbook(NOW);
    const home = mkdtempSync(join(tmpdir(), 'complaints-marked-'));
    book.ok(['log', 'x', '--no-input']);
    const refusal = (what: string) =>
      `complaints: ${what}: a till's name cannot hold ·, which reports put between a till and its branch ('前台 · 南门店' would read as a till of a branch); set the branch with 'complaints config set branch …'\n`;
    expect(runComparing(book, ['config', 'set', 'till', '前台 · 南门店'], { env: { HOME: home } })).toEqual({
      code: 2,
      stdout: '',
      stderr: refusal('config till'),
      unchanged: true,
    });
    expect(runComparing(book, ['log', 'y', '--till', '前台 · 南门店', '--no-input'])).toEqual({ code: 2, stdout: '', stderr: refusal('--till'), unchanged: true });
    expect(book.run(['config', 'set', 'till', '前台·2号'], { env: { HOME: home, LANG: 'zh_CN.UTF-8' } }).stderr).toBe(
      "complaints: config till：收银台名称里不能有 ·，报告用它把收银台和它的分店连起来（「前台·2号」会被当成某个分店的收银台）；分店请用 'complaints config set branch …' 设置\n",
    );
    expect(book.ok(['config', 'get', 'till'], { env: { HOME: home } })).toBe(`${hostname()} (this computer's name)\n`);
  });

  it('shows where each complaint was logged, and exports it in the columns till and branch', () => {
    expect(on('office', 'show', '7')).toMatch(/^till\s+前台\nbranch\s+north$/m);
    const exported = on('office', 'export', '--branch', '高街店').split('\r\n');
    expect(exported[0]).toMatch(/,uid,till,branch,/);
    const till = exported[0]!.split(',').indexOf('till');
    expect(exported.slice(1, -1).map((line) => line.split(',').slice(till, till + 2).join(','))).toEqual(['前台,高街店', '前台,高街店', `${hostname()},高街店`]);
  });

  it('refuses a settings file it cannot read in one line, changing nothing', () => {
    const home = mkdtempSync(join(tmpdir(), 'complaints-broken-'));
    const file = join(home, '.config', 'complaints', 'this-computer.json');
    book.ok(['config', 'set', 'till', 'x'], { env: { HOME: home } });
    writeFileSync(file, '{"till": ');
    const result = runComparing(book, ['log', 'soup was cold'], { env: { HOME: home } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `complaints: ${file} is not a settings file this can read; remove it and set the till again with 'complaints config set till NAME'\n`,
    );
    expect(result.unchanged).toBe(true);
  });

  it('takes a till written by hand as a number for its text, and a blank one for none', () => {
    const own = tempLogbook(NOW);
    const home = mkdtempSync(join(tmpdir(), 'complaints-by-hand-'));
    const file = join(home, '.config', 'complaints', 'this-computer.json');
    own.ok(['config', 'set', 'branch', '高街店'], { env: { HOME: home } });
    writeFileSync(file, '{"till": 5, "branch": "  "}\n');
    expect(JSON.parse(own.ok(['log', '汤是凉的', '--json'], { env: { HOME: home } }))).toMatchObject({ till: '5', branch: null });
    expect(own.ok(['config', 'get', 'till'], { env: { HOME: home } })).toBe('5\n');
  });

  it('refuses a till, branch or language written by hand that config set would refuse, saying which, changing nothing; config set mends it', () => {
    const home = mkdtempSync(join(tmpdir(), 'complaints-by-hand-'));
    const file = join(home, '.config', 'complaints', 'this-computer.json');
    book.ok(['config', 'set', 'till', 'x'], { env: { HOME: home } });
    const refusals = [
      ['{"till": true}', `till as true, which it cannot be (not text)`],
      ['{"till": "前台\\n后厨"}', `till as "前台\\n后厨", which it cannot be (config till: one line only, without tabs or other control characters)`],
      ['{"branch": ["北", "南"]}', `branch as ["北","南"], which it cannot be (not text)`],
      [
        '{"till": "前台 · 南门店"}',
        "till as \"前台 · 南门店\", which it cannot be (config till: a till's name cannot hold ·, which reports put between a till and its branch ('前台 · 南门店' would read as a till of a branch); set the branch with 'complaints config set branch …')",
      ],
      ['{"language": "klingon"}', `language as "klingon", which it cannot be (config language: 'klingon' is not a language this speaks; use zh-CN or en, or '' for the locale's)`],
    ];
    for (const [written, reason] of refusals) {
      writeFileSync(file, written!);
      const result = runComparing(book, ['log', 'soup was cold'], { env: { HOME: home } });
      expect(result.code, written).toBe(1);
      expect(result.stderr).toBe(`complaints: ${file} gives this computer's ${reason}; set it again with 'complaints config set ${/"(\w+)"/.exec(written!)![1]} …'\n`);
      expect(result.unchanged).toBe(true);
    }
    writeFileSync(file, '{"till": true, "branch": "高街店"}');
    expect(book.ok(['config', 'set', 'till', '前台'], { env: { HOME: home } })).toBe('till = 前台\n');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ branch: '高街店', till: '前台', last_set: { key: 'till', at: NOW } });
  });
});

describe('one till or branch of several', () => {
  it('lists and exports the complaints of one branch or till, however its name is capitalised', () => {
    const ids = (...filter: string[]) => json('office', 'list', ...filter).map((c: { id: number }) => c.id).sort();
    expect(ids('--branch', '高街店')).toEqual([1, 2, 3]);
    // "North" and "north" are one branch spelt two ways, as causes and assignees are.
    expect(ids('--branch', 'NORTH')).toEqual([4, 5, 7]);
    expect(ids('--till', 'north TILL')).toEqual([4, 5]);
    expect(ids('--till', '前台', '--branch', '高街店')).toEqual([1, 2]);
    expect(ids('--branch', 'South')).toEqual([]);
  });

  it('takes back a till named with its branch as report --by till names it, as that till of that branch', () => {
    const ids = (...filter: string[]) => json('office', 'list', ...filter).map((c: { id: number }) => c.id).sort();
    expect(ids('--till', '前台 · 高街店')).toEqual([1, 2]);
    expect(ids('--till', '前台·高街店')).toEqual([1, 2]);
    expect(ids('--till', 'North till · north')).toEqual([4, 5]);
    expect(JSON.parse(on('office', 'report', '--week', '2026-W48', '--till', '前台 · 高街店', '--format', 'json')).total).toBe(2);
  });

  it('counts by till and by branch', () => {
    const rows = (by: string) =>
      JSON.parse(on('office', 'report', '--week', '2026-W48', '--by', by, '--format', 'json')).rows.map((r: { key: string; count: number }) => [r.key, r.count]);
    expect(rows('branch')).toEqual([['North', 3], ['高街店', 3], ['(none)', 1]]);
    // A till of a branch is named with it: 前台 logged #7 for North (typed north). Ties come in byte order,
    // which depends on this computer's name.
    expect(rows('till').sort()).toEqual(
      [['前台 · 高街店', 2], ['前台 · north', 1], ['North till · North', 2], [`${hostname()} · 高街店`, 1], [hostname(), 1]].sort(),
    );
    // Of one branch, the tills need no branch to tell them apart.
    const ofOne = JSON.parse(on('office', 'report', '--week', '2026-W48', '--by', 'till', '--branch', 'North', '--format', 'json')).rows;
    expect(ofOne.map((r: { key: string; count: number }) => [r.key, r.count]).sort()).toEqual([['前台', 1], ['North till', 2]].sort());
  });

  it('names the cause each corrective action corrects beside the till or branch it is listed under', () => {
    const actionLines = (by: string) =>
      on('office', 'report', '--week', '2026-W48', '--by', by)
        .split('\n')
        .filter((line) => /^ +#\d+ +[^ ]+.*: /.test(line))
        .map((line) => line.trim().replace(/ +/, ' '));
    expect(actionLines('till')).toEqual(['#1 前台 · 高街店 (凉菜): 汤碗先加热', '#5 North till · North (change): count change twice']);
    expect(actionLines('branch')).toEqual(['#1 高街店 (凉菜): 汤碗先加热', '#5 North (change): count change twice']);
    expect(actionLines('cause')).toEqual(['#1 凉菜: 汤碗先加热', '#5 change: count change twice']);
    const html = book.ok(['report', '--week', '2026-W48', '--by', 'till', '--format', 'html'], { env: { HOME: computers.office, LANG: 'zh_CN.UTF-8' } });
    expect(html).toContain('<li>#1 <span lang="zh-CN">前台 · 高街店（凉菜）</span>：<span lang="zh-CN">汤碗先加热</span></li>');
  });

  it("reports one branch with the figures a logbook of that branch's complaints alone would give", () => {
    const alone = tempLogbook(NOW);
    alone.ok(['import', '-'], { input: on('office', 'export', '--branch', '高街店') });
    for (const by of ['cause', 'remedy', 'channel']) {
      const branch = JSON.parse(on('office', 'report', '--week', '2026-W48', '--by', by, '--branch', '高街店', '--format', 'json'));
      const whole = JSON.parse(alone.ok(['report', '--week', '2026-W48', '--by', by, '--format', 'json']));
      expect(branch).toEqual({ ...whole, branch: '高街店' });
    }
    const table = on('office', 'report', '--week', '2026-W48', '--branch', '高街店');
    expect(table).toMatch(/^Complaints by cause — My shop, branch 高街店$/m);
    expect(table).toMatch(/^remedy cost\s+28\.00\s/m);
    expect(on('office', 'report', '--week', '2026-W48', '--branch', '高街店', '--format', 'html')).toContain(
      '<h1>Complaints by cause — My shop, branch <span lang="zh-CN">高街店</span></h1>',
    );
  });

  it('reports nothing for a branch with no complaints, saying which branch it looked at', () => {
    const report = JSON.parse(on('office', 'report', '--week', '2026-W48', '--branch', 'South', '--format', 'json'));
    expect(report).toMatchObject({ branch: 'South', total: 0, summary: { logged: 0, remedyCost: 0 } });
  });

  it("shows a till its own branch's desk, and the office every branch", () => {
    const front = on('front');
    expect(front).toMatch(/^My shop, 高街店 — /);
    expect(front).toContain('1 new to triage');
    expect(front).toContain('#3 ');
    const office = on('office');
    expect(office).toMatch(/^My shop — /);
    expect(office).toContain('3 new to triage');
  });

  it("lists a till its own branch's follow-ups due, as its desk counts them, and the office every branch's", () => {
    // A fortnight on, both resolved complaints are due: #1 at 高街店 (王芳 to call), #5 at North (no one to call).
    const later = (computer: keyof typeof computers, ...args: string[]) =>
      book.ok(args, { env: { HOME: computers[computer], COMPLAINTS_NOW: '2026-12-10T10:00:00.000Z' } });
    const ids = (listing: string) => listing.split('\n').filter((line) => line.startsWith('#')).map((line) => line.split(' ')[0]);
    expect(ids(later('north', 'follow-up'))).toEqual(['#5']);
    expect(later('north')).toContain('\n1 follow-up due with no contact recorded');
    expect(ids(later('front', 'follow-up'))).toEqual(['#1']);
    expect(ids(later('office', 'follow-up'))).toEqual(['#1', '#5']);
    expect(later('office')).toMatch(/\n1 follow-up due  [^]*\n1 follow-up due with no contact recorded/);
  });

  it('shows the desk of a branch no complaint has come from yet, with nothing waiting there', () => {
    const south = mkdtempSync(join(tmpdir(), 'complaints-south-'));
    book.ok(['config', 'set', 'branch', 'South'], { env: { HOME: south } });
    const desk = book.run([], { env: { HOME: south } });
    expect(desk).toMatchObject({ code: 0, stderr: '' });
    expect(desk.stdout).toMatch(/^My shop, South — /);
    expect(desk.stdout).not.toContain('#');
  });
});
