import type { JudgedAction } from './action-effect.js';
import { toUnits } from './money.js';
import type { Dimension, Pareto } from './pareto.js';
import type { Period, Span } from './period.js';

/** What the store counts for one period's complaints, as they stand now, and for the remedies given in it. */
export interface PeriodFigures {
  logged: number;
  resolved: number;
  open: number;
  overdue: number;
  rejected: number;
  /** The complaints judged help, a question or venting: answered, and counted apart from the causes. */
  help: number;
  question: number;
  venting: number;
  /** Upheld complaints the response target has been put to: resolved, or already past respond-by. */
  due: number;
  /** Of those, the ones resolved at or before their respond-by time. */
  answeredInTime: number;
  medianHoursToResolve: number | null;
  followedUp: number;
  averageSatisfaction: number | null;
  /** What the remedies given in the period cost, whenever their complaints happened. */
  remedyCostMinor: number;
  /** The period's complaints with a remedy proposed that waits for approval, and what those would cost. */
  awaitingApproval: number;
  proposedCostMinor: number;
}

/** The summary of a period, as the report contract names it. */
export interface Summary {
  logged: number;
  resolved: number;
  open: number;
  overdue: number;
  rejected: number;
  help: number;
  question: number;
  venting: number;
  /**
   * Of the upheld complaints the target has been put to (resolved, or open past respond-by), the
   * share resolved at or before respond-by: 0 to 1, two decimals; null when there are none yet.
   */
  withinResponseTarget: number | null;
  /** One decimal; null when none is resolved. */
  medianHoursToResolve: number | null;
  followedUp: number;
  /** Two decimals; null when no follow-up gave a satisfaction. */
  averageSatisfaction: number | null;
  /** What the remedies given in the period cost, in currency units: those given, never those only proposed. */
  remedyCost: number;
  /** The period's complaints whose remedy waits for approval, and what those remedies would cost, in currency units. */
  awaitingApproval: number;
  proposedCost: number;
}

export type SummaryKey = keyof Summary;

/**
 * The summary's figures in the contract's order, and which way is good news (for colour only);
 * `whenAny` ones are shown only when either period has some (a shop without an approval limit
 * never sees them).
 */
export const SUMMARY_FIGURES: ReadonlyArray<{ key: SummaryKey; better: 'higher' | 'lower' | null; whenAny?: true }> = [
  { key: 'logged', better: 'lower' },
  { key: 'resolved', better: null },
  { key: 'open', better: 'lower' },
  { key: 'overdue', better: 'lower' },
  { key: 'rejected', better: null },
  { key: 'help', better: null },
  { key: 'question', better: null },
  { key: 'venting', better: null },
  { key: 'withinResponseTarget', better: 'higher' },
  { key: 'medianHoursToResolve', better: 'lower' },
  { key: 'followedUp', better: 'higher' },
  { key: 'averageSatisfaction', better: 'higher' },
  { key: 'remedyCost', better: 'lower' },
  { key: 'awaitingApproval', better: 'lower', whenAny: true },
  { key: 'proposedCost', better: 'lower', whenAny: true },
];

export function summarise(figures: PeriodFigures): Summary {
  return {
    logged: figures.logged,
    resolved: figures.resolved,
    open: figures.open,
    overdue: figures.overdue,
    rejected: figures.rejected,
    help: figures.help,
    question: figures.question,
    venting: figures.venting,
    withinResponseTarget: figures.due === 0 ? null : shareOf(figures.answeredInTime, figures.due),
    medianHoursToResolve: figures.medianHoursToResolve === null ? null : round(figures.medianHoursToResolve, 1),
    followedUp: figures.followedUp,
    averageSatisfaction: figures.averageSatisfaction === null ? null : round(figures.averageSatisfaction, 2),
    remedyCost: toUnits(figures.remedyCostMinor),
    awaitingApproval: figures.awaitingApproval,
    proposedCost: toUnits(figures.proposedCostMinor),
  };
}

export type Trend = 'up' | 'down' | 'same' | null;

/** Which way a figure moved since the previous period; null when either side has no value. */
export function trend(current: number | null, previous: number | null): Trend {
  if (current === null || previous === null) return null;
  return current > previous ? 'up' : current < previous ? 'down' : 'same';
}

/**
 * `part` of `whole` to two decimals, never rounded to all or none when it is not: 299,992 of
 * 300,000 answered in time is 0.99, not the 1 that would say none was late.
 */
function shareOf(part: number, whole: number): number {
  const share = round(part / whole, 2);
  if (share === 1 && part < whole) return 0.99;
  if (share === 0 && part > 0) return 0.01;
  return share;
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** The first few of a longer list, and how long the list is. */
export interface Excerpt<T> {
  shown: T[];
  total: number;
}

/** A corrective action as recorded: on which complaint, for which cause (as stored), and when. */
export interface RecordedAction {
  id: number;
  cause: string;
  action: string;
  action_at: string;
}

/**
 * A corrective action recorded on a complaint, with the complaint's key in the report and its
 * cause (null for none): by till or by assignee, the row alone does not say what the action corrects.
 */
export interface CorrectiveAction {
  id: number;
  key: string;
  cause: string | null;
  action: string;
}

export interface Suggestion {
  id: number;
  suggestion: string;
}

/** A till and a branch as typed to keep a report to them. */
export interface ReportPlaces {
  till?: string;
  branch?: string;
}

/** Everything a report shows, whatever its format. */
export interface Report {
  shop: string;
  /** When it was made: a period not over by then has its figures so far. */
  madeAt: Date;
  /** The till and branch the report keeps to, as typed; neither for the whole logbook. */
  places: ReportPlaces;
  currency: string;
  by: Dimension;
  period: Period;
  pareto: Pareto;
  untriaged: number;
  summary: Summary;
  previous: Summary;
  /** Recorded in the period for the vital few. */
  actions: Excerpt<CorrectiveAction>;
  /**
   * By cause only, when there are any: the vital few's corrective actions recorded before the
   * period ended and long enough ago to judge, the latest first, each with its verdict as it
   * stands now.
   */
  earlierActions?: { shown: JudgedAction[]; more: boolean };
  /** With --compare: the Pareto table of the period chosen (period.previous), to set beside this one's. */
  compared?: { pareto: Pareto; untriaged: number };
  suggestions: Excerpt<Suggestion>;
}

/** The report as the contract's `report --format json` shape, keys in its order; with --compare, the other period's table after it. */
export function reportJson(report: Report) {
  const { compared, period } = report;
  return {
    period: spanJson(period),
    by: report.by,
    ...report.places,
    ...paretoJson(report.pareto, report.untriaged),
    summary: { ...report.summary, previous: report.previous },
    ...(compared === undefined ? {} : { compare: { period: spanJson(period.previous), ...paretoJson(compared.pareto, compared.untriaged) } }),
  };
}

function spanJson(span: Span) {
  return { since: span.since.toISOString(), until: span.until.toISOString() };
}

function paretoJson(table: Pareto, untriaged: number) {
  return {
    total: table.total,
    untriaged,
    rows: table.rows.map(({ key, count, percent, cumulativePercent, vital }) => ({ key, count, percent, cumulativePercent, vital })),
  };
}
