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
const COUNTED_BY_DAY = `SELECT day, ${DAILY_FIGURES.map((figure) => `SUM(${figure}) AS ${figure}`).join(', ')}
  FROM (SELECT * FROM complaint_figures UNION ALL SELECT * FROM remedy_figures) AS figures GROUP BY day`;

/** Counts every day's figures again from the complaints (RECOUNT does the months too). */
export const RECOUNT_DAYS = `DELETE FROM daily_figures; INSERT INTO daily_figures (day, ${LISTED_FIGURES}) ${COUNTED_BY_DAY}`;

// A day of zeros counts as no day, kept or counted: a day whose complaints have all gone
// (deleted, or moved to another day) keeps a row of zeros, and one whose only complaint was
// withdrawn (an undone log) adds up to one.
const daysNotAllZero = (days: string) => `SELECT day, ${LISTED_FIGURES} FROM ${days} WHERE ${DAILY_FIGURES.map((figure) => `${figure} <> 0`).join(' OR ')}`;
const KEPT = daysNotAllZero('daily_figures');
const COUNTED = daysNotAllZero(`(${COUNTED_BY_DAY}) AS counted`);

/** The days whose kept figures are not what their complaints add up to, in order. */
export const MISCOUNTED_DAYS = `SELECT day FROM (${KEPT} EXCEPT ${COUNTED}) AS kept_only
  UNION
  SELECT day FROM (${COUNTED} EXCEPT ${KEPT}) AS counted_only
  ORDER BY day`;

/** The UTC periods whose figures are kept: a day ('2026-11-23') or a month ('2026-11'), each a prefix of the stored times in it. */
export type KeptPeriod = 'day' | 'month';

const PREFIX_LENGTH: Record<KeptPeriod, number> = { day: 10, month: 7 };

/**
 * `span` cut where kept days or months can stand for its complaints: the periods [wholeFrom,
 * wholeUntil) that lie wholly inside it (none when equal), and the stored times before and after
 * them, [since, headUntil) and [tailFrom, until), whose complaints are read one by one. Periods
 * compare with stored times as their prefixes do, so the three hold each complaint once.
 */
export function inWhole(kept: KeptPeriod, span: StoredSpan): { wholeFrom: string; wholeUntil: string; headUntil: string; tailFrom: string } {
  const length = PREFIX_LENGTH[kept];
  const first = span.since.slice(0, length);
  const wholeFrom = span.since === startOf(first) ? first : periodAfter(first);
  const wholeUntil = span.until.slice(0, length) > wholeFrom ? span.until.slice(0, length) : wholeFrom;
  return {
    wholeFrom,
    wholeUntil,
    headUntil: span.until < wholeFrom ? span.until : wholeFrom,
    tailFrom: span.since > wholeUntil ? span.since : wholeUntil,
  };
}

/**
 * inWhole for a read kept to some tills or branches (`wholeLogbook` false): the kept periods count
 * the whole logbook, so none stands for the span and all its complaints are read one by one.
 */
export function inWholeOf(kept: KeptPeriod, span: StoredSpan, wholeLogbook: boolean): ReturnType<typeof inWhole> {
  return wholeLogbook ? inWhole(kept, span) : { wholeFrom: '', wholeUntil: '', headUntil: span.until, tailFrom: span.until };
}

/** The first moment of a day or month as a stored time. */
function startOf(period: string): string {
  return `${period}${'2000-01-01T00:00:00.000Z'.slice(period.length)}`;
}

function periodAfter(period: string): string {
  const start = new Date(startOf(period));
  if (period.length === PREFIX_LENGTH.day) start.setUTCDate(start.getUTCDate() + 1);
  else start.setUTCMonth(start.getUTCMonth() + 1);
  return start.toISOString().slice(0, period.length);
}

// What each UTC month's complaints add up to for the parts of a report that are not sums of
// days: the upheld complaints of each cause (the Pareto table by cause), how many complaints were
// resolved within each whole hour (where the median lies), and the corrective actions recorded
// for each cause (how many the report lists), kept as they are written (migrations/sqlite/0015,
// migrations/postgres/0007). A report over years reads months and the complaints of its partial
// first and last months, not every complaint.

/** The whole hour a complaint's hours to resolve fall in, [hour, hour + 1): its row in monthly_hours. */
export const HOUR_TO_RESOLVE = 'CAST(floor(hours_to_resolve) AS INTEGER)';

/** Each table of monthly tallies: its columns (the month, what it is counted by, the count), and the same counted from the complaints. */
const MONTHLY_TALLIES = [
  {
    table: 'monthly_causes',
    columns: ['month', 'cause', 'upheld'],
    counted: `SELECT substr(occurred_at, 1, 7) AS month, cause, COUNT(*) FROM complaints
      WHERE cause IS NOT NULL AND status <> 'rejected' GROUP BY substr(occurred_at, 1, 7), cause`,
  },
  {
    table: 'monthly_hours',
    columns: ['month', 'hour', 'resolved'],
    counted: `SELECT substr(occurred_at, 1, 7) AS month, ${HOUR_TO_RESOLVE}, COUNT(*) FROM complaints
      WHERE hours_to_resolve IS NOT NULL GROUP BY substr(occurred_at, 1, 7), ${HOUR_TO_RESOLVE}`,
  },
  {
    table: 'monthly_actions',
    columns: ['month', 'cause', 'recorded'],
    counted: `SELECT substr(action_at, 1, 7) AS month, cause, COUNT(*) FROM complaints
      WHERE action IS NOT NULL AND action_at IS NOT NULL AND cause IS NOT NULL GROUP BY substr(action_at, 1, 7), cause`,
  },
] as const;

