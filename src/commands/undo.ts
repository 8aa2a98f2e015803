import type { Command } from 'commander';
import type { Session } from '../context.js';
import type { Complaint, LastChange, Recording } from '../domain/complaint.js';
import type { Status } from '../domain/lifecycle.js';
import { OWNERS_DECISIONS, describeChange, undo, undoable } from '../domain/undo.js';
import { parseId } from '../domain/validate.js';
import { Refusal, UsageError } from '../errors.js';
import { statusShown } from '../language/labels.js';
import { t } from '../language/messages.js';
import { complaintRef } from '../output/terminal.js';
import { NotFound } from '../store/errors.js';
import type { Logbook } from '../store/logbook.js';
import { recordingNow, refuseUnlessManager, tellNext } from './common.js';
import { examples } from './examples.js';
import { computerSettingsFile, lastComputerSettingSet } from '../store/this-computer.js';

interface UndoOptions {
  yes?: boolean;
}

export function registerUndo(command: Command, session: Session): void {
  command
    .argument('[id]', t('undo.idArgument'))
    .option('--yes', t('undo.yesOption'))
    .addHelpText(
      'after',
      examples(
        'complaints undo  # at a terminal: shows the change and asks',
        'complaints undo 12 --yes',
      ) + `\n${t('undo.helpAfter')}\n`,
    )
    .action((id: string | undefined, options: UndoOptions) => runUndo(id, options, session));
}

export async function runUndo(idText: string | undefined, options: UndoOptions, session: Session): Promise<void> {
  const id = idText === undefined ? undefined : parseId(idText);
  if (!options.yes && !session.canPrompt) {
    throw new UsageError(t('undo.cannotAsk'));
  }
  const logbook = await session.logbook('change');
  const recording = recordingNow(session);
  // The latest as the logbook stood when the command was given: two tills' undo given at once
  // mean the same change, not this one and the one before it.
  const ago = session.sinceGiven();
  const wanted = id === undefined ? await latestHere(logbook, recording, ago, session) : await latestOn(logbook, id, ago);
  const latestOf = id === undefined ? 'this till' : 'the complaint';
  undoable(wanted, latestOf);
  // Approving or sending back a remedy is the owner's decision, and so is taking it back.
  if (OWNERS_DECISIONS.has(wanted.action)) await refuseUnlessManager(logbook, t('undo.ownersDecision'));
  const change = describeChange(wanted);
  if (!options.yes) {
    const { confirmUndo } = await import('../prompts/undo.js');
    if (!(await confirmUndo(change, session))) return session.tell(t('undo.nothingUndone'));
  }
  let statusBefore: Status | undefined;
  const complaint = await logbook.change(wanted.complaint_id, recording, (current, _previous, last) => {
    statusBefore = current.status;
    return undo(current, last, recording.at, { change: wanted, latestOf });
  });
  session.print(undoneLine(change, complaint, statusBefore));
  tellNext(session, complaint);
}

/** The latest change made at this till (of its branch: another may have a till of its name) that still stands. */
async function latestHere(logbook: Logbook, here: Recording, ago: number, session: Session): Promise<LastChange> {
  const change = await logbook.lastChangeAt(here, ago);
  if (change === undefined) throw new Refusal(t('undo.nothingHere', { till: here.till }));
  // A setting is no step, and is not undone; undoing the step before it instead surprised (a
  // follow-up and its score went, the owner meaning to take back the shop's new name). A shop's
  // setting is placed among the logbook's events; this computer's, by its clock, among the steps
  // it entered.
  const setting = await logbook.settingSetAfter(here, change.id);
  const computers = lastComputerSettingSet(computerSettingsFile(session.env));
  const key = setting ?? (computers !== undefined && computers.at > change.recorded_at ? computers.key : undefined);
  if (key !== undefined) throw new Refusal(t('undo.settingLatestHere', { key }));
  return change;
}

/** The latest change to complaint `id` that still stands. */
async function latestOn(logbook: Logbook, id: number, ago: number): Promise<LastChange> {
  const change = await logbook.lastChange(id, ago);
  if (change !== undefined) return change;
  if ((await logbook.find(id)) === undefined) throw new NotFound(id);
  throw new Refusal(t('undo.nothingLeft', { id }));
}

/** What the undo did, and the complaint's status after it: back to one before, or still the same (a note undone). */
function undoneLine(change: string, complaint: Complaint, statusBefore: Status | undefined): string {
  const ref = complaintRef(complaint.id);
  const still = complaint.status === statusBefore;
  if (complaint.status === 'withdrawn') return t(still ? 'undo.undidStillWithdrawn' : 'undo.undidWithdrawn', { change, ref });
  return t(still ? 'undo.undidStill' : 'undo.undid', { change, ref, status: statusShown(complaint.status) });
}
