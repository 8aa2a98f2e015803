import type { Command } from 'commander';
import type { Session } from '../context.js';
import { followUpCutoff, nextStatus } from '../domain/lifecycle.js';
import { UsageError } from '../errors.js';
import { costInCurrency, followUp, type FollowUp } from '../domain/steps.js';
import { optionalText, parseId } from '../domain/validate.js';
import { parseSatisfaction } from '../domain/satisfaction.js';
import { followUpsDue } from '../domain/filter.js';
import { followUpColumns } from '../output/table.js';
import { t } from '../language/messages.js';
import { complaintRef, oneLine } from '../output/terminal.js';
import { painter } from '../output/paint.js';
import { localTime } from '../language/dates.js';
import { atOption, changeAt, complaintOrNotFound, happenedAt, settingsOf, tellNext, whereThisComputerStands, writeComplaintTable } from './common.js';
import { examples } from './examples.js';
import type { Logbook } from '../store/logbook.js';

interface FollowUpOptions extends FollowUpFlags {
  at?: string;
}

export function registerFollowUp(command: Command, session: Session): void {
  command
    .argument('[id]', t('steps.idArgument'))
    .option('--satisfaction <1-5>', t('followUp.satisfactionOption'))
    .option('--note <text>', t('followUp.noteOption'))
    .option('--reopen', t('followUp.reopenOption'))
    .addOption(atOption())
    .addHelpText(
      'after',
      examples(
        'complaints follow-up  # which customers to call back',
        'complaints follow-up 12 --satisfaction 5 --note "happy with the refund"',
        'complaints follow-up 12 --satisfaction 2 --reopen --note "still waiting for the part"',
      ),
    )
    .action((id: string | undefined, options: FollowUpOptions) => runFollowUp(id, options, session));
}

export async function runFollowUp(idText: string | undefined, options: FollowUpOptions, session: Session): Promise<void> {
  if (idText === undefined) return listDue(options, session);
  const id = parseId(idText);
  const answered = options.satisfaction !== undefined || Boolean(options.reopen);
  const asking = !answered && session.canPrompt;
  if (answered) checkFollowUp(options);
  const at = happenedAt(session, options.at).toISOString();
  const logbook = await session.logbook('change');
  // With nothing to record and no one to ask, first whether the complaint can be followed up at all.
  if (!answered && !asking) {
    nextStatus(await complaintOrNotFound(logbook, id), 'follow-up');
    checkFollowUp(options);
  }
  const told = asking ? await askHowTheyFeel(logbook, id, options, session) : options;
  if (told === null) return session.tell(t('followUp.notReached', { ref: complaintRef(id) }));
  const answer = checkFollowUp(told);
  const { 'response-hours': responseHours, currency } = await settingsOf(logbook);
  const complaint = await changeAt(logbook, session, id, options.at, (current, previous) =>
    followUp(current, previous, answer, at, responseHours),
  ).catch(costInCurrency(currency));
  if (answer.reopen) {
    const [ref, respondBy] = [complaintRef(id), localTime(complaint.respond_by)];
    session.print(
      complaint.assignee === null
        ? t('followUp.reopenedUnassigned', { ref, respondBy })
        : t('followUp.reopenedAssigned', { ref, assignee: oneLine(complaint.assignee), respondBy }),
    );
    return tellNext(session, complaint);
  }
  session.print(t('followUp.closed', { ref: complaintRef(id), satisfaction: String(answer.satisfaction) }));
  if ((answer.satisfaction ?? 5) <= 2) session.tell(t('followUp.unhappy', { id }));
}

async function listDue(options: FollowUpOptions, session: Session): Promise<void> {
  const given = ['satisfaction', 'note', 'reopen', 'at'].filter((k) => k in options);
  if (given.length > 0) throw new UsageError(t('followUp.flagNeedsId', { flag: `--${given[0]}` }));
  const logbook = await session.logbook('read');
  const dueBefore = followUpCutoff(session.now(), (await settingsOf(logbook))['follow-up-days']).toISOString();
  // As the desk counts them: this computer's branch's.
  const { within } = await whereThisComputerStands(session, logbook);
  const toCall = await writeComplaintTable(session, logbook, { ...followUpsDue(dueBefore, true), ...within }, { columns: followUpColumns(true) });
  // Apart, as there is no one to call, but listed: each is still to be closed or reopened.
  const heading = painter(session.color).bold(t('followUp.noContactHeading'));
  const noContact = await writeComplaintTable(session, logbook, { ...followUpsDue(dueBefore, false), ...within }, {
    above: toCall > 0 ? ['', heading] : [heading],
    columns: followUpColumns(false),
  });
  if (toCall + noContact === 0) return session.tell(t('followUp.noneDue'));
  session.tell(t('followUp.next'));
}

/** The flags of a follow-up, as typed. */
export interface FollowUpFlags {
  satisfaction?: string;
  note?: string;
  reopen?: boolean;
}

/** Reads a follow-up's flags into the answer the step takes, before anything is opened or written. */
export function checkFollowUp(flags: FollowUpFlags): FollowUp {
  const satisfaction = flags.satisfaction === undefined ? null : parseSatisfaction(flags.satisfaction, '--satisfaction');
  if (satisfaction === null && !flags.reopen) {
    throw new UsageError(t('followUp.satisfactionNeeded'));
  }
  // Reopening says the customer is still unhappy; a 4 or 5 with it would count as satisfied in
  // the report's average while the complaint goes back to be handled.
  if (flags.reopen && satisfaction !== null && satisfaction >= 4) throw new UsageError(t('followUp.satisfiedNotReopened', { score: satisfaction }));
  return { satisfaction, note: optionalText(flags.note), reopen: Boolean(flags.reopen) };
}

/** At the till: what the customer said, once the complaint is one to follow up. */
async function askHowTheyFeel(logbook: Logbook, id: number, flags: FollowUpFlags, session: Session): Promise<FollowUpFlags | null> {
  nextStatus(await complaintOrNotFound(logbook, id), 'follow-up');
  const { askFollowUp } = await import('../prompts/steps.js');
  return askFollowUp(flags, session);
}
