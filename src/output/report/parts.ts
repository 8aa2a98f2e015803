import { addMilliseconds } from 'date-fns/addMilliseconds';
import { format } from 'date-fns/format';
import { startOfDay } from 'date-fns/startOfDay';
import { DEFAULT_WEEKS, type JudgedAction } from '../../domain/action-effect.js';
import type { Dimension, ParetoRow } from '../../domain/pareto.js';
import { OTHER_KEY, TRIAGED_DIMENSIONS, VITAL_PERCENT, isNamedVital } from '../../domain/pareto.js';
import type { Period, Span } from '../../domain/period.js';
import { SUMMARY_FIGURES, trend, type Report, type Summary, type SummaryKey, type Trend } from '../../domain/summary.js';
import { weeklyCounts } from '../actions.js';
import { counted } from '../plural.js';
import { oneLine } from '../terminal.js';

// The words and figures every human format (table, Markdown, HTML) shows, so they say the same.

const NOUNS: Record<Dimension, { one: string; many: string }> = {
  cause: { one: 'cause', many: 'causes' },
  category: { one: 'category', many: 'categories' },
  about: { one: 'subject', many: 'subjects' },
  channel: { one: 'channel', many: 'channels' },
  assignee: { one: 'assignee', many: 'assignees' },
  remedy: { one: 'remedy', many: 'remedies' },
  till: { one: 'till', many: 'tills' },
  branch: { one: 'branch', many: 'branches' },
};

/** A count of what a report is by: "1 cause", "3 more causes". */
function countedBy(count: number, by: Dimension, more = ''): string {
  return counted(count, `${more}${NOUNS[by].one}`, `${more}${NOUNS[by].many}`);
}

export function title(report: Report): string {
  return `${paretoHeading(report)} — ${[oneLine(report.shop), ...placesNamed(report).map(([what, name]) => `${what} ${name}`)].join(', ')}`;
}

/** The till and branch a report keeps to, each as a label and a name: "branch", "High Street". */
export function placesNamed(report: Report): Array<[string, string]> {
  const { branch, till } = report.places;
  return [
    ...(branch === undefined ? [] : [['branch', oneLine(branch)] as [string, string]]),
    ...(till === undefined ? [] : [['till', oneLine(till)] as [string, string]]),
  ];
}

export function paretoHeading(report: Report): string {
  return `Complaints by ${NOUNS[report.by].one}`;
}

export function periodLine(period: Period): string {
  const days = spanText(period);
  if (period.kind === 'week') return `Week ${period.name}, ${days}`;
  if (period.kind === 'last') return `The last ${period.name}, ${days}`;
  return days;
}

export function previousLine(period: Period): string {
  const days = spanText(period.previous);
  if (period.previous.chosen) return `Compared with ${period.previous.name ? `week ${period.previous.name}, ` : ''}${days}`;
  if (period.kind === 'week') return `Compared with week ${period.previous.name}, ${days}`;
  if (period.kind === 'last') return `Compared with the ${period.previous.name} before, ${days}`;
  return `Compared with the period before, ${days}`;
}

/** Short names for the two columns of the summary. */
export function columnNames(period: Period): [string, string] {
  const own = period.kind === 'week' ? period.name : period.kind === 'last' ? `last ${period.name}` : 'this period';
  if (period.previous.chosen) return [own, period.previous.name || 'compared'];
  return [own, period.kind === 'week' ? period.previous.name : 'before'];
}

/** The period --compare chose, as the heading of its Pareto table. */
export function comparedPeriodLine(period: Period): string {
  const days = spanText(period.previous);
  return period.previous.name ? `Week ${period.previous.name}, ${days}` : days;
}

/** Whole days read as days (the end being exclusive, the last day shown is the one before it), else times. */
function spanText(span: Span): string {
  const wholeDays = startOfDay(span.since).getTime() === span.since.getTime() && startOfDay(span.until).getTime() === span.until.getTime();
  if (!wholeDays) return `${format(span.since, 'yyyy-MM-dd HH:mm')} to ${format(span.until, 'yyyy-MM-dd HH:mm')}`;
  const last = addMilliseconds(span.until, -1);
  const first = format(span.since, span.since.getFullYear() === last.getFullYear() ? 'EEE d MMM' : 'EEE d MMM yyyy');
  return `${first} – ${format(last, 'EEE d MMM yyyy')}`;
}

/** A row's key as a person reads it: inert, on one line; `Other` says how much it folds. */
export function rowLabel(row: ParetoRow, by: Dimension, max = 40): string {
  return row.folded > 0 ? `${OTHER_KEY} (${countedBy(row.folded, by, 'more ')})` : oneLine(row.key, max);
}

