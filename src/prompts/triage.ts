import input from '@inquirer/input';
import search from '@inquirer/search';
import select from '@inquirer/select';
import type { Session } from '../context.js';
import type { Complaint } from '../domain/complaint.js';
import type { TriageFlags } from '../commands/triage.js';
import { NATURES, NATURE_MEANINGS } from '../domain/nature.js';
import { SEVERITIES } from '../domain/validate.js';
import { complaintRef, localTime, oneLine } from '../output/terminal.js';
import { promptStreams, suggestionsFor } from './ask.js';

/** Asks how to triage one complaint: its nature (valid ones classified, unfounded ones with a reason), skip it, or stop. */
export async function askTriage(
  complaint: Complaint,
  position: { index: number; of: number },
  known: { categories: readonly string[]; causes: readonly string[] },
  session: Session,
): Promise<TriageFlags | 'skip' | 'stop'> {
  const streams = promptStreams(session);
  const who = [complaint.customer, complaint.about].filter(Boolean).map((t) => oneLine(t)).join(', ');
  session.tell(
    `\n${complaintRef(complaint.id)} (${position.index + 1} of ${position.of}) ${localTime(complaint.occurred_at)}${who ? ` — ${who}` : ''}`,
  );
  session.tell(`  ${oneLine(complaint.description, 300)}`);

  // The nature comes first: only a valid complaint is classified, an unfounded one needs a reason.
  const verdict = await select(
    {
      message: 'What kind of complaint?',
      choices: [
        ...NATURES.map((nature) => ({ name: `${nature} — ${NATURE_MEANINGS[nature]}`, value: nature })),
        { name: 'skip for now', value: 'skip' as const },
        { name: 'stop triaging', value: 'stop' as const },
      ],
      default: complaint.nature ?? 'valid',
    },
    streams,
  );
  if (verdict === 'skip' || verdict === 'stop') return verdict;
  if (verdict === 'unfounded') {
    const reason = await input(
      { message: 'Why is it not upheld?', validate: (v) => v.trim() !== '' || 'Say why, e.g. bought elsewhere' },
      streams,
    );
    return { reject: true, reason };
  }
  if (verdict !== 'valid') return { nature: verdict };
  const category = await select(
    {
      message: 'Category:',
      choices: known.categories.map((c) => ({ value: c })),
      default: complaint.category ?? undefined,
    },
    streams,
  );
  // Correcting a classification: the cause it has now comes first, so Enter keeps it.
  const causes = complaint.cause === null ? known.causes : [complaint.cause, ...known.causes.filter((c) => c !== complaint.cause)];
  const cause = await search(
    {
      message: 'Cause (type it, or pick one already in use):',
      source: (term) => suggestionsFor(term, causes, 'cause'),
      validate: (value) => value.trim() !== '' || 'Give the cause in a few words',
    },
    streams,
  );
  const severity = await select(
    { message: 'Severity:', choices: SEVERITIES.map((s) => ({ value: s })), default: complaint.severity ?? 'medium' },
    streams,
  );
  return { category, cause, severity };
}
