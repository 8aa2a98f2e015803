import { addMilliseconds } from 'date-fns/addMilliseconds';
import { startOfDay } from 'date-fns/startOfDay';
import { DEFAULT_WEEKS, type JudgedAction } from '../../domain/action-effect.js';
import type { Dimension, ParetoRow } from '../../domain/pareto.js';
import { NONE_KEY, TRIAGED_DIMENSIONS, VITAL_PERCENT, isNamedVital } from '../../domain/pareto.js';
import type { Period, Span } from '../../domain/period.js';
import { amountShown } from '../../domain/money.js';
import { localClock, localDate, localMinute } from '../../domain/when.js';
import { SUMMARY_FIGURES, trend, type CorrectiveAction, type Report, type Summary, type SummaryKey, type Trend } from '../../domain/summary.js';
import { dayInYearShown, dayShown } from '../../language/dates.js';
import { t, type MessageKey } from '../../language/messages.js';
import { verdictShown, weeklyCounts } from '../actions.js';
import { dimensionShown, remedyShown } from '../../language/labels.js';
import { oneLine } from '../terminal.js';

// The words and figures every human format (table, Markdown, HTML) shows, so they say the same.

/** A count of what a report is by: "1 cause", "3 causes". */
function countedBy(count: number, by: Dimension): string {
  return t('report.countedBy', { count, by });
}

/** A count of more of what a report is by, that `Other` folds: "1 more cause", "3 more causes". */
function countedMore(count: number, by: Dimension): string {
  return t('report.countedMore', { count, by });
}

/** What a report is by, as a noun in a sentence: "cause", "subject" (for about). */
/** What a report is by, as the heading of its tables' column of keys: "cause", "about". */
export function byColumn(by: Dimension): string {
  return t('report.byColumn', { by });
}

export function title(report: Report): string {
  const where = [oneLine(report.shop), ...placesNamed(report).map(([what, name]) => `${what} ${name}`)].join(placesSeparator());
  return t('report.title', { heading: paretoHeading(report), where });
}

/** Between the shop and the places a report keeps to, in its title: ", ". */
export function placesSeparator(): string {
  return t('report.separator');
}

/** The till and branch a report keeps to, each as a label and a name: "branch", "High Street". */
export function placesNamed(report: Report): Array<[string, string]> {
  const { branch, till } = report.places;
  return [
    ...(branch === undefined ? [] : [[t('report.placeBranch'), oneLine(branch)] as [string, string]]),
    ...(till === undefined ? [] : [[t('report.placeTill'), oneLine(till)] as [string, string]]),
  ];
}

export function paretoHeading(report: Report): string {
  return t('report.paretoHeading', { noun: dimensionShown(report.by) });
}

export function periodLine({ period, madeAt }: Pick<Report, 'period' | 'madeAt'>): string {
  const days = spanText(period);
  if (period.kind === 'last') return t('report.periodLast', { name: period.name, days });
  const line = period.kind === 'range' ? days : t('report.periodWeek', { name: period.name, days });
  // A week or range not over yet (this month) is set beside a whole one: its figures are so far,
  // which the reader must know. (The last days or weeks say that they end today.)
  return madeAt < period.until ? t('report.soFar', { line, day: dayInYearShown(madeAt), clock: localClock(madeAt) }) : line;
}

/**
 * The period line under a report's title: a period over is said to be counted as it stands when
 * the report was made, as its complaints resolved, fallen due or followed up since move its
 * summary (Monday's printed review and Wednesday's of the same week differ).
 */
export function reportPeriodLine(report: Pick<Report, 'period' | 'madeAt'>): string {
  const line = periodLine(report);
  const { period, madeAt } = report;
  return period.kind !== 'last' && madeAt >= period.until ? t('report.asOf', { line, day: dayInYearShown(madeAt), clock: localClock(madeAt) }) : line;
}

