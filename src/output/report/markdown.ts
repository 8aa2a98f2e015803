import { isNamedVital } from '../../domain/pareto.js';
import type { Report } from '../../domain/summary.js';
import { complaintRef, oneLine } from '../terminal.js';
import { t } from '../../language/messages.js';
import {
  actionsHeading,
  byColumn,
  earlierActionsHeading,
  earlierActionsMore,
  comparedPeriodLine,
  earlierActionTail,
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
  vitalFewLine,
} from './parts.js';

/** The same report as the table, as Markdown to paste into a message, an issue or a wiki. */
export function reportMarkdown(report: Report): string {
  const blocks = [`# ${md(title(report))}`, reportPeriodLine(report), ...paretoBlocks(report), ...untriagedLines(report)];
  const [current, previous] = columnNames(report.period);
  blocks.push(
    `## ${t('report.summaryHeading')}`,
    [
      `| | ${md(current)} | ${md(previous)} | |`,
      '|:--|--:|--:|:-:|',
      ...summaryLines(report).map(
        (line) => `| ${line.label} | ${md(line.current)} | ${md(line.previous)} | ${line.trend === null ? '' : TREND_MARK[line.trend]} |`,
      ),
    ].join('\n'),
    previousLine(report.period),
    `## ${actionsHeading()}`,
    listed(report.actions.shown.map((a) => [a.id, `${md(actionFor(a, report.by))}${t('common.labelSeparator')}${md(a.action)}`]), report.actions.total, t('report.noneRecorded')),
    ...(report.earlierActions === undefined
      ? []
      : [
          `## ${md(earlierActionsHeading(report))}`,
          listed(
            report.earlierActions.shown.map((a) => [a.id, `${md(a.cause)}${t('common.labelSeparator')}${md(a.action)}${md(earlierActionTail(a))}`]),
            report.earlierActions.shown.length,
            '',
          ) + (report.earlierActions.more ? `\n- ${md(earlierActionsMore())}` : ''),
        ]),
    `## ${suggestionsHeading()}`,
    listed(report.suggestions.shown.map((s) => [s.id, md(s.suggestion)]), report.suggestions.total, t('report.noneMade')),
  );
  return blocks.join('\n\n') + '\n';
}

/** The Pareto table and its vital few; with --compare, both periods' under their headings, the earlier first, bars on one scale. */
function paretoBlocks(report: Report): string[] {
  const { compared } = report;
  if (compared === undefined) return paretoBlock(report, largestCount(report.pareto.rows));
  const most = Math.max(largestCount(report.pareto.rows), largestCount(compared.pareto.rows));
  const own = [`### ${md(periodLine(report))}`, ...paretoBlock(report, most)];
  const other = [`### ${md(comparedPeriodLine(report.period))}`, ...paretoBlock({ ...report, ...compared }, most)];
  return report.period.previous.since < report.period.since ? [...other, ...own] : [...own, ...other];
}

function paretoBlock(report: Report, most: number): string[] {
  const { rows } = report.pareto;
  if (rows.length === 0) return [emptyLine(report)];
  const table = [
    `| # | ${md(byColumn(report.by))} | ${md(t('report.columnCount'))} | % | ${md(t('report.columnCumulative'))} | ${md(t('report.columnVitalFew'))} | |`,
    '|--:|:--|--:|--:|--:|:-:|:--|',
    ...rows.map((row, index) => {
      const label = md(rowLabel(row, report.by, Infinity));
      const vital = isNamedVital(row);
      return `| ${index + 1} | ${vital ? `**${label}**` : label} | ${row.count} | ${percentText(row.percent)} | ${percentText(row.cumulativePercent)} | ${vital ? '●' : ''} | ${bar(row.count, most, 16)} |`;
    }),
  ];
  return [table.join('\n'), md(vitalFewLine(report))];
}

function listed(entries: Array<[number, string]>, total: number, none: string): string {
  if (entries.length === 0) return none;
  const more = moreLine(entries.length, total);
  return [...entries.map(([id, text]) => `- ${complaintRef(id)} ${text}`), ...(more === null ? [] : [`- ${more}`])].join('\n');
}

/** Stored text as Markdown that shows it literally: inert, on one line, with markup characters escaped. */
function md(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|~#&]/g, '\\$&');
}
