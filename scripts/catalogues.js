// The message catalogues (src/language/<language>.json, ICU MessageFormat) are compiled into modules of
// plain functions when the code is built, so that a command pays nothing to parse its messages:
// the build (scripts/build.js) and the tests (vitest.config.ts) both load them through here.
import MessageFormat from '@messageformat/core';
import compileModule from '@messageformat/core/compile-module.js';
import { parse } from '@messageformat/parser';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** Whether `file` is one of the catalogues. */
export function isCatalogue(file) {
  return /[\\/]src[\\/]language[\\/][^\\/]+\.json$/.test(file);
}

/** The catalogue in `file` as the source of an ES module whose default export maps each key to a function of its values. */
export function compiledCatalogue(file) {
  const language = basename(file, '.json');
  const messages = JSON.parse(readFileSync(file, 'utf8'));
  for (const [key, message] of Object.entries(messages)) checkMessage(file, key, message);
  return compileModule(new MessageFormat(language, { strictPluralKeys: false }), messages);
}

// Two habits of ICU MessageFormat that would change what a message says without failing:
// an apostrophe before a brace quotes it, so "'{name}'" prints "{name}" (write "''{name}''" for a
// value in quotes); and "#" in a plural prints the number with grouping (1,000), not as counted.
function checkMessage(file, key, message) {
  const where = `${basename(file)}: "${key}"`;
  if (typeof message !== 'string') throw new Error(`${where} is not a string`);
  const walk = (tokens) => {
    for (const token of tokens) {
      if (token.type === 'content' && /[{}]/.test(token.value)) {
        throw new Error(`${where} prints a brace: to quote a value write ''{name}'', not '{name}'`);
      }
      if (token.type === 'octothorpe') throw new Error(`${where} uses #: write the count as {count}`);
      for (const choice of token.cases ?? []) walk(choice.tokens);
    }
  };
  try {
    walk(parse(message));
  } catch (error) {
    throw new Error(`${where}: ${error.message}`);
  }
}
