import { isUtf8 } from 'node:buffer';
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
  const strict = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  while (start < bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline + 1;
    try {
      strict.decode(bytes.subarray(start, end));
    } catch {
      break;
    }
    start = end;
  }
  throw atLine(lineOf(start), t('csv.notUtf8'));
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
