import { once } from 'node:events';

// Lines are written in chunks of about this many bytes: a write per line costs more than the line.
const CHUNK_BYTES = 64 * 1024;
// A UTF-16 code unit never takes more than 3 bytes of UTF-8.
const MAX_BYTES_PER_UNIT = 3;

/**
 * `texts`, each followed by `after`, as UTF-8 in chunks of about 64 KB, a chunk made only when
 * asked for. Each text goes straight into its chunk's bytes: joined into one string first, the
 * texts made a rope to flatten for every chunk (~0.7 s of the JSON of 100,000 complaints).
 */
export async function* inChunks(texts: AsyncIterable<string>, after = ''): AsyncGenerator<Buffer> {
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  for await (const text of texts) {
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
  if (used > 0) yield chunk.subarray(0, used);
}

/**
 * Writes `lines`, each ending in a newline, a chunk at a time, waiting whenever the reader is
 * behind: output of any length, read as slowly as the reader likes, holds one chunk at a time.
 * A reader that leaves early (`complaints list | head`) ends the output, not in an error.
 */
export async function writeLines(out: NodeJS.WritableStream, lines: AsyncIterable<string>): Promise<void> {
  try {
    for await (const chunk of inChunks(lines, '\n')) {
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
 * The lines of `JSON.stringify([...items].map(as), null, 2)` for the items of `batches`, made one
 * item at a time, so that an array of any length is never held whole as objects or as one string.
 */
export async function* jsonArrayLines<T>(batches: AsyncIterable<readonly T[]>, as: (item: T) => unknown): AsyncGenerator<string> {
  let previous: string | undefined;
  for await (const batch of batches) {
    for (const item of batch) {
      yield previous === undefined ? '[' : previous + ',';
      // The item as an element of an array, indented as one, without its brackets: quicker than
      // indenting it again line by line (100,000 complaints: 1.5 s to 1.0 s).
      previous = JSON.stringify([as(item) ?? null], null, 2).slice(2, -2);
    }
  }
  if (previous === undefined) return yield '[]';
  yield previous;
  yield ']';
}
