import { eastAsianWidth } from 'get-east-asian-width';

// How wide text is on a terminal, as string-width 8 measures it: grapheme by grapheme, CJK
// characters and emoji two columns, combining marks none. string-width segments every string it
// is given and tests each grapheme against the emoji properties, which cost more than the rest of
// a table; the units of ASCII and Chinese text are graphemes of their own, and are measured here
// one unit at a time, each kind of unit once.

// Made when first needed: making the first takes ~25 ms (ICU's data), which text of ASCII, Chinese
// characters and Chinese punctuation never needs.
let segmenter: Intl.Segmenter | undefined;
const graphemes = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter());

/**
 * string-width, loaded the first time text needs it (an emoji, a combining mark, colour codes):
 * loading it compiles its emoji pattern (~45 ms), which most commands never test.
 */
let loadedStringWidth: typeof import('string-width').default | undefined;
function stringWidth(text: string): number {
  // require(), not import: the bundle keeps the module unevaluated until this first call.
  loadedStringWidth ??= (require('string-width') as typeof import('string-width')).default;
  return loadedStringWidth(text);
}

// Printable ASCII is as many columns wide as it has characters: most cells are ids, times and
// statuses, and this is the quickest way there is to measure them.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

// Per UTF-16 unit: 0 not measured yet, JOINS, or its width alone plus 2.
const unitWidths = new Uint8Array(0x10000);
const JOINS = 1;

/** A unit's width as a grapheme of its own, or -1 if it may form a grapheme with a neighbour. */
function widthAlone(unit: number): number {
  let known = unitWidths[unit]!;
  if (known === 0) known = unitWidths[unit] = measureAlone(unit);
  return known - 2;
}

function measureAlone(unit: number): number {
  const char = String.fromCharCode(unit);
  // Surrogates pair up and CR takes the LF after it, beside anything else; combining marks, joiners
  // and prepended signs join a letter beside them, and Hangul jamo join one another.
  if ((unit >= 0xd800 && unit <= 0xdfff) || char === '\r') return JOINS;
  // Chinese characters (CJK Unified Ideographs), the ideographic punctuation 、。「」《》【】 and the
  // full-width ！（），：；？ are wide and join nothing.
  if ((unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0x3001 && unit <= 0x3029) || (unit >= 0xff01 && unit <= 0xff5e)) return 2 + 2;
  // Printable ASCII, Latin-1's letters and signs (¥ £ é ×; not the soft hyphen), the dashes,
  // quotes, … and other general punctuation, arrows, and the box drawing, blocks and shapes of the
  // report's bars (█ ▌ ● ▲ ▼) join nothing either: a cell of Chinese and ASCII, a list cut short
  // with …, a report's dashes each asked the segmenter, making one (~25 ms) for nearly every command.
  const joinsNothing =
    (unit >= 0x20 && unit <= 0x7e) ||
    (unit >= 0xa0 && unit <= 0xff && unit !== 0xad) ||
    (unit >= 0x2010 && unit <= 0x2027) ||
    (unit >= 0x2030 && unit <= 0x205e) ||
    (unit >= 0x2190 && unit <= 0x21ff) ||
    (unit >= 0x2500 && unit <= 0x25ff);
  if (!joinsNothing && [...graphemes().segment(`a${char}${char}a`)].length !== 4) return JOINS;
  return (PRINTS.test(char) ? eastAsianWidth(unit) : 0) + 2;
}

// What string-width does with a grapheme of one unit: none if it does not print, else its East
// Asian width (the emoji of one unit are all wide). Asked here without string-width, whose emoji
// pattern takes ~45 ms to compile, once in every command that prints a Chinese character;
// test/unit/width.test.ts holds the two to the same width for every unit of the plane.
const PRINTS = /[^\p{Default_Ignorable_Code_Point}\p{Control}\p{Format}\p{Nonspacing_Mark}\p{Enclosing_Mark}\p{Surrogate}]/u;

