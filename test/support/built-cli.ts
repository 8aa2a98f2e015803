import type { run as Run } from '../../src/cli.js';

/**
 * The program's `run` as built into dist/ (`npm test` builds first): what the binary calls, with
 * the parts that start from the build, such as the thread that reads a file being imported.
 */
export const { run } = (await import(new URL('../../dist/cli.js', import.meta.url).href)) as { run: typeof Run };
