import { format } from 'date-fns/format';
import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint.js';
import {
  AwaitingApproval,
  answer,
  approve,
  assign,
  followUp,
  note,
  resolve,
  previousStep,
  triage,
  type PreviousStep,
  type TriageDecision,
} from '../../src/domain/steps.js';
import { Refusal, UsageError } from '../../src/errors.js';
import { complaintWith } from '../support/complaints.js';

const OCCURRED = '2026-11-20T12:00:00.000Z';
const LATER = '2026-11-21T09:30:00.000Z';
// More than the minute's grace for two tills' clocks before it happened.
const EARLIER = '2026-11-20T11:58:59.999Z';
const happened: PreviousStep = { at: OCCURRED, was: 'happened' };
const local = (iso: string) => format(new Date(iso), 'yyyy-MM-dd HH:mm');

function complaint(fields: Partial<Complaint> = {}): Complaint {
  return complaintWith({ occurred_at: OCCURRED, logged_at: '2026-11-20T12:05:00.000Z', respond_by: '2026-11-21T12:00:00.000Z', ...fields });
}

/** The refusal of a step dated before the step it follows: a usage error, whose words are checked whole. */
const usageError = (message: string) => expect.objectContaining({ message, exitCode: 2 });

const beforeOccurred = usageError(`--at: ${local(EARLIER)} is before complaint #7 happened (${local(OCCURRED)}); give ${local(OCCURRED)} or later`);

const uphold = (fields: Partial<Extract<TriageDecision, { nature: 'valid' }>> = {}): TriageDecision => ({
  nature: 'valid',
  category: 'product',
  cause: 'cold food',
  severity: null,
  ...fields,
});

