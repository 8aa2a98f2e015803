import type { Command } from 'commander';
import type { Session } from '../context.js';
import { amountShown } from '../domain/money.js';
import { remedyShown } from '../language/labels.js';
import { approve, type Approval } from '../domain/steps.js';
import { oneLineName, parseId, requiredText } from '../domain/validate.js';
import { UsageError } from '../errors.js';
import { statusShown } from '../language/labels.js';
import { t } from '../language/messages.js';
import { complaintRef } from '../output/terminal.js';
import { atOption, changeAt, happenedAt, refuseUnlessManager, settingsOf, tellNext, thisTill } from './common.js';
import { examples } from './examples.js';

interface ApproveOptions {
  as?: string;
  reject?: boolean;
  reason?: string;
  at?: string;
}

export function registerApprove(command: Command, session: Session): void {
  command
    .argument('<id>', t('steps.idArgument'))
    .option('--as <name>', t('approve.asOption'))
    .option('--reject', t('approve.rejectOption'))
    .option('--reason <text>', t('approve.reasonOption'))
    .addOption(atOption())
    .addHelpText(
      'after',
      examples('complaints approve 12 --as "Li Na"', 'complaints approve 12 --reject --reason "offer a voucher instead"'),
    )
    .action((id: string, options: ApproveOptions) => runApprove(id, options, session));
}

export async function runApprove(idText: string, options: ApproveOptions, session: Session): Promise<void> {
  const id = parseId(idText);
  const approval = checkApproval(options, () => thisTill(session));
  const at = happenedAt(session, options.at).toISOString();
  const logbook = await session.logbook('change');
  // The practice has a remedy above the limit approved by whoever is in charge: on a shared
  // logbook, not by the tills' logins that propose it.
  await refuseUnlessManager(logbook, t('approve.what'));
  const { currency } = await settingsOf(logbook);
  // What was proposed, as it stood inside the write, to say what was approved or sent back.
  let proposed = { remedy: '', cost: '' };
  const complaint = await changeAt(logbook, session, id, options.at, (current, previous) => {
    proposed = { remedy: remedyShown(String(current.proposed_remedy)), cost: amountShown(current.proposed_cost_minor ?? 0, currency) };
    return approve(current, previous, approval, at);
  });
  const ref = complaintRef(id);
  session.print(
    approval.reject
      ? t('approve.sentBack', { ...proposed, ref, status: statusShown(complaint.status) })
      : t('approve.approved', { ...proposed, ref }),
  );
  tellNext(session, complaint);
}

/** Reads an approval's flags, before anything is opened or written; `thisTill` names who approves when --as does not. */
export function checkApproval(flags: Omit<ApproveOptions, 'at'>, thisTill: () => string): Approval {
  const by = flags.as === undefined ? thisTill() : oneLineName(flags.as, '--as');
  if (flags.reject) {
    if (flags.reason === undefined) throw new UsageError(t('approve.reasonNeeded'));
    return { reject: true, by, reason: requiredText(flags.reason, '--reason') };
  }
  if (flags.reason !== undefined) throw new UsageError(t('approve.reasonWithReject'));
  return { reject: false, by };
}
