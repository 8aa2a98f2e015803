import input from '@inquirer/input';
import select from '@inquirer/select';
import type { Session } from '../context.js';
import type { Complaint } from '../domain/complaint.js';
import type { TriageFlags } from '../commands/triage.js';
import { NATURES, natureMeaning } from '../domain/nature.js';
import { causeTyped } from '../domain/spelling.js';
import { SEVERITIES, causeGiven } from '../domain/validate.js';
import { natureShown, severityShown } from '../language/labels.js';
import { t } from '../language/messages.js';
import { complaintRef, oneLine } from '../output/terminal.js';
import { localTime } from '../language/dates.js';
import { askSuggested, checkedBy, promptStreams, promptTheme } from './ask.js';

/** Asks how to triage one complaint: its nature (valid ones classified, unfounded ones with a reason), skip it, or stop. */
export async function askTriage(
  complaint: Complaint,
  position: { index: number; of: number },
  known: { categories: readonly string[]; causes: readonly string[] },
  session: Session,
): Promise<TriageFlags | 'skip' | 'stop'> {
  const streams = promptStreams(session);
  const theme = promptTheme(session);
  const who = [complaint.customer, complaint.about].filter(Boolean).map((text) => oneLine(text)).join(t('common.listSeparator'));
  const heading = { id: complaintRef(complaint.id), index: position.index + 1, total: position.of, time: localTime(complaint.occurred_at) };
  session.tell(`\n${who ? t('triagePrompt.headingWho', { ...heading, who }) : t('triagePrompt.heading', heading)}`);
  session.tell(`  ${oneLine(complaint.description, 300)}`);

  // The nature comes first: only a valid complaint is classified, an unfounded one needs a reason.
  const verdict = await select(
    {
      message: t('triagePrompt.kind'),
      theme,
      choices: [
        ...NATURES.map((nature) => ({ name: t('triagePrompt.natureChoice', { nature: natureShown(nature), meaning: natureMeaning(nature) }), value: nature })),
        { name: t('triagePrompt.skip'), value: 'skip' as const },
        { name: t('triagePrompt.stop'), value: 'stop' as const },
      ],
      default: complaint.nature ?? 'valid',
    },
    streams,
  );
  if (verdict === 'skip' || verdict === 'stop') return verdict;
  if (verdict === 'unfounded') {
    const reason = await input(
      { message: t('triagePrompt.why'), theme, validate: (v) => v.trim() !== '' || t('triagePrompt.sayWhy') },
      streams,
    );
    return { reject: true, reason };
  }
  if (verdict !== 'valid') return { nature: verdict };
  return askClassification(complaint, {}, known, session);
}

/**
 * How a valid complaint is classified: its category, cause and severity, each asked unless
 * `given` (its flags) has it, what it has now offered first so that Enter keeps it.
 */
export async function askClassification(
  complaint: Complaint,
  given: TriageFlags,
  known: { categories: readonly string[]; causes: readonly string[] },
  session: Session,
): Promise<TriageFlags> {
  const streams = promptStreams(session);
  const theme = promptTheme(session);
  const category =
    given.category ??
    (await select({ message: t('triagePrompt.category'), theme, choices: known.categories.map((c) => ({ value: c })), default: complaint.category ?? undefined }, streams));
  const causes = complaint.cause === null ? known.causes : [complaint.cause, ...known.causes.filter((c) => c !== complaint.cause)];
  const cause =
    given.cause ??
    (await askSuggested(
      {
        message: t('triagePrompt.cause'),
        theme,
        known: causes,
        noun: t('triagePrompt.newCause'),
        // An empty line highlighted first, which the search prompt refuses on Enter as it stands
        // (a line with words it would type in for the search): a cause in use is chosen, not taken
        // by an Enter pressed in haste.
        ...(complaint.cause === null ? { blank: '' } : {}),
        validate: (value) => causeTyped(value).trim() !== '' || t('triagePrompt.giveCause'),
        check: checkedBy((answer) => causeGiven(answer, t('fields.cause'))),
      },
      streams,
    ));
  const severity =
    given.severity ??
    (await select(
      { message: t('triagePrompt.severity'), theme, choices: SEVERITIES.map((s) => ({ name: severityShown(s), value: s })), default: complaint.severity ?? 'medium' },
      streams,
    ));
  return { ...given, category, cause, severity };
}