describe('triage', () => {
  it('upholds a new complaint with severity medium unless one is given', () => {
    expect(triage(complaint(), happened, uphold(), LATER, null)).toEqual({
      changes: { status: 'triaged', nature: 'valid', category: 'product', cause: 'cold food', severity: 'medium' },
      event: { action: 'triaged', at: LATER },
    });
    expect(triage(complaint(), happened, uphold({ severity: 'critical' }), LATER, null).changes.severity).toBe('critical');
  });

  it('sets a new respond-by when one is given', () => {
    expect(triage(complaint(), happened, uphold(), LATER, '2026-11-22T09:00:00.000Z').changes.respond_by).toBe('2026-11-22T09:00:00.000Z');
  });

  it('keeps the classification already on the complaint for what is not given', () => {
    const classified = complaint({ status: 'assigned', category: 'service', cause: 'slow service', severity: 'high' });
    expect(triage(classified, happened, uphold({ category: null, cause: 'rude staff' }), LATER, null).changes).toEqual({
      status: 'assigned',
      nature: 'valid',
      category: 'service',
      cause: 'rude staff',
      severity: 'high',
    });
  });

  it('needs a category and a cause from the flags or the complaint', () => {
    expect(() => triage(complaint(), happened, uphold({ category: null }), LATER, null)).toThrow(
      new UsageError('triaging #7 as valid needs --category and --cause'),
    );
    expect(() => triage(complaint(), happened, uphold({ cause: null }), LATER, null)).toThrow(UsageError);
    expect(triage(complaint({ cause: 'cold food' }), happened, uphold({ cause: null }), LATER, null).changes.cause).toBe('cold food');
  });

  it('upholds a rejected complaint and clears the reason it was rejected', () => {
    const rejected = complaint({ status: 'rejected', nature: 'unfounded', reject_reason: 'not ours' });
    expect(triage(rejected, happened, uphold(), LATER, null).changes).toMatchObject({ status: 'triaged', nature: 'valid', reject_reason: null });
  });

  it('judges a complaint help, a question or venting without classifying it, clearing a classification it had', () => {
    expect(triage(complaint(), happened, { nature: 'question' }, LATER, null)).toEqual({
      changes: { status: 'triaged', nature: 'question' },
      event: { action: 'triaged', at: LATER },
    });
    const classified = complaint({ status: 'assigned', nature: 'valid', category: 'service', cause: 'slow service', severity: 'high' });
    expect(triage(classified, happened, { nature: 'venting' }, LATER, null).changes).toEqual({
      status: 'assigned',
      nature: 'venting',
      category: null,
      cause: null,
      severity: null,
    });
  });

  it('refuses to make valid a complaint answered without a remedy, until it is reopened', () => {
    const answered = complaint({ status: 'resolved', nature: 'help', answer: 'showed her', resolved_at: LATER });
    expect(() => triage(answered, happened, uphold(), LATER, null)).toThrow(
      new Refusal("complaint #7 was answered without a remedy, which a valid complaint needs; reopen it first with 'complaints follow-up 7 --reopen'"),
    );
    expect(triage({ ...answered, status: 'triaged', resolved_at: null }, happened, uphold(), LATER, null).changes.nature).toBe('valid');
  });

  it('refuses to find help, a question or venting in a complaint resolved with a remedy, until it is reopened', () => {
    const remedied = complaint({ status: 'closed', nature: 'valid', category: 'product', cause: 'cold food', remedy: 'refund', resolved_at: LATER });
    expect(() => triage(remedied, happened, { nature: 'venting' }, LATER, null)).toThrow(
      new Refusal("complaint #7 was resolved with a remedy, as a valid complaint is, so it cannot be venting; reopen it first with 'complaints follow-up 7 --reopen'"),
    );
    expect(triage({ ...remedied, status: 'triaged', resolved_at: null }, happened, { nature: 'venting' }, LATER, null).changes.nature).toBe('venting');
  });

  it('rejects a new complaint with its reason', () => {
    expect(triage(complaint(), happened, { nature: 'unfounded', reason: 'not ours' }, LATER, null)).toEqual({
      changes: { status: 'rejected', nature: 'unfounded', reject_reason: 'not ours' },
      event: { action: 'rejected', at: LATER },
    });
  });

  it('refuses to reject a complaint already being handled', () => {
    expect(() => triage(complaint({ status: 'assigned' }), happened, { nature: 'unfounded', reason: 'not ours' }, LATER, null)).toThrow(
      new Refusal('complaint #7 is assigned; it is already being handled; resolve it instead'),
    );
  });

  it('refuses a time before the complaint happened', () => {
    expect(() => triage(complaint(), happened, uphold(), EARLIER, null)).toThrow(beforeOccurred);
    expect(() => triage(complaint(), happened, { nature: 'unfounded', reason: 'not ours' }, EARLIER, null)).toThrow(beforeOccurred);
  });

  it('accepts the very moment the complaint happened', () => {
    expect(triage(complaint(), happened, uphold(), OCCURRED, null).event.at).toBe(OCCURRED);
  });
});

describe('assign', () => {
  it('assigns a new complaint, recording the note on the timeline only', () => {
    expect(assign(complaint(), happened, 'Sam', LATER, null, 'call her back')).toEqual({
      changes: { status: 'assigned', assignee: 'Sam' },
      event: { action: 'assigned', at: LATER, changes: { status: 'assigned', assignee: 'Sam', note: 'call her back' } },
    });
  });

  it('reassigns with a new respond-by', () => {
    const step = assign(complaint({ status: 'assigned', assignee: 'Sam' }), happened, 'Kim', LATER, '2026-11-22T09:00:00.000Z', null);
    expect(step.changes).toEqual({ status: 'assigned', assignee: 'Kim', respond_by: '2026-11-22T09:00:00.000Z' });
    expect(step.event.changes).toEqual(step.changes);
  });

  it('refuses to assign a closed complaint', () => {
    expect(() => assign(complaint({ status: 'closed' }), happened, 'Sam', LATER, null, null)).toThrow(
      new Refusal("complaint #7 is closed; reopen it with 'complaints follow-up 7 --reopen'"),
    );
  });

  it('refuses a time before the complaint happened', () => {
    expect(() => assign(complaint(), happened, 'Sam', EARLIER, null, null)).toThrow(beforeOccurred);
  });
});

