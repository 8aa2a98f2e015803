import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CsvCell } from '../domain/csv/export-row.js';
import { guardFormula } from '../domain/csv/formula.js';
import { replaceWhenComplete } from './files.js';
import { inChunks } from './lines.js';

/** Rows of cells, a batch at a time as they are read. */
export type CsvBatches = AsyncIterable<ReadonlyArray<readonly CsvCell[]>>;

// Quotes go around a cell holding a comma, a double quote or any line break: a lone LF or CR
// written bare ends the record for Excel and Python's csv module, which then split the row.
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Writes the CSV of the rows of `batches` to the file `out`, or to `stdout` when there is none. Rows are read only
 * as the destination takes chunks of CSV, waiting while it is busy: memory stays flat however many
 * rows there are and however slow the reader.
 */
export async function writeCsv(
  columns: readonly string[],
  batches: CsvBatches,
  options: { bom: boolean; out: string | undefined; stdout: NodeJS.WritableStream },
): Promise<void> {
  const writeTo = (destination: NodeJS.WritableStream, end: boolean) =>
    pipeline(
      // Counted in bytes and with nothing read ahead: the next chunk is made only once asked for.
      Readable.from(csvChunks(columns, batches, { bom: options.bom }), { objectMode: false, highWaterMark: 0 }),
      destination,
      { end },
    );
  if (options.out === undefined) await writeTo(options.stdout, false).catch(unlessReaderLeft);
  else await replaceWhenComplete(options.out, (file) => writeTo(file, true));
}

/** `complaints export | head` closes the pipe early; the reader has what it wanted, so that is no error. */
function unlessReaderLeft(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
}


/**
 * The CSV every export writes, in chunks of many rows each: a header row, records ending in CRLF
 * (RFC 4180), cells a spreadsheet would run as a formula neutralised with a leading ', and with
 * `bom` a UTF-8 byte order mark so that Excel reads Chinese text as UTF-8. Rows are taken only as
 * chunks are asked for, so a slow reader holds back the rows too.
 */
export function csvChunks(columns: readonly string[], batches: CsvBatches, options: { bom: boolean }): AsyncGenerator<Buffer> {
  return inChunks(csvLines(columns, batches, options.bom));
}

async function* csvLines(columns: readonly string[], batches: CsvBatches, bom: boolean): AsyncGenerator<string> {
  yield (bom ? '\uFEFF' : '') + csvLine(columns);
  for await (const batch of batches) for (const row of batch) yield csvLine(row);
}

function csvLine(cells: readonly CsvCell[]): string {
  let line = csvCell(cells[0] ?? null);
  for (let index = 1; index < cells.length; index++) line += ',' + csvCell(cells[index]!);
  return line + '\r\n';
}

function csvCell(cell: CsvCell): string {
  if (typeof cell !== 'string') return cell === null ? '' : numberText(cell);
  const guarded = guardFormula(cell);
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/**
 * String() would keep the text of each number in V8's number-to-string cache, which outlives
 * young garbage: the texts of a million ids then pile up in the old generation until a full
 * collection, and the export's memory grows with the logbook. toFixed(0) has no such cache and
 * writes a whole number as String() does.
 */
function numberText(value: number): string {
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}
