// Whether a corrective action worked: the Check of Plan–Do–Check–Act. The complaints of the
// action's cause are counted week by week before and after the action was recorded, and the two
// counts compared with a test that says "no change" unless a difference so large would come by
// chance less than one time in twenty.

export const VERDICTS = ['fewer', 'no change', 'more', 'too early'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** How many weeks before and after an action are compared, unless --weeks says. */
export const DEFAULT_WEEKS = 4;
/** The most weeks --weeks takes: half a year on either side. */
export const MOST_WEEKS = 26;
/** A difference is called fewer or more when chance alone would make one as large less often than this. */
export const SIGNIFICANCE = 0.05;

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** A week of the comparison: from `since` (inclusive) to `until` (exclusive), ISO 8601 UTC. */
export interface ComparedWeek {
  since: string;
  until: string;
}

export interface ActionWeeks {
  /** The `weeks` weeks before the action, oldest first; those begun before the logbook's first complaint left out. */
  before: ComparedWeek[];
  /** The whole weeks after it so far, at most `weeks`. */
  after: ComparedWeek[];
}

/**
 * The weeks an action recorded at `recordedAt` is judged by, as it stands at `now`: seven days at
 * a time back and forward from the moment it was recorded. A week begun before the logbook's
 * first complaint (`firstComplaintAt`) is left out: the shop was not counting for all or part of
 * it, and its short count would pass for a drop (a busy shop's first hours counted as a week of
 * none made a steady rate "more").
 */
export function actionWeeks(recordedAt: Date, weeks: number, now: Date, firstComplaintAt: Date): ActionWeeks {
  const at = recordedAt.getTime();
  const week = (start: number): ComparedWeek => ({ since: new Date(start).toISOString(), until: new Date(start + WEEK_MS).toISOString() });
  const before: ComparedWeek[] = [];
  for (let back = weeks; back >= 1; back--) {
    const start = at - back * WEEK_MS;
    if (start >= firstComplaintAt.getTime()) before.push(week(start));
  }
  const whole = Math.max(0, Math.min(weeks, Math.floor((now.getTime() - at) / WEEK_MS)));
  const after = Array.from({ length: whole }, (_, index) => week(at + index * WEEK_MS));
  return { before, after };
}

/** A corrective action with its cause's weekly counts before and after it, and the verdict on them. */
export interface JudgedAction extends Judged {
  id: number;
  recordedAt: string;
  cause: string;
  action: string;
  /** One count a week, oldest first; null for a week begun before the logbook's first complaint. */
  before: Array<number | null>;
  /** One count a week since the action, as many whole weeks as have passed, up to the weeks compared. */
  after: number[];
}

/** The moment an action must have been recorded by to be judged at `now`: `weeks` whole weeks before it. */
export function judgeableBefore(now: Date, weeks: number): Date {
  return new Date(now.getTime() - weeks * WEEK_MS);
}

export interface Judged {
  verdict: Verdict;
  /**
   * The chance of a difference at least as large between the weekly rates were the cause as
   * frequent after the action as before (two-sided); null when too early, or when nothing was
   * counted on either side.
   */
  p: number | null;
}

/**
 * The verdict on an action from its cause's weekly counts before and after it, `weeks` weeks on
 * either side. Too early until `weeks` whole weeks have passed since it (or when no week before
 * it was counted). Otherwise the after count is compared with what the before rate predicts: given
 * the total, the after count of a cause as frequent as before is binomial with the after weeks'
 * share of all the weeks counted (the exact conditional test of two Poisson rates). Fewer or more
 * only when the two-sided chance is below SIGNIFICANCE; a drop of three complaints to one is
 * "no change", as chance makes such drops often.
 */
export function judgeAction(before: readonly number[], after: readonly number[], weeks: number): Judged {
  if (after.length < weeks || before.length === 0) return { verdict: 'too early', p: null };
  const countedBefore = sum(before);
  const countedAfter = sum(after);
  const total = countedBefore + countedAfter;
  if (total === 0) return { verdict: 'no change', p: null };
  const p = twoSidedBinomialP(countedAfter, total, after.length / (before.length + after.length));
  if (p >= SIGNIFICANCE) return { verdict: 'no change', p };
  return { verdict: countedAfter / after.length < countedBefore / before.length ? 'fewer' : 'more', p };
}

/**
 * The two-sided p-value of `k` successes in `n` trials of chance `share`: the probability of every
 * outcome no more likely than `k` (the usual exact binomial test), in logarithms so that hundreds
 * of complaints neither underflow nor lose precision.
 *
 * The chances rise to the mode and fall after it, so those outcomes are two tails: one ending at
 * or below the mode, one starting above it. Each is found by halving and summed outward from its
 * inner end, until what is left of it could not change the sum. A report judges dozens of actions
 * over thousands of complaints; summing every outcome took ~10 ms of the one-week report.
 */
export function twoSidedBinomialP(k: number, n: number, share: number): number {
  if (share <= 0) return k === 0 ? 1 : 0;
  if (share >= 1) return k === n ? 1 : 0;
  const logShare = Math.log(share);
  const logRest = Math.log1p(-share);
  const logChance = (x: number) => logChoose(n, x) + x * logShare + (n - x) * logRest;
  // Outcomes as likely as the observed one, to a relative 1e-7, count with it (as R's binom.test does).
  const limit = logChance(k) + Math.log1p(1e-7);
  const counted = (x: number) => logChance(x) <= limit;
  const mode = Math.max(0, Math.min(n, Math.floor((n + 1) * share)));
  const lowerEnd = firstWhere(0, mode + 1, (x) => !counted(x)) - 1;
  const upperStart = firstWhere(mode + 1, n + 1, counted);
  const p = tailSum(lowerEnd, -1, 0, logChance) + tailSum(upperStart, 1, n, logChance);
  return Math.min(1, p);
}

/** The first x in [from, to) for which `holds` is true, `holds` being false and then true along it; `to` if it never holds. */
function firstWhere(from: number, to: number, holds: (x: number) => boolean): number {
  let [low, high] = [from, to];
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (holds(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The chances from `start` stepping by `step` to `end`, each no larger than the one before. It stops
 * once the rest of the tail, every outcome at most the last chance, is below 1e-17 of the sum.
 */
function tailSum(start: number, step: 1 | -1, end: number, logChance: (x: number) => number): number {
  let sum = 0;
  for (let x = start; step * (end - x) >= 0; x += step) {
    const chance = Math.exp(logChance(x));
    sum += chance;
    if (chance === 0 || chance * Math.abs(end - x) < sum * 1e-17) break;
  }
  return sum;
}

/** log(n choose k), from sums of logarithms cached as they are first needed. */
function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

const logFactorials: number[] = [0];
function logFactorial(n: number): number {
  for (let x = logFactorials.length; x <= n; x++) logFactorials.push(logFactorials[x - 1]! + Math.log(x));
  return logFactorials[n]!;
}

function sum(counts: readonly number[]): number {
  return counts.reduce((total, count) => total + count, 0);
}
