import { once } from 'node:events';

// Lines are written in chunks of about this many characters: a write per line costs more than the line.
const CHUNK = 64 * 1024;

/**
 * Writes `lines`, each ending in a newline, a chunk at a time, waiting whenever the reader is
 * behind: output of any length, read as slowly as the reader likes, holds one chunk at a time.
 * A reader that leaves early (`complaints list | head`) ends the output, not in an error.
 */
export async function writeLines(out: NodeJS.WritableStream, lines: AsyncIterable<string>): Promise<void> {
  let chunk = '';
  try {
    for await (const line of lines) {
      chunk += line + '\n';
      if (chunk.length < CHUNK) continue;
      if (out.write(chunk) === false) await drained(out);
      chunk = '';
    }
    if (chunk !== '') out.write(chunk);
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
      previous = '  ' + JSON.stringify(as(item) ?? null, null, 2).replaceAll('\n', '\n  ');
    }
  }
  if (previous === undefined) return yield '[]';
  yield previous;
  yield ']';
}
