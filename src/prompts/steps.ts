import input from '@inquirer/input';
import select from '@inquirer/select';
import type { Session } from '../context.js';
import type { FollowUpFlags } from '../commands/follow-up.js';
import type { ResolveFlags } from '../commands/resolve.js';
import type { Complaint } from '../domain/complaint.js';
import { parseMoney } from '../domain/money.js';
import { isCommunicative } from '../domain/nature.js';
import { remedyShown } from '../language/labels.js';
import { REMEDIES, oneLineName } from '../domain/validate.js';
import { t } from '../language/messages.js';
import { askSuggested, checkedBy, promptStreams, promptTheme } from './ask.js';

// What a step needs and its flags did not give, asked at the till. Each question offers what was
// answered before, so the usual answer is a keystroke or two; the answers are read by the same
// checks as the flags.

/** Who will handle the complaint: one of the people assigned before, or a name typed. */
export async function askAssignee(people: readonly string[], session: Session): Promise<string> {
  return askSuggested(
    {
      message: t('stepsPrompt.whoHandles'),
      theme: promptTheme(session),
      known: people,
      noun: t('stepsPrompt.nounPerson'),
      // With no one to offer, an empty line to stand on: the search prompt passes over an Enter
      // with nothing listed, so the first name ever, pasted with its Enter, needed a second Enter.
      ...(people.length === 0 ? { blank: '' } : {}),
      validate: (value) => value.trim() !== '' || t('stepsPrompt.giveName'),
      check: checkedBy((answer) => oneLineName(answer, t('fields.assignee'))),
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
  const theme = promptTheme(session);
  if (isCommunicative(complaint.nature)) {
    const answer = await input({ message: t('stepsPrompt.howAnswered'), theme, validate: (v) => v.trim() !== '' || t('stepsPrompt.sayWhatTold') }, streams);
    return { ...flags, answer };
  }
  // What the customer wanted stands first; else a line choosing none, which an Enter does not
  // get past: a refund, first of the list, was recorded for an Enter pressed too soon.
  const remedies = REMEDIES.map((value): { value: string | null; name: string } => ({ value, name: remedyShown(value) }));
  const choices = complaint.wants === null ? [{ value: null, name: t('stepsPrompt.chooseRemedy') }, ...remedies] : remedies;
  let remedy: string | null = null;
  for (let message = t('stepsPrompt.remedyGiven'); remedy === null; message = t('stepsPrompt.remedyNotChosen')) {
    remedy = await select({ message, theme, choices, default: complaint.wants ?? null }, streams);
  }
  // No remedy costs nothing: not asked, as a cost given with it is refused.
  const cost =
    flags.cost ??
    (remedy === 'none'
      ? undefined
      : (await input({ message: t('stepsPrompt.whatCost'), theme, validate: (v) => v.trim() === '' || tryMoney(v) }, streams)).trim() || undefined);
  const suggested = async (message: string, known: readonly string[], noun: string) =>
    askSuggested({ message, theme, known, noun, blank: t('stepsPrompt.skip') }, streams);
  const rootCause = flags.rootCause ?? (await suggested(t('stepsPrompt.rootCause'), earlier.rootCauses, t('stepsPrompt.nounRootCause')));
  const action = flags.action ?? (await suggested(t('stepsPrompt.action'), earlier.actions, t('stepsPrompt.nounAction')));
  return { ...flags, remedy, cost, rootCause, action };
}

function tryMoney(text: string): true | string {
  try {
    parseMoney(text, 'cost');
    return true;
  } catch {
    return t('stepsPrompt.amountSuchAs');
  }
}

/**
 * The answers to how satisfied the customer is, each with its meaning, or to reopen. Each score
 * is the row of its number, as the list takes a digit typed for the row of that number: the owner
 * on the phone hears "five" and types 5 (the scores from 5 down made 5 the row of 2). The row
 * highlighted first, taken by a careless Enter, records nothing: a call not answered must not
 * close the complaint as fully satisfied.
 */
function satisfactionChoices() {
  return [
    { value: '1', name: t('stepsPrompt.satisfied1') },
    { value: '2', name: t('stepsPrompt.satisfied2') },
    { value: '3', name: t('stepsPrompt.satisfied3') },
    { value: '4', name: t('stepsPrompt.satisfied4') },
    { value: '5', name: t('stepsPrompt.satisfied5') },
    { value: 'later', name: t('stepsPrompt.notReached') },
    { value: 'reopen', name: t('stepsPrompt.stillUnhappy') },
  ];
}

/**
 * How the customer feels now, with what they said; or that they are still unhappy, which reopens
 * the complaint; null when the customer was not reached.
 */
export async function askFollowUp(flags: FollowUpFlags, session: Session): Promise<FollowUpFlags | null> {
  const streams = promptStreams(session);
  const theme = promptTheme(session);
  const answer = await select({ message: t('stepsPrompt.howSatisfied'), theme, choices: satisfactionChoices(), default: 'later' }, streams);
  if (answer === 'later') return null;
  const note = flags.note ?? ((await input({ message: t('stepsPrompt.whatSaid'), theme }, streams)).trim() || undefined);
  return answer === 'reopen' ? { ...flags, reopen: true, note } : { ...flags, satisfaction: answer, note };
}

/** Which of the steps offered to take next, by its place; null to leave the complaint as it is. */
export async function askNextStep(steps: readonly string[], session: Session): Promise<number | null> {
  return select(
    {
      message: t('stepsPrompt.whatNext'),
      theme: promptTheme(session),
      choices: [...steps.map((name, index) => ({ name, value: index as number | null })), { name: t('stepsPrompt.nothingForNow'), value: null }],
    },
    promptStreams(session),
  );
}