describe('resolve', () => {
  const resolution = { remedy: 'refund', cost_minor: 450, root_cause: 'soup left out', action: null, note: 'paid in cash', by: null };

  it('resolves an assigned complaint, recording the note on the timeline only', () => {
    expect(resolve(complaint({ status: 'assigned' }), happened, resolution, LATER, null)).toEqual({
      changes: { status: 'resolved', resolved_at: LATER, remedy: 'refund', cost_minor: 450, root_cause: 'soup left out' },
      gives: { given_at: LATER, remedy: 'refund', cost_minor: 450 },
      event: {
        action: 'resolved',
        at: LATER,
        changes: {
          status: 'resolved',
          resolved_at: LATER,
          remedy: 'refund',
          cost_minor: 450,
          root_cause: 'soup left out',
          note: 'paid in cash',
        },
      },
    });
  });

  it('keeps the root cause and action found before when resolving again without new ones', () => {
    const reopened = complaint({ status: 'assigned', root_cause: 'kettle', action: 'thermostat replaced' });
    const again = resolve(reopened, happened, { ...resolution, root_cause: null, action: null }, LATER, null).changes;
    expect(again).not.toHaveProperty('root_cause');
    expect(again).not.toHaveProperty('action');
  });

  it('records a corrective action as its remedy is given, and keeps that time through a later resolution without a new one', () => {
    const first = resolve(complaint({ status: 'assigned' }), happened, { ...resolution, action: 'lids on the pots' }, LATER, null);
    expect(first.changes).toMatchObject({ action: 'lids on the pots', action_at: LATER });
    // Bookkeeping, not what the step said: the timeline's entry carries no action_at.
    expect(first.event.changes).not.toHaveProperty('action_at');
    const reopened = complaint({ status: 'assigned', action: 'lids on the pots', action_at: OCCURRED });
    const AGAIN = '2026-11-30T09:00:00.000Z';
    expect(resolve(reopened, happened, { ...resolution, action: null }, AGAIN, null).changes).not.toHaveProperty('action_at');
    expect(resolve(reopened, happened, { ...resolution, action: 'lids on the pots' }, AGAIN, null).changes).not.toHaveProperty('action_at');
    expect(resolve(reopened, happened, { ...resolution, action: 'a warmer' }, AGAIN, null).changes).toMatchObject({ action: 'a warmer', action_at: AGAIN });
    // An action found before any remedy was given (its proposal sent back) is recorded by the one given.
    expect(resolve(complaint({ status: 'assigned', action: 'a warmer' }), happened, resolution, AGAIN, null).changes).toMatchObject({ action_at: AGAIN });
  });

  it('gives a remedy beside those given before: the complaint shows the latest and what all cost, its timeline what this one cost', () => {
    const reopened = complaint({
      status: 'assigned',
      remedy: 'refund',
      cost_minor: 10_000,
      remedies: [{ given_at: OCCURRED, remedy: 'refund', cost_minor: 10_000 }],
    });
    const again = resolve(reopened, happened, { ...resolution, remedy: 'discount', cost_minor: 5_000, note: null }, LATER, null);
    expect(again.changes).toMatchObject({ remedy: 'discount', cost_minor: 15_000 });
    expect(again.gives).toEqual({ given_at: LATER, remedy: 'discount', cost_minor: 5_000 });
    expect(again.event.changes).toMatchObject({ remedy: 'discount', cost_minor: 5_000 });
    expect(resolve(complaint({ status: 'assigned', remedy: 'apology' }), happened, { ...resolution, cost_minor: null }, LATER, null).changes.cost_minor).toBeNull();
  });

  it('refuses a remedy for help, a question or venting, which is answered', () => {
    expect(() => resolve(complaint({ status: 'triaged', nature: 'question' }), happened, resolution, LATER, null)).toThrow(
      new Refusal("complaint #7 was triaged as question; answer it (--answer …), or triage it as valid first ('complaints triage 7 --nature valid --category … --cause …'); --remedy is for valid complaints"),
    );
  });

  it('resolves straight from new', () => {
    expect(resolve(complaint(), happened, resolution, LATER, null).changes.status).toBe('resolved');
  });

  it('refuses to resolve a closed complaint', () => {
    expect(() => resolve(complaint({ status: 'closed' }), happened, resolution, LATER, null)).toThrow(
      new Refusal("complaint #7 is closed; reopen it with 'complaints follow-up 7 --reopen'"),
    );
  });

  it('refuses a time before the complaint happened', () => {
    expect(() => resolve(complaint(), happened, resolution, EARLIER, null)).toThrow(beforeOccurred);
  });
});

