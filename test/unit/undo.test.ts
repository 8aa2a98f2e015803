import { format } from 'date-fns/format';
import { describe, expect, it } from 'vitest';
import type { LastChange } from '../../src/domain/complaint.js';
import { undo, undoable } from '../../src/domain/undo.js';
import { Refusal, Unchanged } from '../../src/errors.js';
import { complaintWith } from '../support/complaints.js';

const AT = '2026-11-23T12:00:00.000Z';
const NOW = '2026-11-23T13:00:00.000Z';
const local = format(new Date(AT), 'yyyy-MM-dd HH:mm');
const complaint = complaintWith({ id: 7, status: 'assigned', assignee: 'Sam' });
const change = (fields: Partial<LastChange>): LastChange => ({ id: 40, complaint_id: 7, action: 'assigned', at: AT, recorded_at: AT, before: null, undoes: null, ...fields });

describe('undo', () => {
  it('puts back what the step replaced, naming the change it undoes', () => {
    const assigned = change({ before: { status: 'triaged', assignee: null } });
    expect(undo(complaint, assigned, NOW)).toEqual({
      changes: { status: 'triaged', assignee: null },
      undoes: { event: 40, remedy: false },
      event: { action: 'undone', at: NOW, changes: { undid: 'assigned', undid_at: AT, status: 'triaged', assignee: null } },
    });
  });

  it('is dated no earlier than the change it undoes, though the clock of the till undoing it is behind', () => {
    const later = '2099-01-01T10:00:00.000Z';
    expect(undo(complaint, change({ at: later, before: { status: 'triaged', assignee: null } }), NOW).event.at).toBe(later);
  });

  it.each(['resolved', 'approved'])('takes back the remedy a step %s gave', (action) => {
    expect(undo(complaint, change({ action, before: { status: 'assigned' } }), NOW).undoes).toEqual({ event: 40, remedy: true });
  });

  it('withdraws a complaint whose logging is undone', () => {
    expect(undo(complaintWith({ id: 7 }), change({ action: 'logged' }), NOW)).toEqual({
      changes: { status: 'withdrawn' },
      undoes: { event: 40, remedy: false },
      event: { action: 'undone', at: NOW, changes: { undid: 'logged', status: 'withdrawn' } },
    });
  });

  it('undoes a note, which changed nothing but the timeline', () => {
    expect(undo(complaint, change({ action: 'noted', before: {} }), NOW).changes).toEqual({});
  });

  it('refuses when nothing is left, and when a later change depends on the one asked for', () => {
    expect(() => undo(complaint, undefined, NOW)).toThrow(new Refusal('complaint #7 has nothing left to undo'));
    const later = change({ id: 41, action: 'resolved', before: {} });
    expect(() => undo(complaint, later, NOW, { change: change({ before: {} }), latestOf: 'this till' })).toThrow(
      new Refusal(
        `the change to undo (#7 assigned ${local}) has a later one on #7 (#7 resolved ${local}) that depends on it; undo that first with 'complaints undo 7'`,
      ),
    );
  });

  it('says a later decision on a remedy is for whoever may approve to undo first', () => {
    const approval = change({ id: 41, action: 'approved', before: {} });
    expect(() => undo(complaint, approval, NOW, { change: change({ action: 'proposed', before: {} }), latestOf: 'this till' })).toThrow(
      new Refusal(
        `the change to undo (#7 proposed ${local}) has a later one on #7 (#7 approved ${local}) that depends on it, a decision on a remedy; whoever may approve remedies undoes that first with 'complaints undo 7'`,
      ),
    );
  });

  it("refuses, saying so, when the complaint's latest change asked for is followed by another till's since", () => {
    const later = change({ id: 41, action: 'resolved', before: {} });
    expect(() => undo(complaint, later, NOW, { change: change({ before: {} }), latestOf: 'the complaint' })).toThrow(
      new Refusal(
        `#7 changed a moment ago (#7 resolved ${local}) after #7 assigned ${local} was found to undo; nothing was undone (to undo the change now latest, run 'complaints undo 7' again)`,
      ),
    );
  });

  it('changes nothing, and says so, when another till undid the change asked for a moment before', () => {
    const before = change({ id: 39, action: 'logged' });
    const attempt = () => undo(complaint, before, NOW, { change: change({ before: {} }), latestOf: 'this till' });
    expect(attempt).toThrow(Unchanged);
    expect(attempt).toThrow(`#7 assigned ${local} was undone a moment ago at another till; nothing more was undone (to undo the change before it, run 'complaints undo 7' again)`);
  });

  it('changes nothing when another till withdrew the complaint, undoing the logging asked for, a moment before', () => {
    const withdrawal = change({ id: 45, action: 'withdrawn', undoes: 39 });
    const attempt = () => undo(complaint, withdrawal, NOW, { change: change({ id: 39, action: 'logged' }), latestOf: 'the complaint' });
    expect(attempt).toThrow(Unchanged);
  });

  it('says why when the later change on the complaint cannot be undone at all', () => {
    const renamed = change({ id: 41, action: 'cause-renamed', before: {} });
    expect(() => undo(complaint, renamed, NOW, { change: change({ before: {} }), latestOf: 'this till' })).toThrow(
      new Refusal(
        `the last change to complaint #7 (cause-renamed ${local}) cannot be undone: it was a rename of the cause everywhere; rename it back with 'complaints causes rename'`,
      ),
    );
  });

  it.each([
    ['imported', 'it came into the logbook from a file; undo does not reverse an import'],
    ['cause-renamed', "it was a rename of the cause everywhere; rename it back with 'complaints causes rename'"],
    ['forgotten', "it erased the customer's name and contact, which were kept nowhere to put back"],
  ])('refuses to undo %s, saying why', (action, why) => {
    expect(() => undoable(change({ action, before: {} }))).toThrow(
      new Refusal(`the last change to complaint #7 (${action} ${local}) cannot be undone: ${why}`),
    );
  });

  it('refuses a step recorded before undo kept what it replaced', () => {
    expect(() => undoable(change({}))).toThrow(
      new Refusal(`the last change to complaint #7 (assigned ${local}) was recorded before undo was kept; put it right with the step commands instead`),
    );
  });
});
