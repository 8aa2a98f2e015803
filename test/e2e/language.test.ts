import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../support/export-columns.js';
import { helpPages } from '../support/help-pages.js';
import { runComparing, tempLogbook, underneath, type Logbook } from './harness.js';

// A Chinese-speaking owner's week runs in Chinese, an English-speaking one's in English, and what
// scripts read (JSON, CSV, exit codes) is the same byte for byte whichever the language.

const CHINESE = { LANG: 'zh_CN.UTF-8' };
const ENGLISH = { LANG: 'C' };

// Words that are English on purpose in a Chinese run: the names of commands, flags, settings and
// values as they are typed, formats and products, and the data the test itself typed.
const AS_TYPED = new Set(
  `complaints log triage assign resolve approve follow-up note undo list show report actions export import sync causes config
  backup check forget setup-roles completion get set rename merge help desk
  shop currency response-hours follow-up-days week-start categories channels approval-above till branch language
  new triaged assigned resolved closed rejected withdrawn open done valid question venting unfounded low medium high critical
  refund replacement repair discount compensation apology explanation none monday sunday saturday
  in-person phone email web social other
  json csv html markdown table bash zsh fish postgresql postgres sqlite psql pg_dump utf gbk gb18030 cny eur gbp yes
  cause category severity nature status remedy cost about channel assignee
  shell stdout stderr excel complaints_till`
    .split(/\s+/)
    .concat(COLUMNS)
    .map((word) => word.toLowerCase()),
);

/** The English words left in what a Chinese run printed, after what is English on purpose is taken out. */
function englishLeft(text: string): string[] {
  const prose = text
    .split('\n')
    .filter((line) => !/^\s*\$ /.test(line)) // a help page's examples are command lines, run as printed
    .join('\n')
    .replace(/'[^'\n]*'|"[^"\n]*"/g, ' ') // commands to type and values, quoted
    .replace(/\[YYYY-Www\]|<1-5>/g, ' ') // placeholders that show what to type
    // Before the flags, as a logbook's address may hold one (?options=-c+search_path…).
    .replace(/\S*[/\\@]\S*|\S+\.[a-z]{2,4}\b/g, ' ') // paths, addresses, file names
    .replace(/(?<![\w-])--?[a-z][a-z-]*/g, ' ') // flags
    .replace(/\$?\b[A-Z][A-Z0-9_]+\b/g, ' '); // environment variables and acronyms
  return (prose.match(/[A-Za-z][\w-]*[A-Za-z]/g) ?? []).filter((word) => word.length > 2 && !AS_TYPED.has(word.toLowerCase()));
}

const HAN = /\p{Script=Han}/u;

/** What the shop typed in its week, and when. */
const TYPED: ReadonlyArray<readonly [string[], string]> = [
  [['config', 'set', 'shop', '小吃店'], '2026-11-23T08:00:00Z'],
  [['config', 'set', 'categories', '产品,服务,价格'], '2026-11-23T08:00:00Z'],
  [['config', 'set', 'currency', 'CNY'], '2026-11-23T08:00:00Z'],
  [['config', 'set', 'channels', '现场,电话,微信'], '2026-11-23T08:00:00Z'],
  [['log', '汤是凉的', '--customer', '王芳', '--contact', '13800138000', '--channel', '现场', '--wants', 'refund', '--no-input'], '2026-11-23T09:00:00Z'],
  [['triage', '1', '--category', '产品', '--cause', '汤不热', '--severity', 'high'], '2026-11-23T09:10:00Z'],
  [['assign', '1', '小张'], '2026-11-23T09:20:00Z'],
  [['resolve', '1', '--remedy', 'refund', '--cost', '¥12.50', '--root-cause', '保温锅坏了', '--action', '换了保温锅'], '2026-11-23T10:00:00Z'],
  [['log', '等了二十分钟', '--customer', '李雷', '--channel', '电话', '--no-input'], '2026-11-23T12:00:00Z'],
  [['triage', '2', '--nature', 'question'], '2026-11-23T12:10:00Z'],
  [['resolve', '2', '--answer', '告诉顾客高峰时段要等位'], '2026-11-23T13:00:00Z'],
  [['follow-up', '1', '--satisfaction', '满意', '--note', '顾客满意'], '2026-11-25T10:00:00Z'],
  [['list'], '2026-11-27T10:00:00Z'],
  [['show', '1'], '2026-11-27T10:00:00Z'],
  [['report'], '2026-11-30T10:00:00Z'],
  [[], '2026-11-30T10:00:00Z'],
];

/** A week at the till: the shop's lists set alike in both runs, so that only the language differs. */
function week(book: Logbook, env: Record<string, string>): string[] {
  return TYPED.flatMap(([args, at]) => {
    const result = book.run(args, { env: { ...env, COMPLAINTS_NOW: at } });
    expect(result, `${args.join(' ')}\n${result.stderr}`).toMatchObject({ code: 0 });
    return [result.stdout, result.stderr];
  });
}

