import { UsageError } from '../errors.js';

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

const NEVER_CLOSED = 'a quoted cell is never closed (a " is missing)';
const STRAY_QUOTE = 'a " in the middle of a cell; put the cell in quotes and double each " inside it';
const OTHER_WIDTH = 'the row has a different number of cells from the header (a stray comma, or a cell with a comma not in quotes?)';

/** Called with one record's cells, the line it begins on, and the bytes read since the record before. */
export type EachRecord = (cells: string[], line: number, bytesRead: number) => void;

/**
 * Reads CSV as RFC 4180 writes it, calling `each` with every record in order: cells separated by
 * commas, a cell in double quotes holding commas, line breaks and doubled quotes. Records end
 * with the first line break the file uses (CRLF, LF or CR, as csv-parse discovers it); any other
 * line break is part of a cell, as exports before 2026-11-23 wrote a lone LF or CR in a cell without quotes. Blank
 * lines are skipped; a UTF-8 byte order mark is ignored. Every record must have as many cells as
 * the first. A malformed file throws a UsageError naming the line the bad record begins on,
 * counting LF, CRLF and a lone CR each as a line. `input` must be UTF-8 (checkEncoding).
 *
 * Written for import in place of csv-parse: its byte-by-byte state machine and the context object
 * it builds for each record took a third of a million-row import's time.
 */
export function eachCsvRecord(input: Uint8Array, each: EachRecord): void {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const length = bytes.length;
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let position = hasBom ? 3 : 0;
  let line = 1;
  let previousEnd = 0;
  let width: number | undefined;
  let recordEnd: readonly number[] | undefined;

  /** The length of the record's end at `at`, or 0; the first line break found decides what ends records. */
  const endAt = (at: number): number => {
    const byte = bytes[at];
    if (byte !== LF && byte !== CR) return 0;
    recordEnd ??= byte === CR && bytes[at + 1] === LF ? [CR, LF] : [byte];
    if (byte !== recordEnd[0]) return 0;
    return recordEnd.length === 1 || bytes[at + 1] === LF ? recordEnd.length : 0;
  };

  // Where the next quote and the next CR are, found once and kept until passed.
  let nextQuote = -1;
  let nextCr = -1;
  const following = (byte: number, known: number, from: number): number => {
    if (known >= from) return known;
    const found = bytes.indexOf(byte, from);
    return found === -1 ? length : found;
  };
  /**
   * Where the record at `from` ends, if it is plain: no quote and no line break inside, so it can
   * be decoded whole and split at its commas (most records are; decoding cell by cell cost more).
   */
  const plainEnd = (from: number): number | undefined => {
    if (recordEnd === undefined || (recordEnd.length === 1 && recordEnd[0] === CR)) return undefined;
    const lf = bytes.indexOf(LF, from);
    const end = lf === -1 ? length : lf - recordEnd.length + 1;
    if (lf !== -1 && bytes[end] !== recordEnd[0]) return undefined;
    nextQuote = following(QUOTE, nextQuote, from);
    nextCr = following(CR, nextCr, from);
    return nextQuote < end || nextCr < end ? undefined : end;
  };

  /** The cells of the record at `position`, cell by cell, moving `position` and `line` past it. */
  const readCells = (problem: (reason: string) => UsageError): string[] => {
    const cells: string[] = [];
    for (;;) {
      if (bytes[position] === QUOTE) {
        let cell = '';
        let from = position + 1;
        for (;;) {
          const close = bytes.indexOf(QUOTE, from);
          if (close === -1) throw problem(NEVER_CLOSED);
          line += lineBreaks(bytes, from, close);
          if (bytes[close + 1] === QUOTE) {
            cell += bytes.toString('utf8', from, close + 1);
            from = close + 2;
          } else {
            cell += bytes.toString('utf8', from, close);
            position = close + 1;
            break;
          }
        }
        if (position < length && bytes[position] !== COMMA && endAt(position) === 0) throw problem(STRAY_QUOTE);
        cells.push(cell);
      } else {
        const start = position;
        for (; position < length; position++) {
          const byte = bytes[position];
          if (byte === COMMA) break;
          if (byte === QUOTE) throw problem(STRAY_QUOTE);
          if (byte === LF || byte === CR) {
            if (endAt(position) > 0) break;
            if (byte === LF || bytes[position + 1] !== LF) line++;
          }
        }
        cells.push(start === position ? '' : bytes.toString('utf8', start, position));
      }
      if (position >= length) break;
      if (bytes[position] === COMMA) {
        position++;
        continue;
      }
      position += endAt(position);
      line++;
      break;
    }
    return cells;
  };

  while (position < length) {
    const blank = endAt(position);
    if (blank > 0) {
      position += blank;
      line++;
      continue;
    }
    const startLine = line;
    const problem = (reason: string) => new UsageError(`line ${startLine}: ${reason}`);
    const plain = plainEnd(position);
    let cells: string[];
    if (plain !== undefined) {
      cells = bytes.toString('utf8', position, plain).split(',');
      position = plain === length ? length : plain + recordEnd!.length;
      line++;
    } else {
      cells = readCells(problem);
    }
    width ??= cells.length;
    if (cells.length !== width) throw problem(OTHER_WIDTH);
    each(cells, startLine, position - previousEnd);
    previousEnd = position;
  }
}

/** Line breaks in bytes[from, to): LF, CRLF and a lone CR count one each. */
function lineBreaks(bytes: Buffer, from: number, to: number): number {
  let count = 0;
  for (let at = from; at < to; at++) {
    const byte = bytes[at];
    if (byte === LF || (byte === CR && bytes[at + 1] !== LF)) count++;
  }
  return count;
}
