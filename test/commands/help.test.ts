import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { helpPages } from '../support/help-pages.js';
import { runComparing, tempLogbook } from '../support/in-process.js';

// Every help page, found from the program's own help, kept in __snapshots__/help/ so that a change
// to any help text shows in review. Commander fits help to the width of stdout when it is a
// terminal, else to 80 columns; the test runner gives the test process a pipe, as a script gives
// the binary one, so the pages are those a script sees. `vitest run -u` writes them anew.

const book = tempLogbook();

const pages = await helpPages((command) => book.ok([...command, '--help']));
const fileOf = (command: string[]) => `${['complaints', ...command].join('-')}.txt`;

describe('help', () => {
  it.each(pages.map(({ command }) => [['complaints', ...command].join(' '), command] as const))(
    '%s --help exits 0 and shows its usage and examples',
    async (name, command) => {
      const result = await book.run([...command, '--help']);
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
      expect(result.stdout).toMatch(new RegExp(`^Usage: ${name} `));
      expect(result.stdout).toMatch(/^Examples:\n {2}\$ complaints/m);
      await expect(result.stdout).toMatchFileSnapshot(`__snapshots__/help/${fileOf(command)}`);
    },
  );

  it('is kept for each of those pages and no other, so a page gone from the program goes from review too', () => {
    expect(readdirSync(new URL('__snapshots__/help/', import.meta.url)).sort()).toEqual(pages.map(({ command }) => fileOf(command)).sort());
  });
});

describe('complaints help', () => {
  it.each([[[]], [['log']], [['follow-up']], [['help']]])('help %j shows what --help shows', async (named) => {
    const [asked, flagged] = await Promise.all([book.run(['help', ...named]), book.run([...named, '--help'])]);
    expect(asked).toEqual({ ...flagged, code: 0 });
    expect(asked.stdout).toMatch(/^Usage: complaints /);
  });

  const logged = tempLogbook();
  beforeAll(() => logged.ok(['log', '汤是凉的', '--no-input']));

  it.each(['nonsense', '__complete'])('refuses help for a command there is none of (%s) in one line, changing nothing', async (name) => {
    const result = await runComparing(logged, ['help', name]);
    expect(result).toMatchObject({ code: 2, unchanged: true, stdout: '', stderr: `complaints: unknown command '${name}'; see 'complaints --help'\n` });
  });
});