/** What scripts read of a logbook, as read in `env`. */
function machineOutputs(book: Logbook, env: Record<string, string>): Record<string, string> {
  const read = (args: string[]) => book.ok(args, { env: { ...env, COMPLAINTS_NOW: '2026-11-30T10:00:00Z' } });
  return {
    show: read(['show', '1', '--json']),
    list: read(['list', '--json']),
    report: read(['report', '--format', 'json', '--since', '2026-11-23']),
    export: read(['export']),
    config: read(['config', '--json']),
  };
}

describe('a week at the till in Chinese and in English', () => {
  const chinese = tempLogbook();
  const english = tempLogbook();
  const saidInChinese = week(chinese, CHINESE);
  const saidInEnglish = week(english, ENGLISH);

  it('speaks Chinese throughout when the locale is Chinese, leaving nothing in English', () => {
    const printed = saidInChinese.join('\n');
    expect(printed).toMatch(HAN);
    expect(englishLeft(printed)).toEqual([]);
  });

  it('speaks English when the locale is not Chinese, the Chinese in it being what the shop typed', () => {
    const printed = saidInEnglish.join('\n');
    expect(printed).toContain('Logged #1');
    const typed = new Set(TYPED.flatMap(([args]) => args.join(' ').match(/\p{Script=Han}+/gu) ?? []));
    expect((printed.match(/\p{Script=Han}+/gu) ?? []).filter((run) => ![...typed].some((word) => word.includes(run)))).toEqual([]);
  });

  it('writes the same JSON and CSV whichever the language', () => {
    // Each logbook gave its complaints uids of their own; all else is alike.
    const withoutUids = (outputs: Record<string, string>) =>
      Object.fromEntries(Object.entries(outputs).map(([name, text]) => [name, text.replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g, 'UID')]));
    const { config: chineseConfig, ...fromChinese } = withoutUids(machineOutputs(chinese, CHINESE));
    const { config: englishConfig, ...fromEnglish } = withoutUids(machineOutputs(english, ENGLISH));
    expect(fromChinese).toEqual(fromEnglish);
    expect(machineOutputs(chinese, ENGLISH)).toEqual(machineOutputs(chinese, CHINESE));
    expect(JSON.parse(chineseConfig!)).toEqual(JSON.parse(englishConfig!));
  });

  it('shows days in reports the Chinese way and marks the HTML page as Chinese', () => {
    const table = chinese.ok(['report', '--since', '2026-11-23'], { env: { ...CHINESE, COMPLAINTS_NOW: '2026-11-30T10:00:00Z' } });
    expect(table).toContain('11月23日 周一 至 2026年11月30日 周一');
    // The vital few among what they are counted with (个 causes, 位 people), without a measure word of their own.
    expect(table).toContain("关键少数（到累计达到 80% 的那一行为止）是仅有的 1 个原因，占 1 条投诉的 100.00%。");
    const byAssignee = chinese.ok(['report', '--since', '2026-11-23', '--by', 'assignee'], { env: { ...CHINESE, COMPLAINTS_NOW: '2026-11-30T10:00:00Z' } });
    expect(byAssignee).toContain("关键少数（到累计达到 80% 的那一行为止）是仅有的 1 位负责人，占 1 条投诉的 100.00%。");
    const html = chinese.ok(['report', '--format', 'html'], { env: { ...CHINESE, COMPLAINTS_NOW: '2026-11-30T10:00:00Z' } });
    expect(html).toMatch(/<html lang="zh-CN"/);
    const text = html.replace(/<style>[\s\S]*?<\/style>/g, ' ').replace(/<[^>]*>/g, ' ').replace(/&\w+;/g, ' ');
    expect(englishLeft(text)).toEqual([]);
  });
});

