import { UsageError } from '../errors.js';
import { t } from '../language/messages.js';
import { CHINESE_DIGITS, CHINESE_NUMBER, countIn, halfWidth, numberInChinese } from './validate.js';

// Amounts above this lose cents in a double once converted back to currency units for JSON.
const MAX_MINOR = 1e13;

// How a Chinese shop writes an amount of yuan: ¥12.50 (￥ from an input method is the same sign
// made plain), or 12.50元 (12.50块, 12块钱 as it is said). Any other sign is refused rather than
// taken for the shop's currency. The whole units may be grouped in thousands, as amounts are
// shown (1,280.50). A comma before one or two digits is a decimal comma (12,50); no amount has
// three decimals, so the two cannot be confused, and after grouping commas only a point is taken
// for the decimals. The input method's comma only groups (FULL_WIDTH_DECIMAL_COMMA).
const AMOUNT = /^¥?\s*(\d+|\d{1,3}(?:,\d{3})+)(?:([.,])(\d{1,2}))?\s*(?:[元块][钱整]?)?$/;
// An amount as it is said at a Chinese till, in yuan, jiao and fen: 20块5 (20.50), 20块5毛5,
// 20元5角3分, 5毛钱 (0.50), 8毛5 (0.85), 一百元整; the yuan in numerals too, alone or with
// the rest (一百五, 二十块, 两块五, 五毛, 壹佰元整).
const YUAN = `\\d+|${CHINESE_NUMBER}`;
const DIGIT = '[\\d零一二两三四五六七八九]';
const SPOKEN_AMOUNT = new RegExp(
  `^(?:(?<yuan>${YUAN})\\s*[元块]\\s*(?:(?<jiao>${DIGIT})\\s*(?<mao>[角毛])?\\s*(?:(?<fen>${DIGIT})\\s*(?<fenWord>分)?)?)?` +
    `|(?<jiaoAlone>${DIGIT})\\s*[角毛]\\s*(?:(?<fenAlone>${DIGIT})\\s*分?)?` +
    `|(?<yuanAlone>${CHINESE_NUMBER}))\\s*[钱整]?$`,
);

// Figures before a Chinese place, as a till writes a larger amount: 1.5万 (15,000), 2千, 3.5千元.
const FIGURES_AND_PLACE = /^(\d+)(?:\.(\d+))?\s*([百千万])\s*(?:[元块][钱整]?)?$/;
const PLACE_DIGITS: Readonly<Record<string, number>> = { 百: 2, 千: 3, 万: 4 };
// The yuan's sign or letters before any form of the amount (¥1.5万, RMB 一百五), the letters after
// it (100rmb): taken off before the amount is read.
const YUAN_MARKS = /^(?:¥|rmb|cny)\s*(?=[\d零一二两三四五六七八九十壹贰貳叁參肆伍陆陸柒捌玖拾])|(?<=\S)\s*(?:rmb|cny)$/gi;
// Figures of one or two digits mixed with Chinese places, as a till writes them: 1万5 (15,000),
// 2千5, 1万5千, 一万5, 15万5; read as the numerals they stand for.
const MIXED_FIGURES = /^(?=.*\d)(?=.*[万千百])[\d零一二两三四五六七八九十百千万]+(?:[元块][钱整]?)?$/;

// The comma of a Chinese input method (，) before one or two digits: a Chinese shop writes no
// decimal comma, so 12，50 is a slip for 12.50 or for 1250, and is refused rather than guessed.
const FULL_WIDTH_DECIMAL_COMMA = /，[\d０-９]{1,2}(?![\d０-９])/;

/** Reads an amount typed as `12.50`, `12.5`, `12`, `1,280.50`, `¥12.50`, `12.50元`, `RMB 12.50`, `12块5` or `1.5万` into integer minor units (1250). */
export function parseMoney(text: string, flag: string): number {
  const plain = halfWidth(text).replace(YUAN_MARKS, '');
  const minor = FULL_WIDTH_DECIMAL_COMMA.test(text) ? undefined : (writtenAmount(plain) ?? figuresAndPlace(plain) ?? spokenAmount(inNumerals(plain)));
  if (minor === undefined) throw new UsageError(t('money.notAnAmount', { flag, text }));
  if (minor > MAX_MINOR) throw new UsageError(t('money.tooLarge', { flag, text }));
  return minor;
}

