import { on } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { FileEncoding } from '../domain/csv/encoding.js';
import type { AddedChoices, ImportContext } from '../domain/csv/import-row.js';
import type { ImportedRows } from '../domain/imported-rows.js';
import { Refusal, UsageError } from '../errors.js';
import { systemReason } from '../language/labels.js';
import { spoken, t, type Language } from '../language/messages.js';

/** What the reading thread is given: what reading the rows needs (the moment as ms since the epoch, to cross threads). */
export interface ReaderData extends Omit<ImportContext, 'now'> {
  /** The file, open for reading from its start. */
  fd: number;
  /** Its name, as messages give it. */
  file: string;
  /** What its text is written in. */
  encoding: FileEncoding;
  now: number;
  /** The language the thread words its messages in: the main thread's. */
  language: Language;
  /** One Int32: how many batches the main thread has taken. */
  taken: SharedArrayBuffer;
}

/** What the reading thread says, in order: batches of rows, then that the file is read or why it cannot be. */
export type FromReader =
  | { kind: 'rows'; rows: ImportedRows; bytesRead: number }
  | { kind: 'done'; added: AddedChoices }
  | { kind: 'failed'; exitCode: 1 | 2; message: string };

/** How many batches the reading thread may be ahead: enough to keep both threads busy, few enough that a file of any size takes little memory. */
export const BATCHES_AHEAD = 4;

/** Why a file to import cannot be opened or read. */
export function cannotRead(file: string, error: unknown): Refusal {
  return new Refusal(t('import.cannotRead', { file, reason: systemReason((error as NodeJS.ErrnoException).code ?? String(error)) }));
}

/**
 * The complaints of the file open at `fd`, checked row by row and read in batches on a thread of
 * their own, so that checking the next rows costs no time while these are written. A bad file
 * throws the UsageError (a bad row, naming its line) or Refusal (unreadable) the thread met;
 * ending the iteration early stops the thread. `advance` is told the bytes each batch was read from;
 * once the file is read, `context.added` holds the categories and channels it added.
 */
export async function* readImportFile(
  fd: number,
  file: string,
  options: { context: ImportContext; encoding: FileEncoding; advance: (bytes: number) => void },
): AsyncGenerator<ImportedRows> {
  const taken = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const takenCount = new Int32Array(taken);
  const { context } = options;
  const workerData: ReaderData = { ...context, fd, file, encoding: options.encoding, now: context.now.getTime(), language: spoken(), taken };
  // Beside this module in the build (dist/), where scripts/build.js puts the thread's entry point.
  // Almost all the thread makes is dropped once its batch is posted: a young generation of 8 MB
  // (V8 grows it to 32) holds it, for ~20 MB less memory at a few per cent of the time.
  const reader = new Worker(new URL('./import-reader.js', import.meta.url), { workerData, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  try {
    for await (const [message] of on(reader, 'message', { close: ['exit'] })) {
      const said = message as FromReader;
      if (said.kind === 'done') {
        // The thread noted them in its own copy of the context.
        context.added.categories.push(...said.added.categories);
        context.added.channels.push(...said.added.channels);
        return;
      }
      if (said.kind === 'failed') throw said.exitCode === 2 ? new UsageError(said.message) : new Refusal(said.message);
      options.advance(said.bytesRead);
      yield said.rows;
      Atomics.add(takenCount, 0, 1);
      Atomics.notify(takenCount, 0);
    }
    throw new Error(`the thread reading ${file} stopped before the end of it`);
  } finally {
    await reader.terminate();
  }
}
