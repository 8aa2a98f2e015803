import { UsageError } from '../errors.js';
import { t } from '../language/messages.js';
import { INVISIBLE, causeTyped, spellingKey } from './spelling.js';

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const REMEDIES = [
  'refund',
  'replacement',
  'repair',
  'discount',
  'compensation',
  'apology',
  'explanation',
  'none',
] as const;
/** What the customer asks for is one of the remedies the shop can give. */
export const WANTS = REMEDIES;

/** One of `allowed`, matched as spellingKey matches (without case, stray spaces or full-width forms); the error lists the choices. */
export function oneOf<T extends string>(
  text: string,
  allowed: readonly T[],
  flag: string,
  /** What else a person may type for a value (its label in the language spoken). */
  namesOf?: (value: T) => readonly string[],
): T {
  const found = choiceFor(text, allowed, namesOf);
  if (found === undefined) throw new UsageError(t('validate.notOneOf', { flag, text, choices: choicesListed(allowed, namesOf) }));
  return found;
}

/** The values a flag takes, as its help and its refusals list them: each with its label where the language spoken reads it otherwise. */
export function choicesListed<T extends string>(allowed: readonly T[], namesOf?: (value: T) => readonly string[]): string {
  return allowed.map((choice) => choiceAsListed(choice, namesOf?.(choice)[0])).join(t('common.listSeparator'));
}

/** The value of `allowed` that `text` spells (as oneOf reads it), or undefined for none. */
export function choiceFor<T extends string>(text: string, allowed: readonly T[], namesOf?: (value: T) => readonly string[]): T | undefined {
  // Most values come exactly as allowed: an import checks five a row, and tidying them was a
  // tenth of its time reading a file.
  if ((allowed as readonly string[]).includes(text)) return text as T;
  const wanted = spellingKey(text);
  return (
    allowed.find((choice) => spellingKey(choice) === wanted) ??
    (namesOf && allowed.find((choice) => namesOf(choice).some((name) => spellingKey(name) === wanted)))
  );
}

/**
 * The shop's channel `typed` spells, as oneOf reads it; a channel the shop lists as two it counts
 * as one (美团/大众点评) is found by either name too. Undefined for none, or for more than one.
 */
export function channelFor(typed: string, channels: readonly string[]): string | undefined {
  const found = choiceFor(typed, channels);
  if (found !== undefined) return found;
  // One name of two channels (美团 of 美团/饿了么 and 美团/大众点评) is neither: refused, both listed.
  const byName = channels.filter((channel) => choiceFor(typed, [channel], (listed) => listed.split('/')) !== undefined);
  return byName.length === 1 ? byName[0] : undefined;
}

/** A value as a refusal lists it: with its label when the language spoken reads it otherwise (`高（high）`). */
function choiceAsListed(choice: string, label: string | undefined): string {
  return label === undefined || spellingKey(label) === spellingKey(choice) ? choice : t('validate.choiceLabelled', { choice, label });
}

/**
 * Text as typed with the full-width digits and signs of Chinese and Japanese input methods made
 * plain ("１２．５０" is "12.50", "＃１２" is "#12"), for reading numbers, amounts and dates.
 */
export function halfWidth(text: string): string {
  return text.normalize('NFKC').trim();
}

export const CHINESE_DIGITS = '零一二三四五六七八九';

/** A whole number from 1 to 99 in Chinese numerals, as a pattern: what countIn reads besides figures (三, 两, 十二). */
export const CHINESE_COUNT = '[一二两三四五六七八九十]{1,3}';

/** 12 from '12' or 十二, 2 from 两, 30 from 三十; undefined for what is not a number so written (二二, 十十). */
export function countIn(written: string): number | undefined {
  if (/^\d+$/.test(written)) return Number(written);
  const [, tens, ones = ''] = /^(?:([一二两三四五六七八九]?)十)?([零一二两三四五六七八九]?)$/.exec(written) ?? [undefined, undefined, ''];
  const digit = (numeral: string) => CHINESE_DIGITS.indexOf(numeral.replace('两', '二'));
  if (tens === undefined) return ones === '' ? undefined : digit(ones);
  return (tens === '' ? 1 : digit(tens)) * 10 + (ones === '' ? 0 : digit(ones));
}

/** A count in figures or in Chinese numerals of any size (三, 十二, 一百, 一百五 as said: 150); undefined for neither. */
export function largeCountIn(written: string): number | undefined {
  return /^\d+$/.test(written) ? Number(written) : numberInChinese(written);
}

