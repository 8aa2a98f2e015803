import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CsvCell } from '../../src/domain/csv/export-row.js';
import { csvChunks } from '../../src/output/csv.js';

const whole = (chunks: Iterable<Buffer>) => Buffer.concat([...chunks]).toString('utf8');

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
  it('writes what csv-stringify wrote for export: quotes, formula guards, CRLF, the byte order mark', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 20 }), fc.boolean(), (rows, bom) => {
        const columns = ['id', 'customer', 'description'];
        expect(whole(csvChunks(columns, rows, { bom }))).toBe(asCsvStringifyWrites(columns, rows, bom));
      }),
      { numRuns: 500 },
    );
  });

  it('writes the header alone when there are no rows', () => {
    expect(whole(csvChunks(['id', 'status'], [], { bom: false }))).toBe('id,status\r\n');
    expect(whole(csvChunks(['id', 'status'], [], { bom: true }))).toBe('\uFEFFid,status\r\n');
  });

  it('puts many rows in a chunk, and keeps a row larger than a chunk whole', () => {
    const huge = '汤是凉的, "cold"'.repeat(20_000);
    const rows: CsvCell[][] = [...Array.from({ length: 5_000 }, (_, i) => [i, 'soup']), [5_000, huge], [5_001, 'last']];
    const chunks = [...csvChunks(['id', 'description'], rows, { bom: false })];
    expect(chunks.length).toBeLessThan(10);
    expect(chunks.some((chunk) => chunk.toString('utf8') === `5000,"${huge.replaceAll('"', '""')}"\r\n`)).toBe(true);
    expect(whole(chunks)).toBe(asCsvStringifyWrites(['id', 'description'], rows, false));
  });

  it('takes rows only as chunks are asked for', () => {
    let taken = 0;
    function* rows() {
      for (let i = 0; i < 100_000; i++) {
        taken++;
        yield [i, 'a complaint about the soup'];
      }
    }
    const chunks = csvChunks(['id', 'description'], rows(), { bom: false });
    chunks.next();
    chunks.next();
    expect(taken).toBeGreaterThan(0);
    expect(taken).toBeLessThan(10_000);
  });
});
