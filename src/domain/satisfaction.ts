import { UsageError } from '../errors.js';
import { t } from '../language/messages.js';
import { countIn, halfWidth } from './validate.js';

// A rating as a Chinese-speaking customer gives one: in stars or points (5星, 五颗星, 4分), or in
// the words of the five-point scales surveys in Chinese use (非常满意 … 非常不满意, and
// 很满意 / 比较满意 / 一般 / 不太满意 / 很不满意), with the other words for "very" said at a till;
// and as an online shop's customer rates one (五星好评, 差评).
const IN_STARS_OR_POINTS = /^(.+?)\s*(?:颗星|星|分)(?:好评)?$/;
// And out of five, as show prints a rating (4/5).
const OUT_OF_FIVE = /^(.+?)\s*\/\s*5$/;
const VERY = ['非常', '很', '十分', '特别'];
const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ...VERY.map((very) => [`${very}满意`, 5] as const),
  ['满意', 4], ['比较满意', 4], ['基本满意', 4], ['挺满意', 4], ['蛮满意', 4], ['还算满意', 4],
  ['一般', 3], ['还行', 3], ['还可以', 3],
  ['不满意', 2], ['不太满意', 2], ['比较不满意', 2],
  ...VERY.map((very) => [`${very}不满意`, 1] as const),
  ['好评', 5], ['中评', 3], ['差评', 1],
]);

/** How satisfied the customer was, 1 to 5: 4, 四, 4星, 4分, 4/5 or 满意. */
export function parseSatisfaction(text: string, flag: string): number {
  const plain = halfWidth(text).trim();
  const number = (IN_STARS_OR_POINTS.exec(plain) ?? OUT_OF_FIVE.exec(plain))?.[1] ?? plain;
  const rating = SCALE_WORDS.get(plain) ?? countIn(number);
  if (rating === undefined || rating < 1 || rating > 5) throw new UsageError(t('satisfaction.notARating', { flag, text }));
  return rating;
}

// The scores of earlier follow-ups are kept, and exported, as one text: "2; 1", oldest first.
const SCORES_APART = '; ';

/** The scores of earlier follow-ups as kept ("2; 1"), oldest first. */
export function scoresKept(kept: string | null): number[] {
  return kept === null ? [] : kept.split(SCORES_APART).map(Number);
}

/** The scores kept with `score` after them. */
export function withScoreKept(kept: string | null, score: number): string {
  return kept === null ? String(score) : `${kept}${SCORES_APART}${score}`;
}

/**
 * Earlier scores read from a file: as export writes them ("2; 1"), or apart by commas, 、 or
 * spaces as a person types a list, each read as parseSatisfaction reads one; null for none.
 */
export function parseScores(text: string, column: string): string | null {
  const scores = halfWidth(text).split(/[;,、\s]+/).filter((score) => score !== '');
  return scores.length === 0 ? null : scores.map((score) => parseSatisfaction(score, column)).join(SCORES_APART);
}
