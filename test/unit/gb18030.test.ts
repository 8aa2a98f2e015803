import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromGb18030, parseEncoding } from '../../src/domain/csv/encoding.js';
import { UsageError } from '../../src/errors.js';

// Node can decode GB18030 but not write it: these are the characters' GB18030 bytes, as a Chinese
// Excel saves them (two bytes each; the emoji four, as only GB18030 and not GBK has it).
const IN_GB18030: ReadonlyArray<[string, number[]]> = [
  ['汤', [0xcc, 0xc0]],
  ['是', [0xca, 0xc7]],
  ['凉', [0xc1, 0xb9]],
  ['的', [0xb5, 0xc4]],
  ['顾', [0xb9, 0xcb]],
  ['客', [0xbf, 0xcd]],
  ['，', [0xa3, 0xac]],
  ['。', [0xa1, 0xa3]],
  ['“', [0xa1, 0xb0]],
  ['￥', [0xa3, 0xa4]],
  ['😀', [0x94, 0x39, 0xfc, 0x36]],
];
const ASCII: ReadonlyArray<[string, number[]]> = ['a', '1', ',', '"', ' ', '\n', '\r\n'].map((text) => [text, [...Buffer.from(text)]]);

/** The UTF-8 the transcoder makes of `bytes`, pushed in pieces cut at `cuts`. */
function transcoded(bytes: number[], cuts: number[] = []): string {
  const transcoder = fromGb18030();
  const out: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    out.push(transcoder.push(Uint8Array.from(bytes.slice(from, cut))));
    from = cut;
  }
  out.push(transcoder.push(Uint8Array.from(bytes.slice(from))), transcoder.end());
  return Buffer.concat(out).toString('utf8');
}

describe('fromGb18030', () => {
  it('turns GB18030 text into the same text in UTF-8, however its pieces are cut', () => {
    const token = fc.constantFrom(...IN_GB18030, ...ASCII);
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), fc.array(fc.nat(200), { maxLength: 5 }), (tokens, cuts) => {
        const bytes = tokens.flatMap(([, encoded]) => encoded);
        expect(transcoded(bytes, cuts)).toBe(tokens.map(([text]) => text).join(''));
      }),
    );
  });

  it('refuses bytes that are not GB18030, naming their line however the pieces are cut', () => {
    const bytes = [...Buffer.from('id,description\r\n1,'), 0xcc, 0xc0, ...Buffer.from('\r\n2,'), 0x81, 0x20, ...Buffer.from('\r\n')];
    for (const cuts of [[], [17], [18, 19], [bytes.length - 3]]) {
      expect(() => transcoded(bytes, cuts)).toThrow(UsageError);
      expect(() => transcoded(bytes, cuts)).toThrow(/^line 3: the text is not GBK or GB18030/);
    }
  });

  it('refuses a character cut short at the end of the file', () => {
    expect(() => transcoded([...Buffer.from('id\n1,'), 0xcc])).toThrow(/^line 2: the text is not GBK or GB18030/);
  });

  it('refuses text that is UTF-8 already, which GB18030 would read as other characters', () => {
    expect(() => transcoded([...Buffer.from('id,description\n1,ok\n2,汤是凉的\n')])).toThrow(/^line 3: the text is UTF-8 already/);
  });
});

describe('parseEncoding', () => {
  it.each([
    ['utf-8', 'utf-8'],
    ['UTF8', 'utf-8'],
    ['gbk', 'gb18030'],
    [' GBK ', 'gb18030'],
    ['gb2312', 'gb18030'],
    ['GB18030', 'gb18030'],
    ['cp936', 'gb18030'],
  ])('reads %j as %s', (name, encoding) => {
    expect(parseEncoding(name)).toBe(encoding);
  });

  it.each(['latin1', 'big5', 'utf-16', ''])('refuses %j, naming those it reads', (name) => {
    expect(() => parseEncoding(name)).toThrow(`--encoding: '${name}' is not an encoding import reads; use utf-8 (the default) or gbk`);
  });
});