describe('remedies above the approval limit', () => {
  const refund = { remedy: 'refund', cost_minor: 8_800, root_cause: 'fridge failed', action: 'fridge mended', note: null, by: null };
  const assigned = complaint({ status: 'assigned', assignee: 'Sam' });

  it('proposes a remedy costing more than the limit: the complaint stays open with what was found, the proposer on the timeline', () => {
    expect(resolve(assigned, happened, refund, LATER, 5_000)).toEqual({
      changes: { proposed_remedy: 'refund', proposed_cost_minor: 8_800, root_cause: 'fridge failed', action: 'fridge mended', action_at: LATER },
      event: {
        action: 'proposed',
        at: LATER,
        changes: { proposed_remedy: 'refund', proposed_cost_minor: 8_800, root_cause: 'fridge failed', action: 'fridge mended', by: 'Sam' },
      },
    });
    expect(resolve(assigned, happened, { ...refund, cost_minor: 5_000 }, LATER, 5_000).changes.status).toBe('resolved');
    expect(resolve(assigned, happened, refund, LATER, null).changes.status).toBe('resolved');
  });

  it('records a new action found with a remedy proposed when it is found, whatever becomes of the remedy', () => {
    const recorded = complaint({ status: 'assigned', assignee: 'Sam', action: 'lids on the pots', action_at: OCCURRED });
    expect(resolve(recorded, happened, refund, LATER, 5_000).changes).toMatchObject({ action: 'fridge mended', action_at: LATER });
    expect(resolve(recorded, happened, { ...refund, action: null }, LATER, 5_000).changes).not.toHaveProperty('action_at');
    const waiting = { ...recorded, proposed_remedy: 'refund', proposed_cost_minor: 8_800, action: 'fridge mended', action_at: LATER };
    expect(approve(waiting, happened, { reject: false, by: 'Li Na' }, '2026-11-22T09:00:00.000Z').changes).not.toHaveProperty('action_at');
  });

  it('gives the proposed remedy when approved, resolving the complaint, or sends it back', () => {
    const waiting = { ...assigned, proposed_remedy: 'refund', proposed_cost_minor: 8_800 };
    const approved = approve(waiting, happened, { reject: false, by: 'Li Na' }, LATER);
    expect(approved.changes).toEqual({ status: 'resolved', resolved_at: LATER, remedy: 'refund', cost_minor: 8_800, proposed_remedy: null, proposed_cost_minor: null });
    expect(approved.gives).toEqual({ given_at: LATER, remedy: 'refund', cost_minor: 8_800 });
    expect(approved.event).toMatchObject({ action: 'approved', changes: { remedy: 'refund', cost_minor: 8_800, by: 'Li Na' } });
    expect(approve(waiting, happened, { reject: true, by: 'Li Na', reason: 'a voucher instead' }, LATER)).toEqual({
      changes: { proposed_remedy: null, proposed_cost_minor: null },
      event: { action: 'proposal-rejected', at: LATER, changes: { remedy: 'refund', cost_minor: 8_800, by: 'Li Na', reason: 'a voucher instead' } },
    });
  });

  it('refuses to approve what was not proposed, and to resolve, answer or reject while a remedy waits', () => {
    expect(() => approve(assigned, happened, { reject: false, by: 'Li Na' }, LATER)).toThrow(
      new Refusal("complaint #7 has no remedy awaiting approval; a remedy waits for it when it costs more than 'complaints config get approval-above'"),
    );
    // As the till that comes second hears it when two decide it at once.
    const decided: PreviousStep = { at: LATER, was: 'had its remedy approved', action: 'approved' };
    expect(() => approve({ ...assigned, status: 'resolved' }, decided, { reject: true, by: 'Sam', reason: 'x' }, LATER)).toThrow(
      new Refusal(`complaint #7 had its remedy approved at ${local(LATER)}: no remedy awaits approval now`),
    );
    const waiting = { ...assigned, status: 'triaged' as const, nature: 'help' as const, proposed_remedy: 'refund', proposed_cost_minor: 8_800 };
    const refusal = new AwaitingApproval(7, 'refund', 8_800);
    expect(refusal.message).toBe(
      "complaint #7 has a remedy awaiting approval (refund, 88.00); approve it with 'complaints approve 7', or send it back with --reject --reason …",
    );
    expect(() => resolve(waiting, happened, refund, LATER, null)).toThrow(refusal);
    expect(() => answer(waiting, happened, { answer: 'x', note: null }, LATER)).toThrow(refusal);
    expect(() => triage(waiting, happened, { nature: 'unfounded', reason: 'x' }, LATER, null)).toThrow(refusal);
    expect(() => triage({ ...waiting, nature: 'valid' }, happened, { nature: 'question' }, LATER, null)).toThrow(refusal);
    expect(() => resolve({ ...waiting, proposed_cost_minor: 128_000 }, happened, refund, LATER, null)).toThrow(/\(refund, 1,280\.00\)/);
  });
});

