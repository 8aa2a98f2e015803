// A browser draws a Han character in the forms of the language it is told the text is in
// (Simplified Chinese, Japanese and Korean forms differ); told nothing, it goes by its own
// settings, and Chromium on Linux, for one, picks the Japanese forms.
const SCRIPTS: ReadonlyArray<readonly [RegExp, string]> = [
  // Japanese writes kana beside its kanji, Korean hangul beside its hanja; Han alone is the shops' Chinese.
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Han}/u, 'zh-CN'],
];

/** The language (a BCP 47 tag) to mark stored text with on a web page, or null when its script needs none. */
export function writtenIn(text: string): string | null {
  return SCRIPTS.find(([script]) => script.test(text))?.[1] ?? null;
}
