import type { Ctx } from '../context.js';

/** How far a long import or export has got. */
export interface Progress {
  advance(by?: number): void;
  /** Removes the bar; safe to call more than once. */
  stop(): void;
}

const SILENT: Progress = { advance() {}, stop() {} };

/**
 * A bar on stderr while `total()` items (rows, bytes) go by, only when stderr is a terminal: piped
 * or logged output stays clean. `total` is asked only then, as counting may cost a pass over the
 * logbook.
 */
export async function startProgress(
  ctx: Pick<Ctx, 'stderr' | 'stderrIsTTY'>,
  label: string,
  total: () => number | Promise<number>,
): Promise<Progress> {
  if (!ctx.stderrIsTTY) return SILENT;
  const count = await total();
  if (count === 0) return SILENT;
  const { SingleBar } = (await import('cli-progress')).default;
  const bar = new SingleBar({
    stream: ctx.stderr,
    format: `${label} {bar} {percentage}%`,
    barCompleteChar: '\u2588',
    barIncompleteChar: '\u2591',
    clearOnComplete: true,
    // Wrapping stays on: turning it off would leave the terminal without it if Ctrl-C ends us mid-way.
    linewrap: true,
  });
  bar.start(count, 0);
  return { advance: (by = 1) => bar.increment(by), stop: () => bar.stop() };
}
