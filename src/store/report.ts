import { NONE_KEY, TRIAGED_DIMENSIONS, type Dimension, type Tally } from '../domain/pareto.js';
import type { CorrectiveAction, Excerpt, PeriodFigures, Suggestion } from '../domain/summary.js';
import type { Db } from './open.js';

// Everything here is counted by SQLite over the period's occurred_at range (index
// complaints_by_occurred), so a report reads only its period's rows however large the logbook is.

/** A period's bounds as stored: ISO 8601 UTC text, whose order is time order. */
export interface StoredSpan {
  since: string;
  until: string;
}

// The dimension names are the column names; the map keeps anything else out of the SQL.
const COLUMN: Record<Dimension, string> = {
  cause: 'cause',
  category: 'category',
  about: 'about',
  channel: 'channel',
  assignee: 'assignee',
  remedy: 'remedy',
};

const IN_PERIOD = `occurred_at >= @since AND occurred_at < @until`;

/**
 * The period's upheld complaints counted by `dimension`; spellings differing only in case are
 * one row. For cause and category only triaged complaints count; for the others a missing value
 * is the row `(none)`.
 */
export function tallyBy(db: Db, dimension: Dimension, span: StoredSpan): Tally[] {
  const column = COLUMN[dimension];
  const sql = TRIAGED_DIMENSIONS.includes(dimension)
    ? `SELECT MIN(${column}) AS key, COUNT(*) AS count FROM complaints
        WHERE ${IN_PERIOD} AND status <> 'rejected' AND ${column} IS NOT NULL
        GROUP BY ${column} COLLATE NOCASE`
    : `SELECT COALESCE(MIN(${column}), @none) AS key, COUNT(*) AS count FROM complaints
        WHERE ${IN_PERIOD} AND status <> 'rejected'
        GROUP BY ${column} COLLATE NOCASE`;
  return db.prepare(sql).all({ ...span, none: NONE_KEY }) as Tally[];
}

/**
 * The period's upheld complaints nobody has triaged yet (new, or assigned or resolved straight
 * from new): those with no value in `dimension` when it needs triage, else those with no cause.
 */
export function countUntriaged(db: Db, dimension: Dimension, span: StoredSpan): number {
  const column = TRIAGED_DIMENSIONS.includes(dimension) ? COLUMN[dimension] : 'cause';
  return db
    // The unary + stops SQLite walking every NULL cause in complaints_by_cause instead of the period's range.
    .prepare(`SELECT COUNT(*) FROM complaints WHERE ${IN_PERIOD} AND status <> 'rejected' AND +${column} IS NULL`)
    .pluck()
    .get(span) as number;
}

/** The summary's figures for the complaints that occurred in `span`, as they stand at `now`. */
export function periodFigures(db: Db, span: StoredSpan, now: string): PeriodFigures {
  const counted = db
    .prepare(
      `SELECT COUNT(*) AS logged,
              COUNT(*) FILTER (WHERE status IN ('resolved', 'closed')) AS resolved,
              COUNT(*) FILTER (WHERE status IN ('new', 'triaged', 'assigned')) AS open,
              COUNT(*) FILTER (WHERE status IN ('new', 'triaged', 'assigned') AND respond_by < @now) AS overdue,
              COUNT(*) FILTER (WHERE status = 'rejected') AS rejected,
              COUNT(*) FILTER (WHERE status <> 'rejected' AND (resolved_at IS NOT NULL OR respond_by < @now)) AS due,
              COUNT(*) FILTER (WHERE status <> 'rejected' AND resolved_at <= respond_by) AS answeredInTime,
              COUNT(*) FILTER (WHERE followed_up_at IS NOT NULL) AS followedUp,
              AVG(satisfaction) AS averageSatisfaction,
              COALESCE(SUM(cost_minor), 0) AS remedyCostMinor
         FROM complaints WHERE ${IN_PERIOD}`,
    )
    .get({ ...span, now }) as Omit<PeriodFigures, 'medianHoursToResolve'>;
  return { ...counted, medianHoursToResolve: medianHoursToResolve(db, span) };
}

/** The middle of the hours from occurring to being resolved (the mean of the two middle ones for an even count). */
function medianHoursToResolve(db: Db, span: StoredSpan): number | null {
  return db
    .prepare(
      `SELECT AVG(hours) FROM (
         SELECT hours, ROW_NUMBER() OVER (ORDER BY hours) AS place, COUNT(*) OVER () AS resolved FROM (
           SELECT (unixepoch(resolved_at, 'subsec') - unixepoch(occurred_at, 'subsec')) / 3600.0 AS hours
             FROM complaints WHERE ${IN_PERIOD} AND resolved_at IS NOT NULL))
        WHERE place IN ((resolved + 1) / 2, (resolved + 2) / 2)`,
    )
    .pluck()
    .get(span) as number | null;
}

/**
 * Corrective actions recorded (resolved) within `span` on complaints whose `dimension` is one of
 * `keys` (`(none)` standing for no value), in the order they were recorded; at most `limit`.
 */
export function correctiveActions(
  db: Db,
  dimension: Dimension,
  keys: readonly string[],
  span: StoredSpan,
  limit: number,
): Excerpt<CorrectiveAction> {
  const column = COLUMN[dimension];
  const rows = db
    .prepare(
      `SELECT id, COALESCE(${column}, @none) AS key, action, COUNT(*) OVER () AS total
         FROM complaints
        WHERE action IS NOT NULL AND resolved_at >= @since AND resolved_at < @until
          AND (${column} COLLATE NOCASE IN (SELECT value FROM json_each(@keys))
               OR (${column} IS NULL AND @none IN (SELECT value FROM json_each(@keys))))
        ORDER BY resolved_at, id
        LIMIT @limit`,
    )
    .all({ ...span, keys: JSON.stringify(keys), none: NONE_KEY, limit }) as Array<CorrectiveAction & { total: number }>;
  return excerpt(rows);
}

/** The customers' own suggestions made with the period's complaints, oldest first; at most `limit`. */
export function suggestions(db: Db, span: StoredSpan, limit: number): Excerpt<Suggestion> {
  const rows = db
    .prepare(
      `SELECT id, suggestion, COUNT(*) OVER () AS total FROM complaints
        WHERE ${IN_PERIOD} AND suggestion IS NOT NULL
        ORDER BY occurred_at, id
        LIMIT @limit`,
    )
    .all({ ...span, limit }) as Array<Suggestion & { total: number }>;
  return excerpt(rows);
}

function excerpt<T extends { total: number }>(rows: T[]): Excerpt<Omit<T, 'total'>> {
  return { shown: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/** Runs several reads as one snapshot, so a till writing meanwhile cannot make the figures disagree. */
export function readAtOnce<T>(db: Db, read: () => T): T {
  return db.transaction(read)();
}