describe('the language chosen', () => {
  const book = tempLogbook();
  book.ok(['log', 'cold soup', '--no-input']);

  it.each([
    [{ LANG: 'zh_CN.UTF-8' }, 'zh-CN'],
    [{ LANG: 'zh_TW.UTF-8' }, 'zh-CN'],
    [{ LANG: 'en_GB.UTF-8' }, 'en'],
    [{ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' }, 'en'],
    [{ LANG: 'C', LC_MESSAGES: 'zh_CN.UTF-8' }, 'zh-CN'],
    [{ LC_ALL: 'zh_CN.UTF-8', LC_MESSAGES: 'C' }, 'zh-CN'],
    [{ LANG: 'zh_CN.utf8' }, 'zh-CN'],
    // Printed in UTF-8, Chinese would show garbled on a terminal in another encoding.
    [{ LANG: 'zh_CN.GB18030' }, 'en'],
    [{}, 'en'],
  ])('from the locale %o is %s', (env, language) => {
    const result = book.run(['show', '9'], { env });
    expect(result.code).toBe(1);
    expect(HAN.test(result.stderr)).toBe(language === 'zh-CN');
  });

  it('refuses a command line typed in another encoding than UTF-8, in one line, writing nothing', () => {
    const gb18030 = Buffer.from([0xcc, 0xc0, 0xca, 0xc7, 0xc1, 0xb9, 0xb5, 0xc4]).toString('latin1');
    const typed = Buffer.from(gb18030, 'latin1').toString('utf8');
    expect(typed).toContain('\uFFFD');
    expect(runComparing(book, ['log', typed, '--no-input'], { env: { LANG: 'zh_CN.GB18030' } })).toMatchObject({
      code: 2,
      unchanged: true,
      stderr:
        'complaints: the command line is not UTF-8 text (the terminal may be set to another encoding, such as GB18030); set it to UTF-8, for example LANG=zh_CN.UTF-8, and type it again; nothing was written\n',
    });
  });

  it('is this computer’s setting when there is one, whatever the locale', () => {
    const other = tempLogbook();
    expect(other.ok(['config', 'set', 'language', '中文'], { env: ENGLISH })).toBe('language = zh-CN\n');
    expect(other.run(['show', '9'], { env: ENGLISH }).stderr).toMatch(HAN);
    other.ok(['config', 'set', 'language', 'en'], { env: ENGLISH });
    expect(other.run(['show', '9'], { env: CHINESE }).stderr).not.toMatch(HAN);
    other.ok(['config', 'set', 'language', ''], { env: ENGLISH });
    expect(other.run(['show', '9'], { env: CHINESE }).stderr).toMatch(HAN);
  });

  it('refuses a language it does not speak, in one line, keeping the setting as it was', () => {
    const other = tempLogbook();
    other.ok(['config', 'set', 'language', 'zh-CN'], { env: ENGLISH });
    const result = other.run(['config', 'set', 'language', 'klingon'], { env: ENGLISH });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(other.ok(['config', 'get', 'language'], { env: ENGLISH })).toBe('zh-CN\n');
  });
});

describe('a new logbook made in Chinese', () => {
  const book = tempLogbook();
  book.ok(['log', '汤是凉的', '--no-input'], { env: CHINESE });

  it('starts with the Chinese shop’s categories, channels and currency', () => {
    const settings = JSON.parse(book.ok(['config', '--json'], { env: CHINESE })) as Record<string, unknown>;
    expect(settings).toMatchObject({
      categories: ['产品', '服务', '员工', '价格', '配送', '环境', '其他'],
      channels: ['现场', '电话', '微信', '美团/大众点评', '其他'],
      currency: 'CNY',
      'week-start': 'monday',
    });
  });

  it('finds 美团 and 大众点评 as the channel 美团/大众点评, and takes 无 for no approval limit', () => {
    const book = tempLogbook();
    book.ok(['log', '汤是凉的', '--no-input'], { env: CHINESE });
    for (const channel of ['美团', '大众点评']) {
      const logged = JSON.parse(book.ok(['log', '外卖洒了', '--channel', channel, '--json', '--no-input'], { env: CHINESE })) as { channel: string };
      expect(logged.channel).toBe('美团/大众点评');
    }
    const refused = book.run(['log', '外卖洒了', '--channel', '饿了么', '--no-input'], { env: CHINESE });
    expect(refused).toMatchObject({ code: 2, stderr: 'complaints: --channel：「饿了么」不是可选的值；可选：现场、电话、微信、美团/大众点评、其他\n' });
    book.ok(['config', 'set', 'channels', '美团/饿了么、美团/大众点评、电话'], { env: CHINESE });
    expect(book.run(['log', '外卖洒了', '--channel', '美团', '--no-input'], { env: CHINESE })).toMatchObject({
      code: 2,
      stderr: 'complaints: --channel：「美团」不是可选的值；可选：美团/饿了么、美团/大众点评、电话\n',
    });
    book.ok(['config', 'set', 'approval-above', '200'], { env: CHINESE });
    book.ok(['config', 'set', 'approval-above', '无'], { env: CHINESE });
    expect(JSON.parse(book.ok(['config', '--json'], { env: CHINESE }))).toMatchObject({ 'approval-above': null });
  });

  it('says the logbook is sound in Chinese', () => {
    expect(book.ok(['check'], { env: CHINESE })).toMatch(/^登记簿完好：1 条投诉，\d+ 条事件记录，完整性检查通过\n$/);
  });

  it('takes the labels a Chinese till shows as input too', () => {
    expect(JSON.parse(book.ok(['list', '--status', '新', '--json'], { env: CHINESE }))).toHaveLength(1);
    book.ok(['triage', '1', '--nature', '咨询'], { env: CHINESE });
    expect(JSON.parse(book.ok(['show', '1', '--json'], { env: CHINESE })).nature).toBe('question');
    book.ok(['triage', '1', '--nature', '问题'], { env: CHINESE });
    book.ok(['triage', '1', '--category', '产品', '--cause', '汤不热', '--severity', '高'], { env: CHINESE });
    expect(JSON.parse(book.ok(['show', '1', '--json'], { env: CHINESE })).severity).toBe('high');
  });

  it('takes the everyday words for a remedy: 打折 is a discount, 退钱 a refund, 修理 a repair', () => {
    const shop = tempLogbook();
    const given: Array<[string, string]> = [['打折', 'discount'], ['退钱', 'refund'], ['修理', 'repair'], ['优惠', 'discount'], ['补偿', 'compensation'], ['免单', 'refund'], ['重做', 'replacement'], ['打八折', 'discount'], ['代金券', 'compensation'], ['赠送', 'compensation']];
    for (const [typed] of given) shop.ok(['log', '汤是凉的', '--wants', typed, '--no-input'], { env: CHINESE });
    given.forEach(([typed], index) => shop.ok(['resolve', String(index + 1), '--remedy', typed, '--cost', '5'], { env: CHINESE }));
    const remedies = (JSON.parse(shop.ok(['list', '--json'], { env: CHINESE })) as Array<{ id: number; wants: string; remedy: string }>)
      .sort((a, b) => a.id - b.id)
      .map(({ wants, remedy }) => [wants, remedy]);
    expect(remedies).toEqual(given.map(([, value]) => [value, value]));
    expect(shop.ok(['show', '1'], { env: CHINESE })).toContain('折扣');
  });

  it('lists the complaints answered, 已结, as resolved, closed and rejected; a withdrawn one is in neither group', () => {
    const shop = tempLogbook();
    for (const words of ['汤是凉的', '等太久', '服务员态度差', '点错菜']) shop.ok(['log', words, '--no-input'], { env: CHINESE });
    shop.ok(['resolve', '1', '--remedy', '道歉'], { env: CHINESE });
    shop.ok(['undo', '2', '--yes'], { env: CHINESE });
    shop.ok(['triage', '3', '--category', '服务', '--cause', '态度差'], { env: CHINESE });
    const ids = (status: string) => (JSON.parse(shop.ok(['list', '--status', status, '--json'], { env: CHINESE })) as Array<{ id: number }>).map(({ id }) => id).sort();
    expect(ids('已结')).toEqual([1]);
    expect(ids('done')).toEqual([1]);
    expect(ids('未结')).toEqual([3, 4]);
    expect(ids('已结,新,已撤回')).toEqual([1, 2, 4]);
  });

  it('takes settings and lists as a Chinese till types them', () => {
    expect(book.ok(['config', 'set', 'week-start', '周日'], { env: CHINESE })).toBe('week-start = 周日（sunday）\n');
    expect(book.ok(['config', 'get', 'week-start'], { env: ENGLISH })).toBe('sunday\n');
    expect(book.ok(['config', 'set', 'currency', '人民币'], { env: CHINESE })).toBe('currency = CNY\n');
    expect(JSON.parse(book.ok(['list', '--status', '新、已分诊', '--json'], { env: CHINESE }))).toHaveLength(1);
    // As the report names them.
    expect(JSON.parse(book.ok(['list', '--status', '未结', '--json'], { env: CHINESE }))).toHaveLength(1);
    expect(JSON.parse(book.ok(['list', '--status', '已结', '--json'], { env: CHINESE }))).toHaveLength(0);
    const before = book.dump();
    const refused = book.run(['config', 'set', 'week-start', '星期五'], { env: CHINESE });
    expect(refused).toMatchObject({ code: 2, stderr: 'complaints: config week-start：「星期五」不是可选的值；可选：周一（monday）、周日（sunday）、周六（saturday）\n' });
    expect(book.dump()).toBe(before);
    book.ok(['config', 'set', 'week-start', 'monday'], { env: CHINESE });
    // The harness's clock is Monday 23 November 2026: the week just ended is 2026-W47.
    expect(book.ok(['report', '--week', '上周'], { env: CHINESE })).toMatch(/^周次 2026-W47，11月16日 周一 至 2026年11月22日 周日（数字截至 11月23日 周一 10:00）$/m);
    // A week by its number alone is the latest so numbered; a month back from today.
    for (const week of ['第47周', '47', '第四十七周']) {
      expect(book.ok(['report', '--week', week], { env: CHINESE })).toMatch(/^周次 2026-W47，11月16日 周一 至 2026年11月22日 周日/m);
    }
    expect(book.ok(['report', '--last', '一个月'], { env: CHINESE })).toMatch(/^最近 1 个月，10月24日 周六 至 2026年11月23日 周一/m);
  });

  it('takes the everyday words for how severe, a deadline within some days, and how satisfied', () => {
    const shop = tempLogbook();
    shop.ok(['log', '汤是凉的', '--at', '刚才', '--no-input'], { env: CHINESE });
    shop.ok(['triage', '1', '--category', '产品', '--cause', '汤不热', '--severity', '一般'], { env: CHINESE });
    shop.ok(['assign', '1', '小王', '--respond-by', '三天内'], { env: CHINESE });
    // The harness's clock is 2026-11-23 10:00 in London.
    expect(JSON.parse(shop.ok(['show', '1', '--json'], { env: CHINESE }))).toMatchObject({ severity: 'medium', respond_by: '2026-11-26T10:00:00.000Z' });
    shop.ok(['resolve', '1', '--remedy', '道歉'], { env: CHINESE });
    shop.ok(['follow-up', '1', '--satisfaction', '挺满意'], { env: CHINESE });
    expect(JSON.parse(shop.ok(['show', '1', '--json'], { env: CHINESE }))).toMatchObject({ satisfaction: 4 });
  });

  it('says what a setting leaves as it was: categories or channels complaints still hold, amounts in another currency', () => {
    const shop = tempLogbook();
    shop.ok(['config', 'set', 'currency', '人民币'], { env: CHINESE });
    shop.ok(['log', '汤是凉的', '--channel', '电话', '--no-input'], { env: CHINESE });
    shop.ok(['triage', '1', '--category', '产品', '--cause', '汤凉'], { env: CHINESE });
    // Meaning to add 菜品, the owner replaces the list.
    const replaced = shop.run(['config', 'set', 'categories', '菜品、服务'], { env: CHINESE });
    expect(replaced).toMatchObject({ code: 0, stdout: 'categories = 菜品,服务\n' });
    expect(replaced.stderr).toBe("注意：仍有投诉用着 产品，但收银台不再能选：新列表会替换原来的列表；要一并保留：complaints config set categories '菜品,服务,产品'\n");
    expect(shop.run(['config', 'set', 'categories', '菜品、服务、产品'], { env: CHINESE }).stderr).toBe('');
    expect(shop.run(['config', 'set', 'channels', '现场'], { env: CHINESE }).stderr).toContain("complaints config set channels '现场,电话'");
    expect(shop.run(['config', 'set', 'currency', '日元'], { env: CHINESE }).stderr).toBe('注意：已记下的金额数字不变，只是改按 JPY 显示（原来按 CNY）；不做换算\n');
    expect(shop.run(['config', 'set', 'currency', 'JPY'], { env: CHINESE }).stderr).toBe('');
  });

  it('takes an amount said in Chinese numerals, and a currency by its Chinese name', () => {
    const shop = tempLogbook();
    shop.ok(['log', '汤是凉的', '--no-input'], { env: CHINESE });
    expect(shop.ok(['config', 'set', 'currency', '港币'], { env: CHINESE })).toBe('currency = HKD\n');
    expect(shop.ok(['resolve', '1', '--remedy', '退钱', '--cost', '一百五'], { env: CHINESE })).toContain('费用 HKD 150.00');
  });

  it('takes money as a Chinese shop writes it and gives it back in yuan wherever a person reads it', () => {
    expect(book.ok(['resolve', '1', '--remedy', 'refund', '--cost', '12.50元', '--action', '汤桶加保温'], { env: CHINESE })).toContain('费用 ¥12.50');
    expect(book.ok(['report', '--format', 'markdown'], { env: CHINESE })).toMatch(/¥12\.50/);
    const page = book.ok(['show', '1'], { env: CHINESE });
    expect(page).toMatch(/费用 +¥12\.50\n/);
    expect(page).toContain('费用：¥12.50');
    // What scripts read stays the plain amount.
    expect(JSON.parse(book.ok(['show', '1', '--json'], { env: CHINESE })).cost).toBe(12.5);
    // As an amount is said at the till: 1000块5 is 1,000.50.
    book.ok(['config', 'set', 'approval-above', '1000块5'], { env: CHINESE });
    expect(book.ok(['config', 'get', 'approval-above'])).toBe('¥1,000.50\n');
    book.ok(['config', 'set', 'approval-above', 'none']);
  });

  it('writes a cause and its corrective action with a Chinese colon', () => {
    expect(book.ok(['report'], { env: CHINESE })).toContain('汤不热：汤桶加保温');
    expect(book.ok(['report', '--format', 'html'], { env: CHINESE })).toContain('<span lang="zh-CN">汤不热</span>：');
  });

  it('names in Chinese, on the timeline, what an undo of a resolution took back', () => {
    const book = tempLogbook();
    book.ok(['log', '门口地很滑', '--no-input'], { env: CHINESE });
    book.ok(['triage', '1', '--category', '服务', '--cause', '地滑'], { env: CHINESE });
    book.ok(['resolve', '1', '--remedy', '道歉', '--action', '铺防滑垫'], { env: CHINESE });
    book.ok(['undo', '--yes'], { env: CHINESE });
    const timeline = book.ok(['show', '1'], { env: CHINESE }).trimEnd().split('\n').at(-1)!;
    expect(timeline).toBe('  2026-11-23 10:00  撤销 — 撤销了：2026-11-23 10:00 的处理，处理时间：（已清除），补救措施：（已清除），费用：（已清除），纠正措施：（已清除）');
    book.ok(['resolve', '1', '--remedy', '道歉', '--action', '铺防滑垫'], { env: CHINESE });
    const nextDay = { ...CHINESE, COMPLAINTS_NOW: '2026-11-24T10:00:00Z' };
    book.ok(['follow-up', '1', '--reopen', '--note', '又滑倒了'], { env: nextDay });
    book.ok(['resolve', '1', '--remedy', '道歉', '--action', '门口放警示牌'], { env: nextDay });
    book.ok(['undo', '--yes'], { env: nextDay });
    const restored = book.ok(['show', '1'], { env: CHINESE }).trimEnd().split('\n').at(-1)!;
    expect(restored).toContain('纠正措施：铺防滑垫，纠正措施记录时间：2026-11-23 10:00');
    expect(englishLeft(restored)).toEqual([]);
  });

  it('refuses bad input in one Chinese line, with the logbook as it was', () => {
    const before = book.dump();
    const result = book.run(['triage', '1', '--severity', '很高'], { env: CHINESE });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(HAN);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(book.dump()).toBe(before);
  });

  it('lists, when it refuses a value, the labels a Chinese till may type beside the values', () => {
    const result = book.run(['triage', '1', '--severity', '很高'], { env: CHINESE });
    expect(result.stderr).toBe('complaints: --severity：「很高」不是可选的值；可选：低（low）、中（medium）、高（high）、严重（critical）\n');
  });

  it('names what may not be empty without a space after Chinese words, and with one after a flag or a setting', () => {
    const before = book.dump();
    expect(book.run(['assign', '1', ' '], { env: CHINESE }).stderr).toBe('complaints: 要指派的人不能为空\n');
    expect(book.run(['approve', '1', '--as', ' '], { env: CHINESE }).stderr).toBe('complaints: --as 不能为空\n');
    expect(book.run(['config', 'set', 'branch', '\u200b'], { env: CHINESE }).stderr).toBe('complaints: config branch 不能为空\n');
    expect(book.dump()).toBe(before);
  });
});

describe('a Chinese name typed with or without a space, a number with or without +86', () => {
  it('is one customer: a complaint logged for 王 芳 is among 王芳\'s earlier ones, one from +86 138… among 138…\'s', () => {
    const book = tempLogbook('2026-11-23T10:00:00.000Z');
    book.ok(['log', '汤是凉的', '--customer', '王 芳', '--contact', '+86 138 0013 8000', '--no-input'], { env: CHINESE });
    expect(book.run(['log', '面条太硬', '--customer', '王芳', '--no-input'], { env: CHINESE }).stderr).toContain('顾客「王芳」之前投诉过：#1');
    expect(book.run(['log', '又凉了', '--customer', '芳芳', '--contact', '13800138000', '--no-input'], { env: CHINESE }).stderr).toContain(
      '联系方式「13800138000」之前投诉过：#1（2026-11-23，王 芳）',
    );
    // And so are their complaints listed, by the name or the number as the till types it.
    const listed = (nameOrContact: string) =>
      (JSON.parse(book.ok(['list', '--customer', nameOrContact, '--json'], { env: CHINESE })) as Array<{ id: number }>).map(({ id }) => id);
    expect(listed('王芳')).toEqual([2, 1]);
    expect(listed('+86 13800138000')).toEqual([3, 1]);
    expect(listed('芳芳')).toEqual([3]);
    expect(book.ok(['export', '--customer', '138-0013-8000'], { env: CHINESE }).split('\r\n').filter(Boolean)).toHaveLength(3);
  });

  it('is made one customer in a logbook kept before, when it is next opened', () => {
    const book = tempLogbook('2026-11-23T10:00:00.000Z');
    book.ok(['log', '汤是凉的', '--customer', '王 芳', '--contact', '+86 10 6552 9988', '--no-input'], { env: CHINESE });
    // As a version before this one kept it: the keys with the space and the code, the migration not yet applied.
    underneath(book, `UPDATE complaints SET customer_key = '王 芳', contact_key = '+861065529988'`);
    underneath(book, `DELETE FROM schema_migrations WHERE name = 'person_keys_chinese'`);
    book.ok(['list'], { env: CHINESE });
    expect(underneath(book, `SELECT customer_key, contact_key FROM complaints`)).toEqual([{ customer_key: '王芳', contact_key: '01065529988' }]);
  });
});

describe('days and times as a Chinese-speaking owner types them', () => {
  // The clock is pinned at 10:00 on Monday 23 November 2026, London time.
  const book = tempLogbook('2026-11-23T10:00:00.000Z');

  it('takes 昨天, 3小时前, 明天 and 2天后 wherever a time is asked for', () => {
    book.ok(['log', '昨天的汤是凉的', '--at', '昨天', '--no-input'], { env: CHINESE });
    book.ok(['log', '找错了钱', '--at', '3小时前', '--no-input'], { env: CHINESE });
    book.ok(['assign', '1', '小王', '--respond-by', '明天'], { env: CHINESE });
    book.ok(['assign', '2', '小王', '--respond-by', '2天后'], { env: CHINESE });
    const shown = (id: string) => JSON.parse(book.ok(['show', id, '--json'], { env: CHINESE })) as Record<string, unknown>;
    expect(shown('1')).toMatchObject({ occurred_at: '2026-11-22T00:00:00.000Z', respond_by: '2026-11-24T23:59:59.999Z' });
    expect(shown('2')).toMatchObject({ occurred_at: '2026-11-23T07:00:00.000Z', respond_by: '2026-11-25T10:00:00.000Z' });
  });

  it('takes a day and a time of day as written in Chinese: 昨天上午9点, 明天下午3点, 11月20日, and --last 一周', () => {
    const logged = JSON.parse(book.ok(['log', '上周五的面条太硬', '--at', '昨天上午9点', '--json', '--no-input'], { env: CHINESE })) as { id: number; occurred_at: string };
    expect(logged.occurred_at).toBe('2026-11-22T09:00:00.000Z');
    book.ok(['assign', String(logged.id), '小王', '--respond-by', '明天下午3点'], { env: CHINESE });
    const assigned = JSON.parse(book.ok(['show', String(logged.id), '--json'], { env: CHINESE })) as { respond_by: string };
    expect(assigned.respond_by).toBe('2026-11-24T15:00:00.000Z');
    const since = JSON.parse(book.ok(['list', '--since', '11月22日', '--json'], { env: CHINESE })) as Array<{ id: number }>;
    expect(since.map((c) => c.id)).toContain(logged.id);
    expect(JSON.parse(book.ok(['report', '--last', '一周', '--format', 'json'], { env: CHINESE })).period).toMatchObject({ since: '2026-11-17T00:00:00.000Z' });
  });

  it('takes a day of the week: --respond-by 周五 is this Friday, --since 上周 last Monday', () => {
    const logged = JSON.parse(book.ok(['log', '周末排队太久', '--json', '--no-input'], { env: CHINESE })) as { id: number };
    book.ok(['assign', String(logged.id), '小王', '--respond-by', '周五'], { env: CHINESE });
    expect(JSON.parse(book.ok(['show', String(logged.id), '--json'], { env: CHINESE }))).toMatchObject({ respond_by: '2026-11-27T23:59:59.999Z' });
    const since = JSON.parse(book.ok(['list', '--since', '上周', '--json'], { env: CHINESE })) as Array<{ id: number }>;
    expect(since.map((c) => c.id)).toContain(logged.id);
  });

  it('reads --since 上周 in the shop\'s weeks, as report --week 上周 does', () => {
    book.ok(['config', 'set', 'week-start', 'sunday']);
    try {
      // Complaint 1 happened on Sunday the 22nd: last week's on a Monday-started calendar, this week's in a shop whose weeks start on Sunday.
      const ids = (args: string[]) => (JSON.parse(book.ok(['list', ...args, '--json'], { env: CHINESE })) as Array<{ id: number }>).map((c) => c.id);
      expect(ids(['--since', '上周', '--until', '上周'])).not.toContain(1);
      expect(ids(['--since', '这周'])).toContain(1);
      const report = JSON.parse(book.ok(['report', '--week', '上周', '--format', 'json'], { env: CHINESE })) as { period: { since: string; until: string } };
      const range = JSON.parse(book.ok(['report', '--since', '上周', '--until', '上周', '--format', 'json'], { env: CHINESE })) as { period: { since: string; until: string } };
      expect(range.period).toMatchObject({ since: report.period.since, until: report.period.until });
      expect(report.period.since).toBe('2026-11-15T00:00:00.000Z');
    } finally {
      book.ok(['config', 'set', 'week-start', 'monday']);
    }
  });

  it('takes a month as a range: --since 本月, --since 上个月 --until 上个月, --compare 上个月', () => {
    const ids = (args: string[]) => (JSON.parse(book.ok(['list', ...args, '--json'], { env: CHINESE })) as Array<{ id: number }>).map((c) => c.id);
    const november = ids(['--since', '本月']);
    expect(november).toContain(1);
    expect(ids(['--since', '11月', '--until', '2026年11月'])).toEqual(november);
    expect(ids(['--since', '上个月', '--until', '上个月'])).toEqual([]);
    const report = JSON.parse(book.ok(['report', '--since', '2026-11', '--until', '2026-11', '--format', 'json'], { env: CHINESE })) as { period: object };
    expect(report.period).toEqual({ since: '2026-11-01T00:00:00.000Z', until: '2026-12-01T00:00:00.000Z' });
    expect(book.ok(['report', '--since', '本月', '--compare', '上个月'], { env: CHINESE })).toMatch(/^对比：10月1日 周四 至 2026年10月31日 周六$/m);
  });

  it('refuses a month where a moment is asked for, and a month the calendar does not have, with the logbook as it was', () => {
    const before = book.dump();
    expect(book.run(['log', '汤是凉的', '--at', '上个月', '--no-input'], { env: CHINESE }).stderr).toMatch(/^complaints: --at：「上个月」不是日期；/);
    const refused = book.run(['list', '--since', '13月'], { env: CHINESE });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('complaints: --since：「13月」这个月份不存在；月份是 1 到 12\n');
    expect(book.dump()).toBe(before);
  });

  it('refuses a day it cannot read in one Chinese line naming the forms it reads, with the logbook as it was', () => {
    const before = book.dump();
    const result = book.run(['assign', '1', '小王', '--respond-by', '下个月'], { env: CHINESE });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining("「下个月」不是答复期限；请用 '2026-11-25 12:00'、2026-11-25（当天结束前）、明天")]);
    expect(result.stderr).toContain('明天');
    expect(book.dump()).toBe(before);
  });
});