/**
 * Gives `visit` the end and the width of each grapheme of `text` in turn, until it returns false.
 * Where two units that join no neighbour meet, a grapheme ends: a unit between two such places is
 * a grapheme of its own, and only the stretches between them are segmented.
 */
function eachGrapheme(text: string, visit: (end: number, width: number) => boolean): void {
  let start = 0;
  let startAlone = text.length > 0 ? widthAlone(text.charCodeAt(0)) : 0;
  while (start < text.length) {
    let stop = start + 1;
    let lastAlone = startAlone;
    let nextAlone = stop < text.length ? widthAlone(text.charCodeAt(stop)) : 0;
    while (stop < text.length && (lastAlone < 0 || nextAlone < 0)) {
      lastAlone = nextAlone;
      nextAlone = ++stop < text.length ? widthAlone(text.charCodeAt(stop)) : 0;
    }
    if (stop === start + 1 && startAlone >= 0 ? !visit(stop, startAlone) : !eachInStretch(text, start, stop, visit)) return;
    start = stop;
    startAlone = nextAlone;
  }
}

// Short stretches segmented so far (an emoji and the space after it, say), each as the end and
// width of its graphemes in turn: Intl.Segmenter is slow to start, and the emoji a shop's
// customers use are a few hundred. Past this many, stretches are segmented and not kept.
const stretches = new Map<string, number[]>();
const STRETCHES_KEPT = 10_000;
const STRETCH_KEPT_UNITS = 32;

function eachInStretch(text: string, start: number, stop: number, visit: (end: number, width: number) => boolean): boolean {
  const stretch = text.slice(start, stop);
  const known = stretches.get(stretch);
  if (known !== undefined) {
    for (let i = 0; i < known.length; i += 2) if (!visit(start + known[i]!, known[i + 1]!)) return false;
    return true;
  }
  const keep = stretch.length <= STRETCH_KEPT_UNITS && stretches.size < STRETCHES_KEPT;
  const clusters: number[] = [];
  for (const { segment, index } of graphemes().segment(stretch)) {
    const end = index + segment.length;
    const width = stringWidth(segment);
    if (keep) clusters.push(end, width);
    if (!visit(start + end, width)) return false;
  }
  if (keep) stretches.set(stretch, clusters);
  return true;
}

/** The columns of the terminal stdout shows on; 80, as wide as most, when it goes to a file or a pipe. */
export function stdoutColumns(): number {
  return (process.stdout.isTTY && process.stdout.columns) || 80;
}

/** How many columns of a terminal `text` takes: CJK characters and emoji two, colour codes none. */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  // Colour codes (ESC, or CSI, then parameters) take no columns; string-width leaves them out.
  if (text.includes('\x1b') || text.includes('\x9b')) return stringWidth(text);
  let width = 0;
  eachGrapheme(text, (_end, grapheme) => {
    width += grapheme;
    return true;
  });
  return width;
}

/** `text` with spaces after it to fill `width` columns, as a column of a table or a list of terms lines up. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * `text` as it is if it is at most `max` columns wide; else its longest start of whole graphemes
 * that leaves a column for the … that ends it. `max` is at least 1.
 */
export function fitWidth(text: string, max: number): string {
  // No grapheme is wider than two columns for each UTF-16 unit it holds: short text fits unmeasured.
  if (text.length * 2 <= max) return text;
  if (PRINTABLE_ASCII.test(text)) return text.length <= max ? text : text.slice(0, max - 1) + '…';
  let width = 0;
  let end = 0;
  let cut = false;
  eachGrapheme(text, (graphemeEnd, grapheme) => {
    width += grapheme;
    if (width < max) end = graphemeEnd;
    cut = width > max;
    return !cut;
  });
  return cut ? text.slice(0, end) + '…' : text;
}

/**
 * `text` cut as fitWidth cuts it, but in its middle: as much of its start and of its end as fit
 * either side of …, so that two texts alike at the start are told apart by their ends.
 */