/** What the rule under the vital few says; it is drawn after the last of them by name, never under `Other`. */
export const VITAL_RULE = 'the vital few above';

/** The vital few in a sentence; when `Other` lies within the 80 %, that it does and which --top names them all. */
export function vitalFewLine(report: Report): string {
  const { rows, total, vitalKeys } = report.pareto;
  const keys = rows.reduce((sum, row) => sum + (row.folded > 0 ? row.folded : 1), 0);
  const named = rows.filter(isNamedVital);
  const share = named.at(-1)?.cumulativePercent ?? 0;
  const line = `The vital few, up to the row that crosses ${VITAL_PERCENT} %: ${named.length} of ${countedBy(keys, report.by)}, ${percentText(share)} % of ${counted(total, 'complaint')}`;
  const other = rows.find((row) => row.vital && row.folded > 0);
  if (other === undefined) return `${line}.`;
  return `${line}; ${OTHER_KEY}, which folds ${countedBy(other.folded, report.by, 'more ')}, lies within the ${VITAL_PERCENT} % too (--top ${vitalKeys} shows the vital few by name).`;
}

/** The count the longest bar stands for (`Other` may outnumber the first row). */
export function largestCount(rows: readonly ParetoRow[]): number {
  return Math.max(0, ...rows.map((row) => row.count));
}

export function emptyLine(report: Report): string {
  return `No upheld complaints counted by ${NOUNS[report.by].one} in this period.`;
}

/**
 * Where the complaints no triage has judged yet went, and the help, questions and venting no
 * table counts (the summary has each): never silently dropped.
 */
export function untriagedLine(report: Report): string {
  const where = TRIAGED_DIMENSIONS.includes(report.by) ? 'not counted above' : 'counted above';
  const next = report.untriaged > 0 ? "; triage them with 'complaints triage'" : '';
  const { help, question, venting } = report.summary;
  const apart = help + question + venting > 0 ? ` Help, questions and venting: ${help + question + venting} (not counted above).` : '';
  return `Not yet triaged: ${report.untriaged} (${where})${next}.${apart}`;
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

const LABELS: Record<SummaryKey, string> = {
  logged: 'logged',
  resolved: 'resolved',
  open: 'open',
  overdue: 'overdue',
  rejected: 'rejected',
  help: 'help',
  question: 'questions',
  venting: 'venting',
  withinResponseTarget: 'within response target',
  medianHoursToResolve: 'median hours to resolve',
  followedUp: 'followed up',
  averageSatisfaction: 'average satisfaction (1–5)',
  remedyCost: 'remedy cost',
  awaitingApproval: 'awaiting approval',
  proposedCost: 'proposed, not yet given',
};

export function summaryLines(report: Report): SummaryLine[] {
  const shown = SUMMARY_FIGURES.filter(({ key, whenAny }) => !whenAny || report.summary[key] !== 0 || report.previous[key] !== 0);
  return shown.map(({ key, better }) => {
    const current = report.summary[key];
    const previous = report.previous[key];
    const moved = trend(current, previous);
    return {
      label: LABELS[key],
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
      return `${Math.round(value * 100)} %`;
    case 'medianHoursToResolve':
      return value.toFixed(1);
    case 'averageSatisfaction':
      return value.toFixed(2);
    case 'remedyCost':
    case 'proposedCost':
      return `${currency ? `${currency} ` : ''}${value.toFixed(2)}`;
    default:
      return String(value);
  }
}

export const ACTIONS_HEADING = 'Corrective actions for the vital few, recorded in this period';
export const EARLIER_ACTIONS_HEADING = `Did earlier actions work? Their cause's complaints a week, ${DEFAULT_WEEKS} weeks before → after`;

/** After the earlier actions a report shows, when there are more before them. */
export const EARLIER_ACTIONS_MORE = "… and earlier ones: 'complaints actions' lists them all";

/** After an earlier action's cause and text: when it was recorded, its weeks' counts and the verdict. */
export function earlierActionTail(action: JudgedAction): string {
  return ` (${format(new Date(action.recordedAt), 'yyyy-MM-dd')}): ${weeklyCounts(action.before)} → ${weeklyCounts(action.after)}, ${action.verdict}`;
}
export const SUGGESTIONS_HEADING = "Customers' suggestions";

export function moreLine(shown: number, total: number): string | null {
  return total > shown ? `… and ${total - shown} more` : null;
}
