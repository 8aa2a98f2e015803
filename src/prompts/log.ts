import input from '@inquirer/input';
import search from '@inquirer/search';
import select from '@inquirer/select';
import type { Session } from '../context.js';
import type { LogDraft } from '../domain/intake.js';
import { CHANNELS, WANTS } from '../domain/validate.js';
import { promptStreams, suggestionsFor } from './ask.js';

/**
 * Asks at the till for what the flags did not give. Only the description is required; every
 * other question takes Enter for its default, so a complaint is logged in seconds.
 */
export async function askForComplaint(
  draft: LogDraft,
  known: { abouts: readonly string[] },
  session: Session,
): Promise<LogDraft> {
  const streams = promptStreams(session);
  const text = async (message: string) => (await input({ message }, streams)).trim() || null;
  const answers = { ...draft };

  answers.description ??= (
    await input({ message: 'What is the complaint?', validate: (v) => v.trim() !== '' || 'Say what went wrong, in a few words' }, streams)
  ).trim();
  answers.customer ??= await text('Customer name (Enter to skip):');
  answers.contact ??= await text('Phone or email (Enter to skip):');
  answers.channel ??= await select(
    { message: 'How did it reach you?', choices: CHANNELS.map((c) => ({ value: c })), default: 'in-person' },
    streams,
  );
  answers.about ??=
    (await search(
      {
        message: 'What is it about? (type to search earlier answers, Enter to skip)',
        source: (term) => suggestionsFor(term, known.abouts, 'subject', '(skip)'),
      },
      streams,
    )) || null;
  answers.wants ??= await select(
    {
      message: 'What does the customer want?',
      choices: [{ name: '(not said)', value: null }, ...WANTS.map((w) => ({ value: w }))],
      default: null,
    },
    streams,
  );
  return answers;
}
