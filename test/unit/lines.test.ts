import fc from 'fast-check';
import { expect, it } from 'vitest';
import { JSON_ELEMENT_SEPARATOR, jsonArrayElement } from '../../src/domain/record.js';
import { jsonArray } from '../../src/output/lines.js';

/** `items` written by jsonArray, as runs of the lengths given (each at least one item), the rest in one more run. */
async function written(items: readonly unknown[], runLengths: readonly number[]): Promise<string> {
  async function* runs() {
    let start = 0;
    for (const length of [...runLengths, items.length]) {
      if (start >= items.length) return;
      const run = items.slice(start, start + length);
      start += run.length;
      yield { text: Buffer.from(run.map(jsonArrayElement).join(JSON_ELEMENT_SEPARATOR)) };
    }
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of jsonArray(runs())) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

it('writes JSON.stringify(items, null, 2) and a newline, however the items come in runs', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.jsonValue(), { maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 4 })), async (items, runLengths) => {
      expect(await written(items, runLengths)).toBe(JSON.stringify(items, null, 2) + '\n');
    }),
    { numRuns: 500 },
  );
});

it('writes an empty array on one line', async () => {
  expect(await written([], [])).toBe('[]\n');
});