// The numerals of cheques and receipts (壹佰伍拾), written against alteration, are the same numbers.
const FORMAL_NUMERALS: Readonly<Record<string, string>> = {
  〇: '零', 壹: '一', 贰: '二', 貳: '二', 叁: '三', 參: '三', 肆: '四', 伍: '五', 陆: '六', 陸: '六', 柒: '七', 捌: '八', 玖: '九',
  拾: '十', 佰: '百', 仟: '千', 萬: '万',
};
const PLACES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** A whole number below 100,000,000 in Chinese numerals, as a pattern: what numberInChinese reads. */
export const CHINESE_NUMBER = '[零〇一二两三四五六七八九十百千万壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬]{1,17}';

/**
 * A whole number written in Chinese numerals as it is written (一百零五, 两千三百, 壹佰伍拾) or
 * said at a till, where a last digit stands for the place below the one before it (一百五 is
 * 150, 两千三 is 2,300, 一万五 is 15,000); undefined for what is not a number so written (五五,
 * 百千, 十万万).
 */
export function numberInChinese(written: string): number | undefined {
  const plain = [...written].map((numeral) => FORMAL_NUMERALS[numeral] ?? numeral).join('');
  const [high = '', low, ...more] = plain.split('万');
  if (more.length > 0) return undefined;
  if (low === undefined) return belowTenThousand(high, false);
  const tenThousands = belowTenThousand(high, false);
  if (tenThousands === undefined) return undefined;
  if (low === '') return tenThousands * 10_000;
  const rest = belowTenThousand(low, true);
  return rest === undefined ? undefined : tenThousands * 10_000 + rest;
}

/** A number below 10,000 in numerals; `afterTenThousands` when it follows a 万, so that a lone 五 there is 5,000. */
function belowTenThousand(section: string, afterTenThousands: boolean): number | undefined {
  let total = 0;
  let digit: number | undefined;
  let lastPlace = 10_000;
  let placed = afterTenThousands;
  let afterZero = false;
  for (const numeral of section) {
    const place = PLACES[numeral];
    if (place !== undefined) {
      // 十 alone begins a number (十五) or follows a zero (一千零十); every other place has its digit.
      if (place >= lastPlace || (digit === undefined && !(place === 10 && (total === 0 || afterZero)))) return undefined;
      // A zero stands for a place left out: 一百零五十 leaves none out between 百 and 十.
      if (afterZero && placed && place * 10 >= lastPlace) return undefined;
      total += (digit ?? 1) * place;
      [digit, lastPlace, placed, afterZero] = [undefined, place, true, false];
    } else if (numeral === '零') {
      if (digit !== undefined) return undefined;
      afterZero = true;
    } else {
      const value = CHINESE_DIGITS.indexOf(numeral.replace('两', '二'));
      if (value < 0 || digit !== undefined) return undefined;
      digit = value;
    }
  }
  // A zero ends no number but zero itself (一百零 is unfinished).
  if (digit === undefined) return afterZero ? (placed ? undefined : 0) : section === '' ? undefined : total;
  // A last digit after a place, with no zero between, is said for the place below: 一百五 is 150.
  return total + (placed && !afterZero ? (digit * lastPlace) / 10 : digit);
}

/** What separates the items of a list as typed (typedList): no item of a list can hold one. */
export const LIST_SEPARATOR = /[,，、]/;

/**
 * The items of a list as typed: separated by commas, the full-width comma of a Chinese input
 * method (，) too, or by the enumeration comma (、) a Chinese list is written with.
 */
export function typedList(text: string): string[] {
  return text.split(LIST_SEPARATOR);
}

/** A complaint id as shown (`#12`) or typed (`12`). */
export function parseId(text: string): number {
  // As pasted from a chat, with a space or a character that shows as nothing beside it.
  const match = /^#?(\d{1,15})$/.exec(halfWidth(text).replace(INVISIBLE, '').trim());
  const id = match ? Number(match[1]) : 0;
  if (id < 1) throw new UsageError(t('validate.notAnId', { text }));
  return id;
}

/** Text that must say something: trimmed, and refused when empty; `what` names it (a flag, or words in the language spoken). */
export function requiredText(text: string, what: string): string {
  const trimmed = trimmedLines(text);
  // A flag or a setting (config branch) is set apart from Chinese words that follow it, as words in the language spoken are not.
  if (showsNothing(trimmed)) throw new UsageError(t(/^[\x21-\x7e]/.test(what) ? 'validate.emptyFlag' : 'validate.empty', { what }));
  return trimmed;
}

