import search from '@inquirer/search';
import type { Context } from '@inquirer/type';
import type { Session } from '../context.js';
import { UsageError } from '../errors.js';
import { spellingKey } from '../domain/spelling.js';
import { spoken, t, type MessageKey } from '../language/messages.js';
import { painter } from '../output/paint.js';
import { pastesAsOneLine } from './pasted.js';

/** Prompts talk on stderr, so stdout stays the command's output even while asking; a paste is read as one line. */
export function promptStreams(session: Session): Context {
  return { input: pastesAsOneLine(session.stdin, session.stderr), output: session.stderr };
}

// Words select and search add of their own, in English, and the messages that say them in the language spoken.
const LIBRARY_WORDS: Readonly<Record<string, MessageKey>> = {
  navigate: 'ask.navigate',
  select: 'ask.select',
  'No results found': 'ask.noResults',
};

/**
 * The theme of every prompt: the library's own in English and in colour; in another language, the
 * words the library adds itself (the keys under the choices, "No results found") in that
 * language; without colour (--no-color, where the library sees only NO_COLOR and the terminal),
 * its marks and styles without their escapes.
 */
export function promptTheme(session: Session) {
  if (spoken() === 'en' && session.color) return undefined;
  const paint = painter(session.color);
  const said = (words: string) => {
    const key = LIBRARY_WORDS[words];
    return key === undefined ? words : t(key);
  };
  return {
    ...(session.color ? {} : WITHOUT_COLOUR),
    style: {
      ...(session.color ? {} : WITHOUT_COLOUR.style),
      keysHelpTip: (keys: [key: string, action: string][]) => keys.map(([key, action]) => `${paint.bold(key)} ${paint.dim(said(action))}`).join(paint.dim(' • ')),
      error: (text: string) => paint.red(`> ${said(text)}`),
    },
  };
}

const plainly = (text: string) => text;

// The library's theme (@inquirer/core's, and what select and search add), each mark and style as
// it reads without colour or weight.
const WITHOUT_COLOUR = {
  prefix: { idle: '?', done: '✔' },
  spinner: { interval: 80, frames: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] },
  style: {
    answer: plainly,
    message: plainly,
    defaultAnswer: (text: string) => `(${text})`,
    help: plainly,
    highlight: plainly,
    key: (text: string) => `<${text}>`,
    disabled: (text: string) => `- ${text}`,
    description: plainly,
    searchTerm: plainly,
  },
};

/** A question answered in words, with earlier answers offered as the owner types (suggestionsFor). */
export interface SuggestedQuestion {
  message: string;
  theme: ReturnType<typeof promptTheme>;
  known: readonly string[];
  noun: string;
  blank?: string;
  validate?: (value: string) => boolean | string;
  /**
   * Judges the answer once chosen: refused, it is said and the question asked again. (Refused by
   * `validate`, the search prompt types the chosen line into its box, " (new cause)" and all.)
   */
  check?: (answer: string) => true | string;
}

/**
 * Asks `question`, the answer being one of the suggestions for what was typed last. The search
 * prompt takes Enter on the suggestions it shows, which follow the typing a turn of the event loop
 * later: a line pasted with its Enter (a name copied from WeChat), or typed ahead, was answered with
 * what had been highlighted before it while the screen showed the words typed. Such an answer is
 * the first suggestion for those words instead, as Enter takes once they are shown.
 */
export async function askSuggested({ check, ...question }: SuggestedQuestion, streams: Context): Promise<string> {
  for (;;) {
    const answer = await askSuggestedOnce(question, streams);
    const verdict = check?.(answer) ?? true;
    if (verdict === true) return answer;
    streams.output?.write(`${(question.theme?.style.error ?? ((text: string) => `> ${text}`))(verdict)}\n`);
  }
}

async function askSuggestedOnce({ known, noun, blank, validate, ...asked }: SuggestedQuestion, streams: Context): Promise<string> {
  let typed: string | undefined;
  const answerFor = (chosen: string) => {
    const shown = suggestionsFor(typed, known, noun, blank);
    return shown.some(({ value }) => value === chosen) ? chosen : (shown[0]?.value ?? chosen);
  };
  const chosen = await search(
    {
      ...asked,
      source: (term) => {
        typed = term;
        return suggestionsFor(term, known, noun, blank);
      },
      // What is judged is the answer: the words typed ahead reach `typed` a turn later.
      ...(validate === undefined ? {} : { validate: async (value: string) => validate(answerFor(await nextTurn(value))) }),
    },
    streams,
  );
  return answerFor(chosen);
}

/** A prompt's judgement of an answer by a check that refuses with a UsageError: true, or what the check said. */
export function checkedBy(check: (answer: string) => unknown): (answer: string) => true | string {
  return (answer) => {
    try {
      check(answer);
      return true;
    } catch (error) {
      if (error instanceof UsageError) return error.message;
      throw error;
    }
  };
}

function nextTurn<T>(value: T): Promise<T> {
  return new Promise((resolve) => setImmediate(() => resolve(value)));
}

/**
 * Choices for a free-text answer with suggestions: the earlier answers that hold what was typed
 * (in any capitals or width), so that Enter takes the one already in use (typing 上菜 finds
 * 上菜慢); then, unless one is spelt just so, what was typed as a new `noun`, chosen on purpose.
 * With nothing typed, `blank` (if given) comes first: to skip the question, or, refused by the
 * question's validate, so that an Enter pressed in haste takes nothing. `noun` and `blank`
 * are shown as given: in the language spoken ("cause", "原因"; "(skip)", "（跳过）").
 */
function suggestionsFor(term: string | undefined, known: readonly string[], noun: string, blank?: string) {
  const typed = term?.trim() ?? '';
  const wanted = spellingKey(typed);
  const matches = known.filter((k) => spellingKey(k).includes(wanted));
  const exact = matches.some((k) => spellingKey(k) === wanted);
  return [
    ...(typed === '' && blank !== undefined ? [{ name: blank, value: '' }] : []),
    ...matches.map((k) => ({ name: k, value: k })),
    ...(typed === '' || exact ? [] : [{ name: t('ask.newChoice', { typed, noun }), value: typed }]),
  ];
}
