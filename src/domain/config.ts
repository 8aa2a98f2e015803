import { UsageError } from '../errors.js';
import { t, type Language } from '../language/messages.js';
import { amountShown, parseMoney, toUnits } from './money.js';
import { type CountedUnit, nameChecked, oneLineName, oneOf, showsNothing, typedList, wholeNumber } from './validate.js';
import { typedNames, weekStartShown } from '../language/labels.js';
import { languageNamed } from '../language/choice.js';
import { spellingKey } from './spelling.js';

export const WEEK_STARTS = ['monday', 'sunday', 'saturday'] as const;
export type WeekStart = (typeof WEEK_STARTS)[number];

export interface Settings {
  shop: string;
  currency: string;
  'response-hours': number;
  'follow-up-days': number;
  'week-start': WeekStart;
  categories: string[];
  /** How complaints reach the shop, as it names them: `log --channel` takes one of these. */
  channels: string[];
  /** A remedy costing more than this (minor units) waits for approval; null when none needs it. */
  'approval-above': number | null;
}
export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = {
  shop: 'My shop',
  currency: '',
  'response-hours': 24,
  'follow-up-days': 3,
  'week-start': 'monday',
  categories: ['product', 'service', 'staff', 'price', 'delivery', 'premises', 'other'],
  channels: ['in-person', 'phone', 'email', 'web', 'social', 'other'],
  'approval-above': null,
};

/**
 * What a logbook made by a Chinese-speaking till starts with, kept in it from the first write so
 * that every till sharing it, in whatever language, classifies alike: the categories and channels
 * a Chinese shop uses, and the yuan.
 */
const CHINESE_SHOP_SETTINGS: Readonly<Partial<Record<SettingKey, string>>> = {
  shop: '我的店',
  currency: 'CNY',
  categories: '产品,服务,员工,价格,配送,环境,其他',
  channels: '现场,电话,微信,美团/大众点评,其他',
};

/** The settings a logbook starts with when a till speaking `language` makes it (the English ones are the defaults). */
export function firstSettings(language: Language): Readonly<Partial<Record<SettingKey, string>>> {
  return language === 'zh-CN' ? CHINESE_SHOP_SETTINGS : {};
}

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

/**
 * Settings of one computer, kept on it rather than in the logbook several tills share: the till
 * it is (unset, the computer's name) and the branch it stands in (unset, none).
 */
export const COMPUTER_SETTING_KEYS = ['till', 'branch', 'language'] as const;
export type ComputerSettingKey = (typeof COMPUTER_SETTING_KEYS)[number];
export type ComputerSettings = Partial<Record<ComputerSettingKey, string>>;

const EVERY_KEY: ReadonlyArray<SettingKey | ComputerSettingKey> = [...SETTING_KEYS, ...COMPUTER_SETTING_KEYS];

export function isComputerSetting(key: SettingKey | ComputerSettingKey): key is ComputerSettingKey {
  return (COMPUTER_SETTING_KEYS as readonly string[]).includes(key);
}

export function settingKey(text: string): SettingKey | ComputerSettingKey {
  const key = EVERY_KEY.find((k) => k === text.trim().toLowerCase());
  if (!key) throw new UsageError(t('config.notSetting', { text, keys: EVERY_KEY.join(', ') }));
  return key;
}

/** What stands between a till and its branch where a till is named with it: 前台 · 南门店. */
export const TILL_BRANCH_MARK = '·';

/**
 * A till's name as typed: one line, without the mark a report puts between a till and its branch,
 * as a till called 前台 · 南门店 would be counted with till 前台 of branch 南门店.
 */
export function tillName(text: string, what: string): string {
  const name = oneLineName(text, what);
  if (name.includes(TILL_BRANCH_MARK)) throw new UsageError(t('config.tillWithMark', { what, name, mark: TILL_BRANCH_MARK }));
  return name;
}

