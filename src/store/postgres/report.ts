import { NONE_KEY, TRIAGED_DIMENSIONS, type Dimension, type Tally } from '../../domain/pareto.js';
import type { CorrectiveAction, Excerpt, PeriodFigures, RecordedAction, Suggestion } from '../../domain/summary.js';
import { LISTED_FIGURES, MISCOUNTED_DAYS, RECOUNT, SUMS, byDaysOf } from '../daily-figures.js';
import type { Places, StoredSpan } from '../logbook.js';
import { CAUSE_SPELLINGS, DIMENSION_COLUMN, countedApartSql, placesSql, type PlacesSql } from '../queries.js';
import { OPEN, UNANSWERED, UNJUDGED, countedIn, overdueAt } from '../rules.js';
import { conditionsOf } from './complaints.js';
import { Params, type Connection } from './connection.js';

// The report's reads on PostgreSQL, counted over the period's occurred_at range as
// src/store/sqlite/report.ts counts them, from the same kept daily figures. The period is always
// $1 (since) and $2 (until).


const IN_PERIOD = `occurred_at >= $1 AND occurred_at < $2`;

/** What keeps a read to the complaints of `within`, and the query's values: `values`, then the places'. */
function placesOf(within: Places, values: unknown[]): PlacesSql & { values: unknown[] } {
  const params = new Params([...values]);
  return { ...placesSql(conditionsOf(within, params)), values: params.values };
}

/** The period's upheld complaints counted by `dimension`, one tally for each spelling as stored. */
export function tallyBy(connection: Connection, dimension: Dimension, span: StoredSpan, within: Places): Promise<Tally[]> {
  const period = [span.since, span.until];
  if (dimension === 'cause') {
    const places = placesOf(within, period);
    // One count per spelling of the cause, each where complaints_by_cause holds it; materialised,
    // or the planner counts each twice, once to leave out the spellings counted 0 (at 1,000,000
    // complaints, 0.94 s against 0.47 s).
    return connection.rows<Tally>(
      `${CAUSE_SPELLINGS},
       counted(spelling, count) AS MATERIALIZED (
         SELECT spelling, (SELECT COUNT(*) FROM complaints WHERE cause = spelling AND ${IN_PERIOD} AND status <> 'rejected'${places.and})
           FROM spellings WHERE spelling IS NOT NULL)
       SELECT spelling AS key, count FROM counted WHERE count > 0`,
      places.values,
    );
  }
  const withNone = placesOf(within, [...period, NONE_KEY]);
  if (dimension === 'remedy') {
    // A complaint given two remedies counts in both rows; (none) counts those given none yet.
    return connection.rows<Tally>(
      `SELECT r.remedy AS key, COUNT(*) AS count
         FROM remedies AS r JOIN complaints AS c ON c.id = r.complaint_id
        WHERE r.given_at >= $1 AND r.given_at < $2 AND ${countedIn('c')}${withNone.and}
        GROUP BY r.remedy
       UNION ALL
       SELECT $3::text, COUNT(*) FROM complaints WHERE ${IN_PERIOD} AND ${countedIn()} AND remedy IS NULL${withNone.and}`,
      withNone.values,
    );
  }
  const column = DIMENSION_COLUMN[dimension];
  if (TRIAGED_DIMENSIONS.includes(dimension)) {
    const places = placesOf(within, period);
    return connection.rows<Tally>(
      `SELECT ${column} AS key, COUNT(*) AS count FROM complaints
        WHERE ${IN_PERIOD} AND status <> 'rejected' AND ${column} IS NOT NULL${places.and} GROUP BY ${column}`,
      places.values,
    );
  }
  return connection.rows<Tally>(
    `SELECT COALESCE(${column}, $3) AS key, COUNT(*) AS count FROM complaints
      WHERE ${IN_PERIOD} AND ${countedIn()}${withNone.and} GROUP BY ${column}`,
    withNone.values,
  );
}

/** The period's complaints nobody has judged yet, from complaints_unjudged (src/store/sqlite/report.ts). */
export function countUntriaged(connection: Connection, span: StoredSpan, within: Places): Promise<number> {
  const places = placesOf(within, [span.since, span.until]);
  return connection.value<number>(`SELECT COUNT(*) FROM complaints WHERE ${IN_PERIOD} AND ${UNJUDGED}${places.and}`, places.values);
}

export async function recountDailyFigures(connection: Connection): Promise<void> {
  await connection.run(RECOUNT);
}

export function miscountedDays(connection: Connection): Promise<string[]> {
  return connection.column<string>(MISCOUNTED_DAYS);
}

/**
 * The summary's figures for the complaints that occurred in `span`, as they stand at `now`, and
 * the remedies given in it: the days wholly inside it as daily_figures keeps them, the complaints
 * of its partial first and last days one by one. The median is percentile_cont's, which takes
 * the mean of the middle two for an even count as SQLite's median() does. The days keep the whole
 * logbook's figures, so a report of some tills or branches reads their complaints.
 */
