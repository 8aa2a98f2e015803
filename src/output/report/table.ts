import type { ChalkInstance } from 'chalk';
import { isNamedVital, type Dimension, type ParetoRow } from '../../domain/pareto.js';
import type { Report } from '../../domain/summary.js';
import { oneLine, refColumn } from '../terminal.js';
import { newTable, withoutTrailingSpace } from '../table.js';
import { displayWidth, fitWidthInMiddle, padToWidth } from '../width.js';
import { t } from '../../language/messages.js';
import {
  actionsHeading,
  byColumn,
  earlierActionsHeading,
  earlierActionsMore,
  comparedPeriodLine,
  earlierActionTail,
  headedLine,
  actionFor,
  suggestionsHeading,
  TREND_MARK,
  bar,
  columnNames,
  emptyLine,
  largestCount,
  moreLine,
  percentText,
  periodLine,
  reportPeriodLine,
  previousLine,
  rowLabel,
  summaryLines,
  title,
  untriagedLines,
  vitalRule,
  vitalFewLine,
} from './parts.js';

/**
 * The report for a person at a terminal: the Pareto table, then the summary and what was done;
 * two tables (--compare) side by side, or one under the other where `columns` cannot hold both.
 */
export function reportTable(report: Report, paint: ChalkInstance, columns = Infinity): string {
  const lines = [paint.bold(title(report)), reportPeriodLine(report), ''];
  lines.push(...(report.compared === undefined ? paretoSection(report, paint) : pairedSections(report, report.compared, paint, columns)));
  lines.push('', ...untriagedLines(report).flatMap((line) => [line, '']));
  lines.push(...summaryTable(report, paint), paint.dim(previousLine(report.period)), '');
  lines.push(paint.bold(actionsHeading()));
  lines.push(...listed(report.actions.shown.map((a) => [a.id, `${actionFor(a, report.by, 40)}${t('common.labelSeparator')}${oneLine(a.action)}`]), report.actions.total, t('report.noneRecordedShort')));
  if (report.earlierActions !== undefined) {
    const { shown, more } = report.earlierActions;
    lines.push('', paint.bold(earlierActionsHeading(report)));
    lines.push(...listed(shown.map((a) => [a.id, `${oneLine(a.cause, 40)}${t('common.labelSeparator')}${oneLine(a.action)}${earlierActionTail(a)}`]), shown.length, ''));
    if (more) lines.push(`  ${earlierActionsMore()}`);
  }
  lines.push('', paint.bold(suggestionsHeading()));
  lines.push(...listed(report.suggestions.shown.map((s) => [s.id, oneLine(s.suggestion)]), report.suggestions.total, t('report.noneMadeShort')));
  return lines.join('\n') + '\n';
}

/** The Pareto table and the line that names its vital few; a line saying so when it is empty. */
function paretoSection(report: Report, paint: ChalkInstance): string[] {
  return report.pareto.rows.length === 0 ? [emptyLine(report)] : [...paretoTable(report, paint), vitalFewLine(report)];
}

/**
 * With --compare: the two periods' Pareto tables side by side, the earlier on the left, each
 * under its period, and under both the vital few of each.
 */
function pairedSections(report: Report, compared: NonNullable<Report['compared']>, paint: ChalkInstance, columns: number): string[] {
  const chosen = { ...report, pareto: compared.pareto, untriaged: compared.untriaged };
  const own = { heading: periodLine(report), report };
  const other = { heading: comparedPeriodLine(report.period), report: chosen };
  const [left, right] = report.period.previous.since < report.period.since ? [other, own] : [own, other];
  // One scale for both, so that a bar as long is as many complaints; narrower, so both fit.
  const scale = { most: Math.max(largestCount(report.pareto.rows), largestCount(compared.pareto.rows)), length: PAIRED_BAR };
  const column = ({ heading, report: shown }: typeof own) => [paint.bold(heading), ...(shown.pareto.rows.length === 0 ? [emptyLine(shown)] : paretoTable(shown, paint, scale))];
  const vitalFew = ({ heading, report: shown }: typeof own) => (shown.pareto.rows.length === 0 ? [] : [headedLine(heading, vitalFewLine(shown))]);
  const [first, second] = [column(left), column(right)];
  const paired = widest(first) + displayWidth(COLUMN_GAP) + widest(second) <= columns ? sideBySide(first, second) : [...first, '', ...second];
  return [...paired, ...vitalFew(left), ...vitalFew(right)];
}