describe('answer', () => {
  it('resolves a help, question or venting complaint with its answer, the note on the timeline only', () => {
    expect(answer(complaint({ status: 'triaged', nature: 'question' }), happened, { answer: 'open till nine', note: 'by phone' }, LATER)).toEqual({
      changes: { status: 'resolved', resolved_at: LATER, answer: 'open till nine' },
      event: { action: 'answered', at: LATER, changes: { status: 'resolved', resolved_at: LATER, answer: 'open till nine', note: 'by phone' } },
    });
  });

  it('refuses a valid complaint, one not judged yet, and one already resolved', () => {
    const given = { answer: 'x', note: null };
    expect(() => answer(complaint({ status: 'triaged', nature: 'valid', category: 'product', cause: 'cold food' }), happened, given, LATER)).toThrow(
      new Refusal('complaint #7 was triaged as valid; resolve it with a remedy (--remedy …); --answer is for help, question and venting complaints'),
    );
    expect(() => answer(complaint(), happened, given, LATER)).toThrow(
      new Refusal(
        "complaint #7 is not judged yet; triage it first as help, question or venting ('complaints triage 7 --nature question'), or resolve it with --remedy",
      ),
    );
    expect(() => answer(complaint({ status: 'resolved', nature: 'help', resolved_at: LATER, answer: 'y' }), happened, given, LATER)).toThrow(Refusal);
  });
});