export function previousLine(period: Period): string {
  const days = spanText(period.previous);
  if (period.previous.chosen) return period.previous.name ? t('report.comparedWithWeek', { name: period.previous.name, days }) : t('report.comparedWith', { days });
  if (period.kind === 'week') return t('report.comparedWithWeek', { name: period.previous.name, days });
  if (period.kind === 'last') return t('report.comparedWithLastBefore', { name: period.previous.name, days });
  return t('report.comparedWithPeriodBefore', { days });
}

/** Short names for the two columns of the summary. */
export function columnNames(period: Period): [string, string] {
  const own = period.kind === 'week' ? period.name : period.kind === 'last' ? t('report.columnLast', { name: period.name }) : t('report.columnThisPeriod');
  if (period.previous.chosen) return [own, period.previous.name || t('report.columnCompared')];
  return [own, period.kind === 'week' ? period.previous.name : t('report.columnBefore')];
}

/** The period --compare chose, as the heading of its Pareto table. */
export function comparedPeriodLine(period: Period): string {
  const days = spanText(period.previous);
  return period.previous.name ? t('report.periodWeek', { name: period.previous.name, days }) : days;
}

/** Whole days read as days (the end being exclusive, the last day shown is the one before it), else times. */
function spanText(span: Span): string {
  const wholeDays = startOfDay(span.since).getTime() === span.since.getTime() && startOfDay(span.until).getTime() === span.until.getTime();
  if (!wholeDays) return t('report.spanTimes', { since: localMinute(span.since), until: localMinute(span.until) });
  const last = addMilliseconds(span.until, -1);
  const first = span.since.getFullYear() === last.getFullYear() ? dayInYearShown(span.since) : dayShown(span.since);
  return t('report.spanDays', { first, last: dayShown(last) });
}

/**
 * A row's key as a person reads it: inert, on one line, cut to `max` columns where a terminal's
 * table must fit (a page or a document wraps it, and shows it whole); `Other` says how much it folds.
 */
export function rowLabel(row: ParetoRow, by: Dimension, max: number): string {
  return row.folded > 0 ? t('report.otherRow', { more: countedMore(row.folded, by) }) : keyShown(row.key, by, max);
}

/**
 * A key of the table (a cause, a till, …) as a person reads it, inert and on one line: the row
 * of complaints with no value, and the remedies, in the language spoken.
 */
export function keyShown(key: string, by: Dimension, max = Infinity): string {
  // By remedy, the row of complaints given none yet, not to be read as the remedy "none".
  if (key === NONE_KEY) return t(by === 'remedy' ? 'report.noRemedyYet' : 'report.noneKey');
  if (by === 'remedy') return oneLine(remedyShown(key), max);
  return oneLine(key, max);
}

/**
 * What a listed corrective action is for: its row, and but by cause the cause it corrects, which
 * a till or an assignee does not tell (`前台（汤凉）`); cut to `max` columns as a row's key is.
 */
export function actionFor(action: CorrectiveAction, by: Dimension, max = Infinity): string {
  const row = keyShown(action.key, by);
  if (by === 'cause' || action.cause === null) return oneLine(row, max);
  // Under the row of no value (no one assigned), the cause alone: （无）（汤凉） says nothing more.
  return oneLine(action.key === NONE_KEY ? action.cause : t('report.actionForCause', { row, cause: action.cause }), max);
}

/** What the rule under the vital few says; it is drawn after the last of them by name, never under `Other`. */
export function vitalRule(): string {
  return t('report.vitalRule');
}

/**
 * The vital few in a sentence; when `Other` lies within the 80 %, that it does and which --top
 * names them all. Rows tied at the rule are named cut to `keyWidth` columns (a terminal's line;
 * a page wraps them whole).
 */