/** Two columns of lines, the left padded to its widest line. */
function sideBySide(left: readonly string[], right: readonly string[]): string[] {
  const width = widest(left);
  return Array.from({ length: Math.max(left.length, right.length) }, (_, at) => {
    const [first, second] = [left[at] ?? '', right[at] ?? ''];
    return second === '' ? first : `${padToWidth(first, width)}${COLUMN_GAP}${second}`;
  });
}

function widest(lines: readonly string[]): number {
  return Math.max(0, ...lines.map(displayWidth));
}

const COLUMN_GAP = '    ';
/** How much of a row's key the table shows, so that the table fits a terminal beside its counts and bars. */
const LABEL_COLUMNS = 40;
/** How long the longest bar is in each of two tables side by side. */
const PAIRED_BAR = 12;

/** The bars' scale: the count the longest bar stands for, and how long it is. */
interface BarScale {
  most: number;
  length?: number;
}

function paretoTable(report: Report, paint: ChalkInstance, scale: BarScale = { most: largestCount(report.pareto.rows) }): string[] {
  const { rows } = report.pareto;
  const head = ['#', byColumn(report.by), t('report.columnCount'), '%', t('report.columnCumulative'), ''];
  const table = newTable(head, paint, ['right', 'left', 'right', 'right', 'right', 'left']);
  const labels = distinctLabels(rows, report.by);
  rows.forEach((row, index) => {
    const label = labels[index]!;
    table.push([
      String(index + 1),
      isNamedVital(row) ? paint.bold(label) : label,
      String(row.count),
      percentText(row.percent),
      percentText(row.cumulativePercent),
      isNamedVital(row) ? paint.cyan(bar(row.count, scale.most, scale.length)) : paint.dim(bar(row.count, scale.most, scale.length)),
    ]);
  });
  const lines = table.toString().split('\n');
  // The header is padded to the table's full width, so its width is the table's (in columns: a
  // Chinese heading's characters take two each).
  const width = displayWidth(lines[0]!);
  const lastVital = rows.findLastIndex(isNamedVital);
  const rule = `── ${vitalRule()} `;
  lines.splice(lastVital + 2, 0, paint.dim(rule + '─'.repeat(Math.max(0, width - displayWidth(rule)))));
  return withoutTrailingSpace(lines.join('\n')).split('\n');
}

/**
 * The rows' keys as the table's column shows them, cut to LABEL_COLUMNS; those the cut would make
 * alike (two long causes that begin the same way) cut in the middle instead, their ends telling
 * them apart.
 */
function distinctLabels(rows: readonly ParetoRow[], by: Dimension): string[] {
  const labels = rows.map((row) => rowLabel(row, by, LABEL_COLUMNS));
  return labels.map((label, index) =>
    labels.indexOf(label) === labels.lastIndexOf(label) ? label : fitWidthInMiddle(rowLabel(rows[index]!, by, Infinity), LABEL_COLUMNS),
  );
}

function summaryTable(report: Report, paint: ChalkInstance): string[] {
  const [current, previous] = columnNames(report.period);
  const table = newTable([t('report.summaryColumn'), current, previous, ''], paint, ['left', 'right', 'right', 'left']);
  for (const line of summaryLines(report)) {
    const mark = line.trend === null ? '' : TREND_MARK[line.trend];
    table.push([line.label, line.current, line.previous, line.good === null ? mark : line.good ? paint.green(mark) : paint.red(mark)]);
  }
  return withoutTrailingSpace(table.toString()).split('\n');
}

function listed(entries: Array<[number, string]>, total: number, none: string): string[] {
  if (entries.length === 0) return [`  ${none}`];
  const refOf = refColumn(entries.map(([id]) => id));
  const lines = entries.map(([id, text]) => `  ${refOf(id)} ${text}`);
  const more = moreLine(entries.length, total);
  return more === null ? lines : [...lines, `  ${more}`];
}
