import fc from 'fast-check';
import { expect, it } from 'vitest';
import { jsonArrayLines } from '../../src/output/lines.js';

async function lines<T>(items: readonly T[], as: (item: T) => unknown): Promise<string> {
  // In batches of two, as a logbook gives its complaints a batch at a time.
  async function* batches() {
    for (let start = 0; start < items.length; start += 2) yield items.slice(start, start + 2);
  }
  const made: string[] = [];
  for await (const line of jsonArrayLines(batches(), as)) made.push(line);
  return made.join('\n');
}

it('makes the lines of JSON.stringify(items, null, 2), one item at a time', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 6 }), async (items) => {
      expect(await lines(items, (item) => item)).toBe(JSON.stringify(items, null, 2));
    }),
    { numRuns: 500 },
  );
});

it('writes each item as `as` makes it', async () => {
  expect(await lines([1, 2], (n) => ({ id: n, text: 'line\nbreak' }))).toBe(JSON.stringify([1, 2].map((n) => ({ id: n, text: 'line\nbreak' })), null, 2));
});
