import { csvRecord, csvRowMaker } from '../domain/csv/export-row.js';

/** An export's CSV records, a batch of complaints at a time: how many, and their records as UTF-8. */
export interface CsvRecords {
  rows: number;
  csv: Uint8Array;
}

// Records are handed on once they reach about this many characters: a batch of large complaints
// joined whole was several megabytes of text at once, and ran an export given 24 MB of heap out
// of memory on Node 26.
const CHUNK_CHARACTERS = 32 * 1024;

/**
 * The export's records of rows as Logbook.rows gives them, written by the program (csvRecord):
 * PostgreSQL's, and SQLite's of complaints too few among the others to be worth SQLite's own.
 */
export async function* csvRecordsOfRows(
  { columns, batches }: { columns: readonly string[]; batches: AsyncIterable<unknown[][]> },
  redact: boolean,
): AsyncGenerator<CsvRecords> {
  const cellsOf = csvRowMaker(columns, redact);
  let records: string[] = [];
  let characters = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      const record = csvRecord(cellsOf(row));
      records.push(record);
      characters += record.length;
      if (characters >= CHUNK_CHARACTERS) {
        yield { rows: records.length, csv: Buffer.from(records.join('')) };
        records = [];
        characters = 0;
      }
    }
  }
  if (records.length > 0) yield { rows: records.length, csv: Buffer.from(records.join('')) };
}
