import { addDays } from 'date-fns/addDays';
import { startOfDay } from 'date-fns/startOfDay';
import { Refusal } from '../errors.js';
import { statusShown } from '../language/labels.js';
import { t } from '../language/messages.js';
import type { Complaint } from './complaint.js';
import { isCommunicative } from './nature.js';

export const STATUSES = ['new', 'triaged', 'assigned', 'resolved', 'closed', 'rejected', 'withdrawn'] as const;
export type Status = (typeof STATUSES)[number];

/** A complaint whose logging was undone: it keeps its number and timeline, and counts nowhere. */
export const WITHDRAWN: Status = 'withdrawn';

/** Statuses in which a complaint still waits for someone to act, so it can be overdue. */
export const OPEN_STATUSES: readonly Status[] = ['new', 'triaged', 'assigned'];
/** The statuses of a complaint answered: remedied, closed after its follow-up, or found unfounded. */
export const DONE_STATUSES: readonly Status[] = ['resolved', 'closed', 'rejected'];
/** Open and past triage: in someone's hands, to be answered. */
export const IN_HAND_STATUSES: readonly Status[] = ['triaged', 'assigned'];

export type Step = 'triage' | 'reject' | 'assign' | 'resolve' | 'follow-up' | 'reopen';

/** What a complaint's next status depends on. */
type Standing = Pick<Complaint, 'id' | 'status' | 'assignee' | 'nature'>;

interface Rule {
  from: readonly Status[];
  to: (current: Standing) => Status;
  /** What to say when `from` does not hold, keyed by the status found. */
  instead: Partial<Record<Status, (current: Standing) => string>>;
}

const reopenHint = ({ id }: Standing) => t('lifecycle.reopenHint', { id });
const withdrawnHint = ({ id }: Standing) => t('lifecycle.withdrawnHint', { id });
const upholdHint = ({ id }: Standing) => t('lifecycle.upholdHint', { id });
// Help, a question or venting is answered, not remedied.
const resolveFirstHint = ({ id, nature }: Standing) => t(isCommunicative(nature) ? 'lifecycle.answerFirstHint' : 'lifecycle.resolveFirstHint', { id });
const stillOpenHint = () => t('lifecycle.stillOpenHint');
const remediedNoReject = ({ id }: Standing) => t('lifecycle.remediedNoReject', { id });

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
      assigned: () => t('lifecycle.alreadyHandled'),
      resolved: remediedNoReject,
      closed: remediedNoReject,
      rejected: () => t('lifecycle.alreadyRejected'),
    },
  },
  assign: {
    from: ['new', 'triaged', 'assigned'],
    to: () => 'assigned',
    instead: {
      resolved: reopenHint,
      closed: reopenHint,
      rejected: upholdHint,
    },
  },
  resolve: {
    from: ['new', 'triaged', 'assigned'],
    to: () => 'resolved',
    instead: {
      resolved: ({ id }) => t('lifecycle.followUpHint', { id }),
      closed: reopenHint,
      rejected: upholdHint,
    },
  },
  'follow-up': {
    from: ['resolved'],
    to: () => 'closed',
    instead: {
      new: resolveFirstHint,
      triaged: resolveFirstHint,
      assigned: resolveFirstHint,
      closed: ({ id }) => t('lifecycle.followedUpAlready', { id }),
      rejected: () => t('lifecycle.rejectedNoRemedy'),
    },
  },
  // Back to whoever holds it; a complaint nobody was assigned goes back to be assigned (or triaged).
  reopen: {
    from: ['resolved', 'closed'],
    to: ({ assignee, nature }) => (assignee !== null ? 'assigned' : nature !== null ? 'triaged' : 'new'),
    instead: {
      new: stillOpenHint,
      triaged: stillOpenHint,
      assigned: stillOpenHint,
      rejected: upholdHint,
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
    const hint = (current.status === WITHDRAWN ? withdrawnHint : rule.instead[current.status])?.(current);
    const [id, status] = [current.id, STATUSES.includes(current.status) ? statusShown(current.status) : current.status];
    throw new Refusal(hint === undefined ? t('lifecycle.stepDoesNotApply', { id, status, step }) : t('lifecycle.refused', { id, status, hint }));
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

/**
 * The step a complaint waits for: the approval of a remedy proposed; else what its status expects,
 * but that help, a question or venting is answered (resolve --answer) by whoever holds it, not
 * first assigned.
 */
export function stepAwaited(complaint: Pick<Complaint, 'status' | 'nature' | 'proposed_remedy'>): 'approve' | 'triage' | 'assign' | 'resolve' | 'follow-up' | null {
  if (complaint.proposed_remedy !== null) return 'approve';
  const step = expectedStep(complaint.status);
  return isCommunicative(complaint.nature) && step === 'assign' ? 'resolve' : step;
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
