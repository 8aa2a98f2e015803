import { parse, type Token } from '@messageformat/parser';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/language/messages.js';

// Every language says every message, and says it with the same values: a Chinese message that
// dropped {id} would leave a shop owner not knowing which complaint was meant.

function catalogue(language: string): Record<string, string> {
  return JSON.parse(readFileSync(new URL(`../../src/language/${language}.json`, import.meta.url), 'utf8')) as Record<string, string>;
}

/** The names of the values a message puts in (plural and select arguments too). */
function valuesOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'content' || token.type === 'octothorpe') continue;
      names.add(token.arg);
      if ('cases' in token) for (const choice of token.cases) walk(choice.tokens);
    }
  };
  walk(parse(message));
  return [...names].sort();
}

const english = catalogue('en');

describe.each(LANGUAGES.filter((language) => language !== 'en'))('the %s catalogue', (language) => {
  const translated = catalogue(language);

  it('has every message English has, and no other', () => {
    expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
  });

  it('puts in the same values as the English of each message', () => {
    const differing = Object.keys(english)
      .filter((key) => key in translated)
      .filter((key) => valuesOf(english[key]!).join() !== valuesOf(translated[key]!).join());
    expect(differing).toEqual([]);
  });

  it('translates each message that has words to translate', () => {
    // A message left in English by mistake; the ones that are the same on purpose (a value
    // shown as it is typed, a format) have no run of three lower-case ASCII letters outside {…}.
    const untranslated = Object.keys(english).filter(
      (key) => translated[key] === english[key] && /[a-z]{3}/.test(english[key]!.replace(/\{[^{}]*\}/g, '')),
    );
    expect(untranslated).toEqual([]);
  });
});