export function vitalFewLine(report: Report, keyWidth = TIED_KEY_WIDTH): string {
  const { rows, total, vitalKeys } = report.pareto;
  const keys = rows.reduce((sum, row) => sum + (row.folded > 0 ? row.folded : 1), 0);
  const named = rows.filter(isNamedVital);
  const share = named.at(-1)?.cumulativePercent ?? 0;
  // By remedy, a complaint given two remedies counts twice, and one given none yet once.
  const of = t(report.by === 'remedy' ? 'report.ofRemedies' : 'report.ofComplaints', { total });
  const all = named.length < keys ? 'some' : keys === 1 ? 'one' : 'all';
  // The row of no value (no one assigned) is counted among the rows though it is none of them; by
  // remedy, `of` says already that complaints given none yet are counted.
  const counted = report.by !== 'remedy' && rows.some((row) => row.key === NONE_KEY)
    ? t('report.countingNone', { keys: countedBy(keys, report.by), none: keyShown(NONE_KEY, report.by) })
    : countedBy(keys, report.by);
  const said = { percent: VITAL_PERCENT, named: named.length, keys: counted, all, share: percentText(share), of };
  const other = rows.find((row) => row.vital && row.folded > 0);
  const line = other === undefined ? t('report.vitalFew', said) : t('report.vitalFewAndOther', { ...said, more: countedMore(other.folded, report.by), top: vitalKeys });
  return line + tiedAtTheRule(report, keyWidth);
}

/**
 * Rows below the rule with as many as the last of the vital few: ties are ordered by name, so
 * the rule falls between them by name alone, which the reader is told (a small week's causes are
 * often one complaint each).
 */
function tiedAtTheRule(report: Report, keyWidth: number): string {
  const named = report.pareto.rows.filter((row) => row.folded === 0);
  const last = named.filter((row) => row.vital).at(-1);
  const tied = named.filter((row) => !row.vital && row.count === last?.count);
  if (last === undefined || tied.length === 0) return '';
  const shown = tied.slice(0, TIES_NAMED).map((row) => keyShown(row.key, report.by, keyWidth));
  // By remedy, the rows count remedies given, not complaints.
  return t(report.by === 'remedy' ? 'report.tiedAtTheRuleRemedies' : 'report.tiedAtTheRule', {
    keys: shown.join(t('common.listSeparator')),
    more: tied.length - shown.length,
    tied: tied.length,
    last: keyShown(last.key, report.by, keyWidth),
    count: last.count,
  });
}

const TIES_NAMED = 3;
const TIED_KEY_WIDTH = 40;

/** The count the longest bar stands for (`Other` may outnumber the first row). */
export function largestCount(rows: readonly ParetoRow[]): number {
  return Math.max(0, ...rows.map((row) => row.count));
}

export function emptyLine(report: Report): string {
  return t('report.emptyLine', { noun: dimensionShown(report.by) });
}

/**
 * Where the complaints no triage has judged yet went, and the help, questions and venting no
 * table counts (the summary has each): never silently dropped. No line for a period with nothing
 * to count, where "not yet triaged: 0" says nothing.
 */
export function untriagedLines(report: Report): string[] {
  const where = TRIAGED_DIMENSIONS.includes(report.by) ? 'apart' : 'counted';
  const line = t('report.untriaged', { count: report.untriaged, where });
  const { help, question, venting } = report.summary;
  const apart = help + question + venting;
  if (apart > 0) return [t('report.untriagedAndApart', { untriaged: line, count: apart })];
  return report.untriaged === 0 && report.pareto.rows.length === 0 ? [] : [line];
}

export function percentText(percent: number): string {
  return percent.toFixed(2);
}

/** A bar of block characters, `width` cells for `max`, in eighths of a cell; never empty for a count. */
export function bar(count: number, max: number, width = 24): string {
  const eighths = max === 0 ? 0 : Math.max(count > 0 ? 1 : 0, Math.round((count / max) * width * 8));
  const partial = eighths % 8 === 0 ? '' : ' ▏▎▍▌▋▊▉'[eighths % 8];
  return '█'.repeat(Math.floor(eighths / 8)) + partial;
}

