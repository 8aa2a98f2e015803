// What kind of complaint it is, as the complaint-handling practice sorts them: a valid complaint
// (the shop failed, by fault or by mistake, and the customer was harmed) against communicative
// ones, which are handled too but are no failure of the shop, so they stay out of the Pareto of
// causes. An unfounded complaint is the lifecycle's rejected one.

export const NATURES = ['valid', 'help', 'question', 'venting', 'unfounded'] as const;
export type Nature = (typeof NATURES)[number];

/** The natures answered and followed up without counting as a failure of the shop. */
export const COMMUNICATIVE = ['help', 'question', 'venting'] as const;
export type Communicative = (typeof COMMUNICATIVE)[number];

/** One line each, for the choice at the till and the help text. */
export const NATURE_MEANINGS: Readonly<Record<Nature, string>> = {
  valid: 'the shop failed, by fault or by mistake, and the customer was harmed',
  help: 'the customer needs help with a problem',
  question: 'a question or a suggestion',
  venting: 'a grievance or a misunderstanding to be heard out',
  unfounded: 'not upheld: the shop was not at fault (say why)',
};

export function isCommunicative(nature: Nature | null): nature is Communicative {
  return (COMMUNICATIVE as readonly string[]).includes(nature ?? '');
}
