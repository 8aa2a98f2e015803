import type { Command } from 'commander';
import type { Session } from '../context.js';
import type { Complaint } from '../domain/complaint.js';
import { amountShown, parseMoney } from '../domain/money.js';
import { remedyShown, typedNames } from '../language/labels.js';
import { answer, costInCurrency, resolve, type Answer, type Resolution } from '../domain/steps.js';
import { t } from '../language/messages.js';
import { REMEDIES, choicesListed, oneLineName, oneOf, optionalText, parseId, requiredText } from '../domain/validate.js';
import { UsageError } from '../errors.js';
import { nextStatus } from '../domain/lifecycle.js';
import { complaintRef } from '../output/terminal.js';
import type { Logbook } from '../store/logbook.js';
import { atOption, changeAt, complaintOrNotFound, happenedAt, settingsOf, tellNext } from './common.js';
import { examples } from './examples.js';

interface ResolveOptions extends ResolveFlags {
  at?: string;
}

export function registerResolve(command: Command, session: Session): void {
  command
    .argument('<id>', t('steps.idArgument'))
    .option('--remedy <remedy>', choicesListed(REMEDIES, typedNames(remedyShown)))
    .option('--cost <amount>', t('resolve.costOption'))
    .option('--root-cause <text>', t('resolve.rootCauseOption'))
    .option('--action <text>', t('resolve.actionOption'))
    .option('--answer <text>', t('resolve.answerOption'))
    .option('--note <text>', t('resolve.noteOption'))
    .option('--as <name>', t('resolve.asOption'))
    .addOption(atOption())
    .addHelpText(
      'after',
      examples(
        'complaints resolve 12 --remedy refund --cost 4.50',
        'complaints resolve 12 --remedy replacement --cost 4.50 --root-cause "soup kettle thermostat" --action "thermostat replaced"',
        'complaints resolve 13 --answer "we only refund what we sold; showed her our receipts"',
      ),
    )
    .action((id: string, options: ResolveOptions) => runResolve(id, options, session));
}

export async function runResolve(idText: string, options: ResolveOptions, session: Session): Promise<void> {
  const id = parseId(idText);
  const asking = options.remedy === undefined && options.answer === undefined && session.canPrompt;
  // Read before anything is opened; at the till, those given beside the ones to be asked for, so
  // that a mistyped --cost is said before the questions rather than after them.
  if (asking) checkGivenBesideAsked(options);
  else checkResolve(options);
  const at = happenedAt(session, options.at).toISOString();
  const logbook = await session.logbook('change');
  const given = checkResolve(asking ? await askHowResolved(logbook, id, options, session) : options);
  const { 'approval-above': approvalAbove, currency } = await settingsOf(logbook);
  const complaint = await changeAt(logbook, session, id, options.at, (current, previous) =>
    'answer' in given ? answer(current, previous, given, at) : resolve(current, previous, given, at, approvalAbove),
  ).catch(costInCurrency(currency));
  session.print(resolvedLine(complaint, given, approvalAbove, currency));
  tellNext(session, complaint);
}

/** What a resolve did, in a line: answered, resolved, or only proposed for approval. */
function resolvedLine(complaint: Complaint, given: Resolution | Answer, approvalAbove: number | null, currency: string): string {
  const ref = complaintRef(complaint.id);
  if ('answer' in given) return t('resolve.answered', { ref });
  const remedy = remedyShown(given.remedy);
  if (complaint.proposed_remedy !== null) {
    const limit = amountShown(approvalAbove ?? 0, currency);
    return given.cost_minor === null
      ? t('resolve.proposed', { remedy, ref, limit })
      : t('resolve.proposedCosting', { remedy, cost: amountShown(given.cost_minor, currency), ref, limit });
  }
  return given.cost_minor === null ? t('resolve.resolved', { ref, remedy }) : t('resolve.resolvedCosting', { ref, remedy, cost: amountShown(given.cost_minor, currency) });
}

/** The flags of a resolve, as typed. */
export interface ResolveFlags {
  remedy?: string;
  cost?: string;
  rootCause?: string;
  action?: string;
  answer?: string;
  note?: string;
  as?: string;
}

/** Reads a resolve's flags into the resolution (or answer) the step takes, before anything is opened or written. */
export function checkResolve(flags: ResolveFlags): Resolution | Answer {
  if (flags.answer !== undefined) {
    if (flags.remedy !== undefined || flags.cost !== undefined || flags.rootCause !== undefined || flags.action !== undefined || flags.as !== undefined) {
      throw new UsageError(t('resolve.answerAlone'));
    }
    return { answer: requiredText(flags.answer, '--answer'), note: optionalText(flags.note) };
  }
  if (flags.remedy === undefined) {
    throw new UsageError(t('resolve.remedyNeeded', { remedies: choicesListed(REMEDIES, typedNames(remedyShown)) }));
  }
  const remedy = oneOf(flags.remedy, REMEDIES, '--remedy', typedNames(remedyShown));
  const cost_minor = flags.cost === undefined ? null : parseMoney(flags.cost, '--cost');
  // What a remedy cost the shop is the remedy's: with none given, a cost would count in the report for nothing.
  if (remedy === 'none' && cost_minor !== null && cost_minor > 0) throw new UsageError(t('resolve.noRemedyNoCost', { none: remedyShown('none') }));
  return {
    remedy,
    cost_minor,
    root_cause: optionalText(flags.rootCause),
    action: optionalText(flags.action),
    note: optionalText(flags.note),
    by: flags.as === undefined ? null : oneLineName(flags.as, '--as'),
  };
}

/** The flags of a resolve given at the till beside the remedy or answer it is to ask for. */
function checkGivenBesideAsked(flags: ResolveFlags): void {
  if (flags.cost !== undefined) parseMoney(flags.cost, '--cost');
  if (flags.as !== undefined) oneLineName(flags.as, '--as');
}

/** At the till: how complaint `id` was resolved, once the lifecycle allows it to be. */
async function askHowResolved(logbook: Logbook, id: number, flags: ResolveFlags, session: Session): Promise<ResolveFlags> {
  const complaint = await complaintOrNotFound(logbook, id);
  nextStatus(complaint, 'resolve');
  const { askResolution } = await import('../prompts/steps.js');
  const earlier = { rootCauses: await logbook.usedValues('root_cause'), actions: await logbook.usedValues('action') };
  return askResolution(complaint, flags, earlier, session);
}
