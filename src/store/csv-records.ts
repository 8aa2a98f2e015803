import { csvRecord, csvRowMaker } from '../domain/csv/export-row.js';

/** An export's CSV records, a batch of complaints at a time: how many, and their records as UTF-8. */
export interface CsvRecords {
  rows: number;
  csv: Uint8Array;
}

/**
 * The export's records of rows as Logbook.rows gives them, written by the program (csvRecord):
 * PostgreSQL's, and SQLite's of complaints too few among the others to be worth SQLite's own.
 */
export async function* csvRecordsOfRows(
  { columns, batches }: { columns: readonly string[]; batches: AsyncIterable<unknown[][]> },
  redact: boolean,
): AsyncGenerator<CsvRecords> {
  const cellsOf = csvRowMaker(columns, redact);
  for await (const batch of batches) {
    yield { rows: batch.length, csv: Buffer.from(batch.map((row) => csvRecord(cellsOf(row))).join('')) };
  }
}
