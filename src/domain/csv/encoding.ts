import { isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { UsageError } from '../../errors.js';
import { t } from '../../language/messages.js';

/**
 * Refuses bytes a CSV file of complaints cannot hold, naming the line: a NUL byte (a binary file,
 * or UTF-16 text) or a sequence that is not UTF-8 (a spreadsheet saved in a legacy encoding).
 * `firstLine` is the line of the file the bytes begin on.
 */
export function checkEncoding(bytes: Uint8Array, firstLine = 1): void {
  const counter = lineCounter(bytes);
  const lineOf = (offset: number) => counter(offset) + firstLine - 1;
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw atLine(lineOf(nul), t('csv.nulByte'));
  }
  // Checked without decoding: the text of a large file would take twice its size again.
  if (isUtf8(bytes)) return;
  // Find the line to fix: a line break byte never occurs inside a multi-byte UTF-8 character.
  throw atLine(lineOf(firstUndecodable(bytes, new TextDecoder('utf-8', { fatal: true }))), t('csv.notUtf8'));
}

/**
 * The encodings import reads a file in: UTF-8, and GB18030, in which a Chinese Excel saves "CSV
 * (逗号分隔)" (its GBK is part of GB18030, so the name gbk is taken for it too).
 */
export type FileEncoding = 'utf-8' | 'gb18030';
const ENCODING_NAMES: ReadonlyMap<string, FileEncoding> = new Map([
  ['utf-8', 'utf-8'], ['utf8', 'utf-8'], ['gb18030', 'gb18030'], ['gbk', 'gb18030'], ['gb2312', 'gb18030'], ['cp936', 'gb18030'],
]);

/** The encoding a name given to --encoding stands for, whatever its capitals. */
export function parseEncoding(name: string): FileEncoding {
  const encoding = ENCODING_NAMES.get(name.trim().toLowerCase());
  if (encoding === undefined) throw new UsageError(t('csv.unknownEncoding', { name }));
  return encoding;
}

/**
 * Turns text in GB18030 (or GBK), given in pieces of any size, into UTF-8, whole lines at a time:
 * `push` returns the UTF-8 of the lines a piece completes, and `end` that of the rest. A line
 * break byte is never part of a GB18030 character, so lines are cut at its bytes. Refuses,
 * naming the line, bytes that are not GB18030, and text that is UTF-8 already: read as GB18030,
 * UTF-8 Chinese is other Chinese characters, with no error to tell.
 */
export function fromGb18030(): { push(piece: Uint8Array): Uint8Array; end(): Uint8Array } {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  // The bytes after the last line break so far, in the pieces they came in (copies: the pieces'
  // memory is the caller's to reuse), joined only once their line is whole.
  let unfinished: Uint8Array[] = [];
  // The line the unfinished bytes begin on.
  let line = 1;
  const turn = (bytes: Uint8Array): Uint8Array => {
    const lineOf = lineCounter(bytes);
    if (!isAscii(bytes) && isUtf8(bytes)) {
      throw atLine(lineOf(bytes.findIndex((byte) => byte > 0x7f)) + line - 1, t('csv.utf8Already'));
    }
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      throw atLine(lineOf(firstUndecodable(bytes, decoder)) + line - 1, t('csv.notGb18030'));
    }
    line += lineOf(bytes.length) - 1;
    return Buffer.from(text, 'utf8');
  };
  return {
    push(piece) {
      const lines = piece.lastIndexOf(0x0a) + 1;
      if (lines === 0) {
        unfinished.push(Buffer.from(piece));
        return new Uint8Array(0);
      }
      const whole = Buffer.concat([...unfinished, piece.subarray(0, lines)]);
      unfinished = [Buffer.from(piece.subarray(lines))];
      return turn(whole);
    },
    end() {
      const rest = Buffer.concat(unfinished);
      unfinished = [];
      return turn(rest);
    },
  };
}

/** Where the first line `decoder` cannot read begins in `bytes`, whose lines end in LF. */
function firstUndecodable(bytes: Uint8Array, decoder: TextDecoder): number {
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline + 1;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return start;
    }
    start = end;
  }
  return start;
}

/**
 * The line number of a byte offset, counting LF, CRLF and a lone CR as one line break each.
 * Offsets must be asked for in increasing order; the count carries on from the last one.
 */
export function lineCounter(bytes: Uint8Array): (offset: number) => number {
  let position = 0;
  let line = 1;
  return (offset) => {
    for (; position < offset && position < bytes.length; position++) {
      const byte = bytes[position];
      if (byte === 0x0a || (byte === 0x0d && bytes[position + 1] !== 0x0a)) line++;
    }
    return line;
  };
}

/** A problem with a file, naming the line it is on. */
export function atLine(line: number, reason: string): UsageError {
  return new UsageError(t('csv.atLine', { line, reason }));
}
