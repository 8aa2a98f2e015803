import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { csvRecord, type CsvCell } from '../domain/csv/export-row.js';
import { replaceWhenComplete } from './files.js';
import { inChunks } from './lines.js';

/** Rows of cells, a batch at a time as they are read. */
export type CsvBatches = AsyncIterable<ReadonlyArray<readonly CsvCell[]>>;

/**
 * Writes a CSV file to `out`, or to `stdout` when there is none: the header row of `columns`
 * (after a UTF-8 byte order mark with `bom`, so that Excel reads Chinese text as UTF-8), then the
 * records of `body`. They are read only as the destination takes them, waiting while it is busy:
 * memory stays flat however many rows there are and however slow the reader.
 */
export async function writeCsv(
  columns: readonly string[],
  body: AsyncIterable<Uint8Array>,
  options: { bom: boolean; out: string | undefined; stdout: NodeJS.WritableStream },
): Promise<void> {
  const writeTo = (destination: NodeJS.WritableStream, end: boolean) =>
    pipeline(
      // Counted in bytes and with nothing read ahead: the next records are made only once asked for.
      Readable.from(withHeader(columns, body, options.bom), { objectMode: false, highWaterMark: 0 }),
      destination,
      { end },
    );
  if (options.out === undefined) await writeTo(options.stdout, false).catch(unlessReaderLeft);
  else await replaceWhenComplete(options.out, (file) => writeTo(file, true));
}

async function* withHeader(columns: readonly string[], body: AsyncIterable<Uint8Array>, bom: boolean): AsyncGenerator<Uint8Array> {
  yield Buffer.from(headerRecord(columns, bom));
  yield* body;
}

function headerRecord(columns: readonly string[], bom: boolean): string {
  return (bom ? '\uFEFF' : '') + csvRecord(columns);
}

/** `complaints export | head` closes the pipe early; the reader has what it wanted, so that is no error. */
function unlessReaderLeft(error: unknown): void {
  if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
}

/**
 * The CSV of a header row and rows of cells, as every CSV file of the program is written
 * (csvRecord), in chunks of many rows each; rows are taken only as chunks are asked for, so a
 * slow reader holds back the rows too.
 */
export function csvChunks(columns: readonly string[], batches: CsvBatches, options: { bom: boolean }): AsyncGenerator<Buffer> {
  return inChunks(csvLines(columns, batches, options.bom));
}

async function* csvLines(columns: readonly string[], batches: CsvBatches, bom: boolean): AsyncGenerator<string[]> {
  yield [headerRecord(columns, bom)];
  for await (const batch of batches) yield batch.map(csvRecord);
}
