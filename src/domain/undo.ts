import { Refusal, Unchanged } from '../errors.js';
import { t, type MessageKey } from '../language/messages.js';
import type { Complaint, LastChange, StepOutcome } from './complaint.js';
import { WITHDRAWN } from './lifecycle.js';
import { STEP_EVENT_ACTIONS, actionShown } from './steps.js';
import { localMinute } from './when.js';

// Undo reverses the latest change to one complaint that is not undone yet, and is itself an event
// on the timeline: nothing is taken out of history. Each step's event keeps what the columns it
// changed held before (store: events.before), which an undo puts back; a change undone is never
// undone again, so undoing again reverses the change before it.

/**
 * The changes undo can reverse: every step, a note, the logging itself (which withdraws the
 * complaint), and that withdrawal (an undo typed by mistake), which puts the complaint back.
 */
const UNDOABLE: ReadonlySet<string> = new Set(['logged', 'withdrawn', 'noted', ...STEP_EVENT_ACTIONS]);

/** The steps that gave a remedy, which their undo takes back. */
const GAVE_REMEDY: ReadonlySet<string> = new Set(['resolved', 'approved']);

/** The steps only a login that may approve may take, or take back: approving or sending back a remedy. */
export const OWNERS_DECISIONS: ReadonlySet<string> = new Set(['approved', 'proposal-rejected']);

/** Why the changes undo cannot reverse are not undone, and what to do instead. */
const NOT_UNDONE: Readonly<Record<string, MessageKey>> = {
  imported: 'undo.notUndoneImported',
  'cause-renamed': 'undo.notUndoneRenamed',
  forgotten: 'undo.notUndoneForgotten',
};

/** How the refusal and the question at the till name a change: its action and when it happened. */
export function describeChange(change: Pick<LastChange, 'complaint_id' | 'action' | 'at'>): string {
  return t('undo.change', { id: change.complaint_id, action: actionShown(change.action), at: localMinute(change.at) });
}

/** The change an undo was asked for, as the till found it: this till's latest, or the complaint's latest then. */
export interface WantedUndone {
  change: LastChange;
  latestOf: 'this till' | 'the complaint';
}

/**
 * Reverses `last`, the latest change to `current` not yet undone; when the undo was asked for a
 * change found before (`wanted`), that one must still be the latest. Undoing the logging
 * withdraws the complaint; any other change puts back what it replaced, taking back the remedy
 * it gave.
 */
export function undo(current: Complaint, last: LastChange | undefined, at: string, wanted?: WantedUndone): StepOutcome {
  const { id } = current;
  if (last === undefined) throw new Refusal(t('undo.nothingLeft', { id }));
  if (wanted !== undefined && wanted.change.id !== last.id) {
    const [asked, later] = [describeChange(wanted.change), describeChange(last)];
    // Another till undid it a moment before (a logging undone is a withdrawal since): what was asked for is done.
    if (last.id < wanted.change.id || last.undoes === wanted.change.id) throw new Unchanged(t('undo.undoneMeanwhile', { wanted: asked, id }));
    // The complaint's latest change when found, and another till's since: not what was asked for.
    if (wanted.latestOf === 'the complaint') throw new Refusal(t('undo.changedMeanwhile', { wanted: asked, id, later }));
    // A later change that cannot be undone says so, and why; one that can is to be undone first,
    // by whoever may make it when it is the owner's decision.
    undoable(last);
    throw new Refusal(t(OWNERS_DECISIONS.has(last.action) ? 'undo.laterOwnersDecision' : 'undo.laterChange', { wanted: asked, id, later }));
  }
  const before = undoable(last);
  const undoes = { event: last.id, remedy: GAVE_REMEDY.has(last.action) };
  // A till whose clock is behind the one that made the change still undoes it after it, on the timeline too.
  const undoneAt = at < last.at ? last.at : at;
  if (before === 'withdraw') {
    return { changes: { status: WITHDRAWN }, undoes, event: { action: 'undone', at: undoneAt, changes: { undid: 'logged', status: WITHDRAWN } } };
  }
  // When the change undone happened, so the timeline tells it from a later one of the same kind.
  return { changes: before, undoes, event: { action: 'undone', at: undoneAt, changes: { undid: last.action, undid_at: last.at, ...before } } };
}

/**
 * What undoing `change` puts back, or 'withdraw' for the logging itself; a Refusal saying why
 * when it cannot be undone, as the latest change to the complaint or made at this till
 * (`latestOf`). Asked before the till is asked to confirm, and again inside the write.
 */
export function undoable(change: LastChange, latestOf: WantedUndone['latestOf'] = 'the complaint'): Record<string, unknown> | 'withdraw' {
  const { complaint_id: id, action, at } = change;
  if (!UNDOABLE.has(action)) {
    const why = t(Object.hasOwn(NOT_UNDONE, action) ? NOT_UNDONE[action]! : 'undo.notUndone');
    // Asked for no complaint, the till is told it was this till's latest, and how to undo on one.
    throw new Refusal(t(latestOf === 'this till' ? 'undo.cannotUndoHere' : 'undo.cannotUndo', { id, action: actionShown(action), at: localMinute(at), why }));
  }
  if (action === 'logged') return 'withdraw';
  if (change.before === null) {
    throw new Refusal(t('undo.recordedBeforeUndo', { id, action: actionShown(action), at: localMinute(at) }));
  }
  return change.before;
}
