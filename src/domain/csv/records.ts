import type { UsageError } from '../../errors.js';
import { t } from '../../language/messages.js';
import { atLine } from './encoding.js';

const COMMA = 0x2c;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

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
 * Written for import in place of csv-parse, whose byte-by-byte state machine and per-record
 * context were much of an import's time (d8d4585); csv-parse is its oracle in a property test.
 */
export function csvRecordReader(each: EachRecord, check: CheckBytes = () => {}): { push(piece: Uint8Array): void; end(): void } {
  const state: ReadState = { line: 1, started: false, width: undefined, recordEnd: undefined };
  let unread = Buffer.alloc(0);
  // How many of the unread bytes have been checked already, and the line the next check begins on.
  let checked = 0;
  let checkedUpToLine = 1;
  // Pieces set aside while a record longer than they are comes in: it is read again only once its
  // bytes have doubled, so that a long record is read a few times over, not once a piece (a cell
  // of 21 MB, read in pieces of 32 KB, took 53 s).
  let setAside: Buffer[] = [];
  let setAsideBytes = 0;
  let readAgainAt = 0;
  const read = (piece: Uint8Array, final: boolean) => {
    if (!final && unread.length + setAsideBytes + piece.length < readAgainAt) {
      // A copy: the piece's memory is the caller's to reuse.
      setAside.push(Buffer.from(piece));
      setAsideBytes += piece.length;
      return;
    }
    const bytes =
      unread.length === 0 && setAside.length === 0
        ? Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength)
        : Buffer.concat([unread, ...setAside, piece]);
    setAside = [];
    setAsideBytes = 0;
    const lines = final ? bytes.length : wholeLines(bytes);
    if (lines > checked) {
      check(bytes.subarray(checked, lines), checkedUpToLine);
      // As latin1, a character a byte: line break bytes are never part of a UTF-8 character.
      checkedUpToLine += lineBreaks(bytes.toString('latin1', checked, lines), 0, lines - checked);
    }
    // The whole lines decoded at once, so that no character is cut in two, and faster than a cell
    // at a time (a20d334).
    const text = bytes.toString('utf8', 0, lines);
    const done = readRecords(text, final, state, each);
    const doneBytes = done === text.length ? lines : Buffer.byteLength(text.slice(0, done));
    // A copy: the piece's memory is the caller's to reuse.
    unread = Buffer.from(bytes.subarray(doneBytes));
    checked = Math.max(lines, doneBytes) - doneBytes;
    readAgainAt = doneBytes === 0 ? 2 * bytes.length : 0;
  };
  return { push: (piece) => read(piece, false), end: () => read(new Uint8Array(0), true) };
}

/**
 * Calls `each` with the whole records of `text`, moving `state` past them, and returns where the
 * text not read begins: an unfinished record, when more is to come (`final` false).
 */
