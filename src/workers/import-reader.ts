// The thread that reads and checks a file being imported (see import-reading.ts), while the main
// thread writes what it has read so far.
import { readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { csvRecordReader } from '../domain/csv/records.js';
import { checkEncoding, fromGb18030 } from '../domain/csv/encoding.js';
import { REQUIRED_COLUMNS, checkHeader } from '../domain/csv/header.js';
import { rowReader, type RowReader } from '../domain/csv/import-row.js';
import { appendImported, noImportedRows } from '../domain/imported-rows.js';
import { Refusal, UsageError } from '../errors.js';
import { speak, t } from '../language/messages.js';
import { BATCHES_AHEAD, cannotRead, type FromReader, type ReaderData } from './import-reading.js';

// Small enough that a piece's text, decoded, is an ordinary young object that dies with the rows
// read from it: a megabyte's (2 MB as UTF-16 once it holds Chinese) went to V8's space for large
// objects, where it stayed until a full collection, thirty megabytes of them at a time.
const PIECE_BYTES = 32 * 1024;
// Few enough that the batch being filled fits in the young generation this thread is given
// (import-reading.ts) and dies there once posted: of a thousand rows, most lived long enough to
// be copied into the old generation and collected there (1M: 5.7 s of this thread's 24 s
// collecting; 250 a batch, 0.9 s).
const ROWS_PER_BATCH = 250;

const { fd, file, encoding, now, language, taken, ...context } = workerData as ReaderData;
const takenCount = new Int32Array(taken);
// Waited on, never woken, to pause this thread while standard input has nothing yet.
const pause = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
const port = parentPort!;
const say = (message: FromReader) => port.postMessage(message);

let sent = 0;
let batch = noImportedRows();
let bytesRead = 0;
const send = () => {
  say({ kind: 'rows', rows: batch, bytesRead });
  batch = noImportedRows();
  bytesRead = 0;
  sent++;
  // Wait while the main thread is BATCHES_AHEAD behind.
  for (let seen = Atomics.load(takenCount, 0); sent - seen > BATCHES_AHEAD; seen = Atomics.load(takenCount, 0)) {
    Atomics.wait(takenCount, 0, seen);
  }
};

// This thread has modules of its own: its messages are in the main thread's language once loaded.
void speak(language).then(readTheFile);

function readTheFile(): void {
  try {
    const transcoder = encoding === 'gb18030' ? fromGb18030() : undefined;
    // The first row names the columns; each later one is checked as it is parsed.
    let read: RowReader | undefined;
    const reader = csvRecordReader((cells, line, recordBytes) => {
      // What is read is counted in the file's bytes: a transcoded file's are counted a piece at a time, below.
      if (transcoder === undefined) bytesRead += recordBytes;
      if (read === undefined) {
        read = rowReader(checkHeader(cells, line), { ...context, now: new Date(now) });
        return;
      }
      // A spreadsheet writes rows it once had, their cells cleared, as commas alone: no complaint, as a blank line is none.
      if (cells.every(isBlank)) return;
      appendImported(batch, read(cells, line));
      if (batch.count === ROWS_PER_BATCH) send();
    }, checkEncoding);
    // Read a piece at a time, so that a file of any size takes the memory of one piece.
    const piece = Buffer.allocUnsafe(PIECE_BYTES);
    for (let length = readPiece(piece); length > 0; length = readPiece(piece)) {
      if (transcoder === undefined) {
        reader.push(piece.subarray(0, length));
      } else {
        bytesRead += length;
        reader.push(transcoder.push(piece.subarray(0, length)));
      }
    }
    if (transcoder !== undefined) reader.push(transcoder.end());
    reader.end();
    if (read === undefined) {
      throw new UsageError(t('import.emptyFile', { columns: REQUIRED_COLUMNS.join(',') }));
    }
    if (batch.count > 0 || bytesRead > 0) send();
    say({ kind: 'done', added: context.added });
  } catch (error) {
    // Anything else is a fault in the program: thrown, it reaches the main thread as the thread's error.
    if (!(error instanceof UsageError || error instanceof Refusal)) throw error;
    say({ kind: 'failed', exitCode: error.exitCode, message: error.message });
  }
}

/**
 * Fills `piece` from the file where the last read ended; 0 at its end. Standard input may be a
 * pipe or socket another process left non-blocking: with nothing to read yet, this thread waits a
 * moment and reads again.
 */
function readPiece(piece: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, piece, 0, piece.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw cannotRead(file, error);
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

function isBlank(cell: string): boolean {
  return cell.trim() === '';
}
