import { PassThrough } from 'node:stream';
import type { ReadStream } from 'node:tty';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PasteAsOneLine } from '../../src/prompts/pasted.js';

const START = '\x1b[200~';
const END = '\x1b[201~';

function keys(): PasteAsOneLine {
  return new PasteAsOneLine(new PassThrough() as unknown as ReadStream);
}

describe('keys with pastes read as one line', () => {
  it('reads a paste’s line breaks as spaces and takes its marks out, leaving an Enter typed after it', () => {
    expect(keys().joined(`${START}汤是凉的\r等了很久\r\n没人理\n${END}\r`)).toBe('汤是凉的 等了很久 没人理 \r');
  });

  it('leaves what was typed outside a paste as it is, arrows, Escape and Enter among it', () => {
    expect(keys().joined('ab\r\x1b[B\x1bq\r')).toBe('ab\r\x1b[B\x1bq\r');
  });

  it('lets an Escape go before a control key, so that Ctrl-C after Escape is Ctrl-C, not Alt+Ctrl-C', () => {
    const reading = keys();
    expect(reading.joined('soup\x1b')).toBe('soup');
    expect(reading.joined('\x03')).toBe('\x03');
    expect(keys().joined('a\x1b\r\x1b\x7f\x1b\x1b[B')).toBe('a\r\x7f\x1b\x1b[B');
  });

  it('lets an Escape pressed alone go, so that the key typed after it is that key, not Alt and it', () => {
    const reading = keys();
    expect(reading.joined('汤\x1b')).toBe('汤');
    expect(reading.joined('是凉的\r')).toBe('是凉的\r');
    expect(reading.joined('\x1b')).toBe('');
    expect(reading.joined('\x1b')).toBe('');
    expect(reading.joined('q')).toBe('q');
    // A key's sequence cut off after its Escape is read whole when the rest comes.
    expect(reading.joined('\x1b')).toBe('');
    expect(reading.joined('[B')).toBe('\x1b[B');
  });

  it('holds back the start of a mark cut off by the end of a read until the rest comes', () => {
    const reading = keys();
    expect(reading.joined('汤\x1b[20')).toBe('汤');
    expect(reading.joined('0~凉\r了\x1b[201~\r')).toBe('凉 了\r');
  });

  it('reads the same however the terminal’s bytes were cut into reads, but after an Escape that begins Alt and a key', () => {
    const typed = fc.array(fc.constantFrom('a', '汤', '\r', '\n', '\r\n', '\x1b[B', '\x1b', '\x03', START + 'x\ry' + END, START + END), { maxLength: 12 }).map((parts) => parts.join(''));
    // A terminal sends Alt and a key in one write; an Escape at the end of a read was pressed alone.
    const altBeginning = (text: string, at: number) => text[at - 1] === '\x1b' && at < text.length && !'[O'.includes(text[at]!);
    fc.assert(
      fc.property(typed, fc.array(fc.nat(), { maxLength: 6 }), (text, cuts) => {
        const whole = keys().joined(text);
        const inPieces = keys();
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].filter((c) => !altBeginning(text, c)).sort((a, b) => a - b);
        const pieces = [0, ...at].map((from, i) => text.slice(from, [...at, text.length][i]));
        expect(pieces.map((piece) => inPieces.joined(piece)).join('')).toBe(whole);
      }),
    );
  });
});