describe('followUp', () => {
  const resolved = complaint({ status: 'resolved', resolved_at: LATER, remedy: 'refund' });
  const followedUpAt = '2026-11-24T10:00:00.000Z';

  it('closes a resolved complaint with the satisfaction given', () => {
    expect(followUp(resolved, happened, { satisfaction: 5, note: 'thanked us', reopen: false }, followedUpAt, 24)).toEqual({
      changes: { status: 'closed', followed_up_at: followedUpAt, satisfaction: 5 },
      event: {
        action: 'followed-up',
        at: followedUpAt,
        changes: { status: 'closed', followed_up_at: followedUpAt, satisfaction: 5, note: 'thanked us' },
      },
    });
  });

  it('reopens a closed complaint to whoever holds it, clearing when it was resolved and due an answer from the reopening', () => {
    const closed = { ...resolved, status: 'closed' as const, satisfaction: 4, assignee: 'Sam', cause: 'cold food' };
    const dueBy = '2026-11-25T10:00:00.000Z';
    expect(followUp(closed, happened, { satisfaction: 2, note: null, reopen: true }, followedUpAt, 24)).toEqual({
      // The 4/5 the 2/5 takes the place of was given too, and stays counted.
      changes: { status: 'assigned', followed_up_at: followedUpAt, satisfaction: 2, earlier_satisfaction: '4', resolved_at: null, respond_by: dueBy },
      event: {
        action: 'reopened',
        at: followedUpAt,
        changes: { status: 'assigned', followed_up_at: followedUpAt, satisfaction: 2, resolved_at: null, respond_by: dueBy },
      },
    });
  });

  it('refuses a respond-by for a complaint answered already, which would only move the deadline it was answered by', () => {
    const decision = { nature: 'valid', category: 'product', cause: 'cold food', severity: null } as const;
    expect(() => triage({ ...resolved, nature: 'valid', category: 'product', cause: 'cold food' }, happened, decision, followedUpAt, '2026-11-30T12:00:00.000Z')).toThrow(
      /^#7 was resolved .*: a respond-by is for a complaint still to answer \(to reopen it: complaints follow-up 7 --reopen\)$/,
    );
  });

  it('keeps the score of the follow-up before a reopening without one, as a reopening given with its score keeps it', () => {
    const reopen = { satisfaction: null, note: null, reopen: true };
    const scored = { ...resolved, status: 'closed' as const, satisfaction: 1 };
    const kept = followUp(scored, happened, reopen, followedUpAt, 24);
    expect(kept.changes).not.toHaveProperty('satisfaction');
    expect(kept.event.changes).not.toHaveProperty('satisfaction');
    expect(followUp(resolved, happened, { ...reopen, satisfaction: 1 }, followedUpAt, 24).changes).toMatchObject({ satisfaction: 1 });
  });

  it('keeps the scores a later follow-up takes the place of, oldest first, as the report counts every score given', () => {
    const reopenedTwice = { ...resolved, followed_up_at: '2026-11-23T10:00:00.000Z', satisfaction: 3, earlier_satisfaction: '2' };
    expect(followUp(reopenedTwice, happened, { satisfaction: 5, note: null, reopen: false }, followedUpAt, 24).changes).toMatchObject({
      satisfaction: 5,
      earlier_satisfaction: '2; 3',
    });
    // Followed up without a score, the one held before is still a score given.
    expect(followUp(reopenedTwice, happened, { satisfaction: null, note: null, reopen: false }, followedUpAt, 24).changes).toMatchObject({
      satisfaction: null,
      earlier_satisfaction: '2; 3',
    });
    // A reopening without a score keeps the one held, which is not given twice; the timeline has each score once.
    const reopened = followUp(reopenedTwice, happened, { satisfaction: null, note: null, reopen: true }, followedUpAt, 24);
    expect(reopened.changes).not.toHaveProperty('earlier_satisfaction');
    expect(followUp(resolved, happened, { satisfaction: 4, note: null, reopen: false }, followedUpAt, 24).changes).not.toHaveProperty('earlier_satisfaction');
    expect(followUp(reopenedTwice, happened, { satisfaction: 5, note: null, reopen: false }, followedUpAt, 24).event.changes).not.toHaveProperty('earlier_satisfaction');
  });

  it('clears a score held before on a follow-up without one, and says nothing of a score never given', () => {
    const unrated = { satisfaction: null, note: null, reopen: false };
    const scored = { ...resolved, satisfaction: 4 };
    expect(followUp(scored, happened, unrated, followedUpAt, 24).event.changes).toMatchObject({ satisfaction: null });
    const unscored = followUp(resolved, happened, unrated, followedUpAt, 24);
    expect(unscored.changes).toMatchObject({ satisfaction: null });
    expect(unscored.event.changes).not.toHaveProperty('satisfaction');
  });

  it('reopens a complaint nobody was assigned as triaged, or new when it was never triaged, never as assigned to nobody', () => {
    const reopen = { satisfaction: null, note: null, reopen: true };
    expect(followUp({ ...resolved, nature: 'valid', cause: 'cold food', category: 'product' }, happened, reopen, followedUpAt, 48).changes).toMatchObject({
      status: 'triaged',
      respond_by: '2026-11-26T10:00:00.000Z',
    });
    expect(followUp(resolved, happened, reopen, followedUpAt, 48).changes.status).toBe('new');
  });

  it('refuses to follow up a complaint that was never resolved', () => {
    expect(() => followUp(complaint({ status: 'assigned' }), happened, { satisfaction: 3, note: null, reopen: false }, followedUpAt, 24)).toThrow(
      new Refusal("complaint #7 is assigned; resolve it first with 'complaints resolve 7 --remedy …'"),
    );
  });

  it('refuses to reopen a complaint that is still open', () => {
    expect(() => followUp(complaint(), happened, { satisfaction: null, note: null, reopen: true }, followedUpAt, 24)).toThrow(
      new Refusal('complaint #7 is new; it is still open'),
    );
  });

  it('refuses a time before the complaint happened', () => {
    expect(() => followUp(resolved, happened, { satisfaction: 5, note: null, reopen: false }, EARLIER, 24)).toThrow(beforeOccurred);
  });
});

