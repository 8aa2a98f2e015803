import type { Command } from 'commander';
import type { Session } from '../context.js';
import { formatMoney } from '../domain/money.js';
import { approve, type Approval } from '../domain/steps.js';
import { parseId, requiredText } from '../domain/validate.js';
import { UsageError } from '../errors.js';
import { complaintRef } from '../output/terminal.js';
import { atOption, examples, happenedAt, recordingNow, tellNext, thisTill } from './common.js';

interface ApproveOptions {
  as?: string;
  reject?: boolean;
  reason?: string;
  at?: string;
}

export function registerApprove(program: Command, session: Session): void {
  program
    .command('approve')
    .description("carry out a remedy waiting for approval (one costing more than 'config get approval-above'), or send it back")
    .argument('<id>', 'the complaint, e.g. 12 or #12')
    .option('--as <name>', "who approves it (default: 'config get till', else this computer's name)")
    .option('--reject', 'send the proposed remedy back; the complaint stays open, to be resolved another way')
    .option('--reason <text>', 'why it is sent back (with --reject)')
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
  // What was proposed, as it stood inside the write, to say what was approved or sent back.
  let proposed = '';
  const complaint = await logbook.change(id, recordingNow(session), (current, previous) => {
    proposed = `${current.proposed_remedy} costing ${formatMoney(current.proposed_cost_minor ?? 0)}`;
    return approve(current, previous, approval, at);
  });
  session.print(
    approval.reject
      ? `Sent back the ${proposed} proposed for ${complaintRef(id)}; it is ${complaint.status} again.`
      : `Approved ${proposed} for ${complaintRef(id)}; resolved.`,
  );
  tellNext(session, complaint);
}

/** Reads an approval's flags, before anything is opened or written; `thisTill` names who approves when --as does not. */
export function checkApproval(flags: Omit<ApproveOptions, 'at'>, thisTill: () => string): Approval {
  const by = flags.as === undefined ? thisTill() : requiredText(flags.as, '--as');
  if (flags.reject) {
    if (flags.reason === undefined) throw new UsageError('--reject needs --reason saying why the remedy is sent back');
    return { reject: true, by, reason: requiredText(flags.reason, '--reason') };
  }
  if (flags.reason !== undefined) throw new UsageError('--reason goes with --reject');
  return { reject: false, by };
}
