import type { ChalkInstance } from 'chalk';
import { isNamedVital } from '../../domain/pareto.js';
import type { Report } from '../../domain/summary.js';
import { complaintRef, oneLine } from '../terminal.js';
import { newTable, withoutTrailingSpace } from '../table.js';
import {
  ACTIONS_HEADING,
  EARLIER_ACTIONS_HEADING,
  earlierActionTail,
  SUGGESTIONS_HEADING,
  TREND_MARK,
  bar,
  columnNames,
  emptyLine,
  largestCount,
  moreLine,
  percentText,
  periodLine,
  previousLine,
  rowLabel,
  summaryLines,
  title,
  untriagedLine,
  VITAL_RULE,
  vitalFewLine,
} from './parts.js';

/** The report for a person at a terminal: the Pareto table, then the summary and what was done. */
export function reportTable(report: Report, paint: ChalkInstance): string {
  const lines = [paint.bold(title(report)), periodLine(report.period), ''];
  lines.push(...paretoTable(report, paint), '', untriagedLine(report), '');
  lines.push(...summaryTable(report, paint), paint.dim(previousLine(report.period)), '');
  lines.push(paint.bold(ACTIONS_HEADING));
  lines.push(...listed(report.actions.shown.map((a) => [a.id, `${oneLine(a.key, 40)}: ${oneLine(a.action)}`]), report.actions.total, 'none recorded'));
  if (report.earlierActions !== undefined) {
    const { shown, total } = report.earlierActions;
    lines.push('', paint.bold(EARLIER_ACTIONS_HEADING));
    lines.push(...listed(shown.map((a) => [a.id, `${oneLine(a.cause, 40)}: ${oneLine(a.action)}${earlierActionTail(a)}`]), total, ''));
  }
  lines.push('', paint.bold(SUGGESTIONS_HEADING));
  lines.push(...listed(report.suggestions.shown.map((s) => [s.id, oneLine(s.suggestion)]), report.suggestions.total, 'none made'));
  return lines.join('\n') + '\n';
}

function paretoTable(report: Report, paint: ChalkInstance): string[] {
  const { rows } = report.pareto;
  if (rows.length === 0) return [emptyLine(report)];
  const table = newTable(['#', report.by, 'count', '%', 'cum. %', ''], paint, ['right', 'left', 'right', 'right', 'right', 'left']);
  const most = largestCount(rows);
  rows.forEach((row, index) => {
    const label = rowLabel(row, report.by);
    table.push([
      String(index + 1),
      isNamedVital(row) ? paint.bold(label) : label,
      String(row.count),
      percentText(row.percent),
      percentText(row.cumulativePercent),
      isNamedVital(row) ? paint.cyan(bar(row.count, most)) : paint.dim(bar(row.count, most)),
    ]);
  });
  const lines = table.toString().split('\n');
  // The header holds only ASCII and is padded to the table's full width, so its length is the width.
  const width = lines[0]!.replace(/\x1b\[[0-9;]*m/g, '').length;
  const lastVital = rows.findLastIndex(isNamedVital);
  lines.splice(lastVital + 2, 0, paint.dim(`── ${VITAL_RULE} `.padEnd(width, '─')));
  return [...withoutTrailingSpace(lines.join('\n')).split('\n'), vitalFewLine(report)];
}

function summaryTable(report: Report, paint: ChalkInstance): string[] {
  const [current, previous] = columnNames(report.period);
  const table = newTable(['summary', current, previous, ''], paint, ['left', 'right', 'right', 'left']);
  for (const line of summaryLines(report)) {
    const mark = line.trend === null ? '' : TREND_MARK[line.trend];
    table.push([line.label, line.current, line.previous, line.good === null ? mark : line.good ? paint.green(mark) : paint.red(mark)]);
  }
  return withoutTrailingSpace(table.toString()).split('\n');
}

function listed(entries: Array<[number, string]>, total: number, none: string): string[] {
  if (entries.length === 0) return [`  ${none}`];
  const lines = entries.map(([id, text]) => `  ${complaintRef(id).padEnd(6)} ${text}`);
  const more = moreLine(entries.length, total);
  return more === null ? lines : [...lines, `  ${more}`];
}
