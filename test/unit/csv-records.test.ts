import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecordReader } from '../../src/domain/csv/records.js';

interface Read {
  cells: string[];
  line: number;
  bytesRead: number;
}

function readAll(text: string | Buffer): Read[] {
  const records: Read[] = [];
  const reader = csvRecordReader((cells, line, bytesRead) => records.push({ cells, line, bytesRead }));
  reader.push(Buffer.from(text));
  reader.end();
  return records;
}

const cellsOf = (text: string | Buffer) => readAll(text).map((record) => record.cells);

describe('csvRecordReader given a whole file', () => {
  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['CR', '\r'],
  ])('ends records with %s when the file does, the last one needing none', (_, end) => {
    expect(cellsOf(`a,b${end}c,d${end}e,f`)).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f']]);
  });

  it('keeps any other line break in a cell, quoted or not, as export writes a lone LF or CR, and counts it as a line', () => {
    const records = readAll('id,x\r\n1,a\nb\rc\r\n2,"d\ne"\r\n3,f');
    expect(records.map(({ cells, line }) => [cells, line])).toEqual([
      [['id', 'x'], 1],
      [['1', 'a\nb\rc'], 2],
      [['2', 'd\ne'], 5],
      [['3', 'f'], 7],
    ]);
  });

  it('keeps the CR of a CRLF in a file whose records end with LF, as csv-parse does', () => {
    expect(cellsOf('a,b\nc,d\r\n')).toEqual([['a', 'b'], ['c', 'd\r']]);
  });

  it('reads empty cells, at the start, in the middle and at the end of a record', () => {
    expect(cellsOf(',x,,\r\n,,,\r\n')).toEqual([['', 'x', '', ''], ['', '', '', '']]);
  });

  it('reads quoted cells holding commas, line breaks and doubled quotes, and an empty quoted cell', () => {
    expect(cellsOf('"a,b","say ""hi""","two\r\nlines\nand\rmore",""\r\n')).toEqual([['a,b', 'say "hi"', 'two\r\nlines\nand\rmore', '']]);
  });

  it('keeps spaces and text in any script as they are', () => {
    expect(cellsOf(' 汤是凉的 ,"  Ann  ",\t😀\r\n')).toEqual([[' 汤是凉的 ', '  Ann  ', '\t😀']]);
  });

  it('ignores a byte order mark and skips blank lines, counting them as lines', () => {
    const records = readAll('\uFEFFid,x\r\n\r\n\r\n1,"a\r\nb"\r\n\r\n2,c\r\n');
    expect(records.map(({ cells, line }) => [cells, line])).toEqual([
      [['id', 'x'], 1],
      [['1', 'a\r\nb'], 4],
      [['2', 'c'], 7],
    ]);
  });

  it('reports the bytes each record took up, blank lines before it included, adding up to the whole file', () => {
    const text = Buffer.from('\uFEFFid,x\r\n\r\n1,"汤\r\n"\r\n2,y');
    const records = readAll(text);
    expect(records.map((record) => record.bytesRead)).toEqual([9, 13, 3]);
    expect(records.reduce((sum, record) => sum + record.bytesRead, 0)).toBe(text.length);
  });

  it('reads nothing from an empty file, a byte order mark alone or blank lines', () => {
    expect(cellsOf('')).toEqual([]);
    expect(cellsOf('\uFEFF')).toEqual([]);
    expect(cellsOf('\r\n\r\n')).toEqual([]);
    expect(cellsOf('\n\n')).toEqual([]);
  });

  it.each([
    ['a quoted cell never closed', 'a,b\r\n1,2\r\n3,"open\r\n4,5\r\n', 'line 3: a quoted cell is never closed (a " is missing)'],
    ['a quote inside an unquoted cell', 'a,b\r\n1,say "hi"\r\n', 'line 2: a " in the middle of a cell; put the cell in quotes and double each " inside it'],
    ['text after a closing quote', 'a,b\r\n1,"hi" there\r\n', 'line 2: a " in the middle of a cell; put the cell in quotes and double each " inside it'],
    ['a record with more cells than the first', 'a,b\n1,2\n3,4,5\n', 'line 3: the row has a different number of cells from the header (a stray comma, or a cell with a comma not in quotes?)'],
    ['a record with fewer cells than the first', 'a,b\n1\n', 'line 2: the row has a different number of cells from the header (a stray comma, or a cell with a comma not in quotes?)'],
    [
      'rows ending in LF added to a file whose lines end in CRLF',
      'a,b\r\n1,2\r\n3,4\n5,6\n',
      'line 3: the row has a different number of cells from the header, and runs over more than one line: does the file mix line endings (CRLF and LF, as when rows are added in another editor)? Save it with one kind; or is a comma astray?',
    ],
    ['a bad record after a quoted cell with line breaks and a blank line', 'a,b\r\n1,"x\r\ny\rz"\r\n\r\n2,"q"q\r\n', 'line 6: a " in the middle of a cell; put the cell in quotes and double each " inside it'],
  ])('refuses %s, naming the line the record begins on', (_, text, message) => {
    expect(() => readAll(text)).toThrow(message);
  });

  it('reads back any rows csv-stringify writes, with the header and line ends export uses or LF, as csv-parse reads them', () => {
    const cell = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', '"', '""', ',', '\r\n', '\n', '\r', ' a , "b" '));
    const table = fc
      .integer({ min: 1, max: 6 })
      .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }))
      .filter((rows) => rows.length > 0);
    fc.assert(
      fc.property(table, fc.boolean(), fc.constantFrom('windows', 'unix'), (rows, bom, recordDelimiter) => {
        const header = rows[0]!.map((_, index) => `column ${index}`);
        const text = stringify([header, ...rows], { bom, record_delimiter: recordDelimiter });
        // A row of one empty cell is written as a blank line, which is skipped.
        const expected = [header, ...rows.filter((row) => !(row.length === 1 && row[0] === ''))];
        expect(cellsOf(text)).toEqual(expected);
        expect(cellsOf(text)).toEqual(parse(text, { bom: true, skip_empty_lines: true }));
      }),
      { numRuns: 1000 },
    );
  });
});

