import input from '@inquirer/input';
import search from '@inquirer/search';
import select from '@inquirer/select';
import type { Session } from '../context.js';
import type { FollowUpFlags } from '../commands/follow-up.js';
import type { ResolveFlags } from '../commands/resolve.js';
import type { Complaint } from '../domain/complaint.js';
import { parseMoney } from '../domain/money.js';
import { isCommunicative } from '../domain/nature.js';
import { REMEDIES } from '../domain/validate.js';
import { promptStreams, suggestionsFor } from './ask.js';

// What a step needs and its flags did not give, asked at the till. Each question offers what was
// answered before, so the usual answer is a keystroke or two; the answers are read by the same
// checks as the flags.

/** Who will handle the complaint: one of the people assigned before, or a name typed. */
export async function askAssignee(people: readonly string[], session: Session): Promise<string> {
  return search(
    {
      message: 'Who will handle it? (type a name, or pick one used before)',
      source: (term) => suggestionsFor(term, people, 'person'),
      validate: (value) => value.trim() !== '' || 'Give a name',
    },
    promptStreams(session),
  );
}

/** Earlier root causes and actions, offered as answers. */
export interface EarlierFindings {
  rootCauses: readonly string[];
  actions: readonly string[];
}

/**
 * How the complaint was resolved: for help, a question or venting, the answer given; otherwise
 * the remedy (what the customer wanted first), its cost, and the root cause and action, each
 * skipped with Enter. Flags already given are kept and not asked again.
 */
export async function askResolution(complaint: Complaint, flags: ResolveFlags, earlier: EarlierFindings, session: Session): Promise<ResolveFlags> {
  const streams = promptStreams(session);
  if (isCommunicative(complaint.nature)) {
    const answer = await input({ message: 'How was it answered?', validate: (v) => v.trim() !== '' || 'Say what the customer was told' }, streams);
    return { ...flags, answer };
  }
  const remedy = await select(
    { message: 'Remedy given:', choices: REMEDIES.map((value) => ({ value })), default: complaint.wants ?? undefined },
    streams,
  );
  const cost =
    flags.cost ??
    ((await input({ message: 'What did it cost the shop? (e.g. 12.50; Enter if nothing)', validate: (v) => v.trim() === '' || tryMoney(v) }, streams)).trim() ||
      undefined);
  const suggested = async (message: string, known: readonly string[], noun: string) =>
    search({ message, source: (term) => suggestionsFor(term, known, noun, '(skip)') }, streams);
  const rootCause = flags.rootCause ?? (await suggested('Root cause (type it, or pick one found before; Enter to skip):', earlier.rootCauses, 'root cause'));
  const action = flags.action ?? (await suggested('Corrective action (type it, or pick one taken before; Enter to skip):', earlier.actions, 'action'));
  return { ...flags, remedy, cost, rootCause, action };
}

function tryMoney(text: string): true | string {
  try {
    parseMoney(text, 'cost');
    return true;
  } catch {
    return 'An amount such as 12.50';
  }
}

const SATISFACTION = [
  { value: '5', name: '5 — fully satisfied' },
  { value: '4', name: '4 — satisfied' },
  { value: '3', name: '3 — neither' },
  { value: '2', name: '2 — dissatisfied' },
  { value: '1', name: '1 — not at all satisfied' },
  { value: 'reopen', name: 'still unhappy: reopen it' },
] as const;

/** How the customer feels now, with what they said; or that they are still unhappy, which reopens the complaint. */
export async function askFollowUp(flags: FollowUpFlags, session: Session): Promise<FollowUpFlags> {
  const streams = promptStreams(session);
  const answer = await select({ message: 'How satisfied is the customer now?', choices: SATISFACTION.map((choice) => ({ ...choice })) }, streams);
  const note = flags.note ?? ((await input({ message: 'What did the customer say? (Enter to skip)' }, streams)).trim() || undefined);
  return answer === 'reopen' ? { ...flags, reopen: true, note } : { ...flags, satisfaction: answer, note };
}

/** Which of the steps offered to take next, by its place; null to leave the complaint as it is. */
export async function askNextStep(steps: readonly string[], session: Session): Promise<number | null> {
  return select(
    {
      message: 'What next?',
      choices: [...steps.map((name, index) => ({ name, value: index as number | null })), { name: 'nothing for now', value: null }],
    },
    promptStreams(session),
  );
}
