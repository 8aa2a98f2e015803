import { describe, expect, it } from 'vitest';
import { expectedStep, isOverdue, nextStatus, stepAwaited, STATUSES, type Status, type Step } from '../../src/domain/lifecycle.js';
import { Refusal } from '../../src/errors.js';

// The whole table, written out from the product's lifecycle: a status each allowed step leads
// to, or for a refused step a phrase the refusal must carry saying what to do instead.
type Outcome = { to: Status } | { refused: string };

const LIFECYCLE: Record<Step, Record<Status, Outcome>> = {
  triage: {
    new: { to: 'triaged' },
    triaged: { to: 'triaged' },
    assigned: { to: 'assigned' },
    resolved: { to: 'resolved' },
    closed: { to: 'closed' },
    rejected: { to: 'triaged' },
    withdrawn: { refused: "its logging was undone; put it back with 'complaints undo 7' if it was a complaint after all" },
  },
  reject: {
    new: { to: 'rejected' },
    triaged: { to: 'rejected' },
    assigned: { refused: 'it is already being handled; resolve it instead' },
    resolved: { refused: "it was upheld and given its remedy; to reject it after all, undo its steps back to its triage first ('complaints undo 7', one step at a time)" },
    closed: { refused: "it was upheld and given its remedy; to reject it after all, undo its steps back to its triage first ('complaints undo 7', one step at a time)" },
    rejected: { refused: 'it is already rejected' },
    withdrawn: { refused: "its logging was undone; put it back with 'complaints undo 7' if it was a complaint after all" },
  },
  assign: {
    new: { to: 'assigned' },
    triaged: { to: 'assigned' },
    assigned: { to: 'assigned' },
    resolved: { refused: "reopen it with 'complaints follow-up 7 --reopen'" },
    closed: { refused: "reopen it with 'complaints follow-up 7 --reopen'" },
    rejected: { refused: "uphold it first with 'complaints triage 7 --category … --cause …'" },
    withdrawn: { refused: "its logging was undone; put it back with 'complaints undo 7' if it was a complaint after all" },
  },
  resolve: {
    new: { to: 'resolved' },
    triaged: { to: 'resolved' },
    assigned: { to: 'resolved' },
    resolved: { refused: "record the customer's view with 'complaints follow-up 7 --satisfaction N'" },
    closed: { refused: "reopen it with 'complaints follow-up 7 --reopen'" },
    rejected: { refused: "uphold it first with 'complaints triage 7 --category … --cause …'" },
    withdrawn: { refused: "its logging was undone; put it back with 'complaints undo 7' if it was a complaint after all" },
  },
  'follow-up': {
    new: { refused: "resolve it first with 'complaints resolve 7 --remedy …'" },
    triaged: { refused: "resolve it first with 'complaints resolve 7 --remedy …'" },
    assigned: { refused: "resolve it first with 'complaints resolve 7 --remedy …'" },
    resolved: { to: 'closed' },
    closed: { refused: "it was followed up already; to reopen it use 'complaints follow-up 7 --reopen'" },
    rejected: { refused: 'a rejected complaint has no remedy to follow up' },
    withdrawn: { refused: "its logging was undone; put it back with 'complaints undo 7' if it was a complaint after all" },
  },
  reopen: {
    new: { refused: 'it is still open' },
    triaged: { refused: 'it is still open' },
    assigned: { refused: 'it is still open' },
    resolved: { to: 'assigned' },
    closed: { to: 'assigned' },
    rejected: { refused: "uphold it first with 'complaints triage 7 --category … --cause …'" },
    withdrawn: { refused: "its logging was undone; put it back with 'complaints undo 7' if it was a complaint after all" },
  },
};

const pairs = (Object.keys(LIFECYCLE) as Step[]).flatMap((step) =>
  STATUSES.map((status) => ({ step, status, outcome: LIFECYCLE[step][status] })),
);
const allowed = pairs.flatMap(({ step, status, outcome }) => ('to' in outcome ? [{ step, status, to: outcome.to }] : []));
const refused = pairs.flatMap(({ step, status, outcome }) =>
  'refused' in outcome ? [{ step, status, hint: outcome.refused }] : [],
);

