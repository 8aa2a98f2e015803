import type { Command } from 'commander';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Session } from '../context.js';
import { csvRowMaker } from '../domain/csv-row.js';
import { checkFilter, type FilterFlags } from '../domain/filter.js';
import { RECORD_COLUMNS } from '../domain/record.js';
import { requiredText } from '../domain/validate.js';
import { Refusal } from '../errors.js';
import { startProgress } from '../output/progress.js';
import { countComplaints, iterateComplaintRows } from '../store/complaints.js';
import { examples, filterAsSpelt, withFilterOptions } from './common.js';

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
Times are ISO 8601 UTC, cost a decimal such as 4.50; an empty cell means not given. A cell that
a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) starts
with an extra '. 'complaints import' reads the file back as it was.
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
  const db = await session.db();
  const filter = filterAsSpelt(db, checked);
  const { csvChunks } = await import('../output/csv.js');

  const progress = await startProgress(session, 'Exporting', () => countComplaints(db, filter));
  const { columns, rows } = iterateComplaintRows(db, filter);
  const csvRowOf = csvRowMaker(columns, Boolean(options.redact));
  let exported = 0;
  function* csvRows() {
    for (const row of rows) {
      exported++;
      progress.advance();
      yield csvRowOf(row);
    }
  }
  // Rows are read from SQLite only as the destination takes chunks of CSV, waiting while it is
  // busy: memory stays flat however large the logbook and however slow the reader.
  const writeTo = (destination: NodeJS.WritableStream, end: boolean) =>
    pipeline(
      // Counted in bytes and with nothing read ahead: the next chunk is made only once asked for.
      Readable.from(csvChunks(RECORD_COLUMNS, csvRows(), { bom: Boolean(options.bom) }), { objectMode: false, highWaterMark: 0 }),
      destination,
      { end },
    );
  try {
    if (out === undefined) await writeTo(session.stdout, false).catch(unlessReaderLeft);
    else await replaceWhenComplete(out, (file) => writeTo(file, true));
  } finally {
    progress.stop();
  }
  if (out !== undefined) session.print(`Exported ${exported} ${exported === 1 ? 'complaint' : 'complaints'} to ${out}.`);
}

/** `complaints export | head` closes the pipe early; the reader has what it wanted, so that is no error. */
function unlessReaderLeft(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
}

/**
 * Writes `path` by way of a temporary file beside it (the same file system, so the rename is
 * atomic), renamed over it only when complete: a failed export leaves no half-written file.
 */
async function replaceWhenComplete(path: string, write: (file: NodeJS.WritableStream) => Promise<void>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`);
  try {
    await write(createWriteStream(temporary, { flags: 'wx', mode: 0o600 }));
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new Refusal(`cannot write ${path} (${code}); nothing was written`);
  }
}
