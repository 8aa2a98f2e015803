import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CsvCell } from '../../src/domain/csv/export-row.js';
import { csvChunks } from '../../src/output/csv.js';

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const taken: T[] = [];
  for await (const item of items) taken.push(item);
  return taken;
}

const whole = async (chunks: AsyncIterable<Buffer>) => Buffer.concat(await all(chunks)).toString('utf8');

/** The rows in batches of a few, as a logbook gives them. */
async function* inBatches<T>(rows: readonly T[], size = 3): AsyncGenerator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

/**
 * What csv-stringify writes with the options export gave it, and any cell with a line break quoted
 * as well (export once wrote a lone LF bare): the file format spreadsheets and scripts read.
 */
function asCsvStringifyWrites(columns: readonly string[], rows: readonly (readonly CsvCell[])[], bom: boolean): string {
  const quotedFormula = (cell: string) => (/^'+[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) ? `'${cell}` : cell);
  const text = stringify([columns, ...rows], { record_delimiter: '\r\n', escape_formulas: true, quoted_match: /[\r\n]/, cast: { string: quotedFormula } });
  return (bom ? '\uFEFF' : '') + text;
}

const awkward = fc.constantFrom(
  'a', '9', ' ', '中', '投诉', '"', '""', ',', ';', '\r', '\n', '\r\n', '=', '+', '-', '@', '\t', "'", '＝', '＋', '＠', '－', '😀',
);
const cell: fc.Arbitrary<CsvCell> = fc.oneof(
  fc.string({ unit: awkward, maxLength: 10 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.maxSafeNat(),
  fc.constant(null),
);

describe('csvChunks', () => {
  it('writes what csv-stringify wrote for export: quotes, formula guards, CRLF, the byte order mark', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 20 }), fc.boolean(), async (rows, bom) => {
        const columns = ['id', 'customer', 'description'];
        expect(await whole(csvChunks(columns, inBatches(rows), { bom }))).toBe(asCsvStringifyWrites(columns, rows, bom));
      }),
      { numRuns: 500 },
    );
  });

  it('writes the header alone when there are no rows', async () => {
    expect(await whole(csvChunks(['id', 'status'], inBatches([]), { bom: false }))).toBe('id,status\r\n');
    expect(await whole(csvChunks(['id', 'status'], inBatches([]), { bom: true }))).toBe('\uFEFFid,status\r\n');
  });

  it('puts many rows in a chunk, and keeps a row larger than a chunk whole', async () => {
    const huge = '汤是凉的, "cold"'.repeat(20_000);
    const rows: CsvCell[][] = [...Array.from({ length: 5_000 }, (_, i) => [i, 'soup']), [5_000, huge], [5_001, 'last']];
    const chunks = await all(csvChunks(['id', 'description'], inBatches(rows, 1000), { bom: false }));
    expect(chunks.length).toBeLessThan(10);
    expect(chunks.some((chunk) => chunk.toString('utf8') === `5000,"${huge.replaceAll('"', '""')}"\r\n`)).toBe(true);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(asCsvStringifyWrites(['id', 'description'], rows, false));
  });

  it('takes batches of rows only as chunks are asked for', async () => {
    let taken = 0;
    async function* batches() {
      for (let i = 0; i < 1_000; i++) {
        taken++;
        yield Array.from({ length: 100 }, (_, j) => [i * 100 + j, 'a complaint about the soup']);
      }
    }
    const chunks = csvChunks(['id', 'description'], batches(), { bom: false });
    await chunks.next();
    await chunks.next();
    expect(taken).toBeGreaterThan(0);
    expect(taken).toBeLessThan(100);
  });
});
