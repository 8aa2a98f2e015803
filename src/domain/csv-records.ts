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

/** Where the reading of pieces stands between one piece and the next. */
interface ReadState {
  /** The line the unread bytes begin on. */
  line: number;
  /** Whether the byte order mark, if any, is behind us. */
  started: boolean;
  width: number | undefined;
  recordEnd: readonly number[] | undefined;
}

/** Thrown inside a read of a piece that ends in the middle of a record: the rest is to come. */
const UNFINISHED = Symbol('unfinished record');

/** Checks bytes that hold whole records before they are read; `line` is the line they begin on. */
export type CheckBytes = (bytes: Uint8Array, line: number) => void;

/**
 * Reads CSV as RFC 4180 writes it, given in pieces of any size (`push`, then `end`), calling
 * `each` with every record in order as soon as it is whole: cells separated by commas, a cell in
 * double quotes holding commas, line breaks and doubled quotes. Records end with the first line
 * break the file uses (CRLF, LF or CR, as csv-parse discovers it); any other line break is part of
 * a cell, as exports before 2026-11-23 wrote a lone LF or CR in a cell without quotes. Blank
 * lines are skipped; a UTF-8 byte order mark is ignored. Every record must have as many cells as
 * the first. A malformed file throws a UsageError naming the line the bad record begins on,
 * counting LF, CRLF and a lone CR each as a line. `check` is given the bytes of whole lines before
 * any record in them is read (to refuse text that is not UTF-8, say). Only an unfinished record is
 * kept between pieces, so a file of any size is read in the memory of one piece.
 *
 * Written for import in place of csv-parse: its byte-by-byte state machine and the context object
 * it builds for each record took a third of a million-row import's time.
 */
export function csvRecordReader(each: EachRecord, check: CheckBytes = () => {}): { push(piece: Uint8Array): void; end(): void } {
  const state: ReadState = { line: 1, started: false, width: undefined, recordEnd: undefined };
  let unread = Buffer.alloc(0);
  // How many of the unread bytes have been checked already, and the line the next check begins on.
  let checked = 0;
  let checkedUpToLine = 1;
  const read = (piece: Uint8Array, final: boolean) => {
    const bytes = unread.length === 0 ? Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength) : Buffer.concat([unread, piece]);
    const lines = final ? bytes.length : wholeLines(bytes);
    if (lines > checked) {
      check(bytes.subarray(checked, lines), checkedUpToLine);
      checkedUpToLine += lineBreaks(bytes, checked, lines);
    }
    const done = readRecords(bytes, final, state, each);
    // A copy: the piece's memory is the caller's to reuse.
    unread = Buffer.from(bytes.subarray(done));
    checked = Math.max(lines, done) - done;
  };
  return { push: (piece) => read(piece, false), end: () => read(new Uint8Array(0), true) };
}

/**
 * Calls `each` with the whole records of `bytes`, moving `state` past them, and returns where the
 * bytes not read begin: an unfinished record, when more bytes are to come (`final` false).
 */
function readRecords(bytes: Buffer, final: boolean, state: ReadState, each: EachRecord): number {
  const length = bytes.length;
  let position = 0;
  // The mark counts in the first record's bytes; until that record is whole, it is read again.
  if (!state.started) {
    // Until more than a mark has come, it is not known to be one, nor anything read past it.
    if (length <= 3 && !final) return 0;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) position = 3;
  }
  let line = state.line;
  let previousEnd = 0;
  /** More bytes are needed to know; at the end of the file, there are none. */
  const awaitMore = (): void => {
    if (!final) throw UNFINISHED;
  };

  /** The length of the record's end at `at`, or 0; the first line break found decides what ends records. */
  const endAt = (at: number): number => {
    const byte = bytes[at];
    if (byte !== LF && byte !== CR) return 0;
    if (byte === CR && at + 1 === length) awaitMore();
    state.recordEnd ??= byte === CR && bytes[at + 1] === LF ? [CR, LF] : [byte];
    const recordEnd = state.recordEnd;
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
    const recordEnd = state.recordEnd;
    if (recordEnd === undefined || (recordEnd.length === 1 && recordEnd[0] === CR)) return undefined;
    const lf = bytes.indexOf(LF, from);
    if (lf === -1) awaitMore();
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
          if (close === -1) {
            awaitMore();
            throw problem(NEVER_CLOSED);
          }
          line += lineBreaks(bytes, from, close);
          // A quote that ends the piece may be the first of a doubled one.
          if (close + 1 === length) awaitMore();
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
        if (position === length) awaitMore();
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

  try {
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
        position = plain === length ? length : plain + state.recordEnd!.length;
        line++;
      } else {
        cells = readCells(problem);
      }
      state.width ??= cells.length;
      if (cells.length !== state.width) throw problem(OTHER_WIDTH);
      each(cells, startLine, position - previousEnd);
      previousEnd = position;
      state.line = line;
      state.started = true;
    }
  } catch (error) {
    if (error !== UNFINISHED) throw error;
    return previousEnd;
  }
  // Blank lines at the end of a piece are read again with the next, to count in its record's bytes.
  if (!final) return previousEnd;
  state.line = line;
  return length;
}

/**
 * How many of `bytes` are whole lines, to be checked while the rest is to come: up to the last line
 * break, so that no character is cut in two (a line break byte is never part of one), and never
 * between the CR and the LF of a CRLF, so that lines are counted as the reader counts them.
 */
function wholeLines(bytes: Buffer): number {
  const end = bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
  if (end === 0) return 0;
  return Math.max(bytes.lastIndexOf(LF, end - 1), bytes.lastIndexOf(CR, end - 1)) + 1;
}

/** Line breaks in bytes[from, to): LF, CRLF and a lone CR count one each. */
function lineBreaks(bytes: Buffer, from: number, to: number): number {
  // Found by indexOf, which scans natively: looking at each byte in turn took a twentieth of the
  // time an import spends reading a file, as every byte of it is counted once.
  const range = bytes.subarray(from, to);
  let count = 0;
  for (let at = range.indexOf(LF); at !== -1; at = range.indexOf(LF, at + 1)) count++;
  for (let at = range.indexOf(CR); at !== -1; at = range.indexOf(CR, at + 1)) {
    if (bytes[from + at + 1] !== LF) count++;
  }
  return count;
}