describe('every help page in Chinese', async () => {
  const book = tempLogbook();
  const pages = await helpPages((command) => book.ok([...command, '--help'], { env: ENGLISH }));

  it.each(pages.map(({ command }) => [['complaints', ...command].join(' '), command] as const))('%s --help is in Chinese', (_name, command) => {
    const page = book.ok([...command, '--help'], { env: CHINESE });
    expect(page).toMatch(/^用法：/);
    expect(englishLeft(page)).toEqual([]);
    // No wider than commander's own part (80 columns where there is no terminal), but the examples' command lines.
    expect(page.split('\n').filter((line) => stringWidth(line) > 80 && !/^\s*\$ /.test(line))).toEqual([]);
  });

  it('names placeholders and missing arguments in Chinese', () => {
    expect(book.ok(['--help'], { env: CHINESE })).toMatch(/^用法：complaints \[选项\] \[命令\]\n/);
    expect(book.ok(['assign', '--help'], { env: CHINESE })).toMatch(/^用法：complaints assign \[选项\] <编号> \[负责人\]\n(.*\n)*  --respond-by <时间> /);
    expect(book.run(['log', 'x', '--at'], { env: CHINESE }).stderr).toBe('complaints: 选项 --at <时间> 缺少值\n');
    expect(book.run(['note', '1'], { env: CHINESE }).stderr).toBe('complaints: 缺少必需的参数：文字；用法：complaints note [选项] <编号> <文字...>\n');
    expect(book.run(['config', 'set', 'shop'], { env: CHINESE }).stderr).toBe('complaints: 缺少必需的参数：值；用法：complaints config set [选项] <设置项> <值>\n');
  });

  it('gives the usage of the command given too many arguments, and not of a command its argument names', () => {
    expect(book.run(['show', '1', '2'], { env: CHINESE }).stderr).toBe('complaints: show 的参数太多：应为 1 个，实际给了 2 个；用法：complaints show [选项] <编号>\n');
    // `list` here is config's argument, not the list command.
    expect(book.run(['config', 'list'], { env: CHINESE }).stderr).toBe('complaints: config 的参数太多：应为 0 个，实际给了 1 个；用法：complaints config [选项] [命令]\n');
    const english = book.run(['causes', 'rename', 'a', 'b', 'c']);
    expect(english.code).toBe(2);
    expect(english.stderr).toBe("complaints: too many arguments for 'rename': it takes 2, given 3; use: complaints causes rename [options] <old> <new>\n");
  });

  it('takes what a report counts by in Chinese, and md for markdown', () => {
    const shop = tempLogbook();
    shop.ok(['log', '汤是凉的', '--channel', 'phone']);
    expect(shop.ok(['report', '--by', '渠道', '--format', 'md'], { env: CHINESE })).toMatch(/^# 按渠道统计的投诉/);
  });

  it('gives the values a flag takes with what each means', () => {
    const log = book.ok(['log', '--help'], { env: CHINESE });
    expect(log.replace(/\s+/g, '')).toContain('退款（refund）、更换（replacement）');
    const triage = book.ok(['triage', '--help'], { env: CHINESE });
    expect(triage.replace(/\s+/g, '')).toContain('发泄（venting）、不成立（unfounded）');
  });
});
