import { Option, type Command } from 'commander';
import { extname } from 'node:path';
import type { Session } from '../context.js';
import type { WeekStart } from '../domain/config.js';
import { DIMENSIONS } from '../domain/pareto.js';
import { checkComparePeriod, checkPeriod, type PeriodFlags } from '../domain/period.js';
import { reportJson, type Report } from '../domain/summary.js';
import { choicesListed, oneOf, requiredText, wholeNumber } from '../domain/validate.js';
import { dimensionShown, typedNames } from '../language/labels.js';
import { UsageError } from '../errors.js';
import { t } from '../language/messages.js';
import { painter } from '../output/paint.js';
import { stdoutColumns } from '../output/width.js';
import { makeReport } from '../report/make.js';
import { outputFile, refuseUnfitOutput, settingsOf, tellNamedNothing } from './common.js';
import { examples } from './examples.js';

export const REPORT_FORMATS = ['table', 'markdown', 'csv', 'json', 'html'] as const;
type Format = (typeof REPORT_FORMATS)[number];

interface ReportOptions extends PeriodFlags {
  by: string;
  till?: string;
  branch?: string;
  top?: string;
  compare?: string;
  format?: string;
  json?: boolean;
  out?: string;
  bom?: boolean;
}

export function registerReport(command: Command, session: Session): void {
  command
    .option('--week [YYYY-Www]', t('report.optionWeek'))
    .option('--last <length>', t('report.optionLast'))
    .option('--since <when>', t('report.optionSince'))
    .option('--until <when>', t('report.optionUntil'))
    .option('--by <dimension>', t('report.optionBy', { dimensions: choicesListed(DIMENSIONS, typedNames(dimensionShown)) }), 'cause')
    .option('--till <name>', t('report.optionTill'))
    .option('--branch <name>', t('report.optionBranch'))
    .option('--top <n>', t('report.optionTop'))
    .option('--compare <period>', t('report.optionCompare'))
    .option('--format <format>', t('report.optionFormat', { formats: REPORT_FORMATS.join(', ') }))
    // As list, show and the other commands print JSON.
    .addOption(new Option('--json', t('report.optionJson')).conflicts('format'))
    .option('--out <file>', t('report.optionOut'))
    .option('--bom', t('report.optionBom'))
    .addHelpText(
      'after',
      examples(
        'complaints report  # this week, by cause',
        'complaints report --week last  # Monday morning: the week just ended',
        'complaints report --week 2026-W47 --top 5',
        'complaints report --last 4w --by category --format markdown',
        'complaints report --since 2026-11 --until 2026-11 --out november.csv --bom  # the format by the ending; --bom for Excel',
        'complaints report --out week.html  # to print or send',
        'complaints report --last 4w --by till  # which till hears most',
        'complaints report --branch "High Street"  # one branch of several',
        'complaints report --week 2026-W47 --compare 2026-W46  # before and after a change',
        'complaints report --since 2026-11-16 --compare 2026-11-09..2026-11-15 --format html --out before-after.html',
      ),
    )
    .action((options: ReportOptions) => runReport(options, session));
}

export async function runReport(options: ReportOptions, session: Session): Promise<void> {
  const now = session.now();
  const periods = (weekStart?: WeekStart) => ({
    request: checkPeriod(options, now, weekStart),
    compare: options.compare === undefined ? undefined : checkComparePeriod(options.compare, now, weekStart),
  });
  // Checked before the logbook is opened, and read again once its settings say when the shop's week starts (--since 上周).
  periods();
  const by = oneOf(options.by, DIMENSIONS, '--by', typedNames(dimensionShown));
  const out = outputFile(options.out, session.env);
  const format = options.json ? 'json' : options.format === undefined ? formatOfFile(out) : oneOf(options.format, REPORT_FORMATS, '--format', (format) => FORMAT_ALSO_TYPED[format] ?? []);
  if (options.bom && format !== 'csv') throw new UsageError(t('report.bomOnlyCsv', { format }));
  const top = options.top === undefined ? undefined : wholeNumber(options.top, 1, 10_000, '--top');
  const places = {
    ...(options.till === undefined ? {} : { till: requiredText(options.till, '--till') }),
    ...(options.branch === undefined ? {} : { branch: requiredText(options.branch, '--branch') }),
  };

  const logbook = await session.logbook('read');
  refuseUnfitOutput(logbook, out);
  const settings = await settingsOf(logbook);
  const { request, compare } = periods(settings['week-start']);
  const report = await makeReport(logbook, settings, { period: request, by, places, top, now, namedNothing: tellNamedNothing(session), ...(compare === undefined ? {} : { compare }) });
  // On a Monday morning this week has only begun: the review wanted is most likely the last week's.
  const weekUnasked = [options.week, options.last, options.since, options.until].every((flag) => flag === undefined);
  if (weekUnasked && report.summary.logged === 0 && report.previous.logged > 0) session.tell(t('report.weekJustBegun'));
  // Cut to the terminal only, as a list is: a file or a pipe gets the tables side by side.
  const columns = out === undefined && session.stdoutIsTTY ? stdoutColumns() : undefined;
  const text = (options.bom ? '\uFEFF' : '') + (await render(report, format, session.color && out === undefined, columns));
  if (out === undefined) return void session.stdout.write(text);
  // Loaded here, as only a report written to a file needs streams and temporary files.
  const { writeWhenComplete } = await import('../output/files.js');
  await writeWhenComplete(out, text);
  session.tell(t('report.wrote', { format, out }));
}

// What may be typed for a format beside its name: the ending of its files.
const FORMAT_ALSO_TYPED: Readonly<Partial<Record<Format, readonly string[]>>> = { markdown: ['md'] };

// The format a file's ending names, for a report written to it without --format.
const FORMAT_OF_ENDING: Readonly<Record<string, Format>> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.csv': 'csv',
  '.json': 'json',
};

// Endings of documents no report is written as: asked for by name, the table written into one is
// not what was wanted.
const NOT_WRITTEN_AS = new Set(['.pdf', '.doc', '.docx', '.odt', '.xls', '.xlsx', '.ods', '.png', '.jpg', '.jpeg']);

/** The format `--out report.html` asks for by its ending; the table on the screen, or for a file ending otherwise. */
function formatOfFile(out: string | undefined): Format {
  if (out === undefined) return 'table';
  const ending = extname(out).toLowerCase();
  if (NOT_WRITTEN_AS.has(ending)) throw new UsageError(t('report.notWrittenAs', { file: out, ending }));
  return FORMAT_OF_ENDING[ending] ?? 'table';
}

// Each format's module is loaded only when asked for, so other commands do not pay for them.
async function render(report: Report, format: Format, color: boolean, columns: number | undefined): Promise<string> {
  switch (format) {
    case 'table':
      return (await import('../output/report/table.js')).reportTable(report, painter(color), columns);
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