function readRecords(text: string, final: boolean, state: ReadState, each: EachRecord): number {
  const length = text.length;
  let position = 0;
  // The mark counts in the first record's bytes; until that record is whole, it is read again.
  if (!state.started && text.charCodeAt(0) === BOM) position = 1;
  let line = state.line;
  let previousEnd = 0;
  /** More text is needed to know; at the end of the file, there is none. */
  const awaitMore = (): void => {
    if (!final) throw UNFINISHED;
  };

  /** The length of the record's end at `at`, or 0; the first line break found decides what ends records. */
  const endAt = (at: number): number => {
    const code = text.charCodeAt(at);
    if (code !== LF && code !== CR) return 0;
    if (code === CR && at + 1 === length) awaitMore();
    state.recordEnd ??= code === CR && text.charCodeAt(at + 1) === LF ? [CR, LF] : [code];
    const recordEnd = state.recordEnd;
    if (code !== recordEnd[0]) return 0;
    return recordEnd.length === 1 || text.charCodeAt(at + 1) === LF ? recordEnd.length : 0;
  };

  // Where the next quote and the next CR are, found once and kept until passed.
  let nextQuote = -1;
  let nextCr = -1;
  const following = (character: string, known: number, from: number): number => {
    if (known >= from) return known;
    const found = text.indexOf(character, from);
    return found === -1 ? length : found;
  };
  /**
   * Where the record at `from` ends, if it is plain: no quote and no line break inside, so it can
   * be split at its commas (most records are).
   */
  const plainEnd = (from: number): number | undefined => {
    const recordEnd = state.recordEnd;
    if (recordEnd === undefined || (recordEnd.length === 1 && recordEnd[0] === CR)) return undefined;
    const lf = text.indexOf('\n', from);
    if (lf === -1) awaitMore();
    const end = lf === -1 ? length : lf - recordEnd.length + 1;
    if (lf !== -1 && text.charCodeAt(end) !== recordEnd[0]) return undefined;
    nextQuote = following('"', nextQuote, from);
    nextCr = following('\r', nextCr, from);
    return nextQuote < end || nextCr < end ? undefined : end;
  };

  /** The cells of the record at `position`, cell by cell, moving `position` and `line` past it. */
  const readCells = (problem: (reason: string) => UsageError): string[] => {
    const cells: string[] = [];
    for (;;) {
      if (text.charCodeAt(position) === QUOTE) {
        let cell = '';
        let from = position + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) {
            awaitMore();
            throw problem(t('csv.neverClosed'));
          }
          line += lineBreaks(text, from, close);
          // A quote that ends the text may be the first of a doubled one.
          if (close + 1 === length) awaitMore();
          if (text.charCodeAt(close + 1) === QUOTE) {
            cell += text.slice(from, close + 1);
            from = close + 2;
          } else {
            cell += text.slice(from, close);
            position = close + 1;
            break;
          }
        }
        if (position < length && text.charCodeAt(position) !== COMMA && endAt(position) === 0) throw problem(t('csv.strayQuote'));
        cells.push(cell);
      } else {
        const start = position;
        for (; position < length; position++) {
          const code = text.charCodeAt(position);
          if (code === COMMA) break;
          if (code === QUOTE) throw problem(t('csv.strayQuote'));
          if (code === LF || code === CR) {
            if (endAt(position) > 0) break;
            if (code === LF || text.charCodeAt(position + 1) !== LF) line++;
          }
        }
        if (position === length) awaitMore();
        cells.push(text.slice(start, position));
      }
      if (position >= length) break;
      if (text.charCodeAt(position) === COMMA) {
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
      const problem = (reason: string) => atLine(startLine, reason);
      const plain = plainEnd(position);
      let cells: string[];
      if (plain !== undefined) {
        cells = text.slice(position, plain).split(',');
        position = plain === length ? length : plain + state.recordEnd!.length;
        line++;
      } else {
        cells = readCells(problem);
      }
      state.width ??= cells.length;
      if (cells.length !== state.width) {
        // Rows added in another editor end otherwise than the file's first line (LF in a CRLF file),
        // so they are read as one row over several lines: its cells say so.
        const overLines = cells.some((cell) => cell.includes('\n') || cell.includes('\r'));
        throw problem(t(overLines ? 'csv.otherWidthOverLines' : 'csv.otherWidth'));
      }
      each(cells, startLine, Buffer.byteLength(text.slice(previousEnd, position)));
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

/** Line breaks in text[from, to): LF, CRLF and a lone CR count one each. */
function lineBreaks(text: string, from: number, to: number): number {
  // Found by indexOf, which scans natively, faster than looking at each character (cd35f2f).
  // Searched within the range alone: a search through the rest of the text for a CR it does not
  // hold would cost each quoted cell the length of the text.
  const range = text.slice(from, to);
  let count = 0;
  for (let at = range.indexOf('\n'); at !== -1; at = range.indexOf('\n', at + 1)) count++;
  for (let at = range.indexOf('\r'); at !== -1; at = range.indexOf('\r', at + 1)) {
    if (text.charCodeAt(from + at + 1) !== LF) count++;
  }
  return count;
}
