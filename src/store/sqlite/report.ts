import { NONE_KEY, TRIAGED_DIMENSIONS, type Dimension, type Tally } from '../../domain/pareto.js';
import type { CorrectiveAction, Excerpt, PeriodFigures, RecordedAction, Suggestion } from '../../domain/summary.js';
import { CAUSE_SPELLINGS, countedApartSql, dimensionColumn, placesSql, type PlacesSql } from '../queries.js';
import { OPEN, UNJUDGED, countedIn, lateAt, overdueAt } from '../rules.js';
import type { Places, StoredSpan } from '../logbook.js';
import { ADD_TO_MONTHLY_TALLY, HOUR_TO_RESOLVE, LISTED_FIGURES, MISCOUNTED_DAYS, MISCOUNTED_MONTHS, MonthlyTallies, RECOUNT, RECOUNT_DAYS, SUMS, inWholeOf, medianOf, middleOf, type HourCount } from '../kept-figures.js';
import { conditionsOf } from './complaints.js';
import type { Db } from './open.js';

// Everything here is counted by SQLite over the period's occurred_at range, so a report reads only
// its period however large the logbook is: from indexes that hold what is counted (migrations/sqlite/0003,
// 0006) rather than the complaints' full rows, and for the summary from what each day adds up to
// (daily_figures, 0006), with the full rows of its partial first and last days only.


const IN_PERIOD = `occurred_at >= @since AND occurred_at < @until`;

/** What keeps a read to the complaints of `within`, and its parameters. */
function placesOf(within: Places): PlacesSql & { params: Record<string, unknown> } {
  const { conditions, params } = conditionsOf(within);
  return { ...placesSql(conditions), params };
}

/**
 * The period's upheld complaints counted by `dimension`, one row for each spelling as stored
 * (mergeSpellings makes one row of the spellings of one thing). For cause and category only
 * triaged complaints count; for the others a missing value is the row `(none)`.
 */
export function tallyBy(db: Db, dimension: Dimension, span: StoredSpan, within: Places): Tally[] {
  if (dimension === 'cause') return tallyByCause(db, span, within);
  if (dimension === 'remedy') return tallyByRemedy(db, span, within);
  const column = dimensionColumn(dimension, within);
  const places = placesOf(within);
  const sql = TRIAGED_DIMENSIONS.includes(dimension)
    ? `SELECT ${column} AS key, COUNT(*) AS count FROM complaints
        WHERE ${IN_PERIOD} AND status <> 'rejected' AND ${column} IS NOT NULL${places.and}
        GROUP BY ${column}`
    : `SELECT COALESCE(${column}, @none) AS key, COUNT(*) AS count FROM complaints
        WHERE ${IN_PERIOD} AND ${countedIn()}${places.and}
        GROUP BY ${column}`;
  return db.prepare(sql).all({ ...span, ...places.params, none: NONE_KEY }) as Tally[];
}

/**
 * The same as the GROUP BY above for causes, without reading or sorting the period's rows: the
 * months wholly inside it as monthly_causes keeps them, and each spelling's range of its partial
 * first and last months where complaints_by_cause holds it. Years of history cost a row per
 * month and cause, and two seeks per spelling.
 */
function tallyByCause(db: Db, span: StoredSpan, within: Places): Tally[] {
  const places = placesOf(within);
  const inPart = (from: string, until: string) =>
    `(SELECT COUNT(*) FROM complaints WHERE cause = spelling AND occurred_at >= ${from} AND occurred_at < ${until} AND status <> 'rejected'${places.and})`;
  return db
    .prepare(
      `${CAUSE_SPELLINGS},
       counted(spelling, count) AS (
         SELECT spelling, ${inPart('@since', '@headUntil')} + ${inPart('@tailFrom', '@until')} FROM spellings WHERE spelling IS NOT NULL
         UNION ALL
         SELECT cause, upheld FROM monthly_causes WHERE month >= @wholeFrom AND month < @wholeUntil)
       SELECT spelling AS key, SUM(count) AS count FROM counted GROUP BY spelling HAVING SUM(count) > 0 ORDER BY spelling`,
    )
    .all({ ...span, ...inWholeOf('month', span, places.and === ''), ...places.params }) as Tally[];
}

