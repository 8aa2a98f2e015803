import type { Command } from 'commander';
import type { Session } from '../context.js';
import type { Complaint, LastChange } from '../domain/complaint.js';
import { describeChange, undo, undoable } from '../domain/undo.js';
import { parseId } from '../domain/validate.js';
import { Refusal, UsageError } from '../errors.js';
import { complaintRef } from '../output/terminal.js';
import { NotFound } from '../store/errors.js';
import type { Logbook } from '../store/logbook.js';
import { examples, recordingNow, tellNext, thisTill } from './common.js';

interface UndoOptions {
  yes?: boolean;
}

export function registerUndo(program: Command, session: Session): void {
  program
    .command('undo')
    .description('reverse the latest change made at this till, or the latest step on one complaint; the undo is on the timeline too')
    .argument('[id]', 'the complaint whose latest step to undo, e.g. 12 or #12; without it, the latest change made here')
    .option('--yes', 'undo without asking (needed when not at a terminal)')
    .addHelpText(
      'after',
      examples(
        'complaints undo                      # at a terminal: shows the change and asks',
        'complaints undo 12 --yes',
      ) +
        `
Undoing a step puts back what the complaint held before it (a resolve's remedy is taken back);
undoing again reverses the step before. Undoing the logging of a complaint withdraws it: it keeps
its number and timeline, and counts nowhere. A change another one on the same complaint depends
on is refused until that one is undone.
`,
    )
    .action((id: string | undefined, options: UndoOptions) => runUndo(id, options, session));
}

export async function runUndo(idText: string | undefined, options: UndoOptions, session: Session): Promise<void> {
  const id = idText === undefined ? undefined : parseId(idText);
  if (!options.yes && !session.canPrompt) {
    throw new UsageError(`undo asks before it changes anything, and cannot ask here; add --yes`);
  }
  const logbook = await session.logbook('change');
  const recording = recordingNow(session);
  const wanted = id === undefined ? await latestHere(logbook, recording.till) : await latestOn(logbook, id);
  undoable(wanted);
  const change = describeChange(wanted);
  if (!options.yes) {
    const { confirmUndo } = await import('../prompts/undo.js');
    if (!(await confirmUndo(change, session))) return session.tell('Nothing was undone.');
  }
  const complaint = await logbook.change(wanted.complaint_id, recording, (current, _previous, last) => undo(current, last, recording.at, wanted));
  session.print(undoneLine(change, complaint));
  tellNext(session, complaint);
}

/** The latest change made at this till that still stands. */
async function latestHere(logbook: Logbook, till: string): Promise<LastChange> {
  const change = await logbook.lastChangeAt(till);
  if (change === undefined) throw new Refusal(`nothing made at this till (${till}) is left to undo; give the complaint: 'complaints undo <id>'`);
  return change;
}

/** The latest change to complaint `id` that still stands. */
async function latestOn(logbook: Logbook, id: number): Promise<LastChange> {
  const change = await logbook.lastChange(id);
  if (change !== undefined) return change;
  if ((await logbook.find(id)) === undefined) throw new NotFound(id);
  throw new Refusal(`complaint #${id} has nothing left to undo`);
}

function undoneLine(change: string, complaint: Complaint): string {
  return complaint.status === 'withdrawn'
    ? `Undid ${change}: ${complaintRef(complaint.id)} is withdrawn, and counts nowhere.`
    : `Undid ${change}: ${complaintRef(complaint.id)} is ${complaint.status} again.`;
}
