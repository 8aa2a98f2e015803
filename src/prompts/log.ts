import input from '@inquirer/input';
import select from '@inquirer/select';
import type { Session } from '../context.js';
import type { LogDraft } from '../domain/intake.js';
import { remedyShown } from '../language/labels.js';
import { WANTS, optionalName } from '../domain/validate.js';
import { t } from '../language/messages.js';
import { askSuggested, checkedBy, promptStreams, promptTheme } from './ask.js';

/**
 * Asks at the till for what the flags did not give, filling `answers` in as each is given (so
 * that those given stand should the rest be cancelled). Only the description is required; every
 * other question takes Enter for its default, so a complaint is logged in seconds.
 */
export async function askForComplaint(
  answers: LogDraft,
  known: { abouts: readonly string[]; channels: readonly string[] },
  session: Session,
): Promise<LogDraft> {
  const streams = promptStreams(session);
  const theme = promptTheme(session);
  // A name answered is held to what the flag's value is (optionalName): refused, it is asked again.
  const name = async (message: string, field: string) =>
    (await input({ message, theme, validate: checkedBy((answer) => optionalName(answer, field)) }, streams)).trim() || null;

  answers.description ??= (
    await input({ message: t('logPrompt.description'), theme, validate: (v) => v.trim() !== '' || t('logPrompt.sayWhat') }, streams)
  ).trim();
  answers.customer ??= await name(t('logPrompt.customer'), t('fields.customer'));
  answers.contact ??= await name(t('logPrompt.contact'), t('fields.contact'));
  if (known.channels.length > 0) {
    answers.channel ??= await select({ message: t('logPrompt.channel'), theme, choices: known.channels.map((c) => ({ value: c })) }, streams);
  }
  answers.about ??=
    (await askSuggested(
      {
        message: t('logPrompt.about'),
        theme,
        known: known.abouts,
        noun: t('logPrompt.newAbout'),
        blank: t('logPrompt.skip'),
        check: checkedBy((answer) => optionalName(answer, t('fields.about'))),
      },
      streams,
    )) || null;
  answers.wants ??= await select(
    {
      message: t('logPrompt.wants'),
      theme,
      choices: [{ name: t('logPrompt.notSaid'), value: null }, ...WANTS.map((w) => ({ name: remedyShown(w), value: w }))],
      default: null,
    },
    streams,
  );
  return answers;
}