/** For each table of monthly tallies, the statement that adds a count to a month's row: (month, cause or hour, count). */
export const ADD_TO_MONTHLY_TALLY: Record<string, string> = Object.fromEntries(
  MONTHLY_TALLIES.map(({ table, columns: [month, key, count] }) => [
    table,
    `INSERT INTO ${table} (${month}, ${key}, ${count}) VALUES (?, ?, ?) ON CONFLICT (${month}, ${key}) DO UPDATE SET ${count} = ${count} + excluded.${count}`,
  ]),
);

const RECOUNT_MONTHS = MONTHLY_TALLIES.map(({ table, columns, counted }) => `DELETE FROM ${table}; INSERT INTO ${table} (${columns.join(', ')}) ${counted}`).join(';\n');

/**
 * Counts every day's figures and every month's tallies again from the complaints, as the triggers
 * keep them: for an import that set the triggers aside, or a logbook whose figures were tampered with.
 */
export const RECOUNT = `${RECOUNT_DAYS}; ${RECOUNT_MONTHS}`;

/** The months whose kept tallies are not what their complaints add up to, in order; rows of zero are as good as none. */
export const MISCOUNTED_MONTHS = `${MONTHLY_TALLIES.map(({ table, columns, counted }) => {
  const kept = `SELECT ${columns.join(', ')} FROM ${table}`;
  return `SELECT month FROM (${kept} WHERE ${columns[2]} <> 0 EXCEPT ${counted}) AS kept_only
  UNION SELECT month FROM (${counted} EXCEPT ${kept}) AS counted_only`;
}).join('\n  UNION ')}
  ORDER BY month`;

/** What a complaint is tallied by: the columns the month tallies read. */
export interface Tallied {
  occurred_at: string;
  status: string;
  cause: string | null;
  resolved_at: string | null;
  action: string | null;
  action_at: string | null;
}

/**
 * The whole hour a complaint took to resolve, worked out as both engines work out
 * floor(hours_to_resolve): each time's seconds as a double, their difference over 3600.
 */
export function hourToResolve(occurredAt: string, resolvedAt: string): number {
  return Math.floor((Date.parse(resolvedAt) / 1000 - Date.parse(occurredAt) / 1000) / 3600);
}

/**
 * The month tallies of complaints added one by one, as the triggers would add them: for a bulk
 * import, which sets the triggers aside, to add at the end rather than count every complaint of
 * the logbook again (~3 s at 1,000,000 complaints). Each row is [table, month, key, count].
 */
export class MonthlyTallies {
  /** By table and month (neither holds a tab), each cause's or hour's count. */
  private readonly counts = new Map<string, Map<string | number, number>>();

  add(complaint: Tallied): void {
    const month = complaint.occurred_at.slice(0, 7);
    if (complaint.cause !== null && complaint.status !== 'rejected') this.count('monthly_causes', month, complaint.cause);
    if (complaint.resolved_at !== null) this.count('monthly_hours', month, hourToResolve(complaint.occurred_at, complaint.resolved_at));
    if (complaint.action !== null && complaint.action_at !== null && complaint.cause !== null) {
      this.count('monthly_actions', complaint.action_at.slice(0, 7), complaint.cause);
    }
  }

  *rows(): IterableIterator<[table: string, month: string, key: string | number, count: number]> {
    for (const [at, counts] of this.counts) {
      const [table, month] = at.split('\t') as [string, string];
      for (const [key, count] of counts) yield [table, month, key, count];
    }
  }

  private count(table: string, month: string, key: string | number): void {
    const at = `${table}\t${month}`;
    let counts = this.counts.get(at);
    if (counts === undefined) this.counts.set(at, (counts = new Map()));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
}

/** How many of a period's resolved complaints took each whole hour to resolve, in order of the hours. */
export interface HourCount {
  hour: number;
  count: number;
}

/**
 * The middle one or two of the values counted in `hours` (two for an even count), each as the
 * hour it lies in and how many values of that hour come before it; none when there are none.
 */
export function middleOf(hours: readonly HourCount[]): Array<{ hour: number; before: number }> {
  const total = hours.reduce((sum, { count }) => sum + count, 0);
  if (total === 0) return [];
  const places = total % 2 === 1 ? [(total - 1) / 2] : [total / 2 - 1, total / 2];
  return places.map((place) => {
    let passed = 0;
    const { hour, count } = hours.find((counted) => (passed += counted.count) > place)!;
    return { hour, before: place - (passed - count) };
  });
}

/** The median of the middle one or two values, as SQLite's median() and PostgreSQL's percentile_cont(0.5) take it. */
export function medianOf(middle: readonly number[]): number | null {
  if (middle.length === 0) return null;
  const [lower, upper = lower] = middle as [number, number?];
  return lower + (upper - lower) * 0.5;
}
