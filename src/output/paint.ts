import { Chalk, type ChalkInstance } from 'chalk';

// Apart from terminal.ts, which the program loads at start-up: chalk is loaded by the commands that paint.

/** Colours for output, or none: decideColor (terminal.ts) says which. */
export function painter(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
