import fc from 'fast-check';
import { expect, it } from 'vitest';
import { jsonArrayLines } from '../../src/output/lines.js';

it('makes the lines of JSON.stringify(items, null, 2), one item at a time', () => {
  fc.assert(
    fc.property(fc.array(fc.jsonValue(), { maxLength: 6 }), (items) => {
      expect([...jsonArrayLines(items, (item) => item)].join('\n')).toBe(JSON.stringify(items, null, 2));
    }),
    { numRuns: 500 },
  );
});

it('writes each item as `as` makes it', () => {
  const lines = [...jsonArrayLines([1, 2], (n) => ({ id: n, text: 'line\nbreak' }))];
  expect(lines.join('\n')).toBe(JSON.stringify([1, 2].map((n) => ({ id: n, text: 'line\nbreak' })), null, 2));
});
