import { NONE_KEY, TRIAGED_DIMENSIONS, type Dimension, type Tally } from '../../domain/pareto.js';
import type { CorrectiveAction, Excerpt, PeriodFigures, RecordedAction, Suggestion } from '../../domain/summary.js';
import { HOUR_TO_RESOLVE, LISTED_FIGURES, MISCOUNTED_DAYS, MISCOUNTED_MONTHS, RECOUNT, SUMS, inWholeOf, medianOf, middleOf, type HourCount } from '../kept-figures.js';
import type { Places, StoredSpan } from '../logbook.js';
import { CAUSE_SPELLINGS, countedApartSql, dimensionColumn, placesSql, type PlacesSql } from '../queries.js';
import { OPEN, UNJUDGED, countedIn, lateAt, overdueAt } from '../rules.js';
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
    // The months wholly inside the period as monthly_causes keeps them, and each spelling's count
    // in its partial first and last months where complaints_by_cause holds it, as
    // src/store/sqlite/report.ts counts them.
    const { wholeFrom, wholeUntil, headUntil, tailFrom } = inWholeOf('month', span, placesOf(within, []).and === '');
    const places = placesOf(within, [...period, wholeFrom, wholeUntil, headUntil, tailFrom]);
    const inPart = (from: string, until: string) =>
      `(SELECT COUNT(*) FROM complaints WHERE cause = spelling AND occurred_at >= ${from} AND occurred_at < ${until} AND status <> 'rejected'${places.and})`;
    return connection.rows<Tally>(
      `${CAUSE_SPELLINGS},
       counted(spelling, count) AS (
         SELECT spelling, ${inPart('$1', '$5')} + ${inPart('$6', '$2')} FROM spellings WHERE spelling IS NOT NULL
         UNION ALL
         SELECT cause, upheld FROM monthly_causes WHERE month >= $3 AND month < $4)
       SELECT spelling AS key, SUM(count) AS count FROM counted GROUP BY spelling HAVING SUM(count) > 0 ORDER BY spelling`,
      places.values,
    );
  }
  const withNone = placesOf(within, [...period, NONE_KEY]);
  if (dimension === 'remedy') {
    // A complaint given two remedies counts in both rows, a remedy however the complaint was judged
    // since (as its cost counts); (none) counts those upheld given none yet.
    return connection.rows<Tally>(
      `SELECT r.remedy AS key, COUNT(*) AS count
         FROM remedies AS r JOIN complaints AS c ON c.id = r.complaint_id
        WHERE r.given_at >= $1 AND r.given_at < $2${withNone.and}
        GROUP BY r.remedy
       UNION ALL
       SELECT $3::text, COUNT(*) FROM complaints WHERE ${IN_PERIOD} AND ${countedIn()} AND remedy IS NULL${withNone.and}`,
      withNone.values,
    );
  }
  const column = dimensionColumn(dimension, within);
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

export async function recountKeptFigures(connection: Connection): Promise<void> {
  await connection.run(RECOUNT);
}

export function miscountedDays(connection: Connection): Promise<string[]> {
  return connection.column<string>(MISCOUNTED_DAYS);
}

export function miscountedMonths(connection: Connection): Promise<string[]> {
  return connection.column<string>(MISCOUNTED_MONTHS);
}

/**
 * The summary's figures for the complaints that occurred in `span`, as they stand at `now`, and
 * the remedies given in it: the days wholly inside it as daily_figures keeps them, the complaints
 * of its partial first and last days one by one; the median apart (medianHoursToResolve). The
 * days keep the whole logbook's figures, so a report of some tills or branches reads their complaints.
 */