export async function periodFigures(connection: Connection, span: StoredSpan, now: string, within: Places): Promise<PeriodFigures> {
  const wholeLogbook = placesOf(within, []).and === '';
  const { wholeFrom, wholeUntil, headUntil, tailFrom } = byDaysOf(span, wholeLogbook);
  const places = placesOf(within, [span.since, span.until, wholeFrom, wholeUntil, headUntil, tailFrom, now]);
  const figures = await connection.row<PeriodFigures>(
    `WITH added AS (
       SELECT ${SUMS} FROM (
         SELECT ${LISTED_FIGURES} FROM daily_figures WHERE day >= $3 AND day < $4
         UNION ALL
         SELECT ${LISTED_FIGURES} FROM complaint_figures WHERE occurred_at >= $1 AND occurred_at < $5${places.complaintIds}
         UNION ALL
         SELECT ${LISTED_FIGURES} FROM complaint_figures WHERE occurred_at >= $6 AND occurred_at < $2${places.complaintIds}
         UNION ALL
         SELECT ${LISTED_FIGURES} FROM remedy_figures WHERE given_at >= $1 AND given_at < $5${places.remedyIds}
         UNION ALL
         SELECT ${LISTED_FIGURES} FROM remedy_figures WHERE given_at >= $6 AND given_at < $2${places.remedyIds}) AS figures),
     awaiting AS (
       SELECT COUNT(*) FILTER (WHERE status IN (${OPEN})) AS open,
              COUNT(*) FILTER (WHERE ${overdueAt('$7')}) AS overdue,
              COUNT(*) FILTER (WHERE status NOT IN ${UNANSWERED} AND resolved_at IS NULL AND respond_by < $7) AS late
         FROM complaints
        WHERE (status IN (${OPEN}) OR (resolved_at IS NULL AND status <> 'rejected')) AND ${IN_PERIOD}${places.and}),
     hours AS (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY hours_to_resolve) AS median FROM complaints WHERE ${IN_PERIOD}${places.and}),
     ${countedApartSql(IN_PERIOD, places.and)}
     SELECT logged, resolved, open, overdue, rejected, help, question, venting,
            awaiting_approval AS "awaitingApproval", proposed_cost_minor AS "proposedCostMinor",
            answered + late AS due,
            answered_in_time AS "answeredInTime",
            median AS "medianHoursToResolve",
            followed_up AS "followedUp",
            CASE WHEN rated > 0 THEN satisfaction::double precision / rated END AS "averageSatisfaction",
            cost_minor AS "remedyCostMinor"
       FROM added, awaiting, hours, natures, proposals`,
    places.values,
  );
  return figures!;
}

/**
 * Corrective actions recorded (resolved) within `span` on complaints whose `dimension` is spelt
 * as one of `spellings` (`(none)` standing for no value), in the order they were recorded; at
 * most `limit`. Each action's key is its complaint's spelling.
 */
export function correctiveActions(
  connection: Connection,
  dimension: Dimension,
  spellings: readonly string[],
  span: StoredSpan,
  limit: number,
  within: Places,
): Promise<Excerpt<CorrectiveAction>> {
  const column = DIMENSION_COLUMN[dimension];
  const places = placesOf(within, [span.since, span.until, spellings, NONE_KEY]);
  return excerpt<CorrectiveAction>(connection, {
    columns: `id, COALESCE(${column}, $4) AS key, action`,
    from: `FROM complaints
            WHERE action IS NOT NULL AND resolved_at >= $1 AND resolved_at < $2
              AND (${column} = ANY($3) OR (${column} IS NULL AND $4 = ANY($3)))${places.and}`,
    order: 'resolved_at, id',
    values: places.values,
    limit,
  });
}

/** How many complaints, all but those rejected, with one of `causes` occurred in each of `spans`: each a range of complaints_by_cause. */
export function upheldCounts(connection: Connection, causes: readonly string[], spans: readonly StoredSpan[]): Promise<number[]> {
  return connection.column<number>(
    `SELECT (SELECT COUNT(*) FROM complaints
              WHERE cause = ANY($1) AND occurred_at >= span.since AND occurred_at < span.until AND status <> 'rejected')
       FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS span (since, until, nth) ORDER BY nth`,
    [causes, spans.map(({ since }) => since), spans.map(({ until }) => until)],
  );
}

/** The latest `limit` corrective actions recorded on complaints with a cause, one of `causes` if given, before `recordedBefore` if given. */
export function recordedActions(
  connection: Connection,
  causes: readonly string[] | undefined,
  limit: number,
  recordedBefore?: string,
): Promise<RecordedAction[]> {
  const params = new Params();
  return connection.rows<RecordedAction>(
    `SELECT id, cause, action, resolved_at FROM complaints
      WHERE action IS NOT NULL AND resolved_at IS NOT NULL AND cause IS NOT NULL
        ${causes === undefined ? '' : `AND cause = ANY(${params.add(causes)})`}
        ${recordedBefore === undefined ? '' : `AND resolved_at < ${params.add(recordedBefore)}`}
      ORDER BY resolved_at DESC, id DESC LIMIT ${params.add(limit)}`,
    params.values,
  );
}

/** The customers' own suggestions made with the period's complaints, oldest first; at most `limit`. */
export function suggestions(connection: Connection, span: StoredSpan, limit: number, within: Places): Promise<Excerpt<Suggestion>> {
  const places = placesOf(within, [span.since, span.until]);
  return excerpt<Suggestion>(connection, {
    columns: 'id, suggestion',
    from: `FROM complaints WHERE ${IN_PERIOD} AND suggestion IS NOT NULL${places.and}`,
    order: 'occurred_at, id',
    values: places.values,
    limit,
  });
}

/** The first `limit` rows and how many there are in all; the total is counted only when more are left. */
async function excerpt<T>(
  connection: Connection,
  query: { columns: string; from: string; order: string; values: unknown[]; limit: number },
): Promise<Excerpt<T>> {
  const { columns, from, order, values, limit } = query;
  const shown = await connection.rows<T>(`SELECT ${columns} ${from} ORDER BY ${order} LIMIT ${Math.trunc(limit)}`, values);
  const total = shown.length < limit ? shown.length : await connection.value<number>(`SELECT COUNT(*) ${from}`, values);
  return { shown, total };
}