/** Where a complaint is logged: `--till`/`--branch` when given, else this computer's settings, else its name and no branch. */
export function whereLogged(
  flags: { till?: string; branch?: string },
  computer: ComputerSettings,
  computerName: string,
): { till: string; branch?: string } {
  return {
    till: flags.till === undefined ? (computer.till ?? computerName) : tillName(flags.till, '--till'),
    branch: flags.branch === undefined ? computer.branch : oneLineName(flags.branch, '--branch'),
  };
}

/** Checks a value typed for one of this computer's settings and returns it as stored. */
export function computerSettingValue(key: ComputerSettingKey, text: string): string {
  if (key === 'till') return tillName(text, `config ${key}`);
  if (key !== 'language') return oneLineName(text, `config ${key}`);
  const language = languageNamed(text);
  if (language === undefined) throw new UsageError(t('config.language.unknown', { text }));
  return language;
}

/** Checks a value typed for `key` and returns it in the form it is stored in (a string). */
export function settingValue(key: SettingKey, text: string): string {
  const flag = `config ${key}`;
  switch (key) {
    case 'shop':
      // Blank as a zero-width space alone is, which showed as nothing heading every report.
      if (showsNothing(text)) throw new UsageError(t('config.shopEmpty', { flag }));
      // One line, as a till's or branch's name: it heads every report.
      return oneLineName(text, flag);
    case 'currency':
      return currencyCode(text, flag);
    case 'response-hours':
      return String(wholeNumber(text, 1, 24 * 30, flag, HOURS_AS));
    case 'follow-up-days':
      return String(wholeNumber(text, 0, 90, flag, DAYS_AS));
    case 'week-start':
      return oneOf(text.trim(), WEEK_STARTS, flag, typedNames(weekStartShown));
    case 'approval-above':
      if (NO_LIMIT.has(text.trim().toLowerCase())) return '';
      try {
        return String(parseMoney(text, flag));
      } catch (error) {
        // The refusal says too how to ask for no approval at all.
        if (error instanceof UsageError) throw new UsageError(t('config.approvalNotAmount', { refusal: error.message }));
        throw error;
      }
    case 'categories':
    case 'channels': {
      // Each item as typed: its spelling key makes a line break a space, which a name refuses.
      const list = distinctItems(typedList(text).map((item) => nameChecked(item.trim(), flag)));
      if (list.length === 0) throw new UsageError(t(key === 'channels' ? 'config.noChannel' : 'config.noCategory', { flag }));
      return list.join(',');
    }
  }
}

/**
 * The values complaints hold (`inUse`) that a new list of categories or channels (as stored,
 * comma-separated) leaves out, however spelt: a list set replaces the one before, and a till then
 * cannot give them at triage or log.
 */
export function leftOutOfList(list: string, inUse: readonly string[]): string[] {
  const kept = new Set(list.split(',').map(spellingKey));
  return inUse.filter((value) => !kept.has(spellingKey(value)));
}

// What a Chinese-speaking shop calls a currency, besides its code: the yuan, and those of the
// places such shops are (Hong Kong, Macau, Taiwan, Singapore, Malaysia) or whose tourists they
// serve. Not ¥: the yen's sign too. 澳元 is Australia's; Macau's is 澳门元.
const CURRENCY_NAMES: ReadonlyMap<string, string> = new Map([
  ...['rmb', '人民币', '人民币元', '元'].map((name) => [name, 'CNY'] as const),
  ...['美元', '美金', '美圆'].map((name) => [name, 'USD'] as const),
  ...['港币', '港元', '港纸'].map((name) => [name, 'HKD'] as const),
  ...['澳门元', '澳门币', '澳门幣', '葡币'].map((name) => [name, 'MOP'] as const),
  ...['新台币', '台币', '新臺幣', '臺幣'].map((name) => [name, 'TWD'] as const),
  ...['新加坡元', '新币', '新加坡币'].map((name) => [name, 'SGD'] as const),
  ...['马币', '令吉', '马来西亚令吉'].map((name) => [name, 'MYR'] as const),
  ...['欧元'].map((name) => [name, 'EUR'] as const),
  ...['日元', '日圆'].map((name) => [name, 'JPY'] as const),
  ...['英镑'].map((name) => [name, 'GBP'] as const),
  ...['韩元'].map((name) => [name, 'KRW'] as const),
  ...['泰铢'].map((name) => [name, 'THB'] as const),
  ...['澳元', '澳币'].map((name) => [name, 'AUD'] as const),
  ...['加元', '加币'].map((name) => [name, 'CAD'] as const),
]);