export async function periodFigures(connection: Connection, span: StoredSpan, now: string, within: Places): Promise<PeriodFigures> {
  const wholeLogbook = placesOf(within, []).and === '';
  const { wholeFrom, wholeUntil, headUntil, tailFrom } = inWholeOf('day', span, wholeLogbook);
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
              COUNT(*) FILTER (WHERE ${lateAt('$7')}) AS late
         FROM complaints
        WHERE (status IN (${OPEN}) OR (resolved_at IS NULL AND status <> 'rejected')) AND ${IN_PERIOD}${places.and}),
     ${countedApartSql(IN_PERIOD, places.and)}
     SELECT logged, resolved, open, overdue, rejected, help, question, venting,
            awaiting_approval AS "awaitingApproval", proposed_cost_minor AS "proposedCostMinor",
            answered + late AS due,
            answered_in_time AS "answeredInTime",
            followed_up AS "followedUp",
            CASE WHEN rated > 0 THEN satisfaction::double precision / rated END AS "averageSatisfaction",
            cost_minor AS "remedyCostMinor"
       FROM added, awaiting, natures, proposals`,
    places.values,
  );
  return { ...figures!, medianHoursToResolve: await medianHoursToResolve(connection, span, within) };
}

/** The median hours to resolve of the complaints that occurred in `span`, found as src/store/sqlite/report.ts finds it. */
async function medianHoursToResolve(connection: Connection, span: StoredSpan, within: Places): Promise<number | null> {
  const { wholeFrom, wholeUntil, headUntil, tailFrom } = inWholeOf('month', span, placesOf(within, []).and === '');
  const places = placesOf(within, [span.since, span.until, wholeFrom, wholeUntil, headUntil, tailFrom]);
  const inPart = (from: string, until: string) =>
    `SELECT ${HOUR_TO_RESOLVE}, 1 FROM complaints WHERE occurred_at >= ${from} AND occurred_at < ${until} AND hours_to_resolve IS NOT NULL${places.and}`;
  const hours = await connection.rows<HourCount>(
    `SELECT hour, SUM(count)::int AS count FROM (
       SELECT hour, resolved AS count FROM monthly_hours WHERE month >= $3 AND month < $4
       UNION ALL ${inPart('$1', '$5')}
       UNION ALL ${inPart('$6', '$2')}) AS counted
      GROUP BY hour ORDER BY hour`,
    places.values,
  );
  const middle: number[] = [];
  for (const { hour, before } of middleOf(hours)) {
    const nth = placesOf(within, [span.since, span.until, hour, before]);
    const value = await connection.value<number | undefined>(
      `SELECT hours_to_resolve FROM complaints
        WHERE hours_to_resolve >= $3 AND hours_to_resolve < $3 + 1 AND ${IN_PERIOD}${nth.and}
        ORDER BY hours_to_resolve LIMIT 1 OFFSET $4`,
      nth.values,
    );
    // Missing only when the kept hours were tampered with (`complaints check` names the months).
    if (value !== undefined) middle.push(value);
  }
  return medianOf(middle);
}

/**
 * Corrective actions recorded (resolved) within `span` on complaints whose `dimension` is spelt
 * as one of `spellings` (`(none)` standing for no value), in the order they were recorded; at
 * most `limit`. Each action's key is its complaint's spelling, beside the complaint's cause.
 */
export function correctiveActions(
  connection: Connection,
  dimension: Dimension,
  spellings: readonly string[],
  span: StoredSpan,
  limit: number,
  within: Places,
): Promise<Excerpt<CorrectiveAction>> {
  const column = dimensionColumn(dimension, within);
  // How many there are, by cause: the months wholly inside the span as monthly_actions keeps them (src/store/sqlite/report.ts).
  const { wholeFrom, wholeUntil, headUntil, tailFrom } = inWholeOf('month', span, dimension === 'cause' && placesOf(within, []).and === '' && !spellings.includes(NONE_KEY));
  const places = placesOf(within, [span.since, span.until, spellings, NONE_KEY]);
  const recorded = (since: string, until: string) => `FROM complaints
    WHERE action IS NOT NULL AND action_at >= ${since} AND action_at < ${until}
      AND (${column} = ANY($3) OR (${column} IS NULL AND $4 = ANY($3)))${places.and}`;
  // The count's own values follow the places', which the rows shown take alone.
  const [wholeFromAt, wholeUntilAt, headUntilAt, tailFromAt] = [1, 2, 3, 4].map((nth) => `$${places.values.length + nth}`);
  return excerpt<CorrectiveAction>(connection, {
    columns: `id, COALESCE(${column}, $4) AS key, cause, action`,
    from: recorded('$1', '$2'),
    order: 'action_at, id',
    values: places.values,
    limit,
    count: {
      sql: `SELECT (SELECT COUNT(*) ${recorded('$1', headUntilAt!)}) + (SELECT COUNT(*) ${recorded(tailFromAt!, '$2')})
                 + (SELECT COALESCE(SUM(recorded), 0) FROM monthly_actions WHERE month >= ${wholeFromAt} AND month < ${wholeUntilAt} AND cause = ANY($3))`,
      values: [...places.values, wholeFrom, wholeUntil, headUntil, tailFrom],
    },
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
    `SELECT id, cause, action, action_at FROM complaints
      WHERE action IS NOT NULL AND action_at IS NOT NULL AND cause IS NOT NULL
        ${causes === undefined ? '' : `AND cause = ANY(${params.add(causes)})`}
        ${recordedBefore === undefined ? '' : `AND action_at < ${params.add(recordedBefore)}`}
      ORDER BY action_at DESC, id DESC LIMIT ${params.add(limit)}`,
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

/** The first `limit` rows and how many there are in all (by `count`, when what is kept can count them); the total is counted only when more are left. */
async function excerpt<T>(
  connection: Connection,
  query: { columns: string; from: string; order: string; values: unknown[]; limit: number; count?: { sql: string; values: unknown[] } },
): Promise<Excerpt<T>> {
  const { columns, from, order, values, limit, count = { sql: `SELECT COUNT(*) ${from}`, values } } = query;
  const shown = await connection.rows<T>(`SELECT ${columns} ${from} ORDER BY ${order} LIMIT ${Math.trunc(limit)}`, values);
  const total = shown.length < limit ? shown.length : await connection.value<number>(count.sql, count.values);
  return { shown, total };
}
