import type { Command } from 'commander';
import type { Session } from '../context.js';
import { csvRowMaker } from '../domain/csv/export-row.js';
import { checkFilter, type FilterFlags } from '../domain/filter.js';
import { RECORD_COLUMNS } from '../domain/record.js';
import { requiredText } from '../domain/validate.js';
import { counted } from '../output/plural.js';
import { startProgress } from '../output/progress.js';
import { examples, withFilterOptions } from './common.js';
import { filterAsSpelt } from '../store/spelt-filter.js';

interface ExportOptions extends FilterFlags {
  out?: string;
  bom?: boolean;
  redact?: boolean;
}

export function registerExport(program: Command, session: Session): void {
  withFilterOptions(
    program.command('export').description('write complaints as CSV, a header row then one row each in id order, for spreadsheets and scripts'),
  )
    .option('--out <file>', 'write to this file instead of stdout; it appears only once complete, replacing any file of that name')
    .option('--bom', 'begin with a UTF-8 byte order mark, so that Excel shows Chinese and other non-English text correctly')
    .option('--redact', "leave the customer's name and contact empty")
    .addHelpText(
      'after',
      `
Columns, in this order:
  ${RECORD_COLUMNS.slice(0, 10).join(', ')},
  ${RECORD_COLUMNS.slice(10, 18).join(', ')},
  ${RECORD_COLUMNS.slice(18).join(', ')}.
Times are ISO 8601 UTC, cost a decimal such as 4.50; an empty cell means not given. remedy is
the latest remedy given and cost what every remedy cost together; remedies lists each one,
oldest first ("2026-11-23T12:00:00.000Z refund 4.50; 2026-11-25T09:00:00.000Z apology"). uid
stays with a complaint in any logbook. A cell that a spreadsheet would run as a formula
(starting with = + - @, a tab or a carriage return) starts with an extra '. 'complaints import'
reads the file back as it was.
${examples(
  'complaints export --out complaints.csv',
  'complaints export --status resolved,closed --since 2026-01-01 --bom --out for-excel.csv',
  'complaints export --redact --since 4w | gzip > last-month.csv.gz',
)}`,
    )
    .action((options: ExportOptions) => runExport(options, session));
}

export async function runExport(options: ExportOptions, session: Session): Promise<void> {
  const checked = checkFilter(options, session.now(), 'by id');
  const out = options.out === undefined ? undefined : requiredText(options.out, '--out');
  const logbook = await session.logbook('read');
  const filter = await filterAsSpelt(logbook, checked);
  // Loaded here, as only an export needs streams and temporary files: every other command started
  // the slower for them.
  const { writeCsv } = await import('../output/csv.js');

  const progress = await startProgress(session, 'Exporting', () => logbook.count(filter));
  const { columns, batches } = logbook.rows(filter);
  const csvRowOf = csvRowMaker(columns, Boolean(options.redact));
  let exported = 0;
  async function* csvRows() {
    for await (const batch of batches) {
      exported += batch.length;
      progress.advance(batch.length);
      yield batch.map(csvRowOf);
    }
  }
  try {
    await writeCsv(RECORD_COLUMNS, csvRows(), { bom: Boolean(options.bom), out, stdout: session.stdout });
  } finally {
    progress.stop();
  }
  if (out !== undefined) session.print(`Exported ${counted(exported, 'complaint')} to ${out}.`);
}
