import { once } from 'node:events';
import { JSON_ELEMENT_SEPARATOR } from '../domain/record.js';

// Lines are written in chunks of about this many bytes: a write per line costs more than the line.
const CHUNK_BYTES = 64 * 1024;
// A UTF-16 code unit never takes more than 3 bytes of UTF-8.
const MAX_BYTES_PER_UNIT = 3;

/**
 * `texts`, each followed by `after`, as UTF-8 in chunks of about 64 KB, a chunk made only when
 * asked for. Each text goes straight into its chunk's bytes: joined into one string first, the
 * texts made a rope to flatten for every chunk (~0.7 s of the JSON of 100,000 complaints). The
 * texts come in batches: passed on one at a time, they cost a promise each at every step.
 */
export async function* inChunks(texts: AsyncIterable<readonly string[]>, after = ''): AsyncGenerator<Buffer> {
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  for await (const batch of texts) {
    for (const text of batch) {
      const most = (text.length + after.length) * MAX_BYTES_PER_UNIT;
      if (used > 0 && used + most > chunk.length) {
        yield chunk.subarray(0, used);
        // A new chunk each time, as whoever took the last one may still hold it.
        chunk = Buffer.allocUnsafe(CHUNK_BYTES);
        used = 0;
      }
      if (most > chunk.length) {
        yield Buffer.from(text + after);
        continue;
      }
      used += chunk.write(text, used);
      used += chunk.write(after, used);
    }
  }
  if (used > 0) yield chunk.subarray(0, used);
}

/**
 * Writes `lines`, each ending in a newline, a chunk at a time, waiting whenever the reader is
 * behind: output of any length, read as slowly as the reader likes, holds one chunk at a time.
 */
export function writeLines(out: NodeJS.WritableStream, lines: AsyncIterable<readonly string[]>): Promise<void> {
  return writeChunks(out, inChunks(lines, '\n'));
}

/**
 * Writes `chunks` as they come, waiting whenever the reader is behind. A reader that leaves early
 * (`complaints list | head`) ends the output, not in an error.
 */
export async function writeChunks(out: NodeJS.WritableStream, chunks: AsyncIterable<Uint8Array>): Promise<void> {
  try {
    for await (const chunk of chunks) {
      if (out.write(chunk) === false) await drained(out);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
  }
}

/** Resolves when the reader has caught up; rejects, rather than waiting for ever, if it has gone. */
async function drained(out: NodeJS.WritableStream): Promise<void> {
  const gone = Object.assign(new Error('the reader closed the output'), { code: 'EPIPE' });
  if ((out as { destroyed?: boolean }).destroyed) throw gone;
  const stop = new AbortController();
  try {
    const event = await Promise.race(
      (['drain', 'close'] as const).map((name) => once(out, name, { signal: stop.signal }).then(() => name)),
    );
    if (event === 'close') throw gone;
  } finally {
    stop.abort();
  }
}

/**
 * `JSON.stringify(array, null, 2)` and a newline, of an array whose elements come as runs of them,
 * each as jsonArrayElement writes them and joined within a run by JSON_ELEMENT_SEPARATOR: an array
 * of any length is never held whole.
 */
export async function* jsonArray(runs: AsyncIterable<{ text: Uint8Array }>): AsyncGenerator<Uint8Array> {
  let first = true;
  for await (const { text } of runs) {
    yield Buffer.from(first ? '[\n' : JSON_ELEMENT_SEPARATOR);
    yield text;
    first = false;
  }
  yield Buffer.from(first ? '[]\n' : '\n]\n');
}
