import { addDays } from 'date-fns/addDays';
import { startOfDay } from 'date-fns/startOfDay';
import { Refusal } from '../errors.js';
import type { Complaint } from './complaint.js';

export const STATUSES = ['new', 'triaged', 'assigned', 'resolved', 'closed', 'rejected', 'withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

/** A complaint whose logging was undone: it keeps its number and timeline, and counts nowhere. */
export const WITHDRAWN: Status = 'withdrawn';

/** Statuses in which a complaint still waits for someone to act, so it can be overdue. */
export const OPEN_STATUSES: readonly Status[] = ['new', 'triaged', 'assigned'];

export type Step = 'triage' | 'reject' | 'assign' | 'resolve' | 'follow-up' | 'reopen';

/** What a complaint's next status depends on. */
type Standing = Pick<Complaint, 'id' | 'status' | 'assignee' | 'nature'>;

interface Rule {
  from: readonly Status[];
  to: (current: Standing) => Status;
  /** What to say when `from` does not hold, keyed by the status found. */
  instead: Partial<Record<Status, (id: number) => string>>;
}

const reopenHint = (id: number) => `reopen it with 'complaints follow-up ${id} --reopen'`;
const withdrawnHint = () => 'its logging was undone; log it again if it was a complaint after all';

const RULES: Record<Step, Rule> = {
  // Classification may be corrected at any time (the root cause is often found late); only a new or
  // rejected complaint moves to 'triaged'.
  triage: {
    from: STATUSES.filter((status) => status !== 'withdrawn'),
    to: ({ status }) => (status === 'new' || status === 'rejected' ? 'triaged' : status),
    instead: {},
  },
  reject: {
    from: ['new', 'triaged'],
    to: () => 'rejected',
    instead: {
      assigned: () => 'it is already being handled; resolve it instead',
      resolved: () => 'it is already resolved',
      closed: () => 'it is already closed',
      rejected: () => 'it is already rejected',
    },
  },
  assign: {
    from: ['new', 'triaged', 'assigned'],
    to: () => 'assigned',
    instead: {
      resolved: reopenHint,
      closed: reopenHint,
      rejected: (id) => `uphold it first with 'complaints triage ${id} --category … --cause …'`,
    },
  },
  resolve: {
    from: ['new', 'triaged', 'assigned'],
    to: () => 'resolved',
    instead: {
      resolved: (id) => `record the customer's view with 'complaints follow-up ${id} --satisfaction N'`,
      closed: reopenHint,
      rejected: (id) => `uphold it first with 'complaints triage ${id} --category … --cause …'`,
    },
  },
  'follow-up': {
    from: ['resolved'],
    to: () => 'closed',
    instead: {
      new: (id) => `resolve it first with 'complaints resolve ${id} --remedy …'`,
      triaged: (id) => `resolve it first with 'complaints resolve ${id} --remedy …'`,
      assigned: (id) => `resolve it first with 'complaints resolve ${id} --remedy …'`,
      closed: (id) => `it was followed up already; to reopen it use 'complaints follow-up ${id} --reopen'`,
      rejected: () => 'a rejected complaint has no remedy to follow up',
    },
  },
  // Back to whoever holds it; a complaint nobody was assigned goes back to be assigned (or triaged).
  reopen: {
    from: ['resolved', 'closed'],
    to: ({ assignee, nature }) => (assignee !== null ? 'assigned' : nature !== null ? 'triaged' : 'new'),
    instead: {
      new: () => 'it is still open',
      triaged: () => 'it is still open',
      assigned: () => 'it is still open',
      rejected: (id) => `uphold it first with 'complaints triage ${id} --category … --cause …'`,
    },
  },
};

/**
 * The status a complaint moves to when `step` is taken, or a Refusal that names the current
 * status and what to do instead.
 */
export function nextStatus(current: Standing, step: Step): Status {
  const rule = RULES[step];
  if (!rule.from.includes(current.status)) {
    // A withdrawn complaint refuses every step alike.
    const hint = (current.status === WITHDRAWN ? withdrawnHint : rule.instead[current.status])?.(current.id);
    throw new Refusal(`complaint #${current.id} is ${current.status}; ${hint ?? `'${step}' does not apply to it`}`);
  }
  return rule.to(current);
}

/** The statuses a complaint may have for `step` to apply to it. */
export function statusesFor(step: Step): readonly Status[] {
  return RULES[step].from;
}

/** The step the lifecycle expects next of a complaint with this status; none once it is closed, rejected or withdrawn. */
export function expectedStep(status: Status): 'triage' | 'assign' | 'resolve' | 'follow-up' | null {
  const expected = { new: 'triage', triaged: 'assign', assigned: 'resolve', resolved: 'follow-up', closed: null, rejected: null, withdrawn: null } as const;
  return expected[status];
}

export function isOverdue(status: Status, respondBy: string | null, now: Date): boolean {
  return OPEN_STATUSES.includes(status) && respondBy !== null && respondBy < now.toISOString();
}

/**
 * Complaints resolved before this moment are due a follow-up today: the follow-up day counts
 * whole days, so one resolved at any time on the 20th is due all day on the 23rd with 3 days.
 */
export function followUpCutoff(now: Date, followUpDays: number): Date {
  return addDays(startOfDay(now), 1 - followUpDays);
}