/** What reading `text` in pieces cut at `cuts` gives: the records, the checked lines, or the error. */
function readInPieces(text: Buffer, cuts: readonly number[]) {
  const records: Read[] = [];
  const checked: Array<{ bytes: string; line: number }> = [];
  const reader = csvRecordReader(
    (cells, line, bytesRead) => records.push({ cells, line, bytesRead }),
    (bytes, line) => checked.push({ bytes: Buffer.from(bytes).toString('latin1'), line }),
  );
  const at = [0, ...[...cuts].sort((a, b) => a - b).map((cut) => cut % (text.length + 1)).sort((a, b) => a - b), text.length];
  try {
    for (let index = 1; index < at.length; index++) reader.push(text.subarray(at[index - 1], at[index]));
    reader.end();
  } catch (error) {
    return { records, checked, error: (error as Error).message };
  }
  return { records, checked, error: undefined };
}

/** The line a byte offset is on, counting LF, CRLF and a lone CR as one line break each. */
function lineAt(text: Buffer, offset: number): number {
  let line = 1;
  for (let at = 0; at < offset; at++) if (text[at] === 0x0a || (text[at] === 0x0d && text[at + 1] !== 0x0a)) line++;
  return line;
}

describe('csvRecordReader given a file in pieces', () => {
  // Cells with every character the reader treats apart, in files good and bad.
  const cell = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', '"', '""', ',', '\r\n', '\n', '\r', '汤', ' a , "b" '));
  const quoted = (text: string) => `"${text.replaceAll('"', '""')}"`;
  const csv = fc
    .tuple(
      fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(fc.tuple(cell, fc.boolean()), { minLength: width, maxLength: width }), { maxLength: 6 })),
      fc.constantFrom('\r\n', '\n', '\r'),
      fc.boolean(),
      fc.constantFrom('', '\r\n', '\n\n'),
    )
    .map(([rows, end, bom, after]) =>
      Buffer.from((bom ? '\uFEFF' : '') + rows.map((row) => row.map(([text, quote]) => (quote ? quoted(text) : text)).join(',')).join(end) + after),
    );
  const cuts = fc.array(fc.nat(), { maxLength: 12 });

  it('reads a file cut into pieces anywhere as it reads it whole: the same records, lines, bytes and errors', () => {
    fc.assert(
      fc.property(csv, cuts, (text, at) => {
        const whole = readInPieces(text, []);
        const pieces = readInPieces(text, at);
        // A bad record stops the reading either way, after the same records before it.
        expect(pieces.error).toEqual(whole.error);
        expect(pieces.records).toEqual(whole.records);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a file given a byte at a time as it reads it whole, records longer than a piece set aside until they double', () => {
    fc.assert(
      fc.property(csv, (text) => {
        const whole = readInPieces(text, []);
        const bytes = readInPieces(text, Array.from({ length: text.length }, (_, at) => at));
        expect(bytes.error).toEqual(whole.error);
        expect(bytes.records).toEqual(whole.records);
      }),
      { numRuns: 500 },
    );
  });

  it('has every byte checked once, in order, before its records are read, in whole lines with the line they begin on', () => {
    fc.assert(
      fc.property(csv, cuts, (text, at) => {
        const { checked, error } = readInPieces(text, at);
        if (error !== undefined) return;
        expect(checked.map((piece) => piece.bytes).join('')).toBe(text.toString('latin1'));
        let offset = 0;
        for (const piece of checked) {
          expect(piece.line).toBe(lineAt(text, offset));
          offset += piece.bytes.length;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