export function fitWidthInMiddle(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  const ends: number[] = [];
  const widths: number[] = [];
  eachGrapheme(text, (end, width) => {
    ends.push(end);
    widths.push(width);
    return true;
  });
  const room = Math.max(0, max - 1);
  let head = 0;
  let headWidth = 0;
  while (head < widths.length && headWidth + widths[head]! <= Math.ceil(room / 2)) headWidth += widths[head++]!;
  let tail = widths.length;
  let tailWidth = 0;
  while (tail > head && headWidth + tailWidth + widths[tail - 1]! <= room) tailWidth += widths[--tail]!;
  return `${text.slice(0, head === 0 ? 0 : ends[head - 1])}…${text.slice(tail === 0 ? 0 : ends[tail - 1])}`;
}

// Where a line may break: at spaces, as in English, and between any two Han characters, as
// Chinese is written without spaces (a closing mark stays with the character before it, an
// opening one with what follows it, Han or not: `refund（退款）` may break before its （).
const BREAKABLE_PIECE = /\s*(?:[（「“]*\p{Script=Han}[，。；：、！？）」”]*|[（「“]*[^\s\p{Script=Han}（「“]+|[（「“]+)/gu;

/**
 * `text` with each paragraph that has a line wider than `width` wrapped again to it, indented as
 * it was: the paragraphs a help page adds after commander's own part, which commander prints as
 * given, broken where they fit in English. A paragraph is a run of lines with one indent; an
 * example's command line (`  $ complaints …`) is kept whole, to be copied as it is; a line of a
 * list of terms (`  valid      the shop failed…`) is one item, wrapped under its meaning.
 */
export function wrapLongLines(text: string, width: number): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let start = 0; start < lines.length; ) {
    const term = TERM.exec(lines[start]!)?.[0];
    const indent = term === undefined ? /^\s*/.exec(lines[start]!)![0] : ' '.repeat(displayWidth(term));
    let end = start + 1;
    const continues = (line: string) => line.trim() !== '' && !isCommandLine(line) && !TERM.test(line) && /^\s*/.exec(line)![0] === indent;
    if (term === undefined && continues(lines[start]!)) while (end < lines.length && continues(lines[end]!)) end++;
    const paragraph = lines.slice(start, end);
    if (paragraph.every((line) => displayWidth(line) <= width) || isCommandLine(paragraph[0]!)) out.push(...paragraph);
    else {
      const text = term === undefined ? joined(paragraph.map((line) => line.trim())) : paragraph[0]!.slice(term.length);
      const pieces = wrapToWidth(text, Math.max(20, width - indent.length)).split('\n');
      out.push(...pieces.map((piece, index) => (index === 0 && term !== undefined ? term : indent) + piece));
    }
    start = end;
  }
  return out.join('\n');
}

const isCommandLine = (line: string) => /^\s*\$ /.test(line);
// An indented term, then two spaces or more before its meaning.
const TERM = /^\s+\S+ {2,}(?=\S)/;

/** Lines joined back into one: with a space, but between two Chinese characters or after Chinese punctuation, where there is none. */
function joined(lines: readonly string[]): string {
  const together = (text: string, line: string) => CHINESE_STOP_AT_END.test(text) || (HAN_AT_END.test(text) && HAN_AT_START.test(line));
  return lines.reduce((text, line) => (text === '' ? line : together(text, line) ? text + line : `${text} ${line}`), '');
}

const CHINESE_STOP_AT_END = /[，。；：、！？）」”]$/u;
const HAN_AT_END = /\p{Script=Han}$/u;
const HAN_AT_START = /^[\p{Script=Han}（「“]/u;

/** `text` wrapped to lines of at most `width` columns where it can be (a piece wider than a line stays whole). */
export function wrapToWidth(text: string, width: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const lines: string[] = [];
      let current = '';
      for (const piece of line.match(BREAKABLE_PIECE) ?? []) {
        if (current === '' || displayWidth(current + piece) <= width) {
          current += current === '' ? piece.trimStart() : piece;
          continue;
        }
        lines.push(current);
        current = piece.trimStart();
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}
