import type { StoredSpan } from './logbook.js';

// What each UTC day's complaints add up to is kept as they are written (migrations/sqlite/0006,
// migrations/postgres/0001), so that a report reads days rather than complaints. Both engines
// keep the same figures under the same names.

/** The figures kept for each day. */
export const DAILY_FIGURES = [
  'logged', 'resolved', 'rejected', 'answered', 'answered_in_time', 'followed_up', 'rated', 'satisfaction', 'cost_minor',
] as const;

/** Each figure summed over the rows read, zero when there are none. */
export const SUMS = DAILY_FIGURES.map((figure) => `COALESCE(SUM(${figure}), 0) AS ${figure}`).join(', ');
export const LISTED_FIGURES = DAILY_FIGURES.join(', ');

// What each complaint adds to the day it happened on (the view complaint_figures), and each
// remedy's cost to the day it was given (remedy_figures), added up by day.
const COUNTED_BY_DAY = `SELECT day, ${DAILY_FIGURES.map((figure) => `SUM(${figure})`).join(', ')}
  FROM (SELECT * FROM complaint_figures UNION ALL SELECT * FROM remedy_figures) AS figures GROUP BY day`;

/**
 * Counts every day's figures again from its complaints, as the triggers keep them: for an import
 * that set the triggers aside, or a logbook whose figures were tampered with.
 */
export const RECOUNT = `DELETE FROM daily_figures; INSERT INTO daily_figures (day, ${LISTED_FIGURES}) ${COUNTED_BY_DAY}`;

const KEPT = `SELECT day, ${LISTED_FIGURES} FROM daily_figures WHERE ${DAILY_FIGURES.map((figure) => `${figure} <> 0`).join(' OR ')}`;

/**
 * The days whose kept figures are not what their complaints add up to, in order. A day whose
 * complaints have all gone (deleted, or moved to another day) keeps a row of zeros.
 */
export const MISCOUNTED_DAYS = `SELECT day FROM (${KEPT} EXCEPT ${COUNTED_BY_DAY}) AS kept_only
  UNION
  SELECT day FROM (${COUNTED_BY_DAY} EXCEPT ${KEPT}) AS counted_only
  ORDER BY day`;

/**
 * `span` cut where the kept days can stand for its complaints: the UTC days [wholeFrom,
 * wholeUntil) that lie wholly inside it (none when equal), and the stored times before and after
 * them, [since, headUntil) and [tailFrom, until), whose complaints are read one by one. Days
 * compare with stored times as their prefixes do, so the three hold each complaint once.
 */
export function byDays(span: StoredSpan): { wholeFrom: string; wholeUntil: string; headUntil: string; tailFrom: string } {
  const firstDay = span.since.slice(0, 10);
  const wholeFrom = span.since === `${firstDay}T00:00:00.000Z` ? firstDay : dayAfter(firstDay);
  const wholeUntil = span.until.slice(0, 10) > wholeFrom ? span.until.slice(0, 10) : wholeFrom;
  return {
    wholeFrom,
    wholeUntil,
    headUntil: span.until < wholeFrom ? span.until : wholeFrom,
    tailFrom: span.since > wholeUntil ? span.since : wholeUntil,
  };
}

/**
 * byDays for a read kept to some tills or branches (`wholeLogbook` false): the kept days count the
 * whole logbook, so none stands for the span and all its complaints are read one by one.
 */
export function byDaysOf(span: StoredSpan, wholeLogbook: boolean): ReturnType<typeof byDays> {
  return wholeLogbook ? byDays(span) : { wholeFrom: '', wholeUntil: '', headUntil: span.until, tailFrom: span.until };
}

function dayAfter(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString().slice(0, 10);
}