/**
 * The remedies given in the period, by remedy (a complaint given two counts in both rows), and as
 * `(none)` the period's upheld complaints given none yet. A remedy counts as its cost does in the
 * summary, however the complaint was judged since: one reopened and found a question keeps the
 * discount it was given, which had no row while the summary counted its cost.
 */
function tallyByRemedy(db: Db, span: StoredSpan, within: Places): Tally[] {
  const places = placesOf(within);
  return db
    .prepare(
      `SELECT r.remedy AS key, COUNT(*) AS count
         FROM remedies AS r JOIN complaints AS c ON c.id = r.complaint_id
        WHERE r.given_at >= @since AND r.given_at < @until${places.and}
        GROUP BY r.remedy
       UNION ALL
       SELECT @none, COUNT(*) FROM complaints WHERE ${IN_PERIOD} AND ${countedIn()} AND remedy IS NULL${places.and}`,
    )
    .all({ ...span, ...places.params, none: NONE_KEY }) as Tally[];
}

/**
 * The period's complaints nobody has judged yet (new, or assigned or resolved straight from new),
 * which no table by cause or category counts; from complaints_unjudged, not the period's every row.
 */
export function countUntriaged(db: Db, span: StoredSpan, within: Places): number {
  const places = placesOf(within);
  return db.prepare(`SELECT COUNT(*) FROM complaints WHERE ${IN_PERIOD} AND ${UNJUDGED}${places.and}`).pluck().get({ ...span, ...places.params }) as number;
}

/**
 * Counts every day's figures and month's tallies again from the complaints, as the triggers of
 * migrations/sqlite/0006 and 0015 keep them; for an import that set the triggers aside, or a
 * logbook whose figures were tampered with.
 */
export function recountKeptFigures(db: Db): void {
  db.exec(RECOUNT);
}

/** Counts every day's figures again, and adds to each month's tallies the complaints `added` while the triggers were set aside. */
export function recountDaysAndAdd(db: Db, added: MonthlyTallies): void {
  db.exec(RECOUNT_DAYS);
  const adders = new Map(Object.entries(ADD_TO_MONTHLY_TALLY).map(([table, sql]) => [table, db.prepare(sql)]));
  for (const [table, month, key, count] of added.rows()) adders.get(table)!.run(month, key, count);
}

/** The days whose figures in daily_figures are not what their complaints add up to, in order. */
export function miscountedDays(db: Db): string[] {
  return db.prepare(MISCOUNTED_DAYS).pluck().all() as string[];
}

/** The months whose tallies in monthly_causes, monthly_hours and monthly_actions are not what their complaints add up to, in order. */
export function miscountedMonths(db: Db): string[] {
  return db.prepare(MISCOUNTED_MONTHS).pluck().all() as string[];
}

/** The summary's figures for the complaints that occurred in `span`, as they stand at `now`, and the remedies given in it. */
export function periodFigures(db: Db, span: StoredSpan, now: string, within: Places): PeriodFigures {
  // The UTC days wholly inside the period are read as daily_figures keeps them; only the
  // complaints of its partial first and last days are read one by one. What depends on `now` is
  // counted among the complaints awaiting an answer (complaints_awaiting, named as SQLite would
  // rather look each one up from complaints_by_status). The median is found apart
  // (medianHoursToResolve). The days keep the whole logbook's figures, so a report of some tills
  // or branches reads their complaints (and leaves SQLite to choose its index, as the places may
  // match nothing: no plan uses an index then).
  const places = placesOf(within);
  const days = inWholeOf('day', span, places.and === '');
  const figures = db
    .prepare(
      `WITH added AS (
         SELECT ${SUMS} FROM (
           SELECT ${LISTED_FIGURES} FROM daily_figures WHERE day >= @wholeFrom AND day < @wholeUntil
           UNION ALL
           SELECT ${LISTED_FIGURES} FROM complaint_figures WHERE occurred_at >= @since AND occurred_at < @headUntil${places.complaintIds}
           UNION ALL
           SELECT ${LISTED_FIGURES} FROM complaint_figures WHERE occurred_at >= @tailFrom AND occurred_at < @until${places.complaintIds}
           UNION ALL
           SELECT ${LISTED_FIGURES} FROM remedy_figures WHERE given_at >= @since AND given_at < @headUntil${places.remedyIds}
           UNION ALL
           SELECT ${LISTED_FIGURES} FROM remedy_figures WHERE given_at >= @tailFrom AND given_at < @until${places.remedyIds})),
       awaiting AS (
         SELECT COUNT(*) FILTER (WHERE status IN (${OPEN})) AS open,
                COUNT(*) FILTER (WHERE ${overdueAt('@now')}) AS overdue,
                COUNT(*) FILTER (WHERE ${lateAt('@now')}) AS late
           FROM complaints ${places.and === '' ? 'INDEXED BY complaints_awaiting' : ''}
          WHERE (status IN (${OPEN}) OR (resolved_at IS NULL AND status <> 'rejected')) AND ${IN_PERIOD}${places.and}),
       ${countedApartSql(IN_PERIOD, places.and)}
       SELECT logged, resolved, open, overdue, rejected, help, question, venting,
              awaiting_approval AS awaitingApproval, proposed_cost_minor AS proposedCostMinor,
              answered + late AS due,
              answered_in_time AS answeredInTime,
              followed_up AS followedUp,
              CASE WHEN rated > 0 THEN CAST(satisfaction AS REAL) / rated END AS averageSatisfaction,
              cost_minor AS remedyCostMinor
         FROM added, awaiting, natures, proposals`,
    )
    .get({ ...span, ...days, ...places.params, now }) as Omit<PeriodFigures, 'medianHoursToResolve'>;
  return { ...figures, medianHoursToResolve: medianHoursToResolve(db, span, within) };
}

