import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { helpPages } from '../support/help-pages.js';
import { tempLogbook } from '../support/in-process.js';

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