// What a setting counts typed with its unit, or a larger one: 48小时, 48 hours, 两天; 三天, 3 days, 一周.
const HOURS: CountedUnit = { word: /\s*(?:个?小时|个?钟头|h|hours?)$/i, times: 1 };
const DAYS: CountedUnit = { word: /\s*(?:天|日|d|days?)$/i, times: 1 };
const WEEKS: CountedUnit = { word: /\s*(?:个?(?:星期|礼拜)|周|w|weeks?)$/i, times: 7 };
const HOURS_AS: readonly CountedUnit[] = [HOURS, { ...DAYS, times: 24 }, { ...WEEKS, times: 24 * 7 }];
const DAYS_AS: readonly CountedUnit[] = [DAYS, WEEKS];

// What `config` shows for no approval needed (无需审批（none）), and what a Chinese owner types for it.
const NO_LIMIT: ReadonlySet<string> = new Set(['none', '无', '不用', '无需审批', '不需要']);

/** A currency's ISO 4217 code as typed (`eur`, `CNY`, `人民币`, `港币`), or '' for none. */
function currencyCode(text: string, flag: string): string {
  const typed = text.trim();
  const named = CURRENCY_NAMES.get(typed.toLowerCase());
  if (named !== undefined) return named;
  const code = typed.toUpperCase();
  // A code the world uses (ISO 4217, as this Node knows it): XYZ would print beside every amount.
  if (code !== '' && !Intl.supportedValuesOf('currency').includes(code)) throw new UsageError(t('config.notCurrency', { flag, text }));
  return code;
}

function distinctItems(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items
    .map(spellingKey)
    .filter((c) => c !== '' && !seen.has(c) && seen.add(c));
}

/** The settings a logbook made now, by someone speaking `language`, starts with. */
export function newLogbookSettings(language: Language): Settings {
  return readSettings(new Map(Object.entries(firstSettings(language))));
}

/** Settings from their stored strings, defaults filling what was never set. */
export function readSettings(stored: ReadonlyMap<string, string>): Settings {
  const text = (key: SettingKey) => stored.get(key);
  return {
    shop: text('shop') ?? DEFAULT_SETTINGS.shop,
    currency: text('currency') ?? DEFAULT_SETTINGS.currency,
    'response-hours': Number(text('response-hours') ?? DEFAULT_SETTINGS['response-hours']),
    'follow-up-days': Number(text('follow-up-days') ?? DEFAULT_SETTINGS['follow-up-days']),
    'week-start': (text('week-start') as WeekStart | undefined) ?? DEFAULT_SETTINGS['week-start'],
    categories: text('categories')?.split(',') ?? [...DEFAULT_SETTINGS.categories],
    channels: text('channels')?.split(',') ?? [...DEFAULT_SETTINGS.channels],
    'approval-above': text('approval-above') ? Number(text('approval-above')) : DEFAULT_SETTINGS['approval-above'],
  };
}

/** The settings as `config --json` prints them: an amount in currency units, as every amount in JSON is. */
export function settingsJson(settings: Settings): Record<SettingKey, unknown> {
  const approvalAbove = settings['approval-above'];
  return { ...settings, 'approval-above': approvalAbove === null ? null : toUnits(approvalAbove) };
}

/** A setting as shown to the user. */
export function showSetting(settings: Settings, key: SettingKey): string {
  const value = settings[key];
  // In the shop's currency, as every amount a person reads: ¥200.00.
  if (key === 'approval-above') return value === null ? t('config.approvalNone') : amountShown(value as number, settings.currency);
  if (key === 'week-start') {
    // Kept and typed in English (`config set week-start monday`), read in the language spoken.
    const label = weekStartShown(value as WeekStart);
    return label === value ? label : t('config.valueAndLabel', { value: value as WeekStart, label });
  }
  return Array.isArray(value) ? value.join(',') : String(value);
}
