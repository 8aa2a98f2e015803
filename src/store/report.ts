import { NONE_KEY, TRIAGED_DIMENSIONS, type Dimension, type Tally } from '../domain/pareto.js';
import type { CorrectiveAction, Excerpt, PeriodFigures, Suggestion } from '../domain/summary.js';
import { CAUSE_SPELLINGS, OPEN } from './complaints.js';
import type { Db } from './open.js';

// Everything here is counted by SQLite over the period's occurred_at range, from indexes that hold
// what is counted (migrations/0003), so a report reads only its period's index entries however
// large the logbook is, and never the complaints' full rows.

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
 * The period's upheld complaints counted by `dimension`, one row for each spelling as stored
 * (mergeSpellings makes one row of the spellings of one thing). For cause and category only
 * triaged complaints count; for the others a missing value is the row `(none)`.
 */
export function tallyBy(db: Db, dimension: Dimension, span: StoredSpan): Tally[] {
  if (dimension === 'cause') return tallyByCause(db, span);
  const column = COLUMN[dimension];
  const sql = TRIAGED_DIMENSIONS.includes(dimension)
    ? `SELECT ${column} AS key, COUNT(*) AS count FROM complaints
        WHERE ${IN_PERIOD} AND status <> 'rejected' AND ${column} IS NOT NULL
        GROUP BY ${column}`
    : `SELECT COALESCE(${column}, @none) AS key, COUNT(*) AS count FROM complaints
        WHERE ${IN_PERIOD} AND status <> 'rejected'
        GROUP BY ${column}`;
  return db.prepare(sql).all({ ...span, none: NONE_KEY }) as Tally[];
}

/**
 * The same as the GROUP BY above for causes, without reading or sorting the period's rows: each
 * spelling's period range is counted where complaints_by_cause holds it. Years of history cost
 * one seek per spelling.
 */
function tallyByCause(db: Db, span: StoredSpan): Tally[] {
  return db
    .prepare(
      `${CAUSE_SPELLINGS},
       counted(spelling, count) AS (
         SELECT spelling, (SELECT COUNT(*) FROM complaints
                            WHERE cause = spelling AND ${IN_PERIOD} AND status <> 'rejected')
           FROM spellings WHERE spelling IS NOT NULL)
       SELECT spelling AS key, count FROM counted WHERE count > 0`,
    )
    .all(span) as Tally[];
}

/**
 * The period's upheld complaints nobody has triaged yet (new, or assigned or resolved straight
 * from new): those with no value in `dimension` when it needs triage, else those with no cause.
 */
export function countUntriaged(db: Db, dimension: Dimension, span: StoredSpan): number {
  const column = TRIAGED_DIMENSIONS.includes(dimension) ? COLUMN[dimension] : 'cause';
  return db
    .prepare(`SELECT COUNT(*) FROM complaints WHERE ${IN_PERIOD} AND status <> 'rejected' AND ${column} IS NULL`)
    .pluck()
    .get(span) as number;
}

/** The summary's figures for the complaints that occurred in `span`, as they stand at `now`. */
export function periodFigures(db: Db, span: StoredSpan, now: string): PeriodFigures {
  // One pass over the period's entries in complaints_for_report, which holds every column counted
  // there (hours_to_resolve worked out when written, 0006), and one over its open complaints
  // alone: asked for these, SQLite would rather look each one up from complaints_by_status.
  // median() (SQLite's percentile extension, built into better-sqlite3's SQLite) sorts only the
  // values, and takes the mean of the middle two for an even count.
  return db
    .prepare(
      `SELECT * FROM
         (SELECT COUNT(*) AS logged,
                 COUNT(*) FILTER (WHERE status IN ('resolved', 'closed')) AS resolved,
                 COUNT(*) FILTER (WHERE status = 'rejected') AS rejected,
                 COUNT(*) FILTER (WHERE status <> 'rejected' AND (resolved_at IS NOT NULL OR respond_by < @now)) AS due,
                 COUNT(*) FILTER (WHERE status <> 'rejected' AND resolved_at <= respond_by) AS answeredInTime,
                 median(hours_to_resolve) AS medianHoursToResolve,
                 COUNT(followed_up_at) AS followedUp,
                 AVG(satisfaction) AS averageSatisfaction,
                 COALESCE(SUM(cost_minor), 0) AS remedyCostMinor
            FROM complaints WHERE ${IN_PERIOD}),
         (SELECT COUNT(*) AS open, COUNT(*) FILTER (WHERE respond_by < @now) AS overdue
            FROM complaints INDEXED BY complaints_open WHERE status IN (${OPEN}) AND ${IN_PERIOD})`,
    )
    .get({ ...span, now }) as PeriodFigures;
}

/**
 * Corrective actions recorded (resolved) within `span` on complaints whose `dimension` is spelt
 * as one of `spellings` (`(none)` standing for no value), in the order they were recorded; at
 * most `limit`. Each action's key is its complaint's spelling.
 */
export function correctiveActions(
  db: Db,
  dimension: Dimension,
  spellings: readonly string[],
  span: StoredSpan,
  limit: number,
): Excerpt<CorrectiveAction> {
  const column = COLUMN[dimension];
  // The unary + keeps SQLite on the index of actions by when they were recorded: offered the
  // column's own index for the spellings, it took it and read every complaint with a vital cause
  // (an all-time report at 1M complaints: 2.0 s -> 5.1 s).
  return excerpt<CorrectiveAction>(db, {
    columns: `id, COALESCE(${column}, @none) AS key, action`,
    from: `FROM complaints
            WHERE action IS NOT NULL AND resolved_at >= @since AND resolved_at < @until
              AND (+${column} IN (SELECT value FROM json_each(@spellings))
                   OR (${column} IS NULL AND @none IN (SELECT value FROM json_each(@spellings))))`,
    order: 'resolved_at, id',
    params: { ...span, spellings: JSON.stringify(spellings), none: NONE_KEY },
    limit,
  });
}

/** The customers' own suggestions made with the period's complaints, oldest first; at most `limit`. */
export function suggestions(db: Db, span: StoredSpan, limit: number): Excerpt<Suggestion> {
  return excerpt<Suggestion>(db, {
    columns: 'id, suggestion',
    from: `FROM complaints WHERE ${IN_PERIOD} AND suggestion IS NOT NULL`,
    order: 'occurred_at, id',
    params: { ...span },
    limit,
  });
}

/**
 * The first `limit` rows and how many there are in all. The total is counted apart from the rows
 * shown, so that counting a period of years reads index entries only, not every row's text.
 */
function excerpt<T>(
  db: Db,
  query: { columns: string; from: string; order: string; params: Record<string, unknown>; limit: number },
): Excerpt<T> {
  const { columns, from, order, params, limit } = query;
  const shown = db.prepare(`SELECT ${columns} ${from} ORDER BY ${order} LIMIT @limit`).all({ ...params, limit }) as T[];
  const total = shown.length < limit ? shown.length : (db.prepare(`SELECT COUNT(*) ${from}`).pluck().get(params) as number);
  return { shown, total };
}

/** Runs several reads as one snapshot, so a till writing meanwhile cannot make the figures disagree. */
export function readAtOnce<T>(db: Db, read: () => T): T {
  return db.transaction(read)();
}
