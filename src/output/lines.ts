import { once } from 'node:events';

// Lines are written in chunks of about this many bytes: a write per line costs more than the line.
const CHUNK = 64 * 1024;
// The most bytes a UTF-16 code unit takes in UTF-8.
const MOST_BYTES_PER_UNIT = 3;

/**
 * Writes `lines`, each ending in a newline, a chunk at a time, waiting whenever the reader is
 * behind: output of any length, read as slowly as the reader likes, holds one chunk at a time.
 * A reader that leaves early (`complaints list | head`) ends the output, not in an error.
 * Each line is encoded straight into the chunk's bytes: joining the lines into one string first
 * and encoding that took a fifth of the time of `list --json` (100,000 complaints: ~0.7 s).
 */
export async function writeLines(out: NodeJS.WritableStream, lines: AsyncIterable<string>): Promise<void> {
  let chunk = Buffer.allocUnsafe(CHUNK);
  let used = 0;
  const flush = async () => {
    // A new chunk each time, as the stream may still hold the last one.
    const full = chunk.subarray(0, used);
    chunk = Buffer.allocUnsafe(CHUNK);
    used = 0;
    if (out.write(full) === false) await drained(out);
  };
  try {
    for await (const line of lines) {
      if ((line.length + 1) * MOST_BYTES_PER_UNIT > CHUNK - used) {
        if (used > 0) await flush();
        // A line longer than a chunk goes as it is.
        if ((line.length + 1) * MOST_BYTES_PER_UNIT > CHUNK) {
          if (out.write(line + '\n') === false) await drained(out);
          continue;
        }
      }
      used += chunk.write(line, used);
      chunk[used++] = 0x0a;
    }
    if (used > 0) out.write(chunk.subarray(0, used));
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
