import type { ParetoRow } from '../../domain/pareto.js';
import { VITAL_PERCENT, isNamedVital } from '../../domain/pareto.js';
import type { Report } from '../../domain/summary.js';
import { complaintRef, oneLine } from '../terminal.js';
import {
  ACTIONS_HEADING,
  SUGGESTIONS_HEADING,
  TREND_MARK,
  columnNames,
  emptyLine,
  largestCount,
  moreLine,
  paretoHeading,
  percentText,
  periodLine,
  previousLine,
  rowLabel,
  summaryLines,
  title,
  untriagedLine,
  vitalFewLine,
} from './parts.js';

// One file that needs nothing else: the styles and the chart are inline, the policy forbids
// fetching anything, and every piece of stored text is escaped.
const STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem; color: #1d232b; background: #fff; line-height: 1.4; -webkit-text-size-adjust: 100%; }
main { width: 100%; max-width: 48rem; margin: 0 auto; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.25rem 0 .4rem; }
p { margin: .3rem 0; }
.quiet { color: #59636e; }
figure { margin: 1rem 0; }
svg { display: block; width: 100%; height: auto; }
svg text { font-size: 11px; fill: #3b434c; }
.bar { fill: #a3b0bf; }
.bar.vital { fill: #2f6db5; }
.cumulative { fill: none; stroke: #c8501e; stroke-width: 2; }
.point { fill: #c8501e; }
.cut { stroke: #c8501e; stroke-width: 1; stroke-dasharray: 6 4; }
.axis { stroke: #7b8591; stroke-width: 1; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: .25rem .5rem; text-align: left; border-bottom: 1px solid #e2e6ea; vertical-align: top; }
th { font-weight: 600; }
.n { text-align: right; white-space: nowrap; }
tr.vital td { font-weight: 600; }
tr.last-vital td { border-bottom: 2px solid #c8501e; }
.good { color: #1f7a3a; }
.bad { color: #b3261e; }
ul { margin: .2rem 0; padding-left: 1.25rem; }
@page { size: A4; margin: 12mm; }
@media print {
  body { padding: 0; font-size: 9pt; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  main { max-width: none; }
  h1 { font-size: 14pt; }
  h2 { font-size: 11pt; margin: 8pt 0 3pt; }
  figure { margin: 4pt 0; }
  svg { max-height: 80mm; }
  th, td { padding: 1pt 4pt; }
  figure, section, tr { break-inside: avoid; }
}
`;

/** The report as one self-contained web page: chart, summary and table; fits a phone and an A4 page. */
export function reportHtml(report: Report): string {
  const [current, previous] = columnNames(report.period);
  const summaryRows = summaryLines(report).map((line) => {
    const mark = line.trend === null ? '' : TREND_MARK[line.trend];
    const tone = line.good === null ? '' : line.good ? ' good' : ' bad';
    return `<tr><td>${esc(line.label)}</td><td class="n">${esc(line.current)}</td><td class="n">${esc(line.previous)}</td><td class="n${tone}">${mark}</td></tr>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(`${title(report)} — ${periodLine(report.period)}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${esc(title(report))}</h1>
<p class="quiet">${esc(periodLine(report.period))}</p>
${report.pareto.rows.length === 0 ? `<p>${esc(emptyLine(report))}</p>` : `<figure>\n${paretoChart(report)}\n<figcaption class="quiet">${esc(vitalFewLine(report))}</figcaption>\n</figure>`}
<section>
<h2>Summary</h2>
<div class="scroll"><table>
<thead><tr><th></th><th class="n">${esc(current)}</th><th class="n">${esc(previous)}</th><th></th></tr></thead>
<tbody>
${summaryRows.join('\n')}
</tbody>
</table></div>
<p class="quiet">${esc(previousLine(report.period))}</p>
</section>
<section>
<h2>${esc(paretoHeading(report))}</h2>
${paretoTable(report)}
<p>${esc(untriagedLine(report))}</p>
</section>
<section>
<h2>${esc(ACTIONS_HEADING)}</h2>
${listed(report.actions.shown.map((a) => [a.id, `${oneLine(a.key)}: ${oneLine(a.action)}`]), report.actions.total, 'None recorded.')}
<h2>${esc(SUGGESTIONS_HEADING)}</h2>
${listed(report.suggestions.shown.map((s) => [s.id, oneLine(s.suggestion)]), report.suggestions.total, 'None made.')}
</section>
</main>
</body>
</html>
`;
}

function paretoTable(report: Report): string {
  const { rows } = report.pareto;
  if (rows.length === 0) return '';
  const lastVital = rows.findLastIndex(isNamedVital);
  const body = rows.map((row, index) => {
    const classes = [isNamedVital(row) ? 'vital' : '', index === lastVital ? 'last-vital' : ''].filter(Boolean).join(' ');
    return `<tr${classes ? ` class="${classes}"` : ''}><td class="n">${index + 1}</td><td>${esc(rowLabel(row, report.by, 80))}</td><td class="n">${row.count}</td><td class="n">${percentText(row.percent)}</td><td class="n">${percentText(row.cumulativePercent)}</td><td>${isNamedVital(row) ? '●' : ''}</td></tr>`;
  });
  return `<div class="scroll"><table>
<thead><tr><th class="n">#</th><th>${esc(report.by)}</th><th class="n">count</th><th class="n">%</th><th class="n">cum. %</th><th>vital few</th></tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table></div>`;
}

// The chart's own coordinates; the browser scales it to the page's width.
const WIDTH = 640;
const HEIGHT = 300;
const PLOT = { left: 40, right: WIDTH - 48, top: 14, bottom: HEIGHT - 78 };

/** Bars for counts (left axis, 0 to the largest count), the cumulative percent as a line (right axis), a dashed line at 80 %. */
function paretoChart(report: Report): string {
  const { rows } = report.pareto;
  const most = largestCount(rows);
  const plotHeight = PLOT.bottom - PLOT.top;
  const slot = (PLOT.right - PLOT.left) / rows.length;
  const barWidth = Math.min(slot * 0.72, 64);
  const centre = (index: number) => PLOT.left + slot * index + slot / 2;
  const percentY = (percent: number) => PLOT.bottom - (plotHeight * percent) / 100;
  const labelSize = Math.min(11, Math.max(6, slot * 0.55));

  const bars = rows.map((row, index) => {
    const height = (plotHeight * row.count) / most;
    return `<rect class="bar${isNamedVital(row) ? ' vital' : ''}" data-key="${esc(oneLine(row.key))}" data-count="${row.count}" x="${num(centre(index) - barWidth / 2)}" y="${num(PLOT.bottom - height)}" width="${num(barWidth)}" height="${num(height)}"><title>${esc(barTitle(row, report))}</title></rect>`;
  });
  const labels = rows.map((row, index) => {
    const x = num(centre(index));
    const y = num(PLOT.bottom + 10);
    return `<text x="${x}" y="${y}" font-size="${num(labelSize)}" text-anchor="end" transform="rotate(-40 ${x} ${y})">${esc(rowLabel(row, report.by, 16))}</text>`;
  });
  const points = rows.map((row, index) => [num(centre(index)), num(percentY(row.cumulativePercent))] as const);
  const cutY = num(percentY(VITAL_PERCENT));
  return `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${esc(`Pareto chart: ${paretoHeading(report)}`)}">
<line class="axis" x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${PLOT.bottom}"/>
<line class="axis" x1="${PLOT.right}" y1="${PLOT.top}" x2="${PLOT.right}" y2="${PLOT.bottom}"/>
<line class="axis" x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}"/>
<text x="${PLOT.left - 4}" y="${PLOT.bottom}" text-anchor="end" dominant-baseline="middle">0</text>
<text x="${PLOT.left - 4}" y="${PLOT.top}" text-anchor="end" dominant-baseline="middle">${most}</text>
<text x="${PLOT.right + 4}" y="${PLOT.bottom}" dominant-baseline="middle">0 %</text>
<text x="${PLOT.right + 4}" y="${cutY}" dominant-baseline="middle">${VITAL_PERCENT} %</text>
<text x="${PLOT.right + 4}" y="${PLOT.top}" dominant-baseline="middle">100 %</text>
${bars.join('\n')}
<line class="cut" x1="${PLOT.left}" y1="${cutY}" x2="${PLOT.right}" y2="${cutY}"/>
<polyline class="cumulative" points="${points.map(([x, y]) => `${x},${y}`).join(' ')}"/>
${points.map(([x, y]) => `<circle class="point" cx="${x}" cy="${y}" r="3"/>`).join('\n')}
${labels.join('\n')}
</svg>`;
}

function barTitle(row: ParetoRow, report: Report): string {
  return `${rowLabel(row, report.by, 80)}: ${row.count} (${percentText(row.percent)} %, cumulative ${percentText(row.cumulativePercent)} %)`;
}

function listed(entries: Array<[number, string]>, total: number, none: string): string {
  if (entries.length === 0) return `<p class="quiet">${esc(none)}</p>`;
  const more = moreLine(entries.length, total);
  const items = entries.map(([id, text]) => `<li>${esc(complaintRef(id))} ${esc(text)}</li>`);
  return `<ul>\n${[...items, ...(more === null ? [] : [`<li class="quiet">${esc(more)}</li>`])].join('\n')}\n</ul>`;
}

/** Coordinates with at most two decimals, so the file stays small and stable. */
function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Text as HTML that shows it literally (stored text is made inert before it gets here). */
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