export interface SummaryLine {
  label: string;
  current: string;
  previous: string;
  trend: Trend;
  /** Whether the move is good news; null when it is neither or there is no move. */
  good: boolean | null;
}

const LABELS = {
  logged: 'report.summaryLogged',
  resolved: 'report.summaryResolved',
  open: 'report.summaryOpen',
  overdue: 'report.summaryOverdue',
  rejected: 'report.summaryRejected',
  help: 'report.summaryHelp',
  question: 'report.summaryQuestion',
  venting: 'report.summaryVenting',
  withinResponseTarget: 'report.summaryWithinResponseTarget',
  medianHoursToResolve: 'report.summaryMedianHoursToResolve',
  followedUp: 'report.summaryFollowedUp',
  averageSatisfaction: 'report.summaryAverageSatisfaction',
  remedyCost: 'report.summaryRemedyCost',
  awaitingApproval: 'report.summaryAwaitingApproval',
  proposedCost: 'report.summaryProposedCost',
} as const satisfies Record<SummaryKey, MessageKey>;

export function summaryLines(report: Report): SummaryLine[] {
  const shown = SUMMARY_FIGURES.filter(({ key, whenAny }) => !whenAny || report.summary[key] !== 0 || report.previous[key] !== 0);
  return shown.map(({ key, better }) => {
    const current = report.summary[key];
    const previous = report.previous[key];
    const moved = trend(current, previous);
    return {
      label: t(LABELS[key]),
      current: figureText(key, current, report.currency),
      previous: figureText(key, previous, report.currency),
      trend: moved,
      good: better === null || moved === null || moved === 'same' ? null : (moved === 'up') === (better === 'higher'),
    };
  });
}

export const TREND_MARK: Record<NonNullable<Trend>, string> = { up: '▲', down: '▼', same: '=' };

function figureText(key: keyof Summary, value: number | null, currency: string): string {
  if (value === null) return '–';
  switch (key) {
    case 'withinResponseTarget':
      return t('report.percent', { value: Math.round(value * 100) });
    case 'medianHoursToResolve':
      return value.toFixed(1);
    case 'averageSatisfaction':
      return value.toFixed(2);
    case 'remedyCost':
    case 'proposedCost':
      return amountShown(Math.round(value * 100), currency);
    default:
      return String(value);
  }
}

export function actionsHeading(): string {
  return t('report.actionsHeading');
}

export function earlierActionsHeading({ places }: Pick<Report, 'places'>): string {
  // An action is the shop's, and judged by the shop's weeks: a report kept to one branch says so,
  // or the counts read as the branch's own, which its table above does not show.
  const keptToPlace = places.till !== undefined || places.branch !== undefined;
  return t(keptToPlace ? 'report.earlierActionsHeadingWholeShop' : 'report.earlierActionsHeading', { weeks: DEFAULT_WEEKS });
}

/** After the earlier actions a report shows, when there are more before them. */
export function earlierActionsMore(): string {
  return t('report.earlierActionsMore');
}

/**
 * After an earlier action's cause and text: when it was recorded, its weeks' counts and the
 * verdict, the counts of a week spaced with `space` (a page keeps each run of weeks on one line).
 */
export function earlierActionTail(action: JudgedAction, space = ' '): string {
  return t('report.earlierActionTail', {
    date: localDate(new Date(action.recordedAt)),
    before: weeklyCounts(action.before, space),
    after: weeklyCounts(action.after, space),
    verdict: verdictShown(action),
  });
}

export function suggestionsHeading(): string {
  return t('report.suggestionsHeading');
}

export function moreLine(shown: number, total: number): string | null {
  return total > shown ? t('report.andMore', { count: total - shown }) : null;
}

/** A line of the vital few of one of two periods side by side, after the period's heading. */
export function headedLine(heading: string, line: string): string {
  return t('report.headedLine', { heading, line });
}