/** A classified complaint that someone holds, in the given status. */
const held = (status: Status, id = 7) => ({ id, status, assignee: 'Sam', nature: 'valid' as const });

describe('nextStatus', () => {
  it.each(allowed)('$step from $status moves the complaint to $to', ({ step, status, to }) => {
    expect(nextStatus(held(status), step)).toBe(to);
  });

  it.each(refused)('$step from $status is refused, naming the status and what to do instead', ({ step, status, hint }) => {
    expect(() => nextStatus(held(status), step)).toThrow(new Refusal(`complaint #7 is ${status}; ${hint}`));
  });

  it.each(['resolved', 'closed'] as const)('reopens a %s complaint nobody holds as triaged, or new when it was never triaged', (status) => {
    expect(nextStatus({ id: 7, status, assignee: null, nature: 'valid' }, 'reopen')).toBe('triaged');
    expect(nextStatus({ id: 7, status, assignee: null, nature: 'question' }, 'reopen')).toBe('triaged');
    expect(nextStatus({ id: 7, status, assignee: null, nature: null }, 'reopen')).toBe('new');
  });

  it.each(['help', 'question', 'venting'] as const)('tells a %s complaint followed up before it is answered to answer it, not to remedy it', (nature) => {
    expect(() => nextStatus({ id: 7, status: 'triaged', assignee: null, nature }, 'follow-up')).toThrow(
      new Refusal(`complaint #7 is triaged; answer it first with 'complaints resolve 7 --answer "…"'`),
    );
  });

  it('puts the complaint id into the suggested command', () => {
    expect(() => nextStatus(held('closed', 123), 'resolve')).toThrow(
      new Refusal("complaint #123 is closed; reopen it with 'complaints follow-up 123 --reopen'"),
    );
  });
});

describe('expectedStep', () => {
  it.each([
    ['new', 'triage'],
    ['triaged', 'assign'],
    ['assigned', 'resolve'],
    ['resolved', 'follow-up'],
    ['closed', null],
    ['rejected', null],
    ['withdrawn', null],
  ] as const)('expects a %s complaint to be taken on by %s', (status, step) => {
    expect(expectedStep(status)).toBe(step);
  });

  it('expects only steps the lifecycle allows from that status', () => {
    for (const status of STATUSES) {
      const step = expectedStep(status);
      if (step !== null) expect(() => nextStatus(held(status), step)).not.toThrow();
    }
  });
});

describe('stepAwaited', () => {
  it('awaits the approval of a remedy proposed before anything else', () => {
    expect(stepAwaited({ status: 'assigned', nature: 'valid', proposed_remedy: 'refund' })).toBe('approve');
  });

  it.each(['help', 'question', 'venting'] as const)('awaits the answer to %s, triaged or assigned, not an assignee', (nature) => {
    expect(stepAwaited({ status: 'triaged', nature, proposed_remedy: null })).toBe('resolve');
    expect(stepAwaited({ status: 'assigned', nature, proposed_remedy: null })).toBe('resolve');
  });

  it('awaits what the status expects of a valid complaint', () => {
    for (const status of STATUSES) expect(stepAwaited({ status, nature: 'valid', proposed_remedy: null })).toBe(expectedStep(status));
  });
});

describe('isOverdue', () => {
  const now = new Date('2026-11-23T10:00:00.000Z');
  const before = '2026-11-23T09:59:59.999Z';
  const after = '2026-11-23T10:00:00.001Z';

  it.each(['new', 'triaged', 'assigned'] as const)('a %s complaint past its respond-by is overdue', (status) => {
    expect(isOverdue(status, before, now)).toBe(true);
  });

  it.each(['resolved', 'closed', 'rejected'] as const)('a %s complaint is never overdue', (status) => {
    expect(isOverdue(status, before, now)).toBe(false);
  });

  it('is not overdue before or exactly at its respond-by', () => {
    expect(isOverdue('assigned', after, now)).toBe(false);
    expect(isOverdue('assigned', now.toISOString(), now)).toBe(false);
  });

  it('is not overdue without a respond-by', () => {
    expect(isOverdue('new', null, now)).toBe(false);
  });
});