/**
 * The median hours to resolve of the complaints that occurred in `span`: the whole hours counted
 * to the middle one or two (the months wholly inside the span as monthly_hours keeps them, the
 * complaints of its partial first and last months from complaints_for_report), then the middle
 * ones read from the complaints of their hour alone. A span with no whole month has few
 * complaints, read where they happened; a longer one reads its middle hour from
 * complaints_by_hours_to_resolve.
 */
function medianHoursToResolve(db: Db, span: StoredSpan, within: Places): number | null {
  const places = placesOf(within);
  const months = inWholeOf('month', span, places.and === '');
  const inPart = (from: string, until: string) =>
    `SELECT ${HOUR_TO_RESOLVE}, 1 FROM complaints INDEXED BY complaints_for_report
      WHERE occurred_at >= ${from} AND occurred_at < ${until} AND hours_to_resolve IS NOT NULL${places.and}`;
  const hours = db
    .prepare(
      `SELECT hour, SUM(count) AS count FROM (
         SELECT hour, resolved AS count FROM monthly_hours WHERE month >= @wholeFrom AND month < @wholeUntil
         UNION ALL ${inPart('@since', '@headUntil')}
         UNION ALL ${inPart('@tailFrom', '@until')})
        GROUP BY hour ORDER BY hour`,
    )
    .all({ ...span, ...months, ...places.params }) as HourCount[];
  const index = months.wholeFrom < months.wholeUntil ? 'complaints_by_hours_to_resolve' : 'complaints_for_report';
  const nth = db
    .prepare(
      `SELECT hours_to_resolve FROM complaints INDEXED BY ${index}
        WHERE hours_to_resolve >= @hour AND hours_to_resolve < @hour + 1 AND ${IN_PERIOD}${places.and}
        ORDER BY hours_to_resolve LIMIT 1 OFFSET @before`,
    )
    .pluck();
  // A middle value is missing only when the kept hours were tampered with (`complaints check` names the months).
  const middle = middleOf(hours).map(({ hour, before }) => nth.get({ ...span, ...places.params, hour, before }) as number | undefined);
  return medianOf(middle.filter((value) => value !== undefined));
}

/**
 * Corrective actions recorded (resolved) within `span` on complaints whose `dimension` is spelt
 * as one of `spellings` (`(none)` standing for no value), in the order they were recorded; at
 * most `limit`. Each action's key is its complaint's spelling, beside the complaint's cause.
 */
