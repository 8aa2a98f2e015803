// What kind of complaint it is, as the complaint-handling practice sorts them: a valid complaint
// (the shop failed, by fault or by mistake, and the customer was harmed) against communicative
// ones, which are handled too but are no failure of the shop, so they stay out of the Pareto of
// causes. An unfounded complaint is the lifecycle's rejected one.

import { t } from '../language/messages.js';

export const NATURES = ['valid', 'help', 'question', 'venting', 'unfounded'] as const;
export type Nature = (typeof NATURES)[number];

/** The natures answered and followed up without counting as a failure of the shop. */
export const COMMUNICATIVE = ['help', 'question', 'venting'] as const;
export type Communicative = (typeof COMMUNICATIVE)[number];

/** What a nature means, in a line in the language spoken, for the choice at the till and the help text. */
export function natureMeaning(nature: Nature): string {
  return t(`natureMeaning.${nature}`);
}

export function isCommunicative(nature: Nature | null): nature is Communicative {
  return (COMMUNICATIVE as readonly string[]).includes(nature ?? '');
}
