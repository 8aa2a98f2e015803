import type { Command } from 'commander';
import { extname } from 'node:path';
import type { Session } from '../context.js';
import { checkFilter, type FilterFlags } from '../domain/filter.js';
import { RECORD_COLUMNS } from '../domain/record.js';
import { UsageError } from '../errors.js';
import { t } from '../language/messages.js';
import { startProgress } from '../output/progress.js';
import { shownOnOneLine } from '../output/terminal.js';
import { checkFilterIn, outputFile, refuseUnfitOutput, tellNamedNothing, withFilterOptions } from './common.js';
import { examples } from './examples.js';
import { filterAsSpelt } from '../store/spelt-filter.js';

interface ExportOptions extends FilterFlags {
  out?: string;
  bom?: boolean;
  redact?: boolean;
}

export function registerExport(command: Command, session: Session): void {
  withFilterOptions(command)
    .option('--out <file>', t('export.out'))
    .option('--bom', t('export.bom'))
    .option('--redact', t('export.redact'))
    .addHelpText(
      'after',
      `
${t('export.help', { first: RECORD_COLUMNS.slice(0, 10).join(', '), second: RECORD_COLUMNS.slice(10, 18).join(', '), third: RECORD_COLUMNS.slice(18).join(', ') })}
${examples(
  'complaints export --out complaints.csv',
  'complaints export --status resolved,closed --since 2026-01-01 --bom --out for-excel.csv',
  'complaints export --redact --since 4w | gzip > last-month.csv.gz',
)}`,
    )
    .action((options: ExportOptions) => runExport(options, session));
}

export async function runExport(options: ExportOptions, session: Session): Promise<void> {
  const now = session.now();
  // Checked before the logbook is opened too, so that a mistyped flag opens nothing.
  checkFilter(options, now, 'by id');
  const out = outputFile(options.out, session.env);
  if (out !== undefined) refuseOtherFormat(out);
  const logbook = await session.logbook('read');
  refuseUnfitOutput(logbook, out);
  const filter = await filterAsSpelt(logbook, await checkFilterIn(logbook, options, now, 'by id'), tellNamedNothing(session));
  // Loaded here, as only an export needs streams and temporary files: every other command started
  // the slower for them.
  const { writeCsv } = await import('../output/csv.js');

  const progress = await startProgress(session, t('export.exporting'), () => logbook.count(filter));
  let exported = 0;
  async function* counted() {
    for await (const { rows, text } of logbook.csvRecords(filter, { redact: Boolean(options.redact) })) {
      exported += rows;
      progress.advance(rows);
      yield text;
    }
  }
  try {
    await writeCsv(RECORD_COLUMNS, counted(), { bom: Boolean(options.bom), out, stdout: session.stdout });
  } finally {
    progress.stop();
  }
  // On one line whatever the file is named: the line is read by scripts.
  if (out !== undefined) session.print(t('export.exported', { count: exported, file: shownOnOneLine(out) }));
}

// Endings of files that are not CSV: the export written into for-boss.xlsx is CSV text that a
// spreadsheet opening it by its name refuses, and a.json holds no JSON.
const NOT_CSV = new Set(['.xls', '.xlsx', '.ods', '.json', '.html', '.htm', '.md', '.markdown', '.pdf', '.doc', '.docx', '.odt', '.tsv']);

function refuseOtherFormat(out: string): void {
  const ending = extname(out).toLowerCase();
  if (NOT_CSV.has(ending)) throw new UsageError(t('export.notCsv', { file: out, ending }));
}