export function correctiveActions(
  db: Db,
  dimension: Dimension,
  spellings: readonly string[],
  span: StoredSpan,
  limit: number,
  within: Places,
): Excerpt<CorrectiveAction> {
  const column = dimensionColumn(dimension, within);
  const places = placesOf(within);
  // The unary + keeps SQLite on the index of actions by when they were recorded: offered the
  // column's own index for the spellings, it read every complaint with a vital cause (eb2f5d5).
  const recorded = (since: string, until: string) => `FROM complaints
    WHERE action IS NOT NULL AND action_at >= ${since} AND action_at < ${until}
      AND (+${column} IN (SELECT value FROM json_each(@spellings))
           OR (${column} IS NULL AND @none IN (SELECT value FROM json_each(@spellings))))${places.and}`;
  // How many there are, by cause: the months wholly inside the span as monthly_actions keeps them.
  const months = inWholeOf('month', span, dimension === 'cause' && places.and === '' && !spellings.includes(NONE_KEY));
  return excerpt<CorrectiveAction>(db, {
    columns: `id, COALESCE(${column}, @none) AS key, cause, action`,
    from: recorded('@since', '@until'),
    order: 'action_at, id',
    params: { ...span, ...months, ...places.params, spellings: JSON.stringify(spellings), none: NONE_KEY },
    limit,
    count: `SELECT (SELECT COUNT(*) ${recorded('@since', '@headUntil')}) + (SELECT COUNT(*) ${recorded('@tailFrom', '@until')})
                 + (SELECT COALESCE(SUM(recorded), 0) FROM monthly_actions
                     WHERE month >= @wholeFrom AND month < @wholeUntil AND cause IN (SELECT value FROM json_each(@spellings)))`,
  });
}

/** How many complaints, all but those rejected, with one of `causes` occurred in each of `spans`: each a range of complaints_by_cause. */
export function upheldCounts(db: Db, causes: readonly string[], spans: readonly StoredSpan[]): number[] {
  return db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM complaints
                WHERE cause IN (SELECT value FROM json_each(@causes)) AND occurred_at >= span.value ->> '$.since'
                  AND occurred_at < span.value ->> '$.until' AND status <> 'rejected')
         FROM json_each(@spans) AS span ORDER BY span.key`,
    )
    .pluck()
    .all({ causes: JSON.stringify(causes), spans: JSON.stringify(spans) }) as number[];
}

/** The latest `limit` corrective actions recorded on complaints with a cause, one of `causes` if given, before `recordedBefore` if given. */
export function recordedActions(db: Db, causes: readonly string[] | undefined, limit: number, recordedBefore?: string): RecordedAction[] {
  // The unary + keeps SQLite on the index of actions by when they were recorded, walked from the
  // latest, rather than on complaints_by_cause, which read every complaint of the causes and
  // sorted them (a week's report of 100,000 complaints: 1.1 s of its 2 s).
  return db
    .prepare(
      `SELECT id, cause, action, action_at FROM complaints
        WHERE action IS NOT NULL AND action_at IS NOT NULL AND cause IS NOT NULL
          ${causes === undefined ? '' : 'AND +cause IN (SELECT value FROM json_each(@causes))'}
          ${recordedBefore === undefined ? '' : 'AND action_at < @recordedBefore'}
        ORDER BY action_at DESC, id DESC LIMIT @limit`,
    )
    .all({ ...(causes === undefined ? {} : { causes: JSON.stringify(causes) }), ...(recordedBefore === undefined ? {} : { recordedBefore }), limit }) as RecordedAction[];
}

/** The customers' own suggestions made with the period's complaints, oldest first; at most `limit`. */
export function suggestions(db: Db, span: StoredSpan, limit: number, within: Places): Excerpt<Suggestion> {
  const places = placesOf(within);
  return excerpt<Suggestion>(db, {
    columns: 'id, suggestion',
    from: `FROM complaints WHERE ${IN_PERIOD} AND suggestion IS NOT NULL${places.and}`,
    order: 'occurred_at, id',
    params: { ...span, ...places.params },
    limit,
  });
}

/**
 * The first `limit` rows and how many there are in all. The total is counted apart from the rows
 * shown (by `count`, when what is kept can count them), so that counting a period of years reads
 * index entries only, not every row's text.
 */
function excerpt<T>(
  db: Db,
  query: { columns: string; from: string; order: string; params: Record<string, unknown>; limit: number; count?: string },
): Excerpt<T> {
  const { columns, from, order, params, limit, count = `SELECT COUNT(*) ${from}` } = query;
  const shown = db.prepare(`SELECT ${columns} ${from} ORDER BY ${order} LIMIT @limit`).all({ ...params, limit }) as T[];
  const total = shown.length < limit ? shown.length : (db.prepare(count).pluck().get(params) as number);
  return { shown, total };
}

/** Runs several reads as one snapshot, so a till writing meanwhile cannot make the figures disagree. */
export function readAtOnce<T>(db: Db, read: () => T): T {
  return db.transaction(read)();
}