function writtenAmount(text: string): number | undefined {
  const match = AMOUNT.exec(text);
  if (match === null) return undefined;
  const [, units = '', separator, decimals = ''] = match;
  if (units.includes(',') && separator === ',') return undefined;
  return Number(units.replaceAll(',', '')) * 100 + Number(decimals.padEnd(2, '0'));
}

/** An amount written as FIGURES_AND_PLACE reads it, in minor units; undefined when it is not, or names a part of a fen (1.23456万). */
function figuresAndPlace(text: string): number | undefined {
  const match = FIGURES_AND_PLACE.exec(text);
  if (match === null) return undefined;
  const [, whole = '', fraction = '', place = ''] = match;
  // The place's zeros and the fen's two: the figures shifted, in minor units.
  const shift = PLACE_DIGITS[place]! + 2;
  return fraction.length > shift ? undefined : Number(whole + fraction.padEnd(shift, '0'));
}

/** `text` with each run of one or two figures among Chinese places as numerals (MIXED_FIGURES); any other text as it is. */
function inNumerals(text: string): string {
  if (!MIXED_FIGURES.test(text)) return text;
  return text.replace(/\d+/g, (figures) => {
    const value = Number(figures);
    if (value < 10) return CHINESE_DIGITS[value]!;
    // Three figures or more have no numerals here: left as they are, the amount is not read.
    return value < 100 ? `${value >= 20 ? CHINESE_DIGITS[Math.floor(value / 10)] : ''}十${value % 10 === 0 ? '' : CHINESE_DIGITS[value % 10]}` : figures;
  });
}

function spokenAmount(text: string): number | undefined {
  const found = SPOKEN_AMOUNT.exec(text)?.groups;
  if (found === undefined) return undefined;
  // 20块55 says neither which is the jiao nor where the fen are: 20块5毛5 and 20块5角5分 do.
  if (found.fen !== undefined && found.mao === undefined && found.fenWord === undefined) return undefined;
  const yuanSaid = found.yuan ?? found.yuanAlone ?? '0';
  const yuan = /^\d+$/.test(yuanSaid) ? Number(yuanSaid) : numberInChinese(yuanSaid);
  const [jiao, fen] = [found.jiao ?? found.jiaoAlone ?? '0', found.fen ?? found.fenAlone ?? '0'].map(countIn);
  if (yuan === undefined || jiao === undefined || fen === undefined) return undefined;
  return yuan * 100 + jiao * 10 + fen;
}

/** Minor units as a decimal string with two places: 1250 → "12.50". */
export function formatMoney(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

// The currencies a shop writes with a sign of their own rather than the code; the yuan is the
// one the tool's Chinese shops keep.
const CURRENCY_SIGNS: Readonly<Record<string, string>> = { CNY: '¥' };

/**
 * An amount as the shop reads it, in its currency: ¥1,280.50 for yuan, EUR 1,280.50 for a
 * currency without a sign here, 1,280.50 for none. Files and JSON keep the plain number (formatMoney).
 */
export function amountShown(minor: number, currency: string): string {
  // Grouped in thousands, as both languages' shops write amounts: ¥51,971.17 is not misread as ten times less.
  const grouped = formatMoney(minor).replace(/\d(?=(\d{3})+\.)/g, '$&,');
  const sign = CURRENCY_SIGNS[currency];
  if (sign !== undefined) return `${sign}${grouped}`;
  return `${currency ? `${currency} ` : ''}${grouped}`;
}

/** Minor units as a number of currency units, for JSON: 1250 → 12.5. */
export function toUnits(minor: number): number {
  return Number(formatMoney(minor));
}
