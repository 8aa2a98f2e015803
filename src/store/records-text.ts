import { csvRecord, csvRowMaker } from '../domain/csv/export-row.js';
import { JSON_ELEMENT_SEPARATOR, jsonArrayElement, recordMaker } from '../domain/record.js';

/** Complaints written out, a run of them at a time: how many, and their text as UTF-8. */
export interface RecordsText {
  rows: number;
  text: Uint8Array;
}

/** Bare rows of the logbook's `columns`, in that order, a batch at a time, as Logbook.rows gives them. */
export interface BareRows {
  columns: readonly string[];
  batches: AsyncIterable<unknown[][]>;
}

// Text is handed on once it reaches about this many characters: a batch of large complaints
// joined whole was several megabytes of text at once, and ran an export given 24 MB of heap out
// of memory on Node 26.
const CHUNK_CHARACTERS = 32 * 1024;

/**
 * The export's records of rows, written by the program (csvRecord): PostgreSQL's, and SQLite's
 * of complaints too few among the others to be worth SQLite's own.
 */
export function csvRecordsOfRows({ columns, batches }: BareRows, redact: boolean): AsyncGenerator<RecordsText> {
  const cellsOf = csvRowMaker(columns, redact);
  return joinedInRuns(batches, (row) => csvRecord(cellsOf(row)), '');
}

/** The same as the elements of a JSON array of records (jsonArrayElement), a list's --json. */
export function jsonElementsOfRows({ columns, batches }: BareRows): AsyncGenerator<RecordsText> {
  const recordOf = recordMaker(columns);
  return joinedInRuns(batches, (row) => jsonArrayElement(recordOf(row)), JSON_ELEMENT_SEPARATOR);
}

async function* joinedInRuns(
  batches: AsyncIterable<unknown[][]>,
  textOf: (row: unknown[]) => string,
  separator: string,
): AsyncGenerator<RecordsText> {
  let texts: string[] = [];
  let characters = 0;
  const run = () => ({ rows: texts.length, text: Buffer.from(texts.join(separator)) });
  for await (const batch of batches) {
    for (const row of batch) {
      const text = textOf(row);
      texts.push(text);
      characters += text.length;
      if (characters >= CHUNK_CHARACTERS) {
        yield run();
        texts = [];
        characters = 0;
      }
    }
  }
  if (texts.length > 0) yield run();
}
