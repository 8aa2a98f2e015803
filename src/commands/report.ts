import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import type { Session } from '../context.js';
import { Refusal } from '../errors.js';
import type { Settings } from '../domain/config.js';
import { DIMENSIONS, mergeSpellings, pareto, vitalSpellings, type Dimension } from '../domain/pareto.js';
import { checkPeriod, settlePeriod, type Period, type PeriodFlags, type Span } from '../domain/period.js';
import { reportJson, summarise, type Report } from '../domain/summary.js';
import { oneOf, requiredText, wholeNumber } from '../domain/validate.js';
import { painter } from '../output/terminal.js';
import type { Db } from '../store/open.js';
import { correctiveActions, countUntriaged, periodFigures, readAtOnce, suggestions, tallyBy } from '../store/report.js';
import { examples, settingsOf } from './common.js';

const FORMATS = ['table', 'markdown', 'csv', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

/** How many corrective actions and suggestions a report lists before saying how many more there are. */
const LISTED = 20;

interface ReportOptions extends PeriodFlags {
  by: string;
  top?: string;
  format: string;
  out?: string;
}

export function registerReport(program: Command, session: Session): void {
  program
    .command('report')
    .description('the weekly review: the few causes behind most complaints (Pareto), and how the week went')
    .option('--week [YYYY-Www]', 'a week, e.g. 2026-W47 (the default: this week)')
    .option('--last <length>', 'the last days or weeks, today included, e.g. 7d or 4w')
    .option('--since <when>', 'from then on (up to the end of today, or --until)')
    .option('--until <when>', 'up to then, with --since (a bare date includes that day)')
    .option('--by <dimension>', `what to count by: ${DIMENSIONS.join(', ')}`, 'cause')
    .option('--top <n>', 'show the first N rows and fold the rest into "Other"')
    .option('--format <format>', FORMATS.join(', '), 'table')
    .option('--out <file>', 'write the report to this file instead of the screen')
    .addHelpText(
      'after',
      examples(
        'complaints report                                   # this week, by cause',
        'complaints report --week 2026-W47 --top 5',
        'complaints report --last 4w --by category --format markdown',
        'complaints report --since 2026-11-01 --until 2026-11-30 --format csv --out november.csv',
        'complaints report --format html --out week.html     # to print or send',
      ),
    )
    .action((options: ReportOptions) => runReport(options, session));
}

export async function runReport(options: ReportOptions, session: Session): Promise<void> {
  const now = session.now();
  const request = checkPeriod(options, now);
  const by = oneOf(options.by, DIMENSIONS, '--by');
  const format = oneOf(options.format, FORMATS, '--format');
  const top = options.top === undefined ? undefined : wholeNumber(options.top, 1, 10_000, '--top');
  const out = options.out === undefined ? undefined : requiredText(options.out, '--out');

  const db = await session.db('read');
  const report = readAtOnce(db, () => {
    const settings = settingsOf(db);
    return gather(db, settings, by, settlePeriod(request, now, settings['week-start']), top, now);
  });
  const text = await render(report, format, session.color && out === undefined);
  if (out === undefined) return void session.stdout.write(text);
  try {
    writeFileSync(out, text);
  } catch (error) {
    throw new Refusal(`cannot write the report to ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}; choose another --out`);
  }
  session.tell(`Wrote the ${format} report to ${out}.`);
}

function gather(db: Db, settings: Settings, by: Dimension, period: Period, top: number | undefined, now: Date): Report {
  const span = stored(period);
  const tallies = mergeSpellings(tallyBy(db, by, span));
  const rows = pareto(tallies.map(({ key, count }) => ({ key, count })), top);
  const vital = vitalSpellings(rows, tallies);
  const actions = correctiveActions(db, by, vital.spellings, span, LISTED);
  return {
    shop: settings.shop,
    currency: settings.currency,
    by,
    period,
    pareto: rows,
    untriaged: countUntriaged(db, by, span),
    summary: summarise(periodFigures(db, span, now.toISOString())),
    previous: summarise(periodFigures(db, stored(period.previous), now.toISOString())),
    actions: { ...actions, shown: actions.shown.map((action) => ({ ...action, key: vital.rowOf(action.key) })) },
    suggestions: suggestions(db, span, LISTED),
  };
}

function stored(span: Span): { since: string; until: string } {
  return { since: span.since.toISOString(), until: span.until.toISOString() };
}

// Each format's module is loaded only when asked for, so other commands do not pay for them.
async function render(report: Report, format: Format, color: boolean): Promise<string> {
  switch (format) {
    case 'table':
      return (await import('../output/report/table.js')).reportTable(report, painter(color));
    case 'markdown':
      return (await import('../output/report/markdown.js')).reportMarkdown(report);
    case 'csv':
      return (await import('../output/report/csv.js')).reportCsv(report.pareto);
    case 'json':
      return JSON.stringify(reportJson(report), null, 2) + '\n';
    case 'html':
      return (await import('../output/report/html.js')).reportHtml(report);
  }
}
