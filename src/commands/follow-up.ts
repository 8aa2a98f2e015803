import type { Command } from 'commander';
import type { Session } from '../context.js';
import { followUpCutoff, nextStatus } from '../domain/lifecycle.js';
import { UsageError } from '../errors.js';
import { followUp, type FollowUp } from '../domain/steps.js';
import { optionalText, parseId, wholeNumber } from '../domain/validate.js';
import { followUpsDue } from '../domain/filter.js';
import { complaintRef, localTime, oneLine, painter } from '../output/terminal.js';
import { atOption, complaintOrNotFound, examples, happenedAt, recordingNow, settingsOf, tellNext, writeComplaintTable } from './common.js';
import type { Logbook } from '../store/logbook.js';

interface FollowUpOptions extends FollowUpFlags {
  at?: string;
}

export function registerFollowUp(program: Command, session: Session): void {
  program
    .command('follow-up')
    .description("record how the customer feels after the remedy; without an id, list the follow-ups due")
    .argument('[id]', 'the complaint, e.g. 12 or #12')
    .option('--satisfaction <1-5>', 'how satisfied the customer is now: 1 (not at all) to 5 (fully)')
    .option('--note <text>', 'what the customer said')
    .option('--reopen', 'the customer is still unhappy: send the complaint back to be handled')
    .addOption(atOption())
    .addHelpText(
      'after',
      examples(
        'complaints follow-up                 # which customers to call back',
        'complaints follow-up 12 --satisfaction 5 --note "happy with the refund"',
        'complaints follow-up 12 --satisfaction 2 --reopen --note "still waiting for the part"',
      ),
    )
    .action((id: string | undefined, options: FollowUpOptions) => runFollowUp(id, options, session));
}

export async function runFollowUp(idText: string | undefined, options: FollowUpOptions, session: Session): Promise<void> {
  if (idText === undefined) return listDue(options, session);
  const id = parseId(idText);
  const asking = options.satisfaction === undefined && !options.reopen && session.canPrompt;
  if (!asking) checkFollowUp(options);
  const at = happenedAt(session, options.at).toISOString();
  const logbook = await session.logbook('change');
  const answer = checkFollowUp(asking ? await askHowTheyFeel(logbook, id, options, session) : options);
  const responseHours = (await settingsOf(logbook))['response-hours'];
  const complaint = await logbook.change(id, recordingNow(session), (current, previous) =>
    followUp(current, previous, answer, at, responseHours),
  );
  if (answer.reopen) {
    const holder = complaint.assignee === null ? 'nobody is assigned to it' : `it is assigned to ${oneLine(complaint.assignee)} again`;
    session.print(`Reopened ${complaintRef(id)}; ${holder}; respond by ${localTime(complaint.respond_by)}.`);
    return tellNext(session, complaint);
  }
  session.print(`Followed up ${complaintRef(id)}: satisfaction ${answer.satisfaction}/5; closed.`);
  if ((answer.satisfaction ?? 5) <= 2) session.tell(`the customer is unhappy; to handle it again: complaints follow-up ${id} --reopen`);
}

async function listDue(options: FollowUpOptions, session: Session): Promise<void> {
  const given = ['satisfaction', 'note', 'reopen', 'at'].filter((k) => k in options);
  if (given.length > 0) throw new UsageError(`--${given[0]} needs the id of the complaint followed up`);
  const logbook = await session.logbook('read');
  const dueBefore = followUpCutoff(session.now(), (await settingsOf(logbook))['follow-up-days']).toISOString();
  const toCall = await writeComplaintTable(session, logbook, followUpsDue(dueBefore, true));
  // Apart, as there is no one to call, but listed: each is still to be closed or reopened.
  const heading = painter(session.color).bold('No contact recorded');
  const noContact = await writeComplaintTable(session, logbook, followUpsDue(dueBefore, false), toCall > 0 ? ['', heading] : [heading]);
  if (toCall + noContact === 0) return session.tell('No follow-ups due.');
  session.tell(`next: complaints follow-up <id> --satisfaction 1-5`);
}

/** The flags of a follow-up, as typed. */
export interface FollowUpFlags {
  satisfaction?: string;
  note?: string;
  reopen?: boolean;
}

/** Reads a follow-up's flags into the answer the step takes, before anything is opened or written. */
export function checkFollowUp(flags: FollowUpFlags): FollowUp {
  const satisfaction = flags.satisfaction === undefined ? null : wholeNumber(flags.satisfaction, 1, 5, '--satisfaction');
  if (satisfaction === null && !flags.reopen) {
    throw new UsageError('--satisfaction 1-5 is needed (how happy the customer is now), or --reopen if they are not');
  }
  return { satisfaction, note: optionalText(flags.note), reopen: Boolean(flags.reopen) };
}

/** At the till: what the customer said, once the complaint is one to follow up. */
async function askHowTheyFeel(logbook: Logbook, id: number, flags: FollowUpFlags, session: Session): Promise<FollowUpFlags> {
  nextStatus(await complaintOrNotFound(logbook, id), 'follow-up');
  const { askFollowUp } = await import('../prompts/steps.js');
  return askFollowUp(flags, session);
}