/**
 * A name as typed (a person's, a till's, a branch's, a channel's): trimmed, and refused when
 * empty, not one line or longer than a name is (nameChecked), as it heads reports, lists and exports.
 */
export function oneLineName(text: string, what: string): string {
  return nameChecked(requiredText(text, what), what);
}

/** The same of a name that may be left out, or of a contact: null for none. */
export function optionalName(text: string | undefined, what: string): string | null {
  const name = optionalText(text);
  return name === null ? null : nameChecked(name, what);
}

/**
 * The most characters a name (or a cause) may have. A name stands in a column of lists and
 * tables, a cause in a row of the Pareto table: past this it is a description pasted in the wrong
 * place, not a name, and would push every other column aside.
 */
export const NAME_MOST = 100;

/** `name` when it is one line, without tabs or other control characters, of at most NAME_MOST characters; else refused, naming `what`. */
export function nameChecked(name: string, what: string): string {
  // A line or paragraph separator breaks a line of a table as a line break does.
  if (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(name)) throw new UsageError(t('config.nameOneLine', { what }));
  const count = [...name].length;
  if (count > NAME_MOST) throw new UsageError(t('validate.nameTooLong', { what, count, most: NAME_MOST }));
  return name;
}

/** A cause given to a command (`what` names where): as typed (causeTyped), refused when empty or longer than a name is. */
export function causeGiven(typed: string, what: string): string {
  return nameChecked(requiredText(causeTyped(typed), what), what);
}

/** Optional free text: trimmed, with an empty answer meaning "not given". */
export function optionalText(text: string | undefined): string | null {
  const trimmed = trimmedLines(text ?? '');
  return showsNothing(trimmed) ? null : trimmed;
}

// Text pasted from Windows ends its lines in CR LF, and old Macs in CR: each is kept as a line
// break, as a CR alone would show raw (\x0d) wherever the text is printed.
function trimmedLines(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

// Nothing but invisible characters (a zero-width space, a direction mark, a joiner) and marks
// with no letter to sit on: text that would show as blank in every list.
const INVISIBLE_ONLY = /^[\s\p{Cf}\p{M}]*$/u;

export function showsNothing(text: string): boolean {
  return INVISIBLE_ONLY.test(text);
}

/** A unit a number may be typed with, and how many of the number's own it makes: 两天 as hours is 48. */
export interface CountedUnit {
  readonly word: RegExp;
  readonly times: number;
}

// A count in figures or Chinese numerals (countIn); NaN, which no range holds, for neither.
function whole(plain: string): number {
  return countIn(plain) ?? NaN;
}

/** A count before its unit, perhaps with a half: 1.5, 一个半, 半; or 一 before 天半 (`halfAfterUnit`). */
function countWithHalf(plain: string, halfAfterUnit: boolean): number | undefined {
  if (halfAfterUnit) return whole(plain) + 0.5;
  if (plain === '半') return 0.5;
  const halfMore = /^(.+?)个?半$/u.exec(plain);
  if (halfMore !== null) return whole(halfMore[1]!) + 0.5;
  return /^\d+(?:\.\d+)?$/.test(plain) ? Number(plain) : whole(plain);
}

/** A whole number in [min, max], typed alone or with one of `units` after it. */
export function wholeNumber(text: string, min: number, max: number, flag: string, units: readonly CountedUnit[] = []): number {
  const typed = halfWidth(text);
  // A number may come with the unit it counts, as it is said: 48小时, 三天, 两天 for hours; and
  // with a half, which a larger unit makes whole: 一天半, 半天, 1.5 days in hours.
  const halfAfterUnit = /\S半$/u.test(typed);
  const withoutHalf = halfAfterUnit ? typed.slice(0, -1) : typed;
  const unit = units.find(({ word }) => word.test(withoutHalf));
  // In figures or, as it is said, in Chinese numerals: --satisfaction 五.
  const value = unit === undefined ? whole(typed) : (countWithHalf(withoutHalf.replace(unit.word, ''), halfAfterUnit) ?? NaN) * unit.times;
  if (!(Number.isInteger(value) && value >= min && value <= max)) {
    throw new UsageError(t('validate.notWholeNumber', { flag, text, min: String(min), max: String(max) }));
  }
  return value;
}
