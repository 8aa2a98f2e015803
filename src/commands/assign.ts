import type { Command } from 'commander';
import type { Session } from '../context.js';
import { spellingToKeep } from '../domain/spelling.js';
import { assign } from '../domain/steps.js';
import { t } from '../language/messages.js';
import { oneLineName, optionalText, parseId } from '../domain/validate.js';
import { UsageError } from '../errors.js';
import { nextStatus } from '../domain/lifecycle.js';
import { complaintRef, oneLine } from '../output/terminal.js';
import { localTime } from '../language/dates.js';
import type { Logbook } from '../store/logbook.js';
import { atOption, changeAt, complaintOrNotFound, stepTimes, tellIfDeadlineMissed, tellIfOverdue, tellNext } from './common.js';
import { examples } from './examples.js';

interface AssignOptions {
  respondBy?: string;
  note?: string;
  at?: string;
}

export function registerAssign(command: Command, session: Session): void {
  command
    .argument('<id>', t('steps.idArgument'))
    .argument('[person]', t('assign.personArgument'))
    .option('--respond-by <when>', t('assign.respondByOption'))
    .option('--note <text>', t('assign.noteOption'))
    .addOption(atOption())
    .addHelpText(
      'after',
      examples(
        'complaints assign 12 Sam',
        'complaints assign 12 "Sam Park" --respond-by "2026-11-25 12:00" --note "call before noon"',
        'complaints assign 12 Sam --respond-by +4h',
        'complaints assign 12 Sam --respond-by tomorrow  # by the end of tomorrow',
      ),
    )
    .action((id: string, person: string | undefined, options: AssignOptions) => runAssign(id, person, options, session));
}

export async function runAssign(idText: string, person: string | undefined, options: AssignOptions, session: Session): Promise<void> {
  const id = parseId(idText);
  if (person === undefined && !session.canPrompt) throw new UsageError(t('assign.personNeeded', { id }));
  const { at, respondBy } = stepTimes(session, options);
  const note = optionalText(options.note);
  const logbook = await session.logbook('change');
  const typed = oneLineName(person ?? (await askWhoHandles(logbook, id, session)), t('assign.personToAssign'));
  // Spelt as the logbook already spells this person, so a report by assignee is not split by capitals.
  const assignee = spellingToKeep(typed, await logbook.spellingsInUse('assignee'));
  const complaint = await changeAt(logbook, session, id, options.at, (current, previous) =>
    assign(current, previous, assignee, at, respondBy, note),
  );
  session.print(t('assign.assigned', { ref: complaintRef(id), assignee: oneLine(assignee), respondBy: localTime(complaint.respond_by) }));
  // Whoever takes it on needs to hear its time has passed, whether or not a new one was given.
  tellIfOverdue(session, complaint, respondBy ?? complaint.respond_by);
  tellIfDeadlineMissed(session, complaint, respondBy);
  tellNext(session, complaint);
}

/** At the till: who takes complaint `id` on, once the lifecycle allows it to be assigned. */
async function askWhoHandles(logbook: Logbook, id: number, session: Session): Promise<string> {
  nextStatus(await complaintOrNotFound(logbook, id), 'assign');
  const { askAssignee } = await import('../prompts/steps.js');
  return askAssignee(await logbook.usedValues('assignee'), session);
}
