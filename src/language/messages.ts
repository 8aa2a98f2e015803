import type english from './en.json';

/** The languages the tool speaks: a BCP 47 tag each, as the catalogue files are named. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A message's name in the catalogues (en.json has every one; a test holds zh-CN.json to the same). */
export type MessageKey = keyof typeof english;

/** The values a message is told, by the names its text uses: `{count}`, `{id}`. */
export type MessageValues = Readonly<Record<string, string | number>>;

// The build compiles each catalogue into functions (scripts/catalogues.js), so what an import
// gives is not the JSON's strings but a function for each.
type Catalogue = Readonly<Record<MessageKey, (values: MessageValues) => string>>;

let catalogue: Catalogue | undefined;
let language: Language = 'en';

/** Loads the catalogue of `chosen`, and only that one: every message from here on is in it. */
export async function speak(chosen: Language): Promise<void> {
  const loaded = chosen === 'zh-CN' ? await import('./zh-CN.json') : await import('./en.json');
  catalogue = (loaded as unknown as { default: Catalogue }).default;
  language = chosen;
}

/** The language messages are in. */
export function spoken(): Language {
  return language;
}

/** The message `key` in the language spoken, with `values` put in its places. */
export function t(key: MessageKey, values: MessageValues = {}): string {
  if (!catalogue) throw new Error(`message '${key}' asked for before a language was chosen`);
  return catalogue[key](values);
}