describe('note', () => {
  it.each(['new', 'closed', 'rejected'] as const)('puts a note on the timeline of a %s complaint, changing nothing', (status) => {
    expect(note(complaint({ status }), 'left a voicemail', LATER)).toEqual({
      changes: {},
      event: { action: 'noted', at: LATER, changes: { note: 'left a voicemail' } },
    });
  });

  it('refuses a time before the complaint happened', () => {
    expect(() => note(complaint(), 'left a voicemail', EARLIER)).toThrow(beforeOccurred);
  });
});

describe('steps in time order', () => {
  const triagedAt: PreviousStep = { at: '2026-11-23T13:00:00.000Z', was: 'was triaged' };
  const beforeTriage = usageError(
    `--at: ${local('2026-11-23T12:30:00.000Z')} is before complaint #7 was triaged (${local(triagedAt.at)}); give ${local(triagedAt.at)} or later`,
  );
  const triaged = complaint({ status: 'triaged', category: 'product', cause: 'cold food', severity: 'medium' });

  it('refuses a step dated before the step it follows, naming the earliest time allowed', () => {
    expect(() => assign(triaged, triagedAt, 'Sam', '2026-11-23T12:30:00.000Z', null, null)).toThrow(beforeTriage);
    expect(() => resolve(triaged, triagedAt, { remedy: 'apology', cost_minor: null, root_cause: null, action: null, note: null, by: null }, '2026-11-23T12:30:00.000Z', null)).toThrow(beforeTriage);
    expect(() => triage(triaged, triagedAt, uphold(), '2026-11-23T12:30:00.000Z', null)).toThrow(beforeTriage);
  });

  it('accepts a step at the same moment or within a minute before, for two tills whose clocks differ, dated as the step before', () => {
    expect(assign(triaged, triagedAt, 'Sam', triagedAt.at, null, null).event.at).toBe(triagedAt.at);
    expect(assign(triaged, triagedAt, 'Sam', '2026-11-23T12:59:01.000Z', null, null).event.at).toBe(triagedAt.at);
    const resolved = resolve(triaged, triagedAt, { remedy: 'apology', cost_minor: null, root_cause: null, action: null, note: null, by: null }, '2026-11-23T12:59:30.000Z', null);
    expect({ at: resolved.event.at, resolved_at: resolved.changes.resolved_at }).toEqual({ at: triagedAt.at, resolved_at: triagedAt.at });
  });

  it('lets a note fall between earlier steps, but not before the complaint happened', () => {
    expect(note(triaged, 'called her', '2026-11-22T09:00:00.000Z').event.at).toBe('2026-11-22T09:00:00.000Z');
  });

  it('refuses a respond-by before the complaint happened', () => {
    const message = `--respond-by: ${local(EARLIER)} is before complaint #7 happened (${local(OCCURRED)}); give a later time`;
    expect(() => triage(complaint(), happened, uphold(), LATER, EARLIER)).toThrow(new UsageError(message));
    expect(() => assign(complaint(), happened, 'Sam', LATER, EARLIER, null)).toThrow(new UsageError(message));
  });
});

describe('previousStep', () => {
  it('is when the complaint happened when nothing was done since', () => {
    expect(previousStep(complaint(), null)).toEqual({ at: OCCURRED, was: 'happened' });
  });

  it('is the latest step event on the timeline', () => {
    expect(previousStep(complaint(), { at: LATER, action: 'assigned' })).toEqual({ at: LATER, was: 'was assigned', action: 'assigned' });
  });

  it('counts when an imported complaint was resolved and followed up, which no event of its own records', () => {
    const imported = complaint({ status: 'closed', resolved_at: LATER, followed_up_at: '2026-11-24T10:00:00.000Z' });
    expect(previousStep(imported, null)).toEqual({ at: '2026-11-24T10:00:00.000Z', was: 'was followed up' });
    expect(previousStep(imported, { at: '2026-11-25T10:00:00.000Z', action: 'reopened' })).toEqual({
      at: '2026-11-25T10:00:00.000Z',
      was: 'was reopened',
      action: 'reopened',
    });
  });
});
