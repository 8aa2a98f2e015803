/** A bad flag, value or missing argument: the user can fix the command line. Exit 2. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/**
 * The command was understood but cannot be carried out: not found, a transition the lifecycle
 * does not allow, an unreadable database. Exit 1.
 */
export class Refusal extends Error {
  readonly exitCode = 1;
}

/** What the command asks for is so already: nothing is written, and it is no failure. Exit 0. */
export class Unchanged extends Error {
  readonly exitCode = 0;
}

/** The person stopped a prompt (Ctrl-C). Exit 130, as a shell reports an interrupted command. */
export class Cancelled extends Error {
  readonly exitCode = 130;
}

/** Whether the prompt library ended because the person pressed Ctrl-C. */
export function isPromptCancel(error: unknown): boolean {
  return (error as Error | undefined)?.name === 'ExitPromptError';
}

/** Whether another connection held the logbook for longer than the busy timeout (a driver error). */
export function isBusy(error: unknown): boolean {
  return String((error as { code?: unknown }).code ?? '').startsWith('SQLITE_BUSY');
}
