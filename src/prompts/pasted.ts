import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { ReadStream } from 'node:tty';

// The prompts take an answer on Enter, and a terminal sends the line breaks of pasted text as
// Enter: a customer's message pasted from WeChat was cut at its first line, and the lines after
// it were typed into the questions that followed. Asked to (bracketed paste, which terminals that
// do not know it ignore), the terminal marks where a paste begins and ends, so a pasted break can
// be told from an Enter pressed, and is read as a space.

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';
const BRACKETED_PASTE_ON = '\x1b[?2004h';
const BRACKETED_PASTE_OFF = '\x1b[?2004l';
const LINE_BREAKS = /\r\n|\r|\n/g;
// An Escape with a control key after it is read as Alt and that key, and Alt+Ctrl-C cancels
// nothing: an owner who pressed Escape to leave a question then needed Ctrl-C twice. The
// questions do nothing on Escape; it is let go.
const ESCAPE_BEFORE_CONTROL_KEY = /\x1b(?=[\x00-\x1a\x1c-\x1f\x7f])/g;
// An Escape pressed alone comes in a read of its own, held back in case it began a paste mark.
// Given with the next key, the two were read as Alt and that key, which the questions drop:
// 汤, Escape, 是凉的 was saved as 汤凉的. So it is let go unless the next read goes on with what
// a terminal sends after an Escape in one write (a key's [ or O sequence) that was cut off.
const ESCAPE_ALONE = '\x1b';
const SEQUENCE_GOING_ON = /^[[O]/;

/**
 * The keys of a terminal with each paste's line breaks read as spaces and its marks taken out:
 * what the prompts read in place of the terminal itself. Raw mode, pausing and resuming are the
 * terminal's, so the process may end once the prompts stop reading.
 */
export class PasteAsOneLine extends Readable {
  readonly isTTY = true;
  private readonly decoder = new StringDecoder('utf8');
  private pasting = false;
  /** The start of a mark cut off at the end of what the terminal sent last. */
  private held = '';
  /** Keys that came after an Enter in one read, for the question after the one it answered. */
  private forNextQuestion = '';
  private listening = false;

  constructor(private readonly terminal: ReadStream) {
    super();
  }

  get isRaw(): boolean {
    return this.terminal.isRaw;
  }

  setRawMode(mode: boolean): this {
    this.terminal.setRawMode(mode);
    return this;
  }

  override resume(): this {
    if (!this.listening) {
      this.listening = true;
      this.terminal.on('data', (chunk: Buffer) => this.give(this.joined(this.decoder.write(chunk))));
    } else if (this.forNextQuestion !== '') {
      // A question starts reading; it listens for keys once it has been drawn.
      setImmediate(() => this.give(''));
    }
    this.terminal.resume();
    return super.resume();
  }

  override pause(): this {
    this.terminal.pause();
    return super.pause();
  }

  override _read(): void {
    // Keys are pushed as the terminal sends them.
  }

  /** What the prompts are to read of `text`, the terminal's next keys. */
  joined(text: string): string {
    const held = this.held === ESCAPE_ALONE && !SEQUENCE_GOING_ON.test(text) ? '' : this.held;
    let rest = (held + text).replace(ESCAPE_BEFORE_CONTROL_KEY, '');
    this.held = '';
    let read = '';
    for (;;) {
      const mark = this.pasting ? PASTE_END : PASTE_START;
      const at = rest.indexOf(mark);
      if (at === -1) break;
      read += this.asRead(rest.slice(0, at));
      rest = rest.slice(at + mark.length);
      this.pasting = !this.pasting;
    }
    const cut = markCutOffAtEnd(rest);
    this.held = rest.slice(rest.length - cut);
    return read + this.asRead(rest.slice(0, rest.length - cut));
  }

  private asRead(text: string): string {
    return this.pasting ? text.replace(LINE_BREAKS, ' ') : text;
  }

  /**
   * Gives the prompts `keys` after those kept for the next question, up to the first Enter among
   * them: a question answered by an Enter ends, and keys read with it were lost, typed into the
   * question just answered (lines pasted where no paste is marked, each line break an Enter; a
   * customer's name typed ahead while the command started). The rest wait for the next question
   * to start reading, or for the next keys, should the Enter not have answered (an answer refused).
   */
  private give(keys: string): void {
    const all = this.forNextQuestion + keys;
    const end = afterFirstEnter(all);
    this.forNextQuestion = all.slice(end);
    if (end > 0) this.push(all.slice(0, end));
  }
}

/** Where the keys after the first Enter of `keys` begin: its length when there is none or nothing after it. */
function afterFirstEnter(keys: string): number {
  const enter = /\r\n?|\n/.exec(keys);
  return enter === null ? keys.length : enter.index + enter[0].length;
}

/**
 * How many characters at the end of `text` begin a paste mark. An Escape pressed alone is held
 * back with them until the next key.
 */
function markCutOffAtEnd(text: string): number {
  for (let length = Math.min(PASTE_START.length - 1, text.length); length >= 1; length--) {
    const end = text.slice(-length);
    if (PASTE_START.startsWith(end) || PASTE_END.startsWith(end)) return length;
  }
  return 0;
}

const joinedKeys = new WeakMap<NodeJS.ReadableStream, NodeJS.ReadableStream>();

/**
 * What prompts read from `keys`: a terminal's keys with pastes read as one line, bracketed paste
 * asked of `screen` until the process ends; anything else as it is.
 */
export function pastesAsOneLine(keys: NodeJS.ReadableStream, screen: NodeJS.WritableStream): NodeJS.ReadableStream {
  if (!isTerminal(keys)) return keys;
  let joined = joinedKeys.get(keys);
  if (joined === undefined) {
    joined = new PasteAsOneLine(keys);
    joinedKeys.set(keys, joined);
    screen.write(BRACKETED_PASTE_ON);
    process.once('exit', () => screen.write(BRACKETED_PASTE_OFF));
  }
  return joined;
}

function isTerminal(keys: NodeJS.ReadableStream): keys is ReadStream {
  return typeof (keys as Partial<ReadStream>).setRawMode === 'function';
}
