import { stringify } from 'csv-stringify/sync';
import type { CsvCell } from '../domain/csv-row.js';
import { guardQuotedFormula } from '../domain/csv-row.js';

// Rows are turned into text this many at a time, and written as one chunk: a write per row costs
// more than the CSV itself.
const ROWS_PER_CHUNK = 100;

/**
 * The CSV every export writes, in chunks of many rows each: a header row, records ending in CRLF
 * (RFC 4180), cells a spreadsheet would run as a formula neutralised with a leading ', and with
 * `bom` a UTF-8 byte order mark so that Excel reads Chinese text as UTF-8. Rows are taken only as
 * chunks are asked for, so a slow reader holds back the rows too.
 */
export function* csvChunks(columns: readonly string[], rows: Iterable<readonly CsvCell[]>, options: { bom: boolean }): Generator<string> {
  const text = (batch: (readonly CsvCell[])[]) =>
    stringify(batch, { record_delimiter: '\r\n', escape_formulas: true, cast: { string: guardQuotedFormula } });
  let batch: (readonly CsvCell[])[] = [columns];
  let start = options.bom ? '\uFEFF' : '';
  for (const row of rows) {
    batch.push(row);
    if (batch.length === ROWS_PER_CHUNK) {
      yield start + text(batch);
      batch = [];
      start = '';
    }
  }
  if (batch.length > 0) yield start + text(batch);
}
