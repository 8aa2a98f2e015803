import { DEFAULT_WEEKS, judgeableBefore } from '../domain/action-effect.js';
import type { Settings } from '../domain/config.js';
import { isNamedVital, mergeSpellings, pareto, vitalSpellings, type Dimension } from '../domain/pareto.js';
import { comparedWith, settlePeriod, type PeriodRequest, type Span } from '../domain/period.js';
import { spellingsOf } from '../domain/spelling.js';
import { summarise, type Report, type ReportPlaces } from '../domain/summary.js';
import type { Logbook, StoredSpan } from '../store/logbook.js';
import { placesAsSpelt } from '../store/spelt-filter.js';
import type { NamedNothing } from '../domain/filter.js';
import { judgeActions } from './judge-actions.js';

/** How many corrective actions and suggestions a report lists before saying how many more there are. */
const LISTED_AT_MOST = 20;
/** How many of the vital few's earlier corrective actions a report judges, the latest. */
const EARLIER_LISTED = 5;

/** What a report is asked for. */
export interface ReportRequest {
  period: PeriodRequest;
  by: Dimension;
  /** Keep to one till or branch, as typed (matched to the spellings in use as `list --till` is). */
  places: ReportPlaces;
  /** Told of a till or branch given that no complaint was logged at. */
  namedNothing?: NamedNothing;
  /** Rows after the first `top` are folded into Other. */
  top: number | undefined;
  now: Date;
  /** A period to set beside this one instead of the one just before it, Pareto table and all. */
  compare?: PeriodRequest;
}

/**
 * The weekly review of a logbook: the period settled in the shop's weeks; the period's complaints
 * tallied by `by`, spellings of one thing merged, as a Pareto table; the corrective actions
 * recorded for its vital few; the summary beside the period before; the customers' suggestions.
 * All of that is read from one snapshot, so a till writing meanwhile cannot make the figures
 * disagree. By cause, the vital few's earlier actions are judged afterwards, as they stand now.
 */
export async function makeReport(logbook: Logbook, settings: Settings, request: ReportRequest): Promise<Report> {
  const { by, top, now, places, compare } = request;
  const settled = settlePeriod(request.period, now, settings['week-start']);
  const period = compare === undefined ? settled : comparedWith(settled, settlePeriod(compare, now, settings['week-start']));
  const span = stored(period);
  const report = await logbook.atOnce(await placesAsSpelt(logbook, places, request.namedNothing), async (reads) => {
    const tallied = async (over: StoredSpan) => {
      const tallies = mergeSpellings(await reads.tally(by, over));
      return { tallies, rows: pareto(tallies.map(({ key, count }) => ({ key, count })), top) };
    };
    const { tallies, rows } = await tallied(span);
    const vital = vitalSpellings(rows, tallies);
    const actions = await reads.correctiveActions(by, vital.spellings, span, LISTED_AT_MOST);
    return {
      shop: settings.shop,
      madeAt: now,
      places,
      currency: settings.currency,
      by,
      period,
      pareto: rows,
      untriaged: await reads.untriaged(span),
      summary: summarise(await reads.figures(span, now.toISOString())),
      previous: summarise(await reads.figures(stored(period.previous), now.toISOString())),
      actions: { ...actions, shown: actions.shown.map((action) => ({ ...action, key: vital.rowOf(action.key) })) },
      suggestions: await reads.suggestions(span, LISTED_AT_MOST),
      ...(compare === undefined
        ? {}
        : { compared: { pareto: (await tallied(stored(period.previous))).rows, untriaged: await reads.untriaged(stored(period.previous)) } }),
    };
  });
  const earlier = by === 'cause' ? await earlierActions(logbook, report.pareto, period.until, now) : undefined;
  return earlier === undefined || earlier.shown.length === 0 ? report : { ...report, earlierActions: earlier };
}

/**
 * The corrective actions for the table's vital few (every spelling of each) recorded before
 * `until` and at least DEFAULT_WEEKS whole weeks before `now`, judged as `complaints actions`
 * judges them: a past week's own among them, whose verdict its reader looks back for.
 */
async function earlierActions(logbook: Logbook, table: Report['pareto'], until: Date, now: Date): Promise<Report['earlierActions']> {
  const vital = table.rows.filter(isNamedVital).map((row) => row.key);
  if (vital.length === 0) return undefined;
  const inUse = await logbook.causesInUse();
  const causes = [...new Set(vital.flatMap((cause) => spellingsOf(cause, inUse)))];
  const before = Math.min(until.getTime(), judgeableBefore(now, DEFAULT_WEEKS).getTime());
  // One more than shown, to know whether there are earlier ones.
  const recorded = await logbook.recordedActions(causes, EARLIER_LISTED + 1, new Date(before).toISOString());
  return { shown: await judgeActions(logbook, recorded.slice(0, EARLIER_LISTED), DEFAULT_WEEKS, now), more: recorded.length > EARLIER_LISTED };
}

function stored(span: Span): StoredSpan {
  return { since: span.since.toISOString(), until: span.until.toISOString() };
}
