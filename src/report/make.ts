import type { Settings } from '../domain/config.js';
import { mergeSpellings, pareto, vitalSpellings, type Dimension } from '../domain/pareto.js';
import { settlePeriod, type PeriodRequest, type Span } from '../domain/period.js';
import { summarise, type Report, type ReportPlaces } from '../domain/summary.js';
import type { Logbook, StoredSpan } from '../store/logbook.js';
import { placesAsSpelt } from '../store/spelt-filter.js';

/** How many corrective actions and suggestions a report lists before saying how many more there are. */
const LISTED_AT_MOST = 20;

/** What a report is asked for. */
export interface ReportRequest {
  period: PeriodRequest;
  by: Dimension;
  /** Keep to one till or branch, as typed (matched to the spellings in use as `list --till` is). */
  places: ReportPlaces;
  /** Rows after the first `top` are folded into Other. */
  top: number | undefined;
  now: Date;
}

/**
 * The weekly review of a logbook: the period settled in the shop's weeks; the period's complaints
 * tallied by `by`, spellings of one thing merged, as a Pareto table; the corrective actions
 * recorded for its vital few; the summary beside the period before; the customers' suggestions.
 * Everything is read from one snapshot, so a till writing meanwhile cannot make the figures disagree.
 */
export async function makeReport(logbook: Logbook, settings: Settings, request: ReportRequest): Promise<Report> {
  const { by, top, now, places } = request;
  const period = settlePeriod(request.period, now, settings['week-start']);
  const span = stored(period);
  return logbook.atOnce(await placesAsSpelt(logbook, places), async (reads) => {
    const tallies = mergeSpellings(await reads.tally(by, span));
    const rows = pareto(tallies.map(({ key, count }) => ({ key, count })), top);
    const vital = vitalSpellings(rows, tallies);
    const actions = await reads.correctiveActions(by, vital.spellings, span, LISTED_AT_MOST);
    return {
      shop: settings.shop,
      places,
      currency: settings.currency,
      by,
      period,
      pareto: rows,
      untriaged: await reads.untriaged(by, span),
      summary: summarise(await reads.figures(span, now.toISOString())),
      previous: summarise(await reads.figures(stored(period.previous), now.toISOString())),
      actions: { ...actions, shown: actions.shown.map((action) => ({ ...action, key: vital.rowOf(action.key) })) },
      suggestions: await reads.suggestions(span, LISTED_AT_MOST),
    };
  });
}

function stored(span: Span): StoredSpan {
  return { since: span.since.toISOString(), until: span.until.toISOString() };
}
