import { isNamedVital } from '../../domain/pareto.js';
import type { Report } from '../../domain/summary.js';
import { spoken, t } from '../../language/messages.js';
import { writtenIn } from '../language.js';
import { complaintRef, oneLine } from '../terminal.js';
import {
  actionsHeading,
  byColumn,
  earlierActionsHeading,
  earlierActionsMore,
  comparedPeriodLine,
  earlierActionTail,
  actionFor,
  placesSeparator,
  suggestionsHeading,
  TREND_MARK,
  vitalRule,
  columnNames,
  emptyLine,
  largestCount,
  moreLine,
  paretoHeading,
  percentText,
  periodLine,
  reportPeriodLine,
  placesNamed,
  previousLine,
  rowLabel,
  summaryLines,
  title,
  untriagedLines,
  vitalFewLine,
} from './parts.js';

// One file that needs nothing else: the styles are inline, the policy forbids fetching anything,
// and every piece of stored text is escaped. The chart is HTML, not a drawing, so its text keeps
// the page's size and wraps on a phone instead of shrinking with the picture.
const STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem; color: #1d232b; background: #fff; line-height: 1.4; -webkit-text-size-adjust: 100%; }
main { max-width: 48rem; margin: 0 auto; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.25rem 0 .4rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
p { margin: .3rem 0; }
.quiet { color: #59636e; }
figure { margin: 1rem 0; }
.bars { list-style: none; margin: 0 0 .4rem; padding: 0; }
/* Every row its own grid, of the same columns, so the bars share one scale; --count fits the largest count. */
.bars li { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) var(--count); gap: .1rem .6rem; align-items: center; padding: .15rem 0; }
.label, .key, li { overflow-wrap: anywhere; }
.vital .label { font-weight: 600; }
.track { height: .9em; }
.bar { display: block; height: 100%; min-width: 2px; background: #8391a3; }
.vital .bar { background: #2f6db5; }
.count { text-align: right; font-variant-numeric: tabular-nums; }
.bars li.cut { display: flex; align-items: center; gap: .5rem; color: #c8501e; font-size: .875em; }
.cut::before, .cut::after { content: ""; border-top: 2px solid #c8501e; }
.cut::before { width: 1.5rem; }
.cut::after { flex: 1; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: .25rem .5rem; text-align: left; border-bottom: 1px solid #e2e6ea; vertical-align: top; }
th { font-weight: 600; }
tbody th { font-weight: normal; }
/* Figures take only their own width, leaving the rest to the words beside them. */
.n, .mark { width: 1%; white-space: nowrap; }
.date, .whole { white-space: nowrap; }
.n { text-align: right; }
.mark { text-align: center; }
tr.vital td, tr.vital th { font-weight: 600; }
tr.last-vital td, tr.last-vital th { border-bottom: 2px solid #c8501e; }
.good { color: #1f7a3a; }
.bad { color: #b3261e; }
ul { margin: .2rem 0; padding-left: 1.25rem; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5rem; align-items: start; }
/* A phone: each label above its bar, in full; the table keeps its figures, the vital few shown by
   weight and rule alone. At 320 px the summary's last column, what tells good from bad, was cut:
   the page's sides give it room, and a week heading its column may break at its hyphen. */
@media (max-width: 30rem) {
  body { padding: .75rem .5rem; }
  thead .n { white-space: normal; }
  .bars li { grid-template-columns: minmax(0, 1fr) var(--count); }
  .label { grid-column: 1 / -1; }
  th, td { padding: .25rem .3rem; }
  .mark { display: none; }
  .pair { grid-template-columns: 1fr; }
}
@page { size: A4; margin: 10mm; }
/* Paper: the chart beside the summary, the actions beside the suggestions, so a busy week fits one page. */
@media print {
  body { padding: 0; font-size: 8.5pt; line-height: 1.3; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  main { max-width: none; }
  h1 { font-size: 14pt; }
  h2 { font-size: 10.5pt; margin: 6pt 0 2pt; }
  h3 { font-size: 9.5pt; margin: 4pt 0 2pt; }
  figure { margin: 4pt 0 0; }
  .overview, .done { display: grid; grid-template-columns: 1fr 1fr; gap: 0 8mm; align-items: start; }
  .done { grid-template-columns: 3fr 2fr; }
  .bars li { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr) var(--count); gap: 0 .4rem; padding: 0; }
  th, td { padding: 0 4pt; }
  tr, li { break-inside: avoid; }
  /* A heading stays with what it heads, not alone at the foot of a page. */
  h2, h3 { break-after: avoid; }
}
`;

/**
 * Words of ours, escaped, with what must not break over two lines on a phone kept whole: a
 * bracketed aside (平均满意度（1–5）broke as "（1–" and "5）") and a date ("2026-10-" and "31").
 */
function keptWhole(escaped: string): string {
  return escaped.replace(/（[^（）]*）|\([^()]*\)|\d{4}-\d{2}-\d{2}/g, (whole) => `<span class="whole">${whole}</span>`);
}

// Between the counts of the weeks before and after an earlier action: a run of weeks broken over
// two lines reads as two runs.
const NO_BREAK = '\u00a0';

/** The report as one self-contained web page: chart, summary and table; fits a phone and an A4 page. */
export function reportHtml(report: Report): string {
  const [current, previous] = columnNames(report.period);
  const summaryRows = summaryLines(report).map((line) => {
    const mark = line.trend === null ? '' : TREND_MARK[line.trend];
    const tone = line.good === null ? '' : line.good ? ' good' : ' bad';
    return `<tr><th scope="row">${keptWhole(esc(line.label))}</th><td class="n">${esc(line.current)}</td><td class="n">${esc(line.previous)}</td><td class="n${tone}">${mark}</td></tr>`;
  });
  return `<!doctype html>
<html lang="${spoken()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(`${title(report)} — ${reportPeriodLine(report)}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${heading(report)}</h1>
<p class="quiet">${datesWhole(esc(reportPeriodLine(report)))}</p>
${report.compared === undefined ? '' : pairedCharts(report, report.compared)}<div class="overview">
${report.compared !== undefined ? '' : report.pareto.rows.length === 0 ? `<p>${esc(emptyLine(report))}</p>` : paretoFigure(report, largestCount(report.pareto.rows))}
<section>
<h2>${esc(t('report.summaryHeading'))}</h2>
<div class="scroll"><table>
<thead><tr><th></th><th class="n">${esc(current)}</th><th class="n">${esc(previous)}</th><th></th></tr></thead>
<tbody>
${summaryRows.join('\n')}
</tbody>
</table></div>
<p class="quiet">${esc(previousLine(report.period))}</p>
</section>
</div>
${paretoSection(report)}<div class="done">
<section>
<h2>${esc(actionsHeading())}</h2>
${listed(report.actions.shown.map((a) => [a.id, `${stored(actionFor(a, report.by))}${t('common.labelSeparator')}${stored(oneLine(a.action))}`]), report.actions.total, t('report.noneRecorded'))}
${report.earlierActions === undefined ? '' : earlierActions(report.earlierActions, report)}</section>
<section>
<h2>${esc(suggestionsHeading())}</h2>
${listed(report.suggestions.shown.map((s) => [s.id, stored(oneLine(s.suggestion))]), report.suggestions.total, t('report.noneMade'))}
</section>
</div>
</main>
</body>
</html>
`;
}

/** The title as HTML: the catalogue's words around the heading and the places, each escaped, the stored names marked. */
function heading(report: Report): string {
  const where = [stored(oneLine(report.shop)), ...placesNamed(report).map(([what, name]) => `${esc(what)} ${stored(name)}`)].join(esc(placesSeparator()));
  return t('report.title', { heading: esc(paretoHeading(report)), where });
}

/** The chart and, under it, its vital few; `heading` names its period when there are two. */
function paretoFigure(report: Report, most: number, heading?: string): string {
  const named = heading === undefined ? '' : `<h3>${datesWhole(esc(heading))}</h3>\n`;
  return `<figure>\n${named}${paretoChart(report, most)}\n<figcaption class="quiet">${unbroken(esc(vitalFewLine(report, Infinity)))}</figcaption>\n</figure>`;
}

/** With --compare: the two periods' charts side by side, the earlier on the left, on one scale. */
function pairedCharts(report: Report, compared: NonNullable<Report['compared']>): string {
  const most = Math.max(largestCount(report.pareto.rows), largestCount(compared.pareto.rows));
  const chart = (shown: Report, heading: string) =>
    shown.pareto.rows.length === 0 ? `<figure>\n<h3>${datesWhole(esc(heading))}</h3>\n<p>${esc(emptyLine(shown))}</p>\n</figure>` : paretoFigure(shown, most, heading);
  const own = chart(report, periodLine(report));
  const other = chart({ ...report, ...compared }, comparedPeriodLine(report.period));
  return `<div class="pair">\n${report.period.previous.since < report.period.since ? `${other}\n${own}` : `${own}\n${other}`}\n</div>\n`;
}

/** One bar a row, as long as its count beside `most`, its label in full beside it; the vital few ruled off as in the table. */
function paretoChart(report: Report, most: number): string {
  const { rows } = report.pareto;
  const lastVital = rows.findLastIndex(isNamedVital);
  const items = rows.flatMap((row, index) => {
    const bar = `<li${isNamedVital(row) ? ' class="vital"' : ''}><span class="label">${stored(rowLabel(row, report.by, Infinity))}</span><span class="track"><span class="bar" style="width: ${num((row.count / most) * 100)}%"></span></span><span class="count">${row.count}</span></li>`;
    return index === lastVital ? [bar, `<li class="cut">${esc(vitalRule())}</li>`] : [bar];
  });
  // Figures are as wide as each other (tabular), a digit about 1ch.
  return `<ol class="bars" style="--count: ${String(most).length + 1}ch">\n${items.join('\n')}\n</ol>`;
}

/** The table of the period's rows and what it leaves out; none for a period with neither, whose emptiness the overview says. */
function paretoSection(report: Report): string {
  const untriaged = untriagedLines(report);
  if (report.pareto.rows.length === 0 && untriaged.length === 0) return '';
  return `<section>
<h2>${esc(paretoHeading(report))}</h2>
${paretoTable(report)}
${untriaged.map((line) => `<p>${esc(line)}</p>\n`).join('')}</section>
`;
}

function paretoTable(report: Report): string {
  const { rows } = report.pareto;
  if (rows.length === 0) return '';
  const lastVital = rows.findLastIndex(isNamedVital);
  const body = rows.map((row, index) => {
    const classes = [isNamedVital(row) ? 'vital' : '', index === lastVital ? 'last-vital' : ''].filter(Boolean).join(' ');
    return `<tr${classes ? ` class="${classes}"` : ''}><td class="n">${index + 1}</td><th scope="row" class="key">${stored(rowLabel(row, report.by, Infinity))}</th><td class="n">${row.count}</td><td class="n">${percentText(row.percent)}</td><td class="n">${percentText(row.cumulativePercent)}</td><td class="mark">${isNamedVital(row) ? '●' : ''}</td></tr>`;
  });
  return `<div class="scroll"><table>
<thead><tr><th class="n">#</th><th>${esc(byColumn(report.by))}</th><th class="n">${esc(t('report.columnCount'))}</th><th class="n">%</th><th class="n">${esc(t('report.columnCumulative'))}</th><th class="mark">${esc(t('report.columnVitalFew'))}</th></tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table></div>`;
}

/** The vital few's earlier actions and whether they worked, under those recorded in the period. */
function earlierActions({ shown, more }: NonNullable<Report['earlierActions']>, report: Report): string {
  const entries = shown.map((a): [number, string] => [a.id, `${stored(oneLine(a.cause))}${t('common.labelSeparator')}${stored(oneLine(a.action))}${keptWhole(esc(earlierActionTail(a, NO_BREAK)))}`]);
  return `<h3>${esc(earlierActionsHeading(report))}</h3>
${listed(entries, shown.length, '')}
${more ? `<p class="quiet">${esc(earlierActionsMore())}</p>\n` : ''}`;
}

/** Entries already made HTML, each after its complaint's number. */
function listed(entries: Array<[number, string]>, total: number, none: string): string {
  if (entries.length === 0) return `<p class="quiet">${esc(none)}</p>`;
  const more = moreLine(entries.length, total);
  const items = entries.map(([id, html]) => `<li>${esc(complaintRef(id))} ${html}</li>`);
  return `<ul>\n${[...items, ...(more === null ? [] : [`<li class="quiet">${esc(more)}</li>`])].join('\n')}\n</ul>`;
}

/** A share with at most two decimals, so the file stays small and stable. */
function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * Stored text (made inert before it gets here) as HTML: escaped, and marked with the language it
 * is written in where its glyphs depend on it. The page is marked with the language its own
 * words are in (en or zh-CN), so stored text in the same script needs no mark of its own.
 */
function stored(text: string): string {
  const lang = writtenIn(text);
  return lang === null ? esc(text) : `<span lang="${lang}">${esc(text)}</span>`;
}

// A date as the period lines write it, in either language: 2026年11月22日 周日, Sun 22 Nov 2026.
const DATE_IN_A_LINE = /(?:\d{4}年)?\d{1,2}月\d{1,2}日(?: 周[一二三四五六日])?|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}(?: \d{4})?/g;

/** A line naming dates, as HTML whose dates a narrow column does not break in two (a browser breaks Chinese text anywhere). */
function datesWhole(html: string): string {
  return html.replace(DATE_IN_A_LINE, '<span class="date">$&</span>');
}

/** A figure kept on one line with its per cent sign, which a narrow screen would otherwise wrap apart. */
function unbroken(html: string): string {
  return html.replace(/(\d) %/g, '$1&nbsp;%');
}

/** Text as HTML that shows it literally. */
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
