import type { Complaint } from './complaint.js';
import { OPEN_STATUSES } from './lifecycle.js';
import { isCommunicative } from './nature.js';
import { CLOCK_GRACE_MS, EARLIEST } from './when.js';

/** The columns of a complaint the rules read. */
type Ruled = Omit<Complaint, 'id' | 'remedies' | 'uid'>;

const HAPPENED = ['logged_at', 'occurred_at', 'resolved_at', 'followed_up_at'] as const;

/**
 * The first rule of the lifecycle the complaint breaks, as a sentence naming the columns, or null
 * when it could have been made by the commands: log, triage, assign, resolve and follow-up only
 * ever leave a complaint that keeps every one of these (a property test holds them to it), and
 * an import takes nothing that breaks one. `now` bounds what can have happened already.
 */
export function brokenRule(c: Ruled, now: Date): string | null {
  return rulesAt(now)(c);
}

/** brokenRule at one moment, for many complaints: the bounds in time are worked out once. */
export function rulesAt(now: Date): (c: Ruled) => string | null {
  const latest = new Date(now.getTime() + CLOCK_GRACE_MS).toISOString();
  const earliest = EARLIEST.toISOString();
  return (c) => broken(c, earliest, latest);
}

function broken(c: Ruled, earliest: string, latest: string): string | null {
  for (const column of HAPPENED) {
    const at = c[column];
    if (at !== null && at > latest) return `${column} ${at} is in the future`;
    if (at !== null && at < earliest) return `${column} ${at} is before ${EARLIEST.getFullYear()}`;
  }
  if (c.respond_by !== null && c.respond_by < c.occurred_at) return 'respond_by is before occurred_at';
  if (c.occurred_at > c.logged_at) return 'occurred_at is after logged_at; a complaint is logged when or after it happens';
  if (c.resolved_at !== null && c.resolved_at < c.occurred_at) return 'resolved_at is before occurred_at';
  if (c.followed_up_at !== null && c.followed_up_at < c.occurred_at) return 'followed_up_at is before occurred_at';

  if (c.status === 'withdrawn' && [c.nature, c.assignee, c.resolved_at, c.remedy, c.answer, c.proposed_remedy, c.followed_up_at, c.category].some((v) => v !== null)) {
    return 'status is withdrawn but the complaint was taken further; only a complaint nothing was done to since it was logged is withdrawn';
  }
  const done = c.status === 'resolved' || c.status === 'closed';
  if (done && c.resolved_at === null) return `status is ${c.status} but resolved_at is empty; a ${c.status} complaint was resolved`;
  if (!done && c.resolved_at !== null) return `status is ${c.status} but resolved_at is given; only a resolved or closed complaint has one`;
  if (done && c.remedy === null && !isCommunicative(c.nature)) {
    return `status is ${c.status} but remedy is empty; a ${c.status} complaint was given a remedy, or an answer if help, a question or venting`;
  }
  if (done && c.remedy === null && c.answer === null) return `status is ${c.status} but remedy and answer are empty; a ${c.status} complaint was given one`;
  if (c.status === 'closed' && (c.followed_up_at === null || c.satisfaction === null)) {
    return 'status is closed but followed_up_at or satisfaction is empty; a closed complaint was followed up with a satisfaction';
  }
  if (c.status === 'closed' && c.followed_up_at! < c.resolved_at!) return 'followed_up_at is before resolved_at; a complaint is followed up after it is resolved';
  if (c.satisfaction !== null && c.followed_up_at === null) return 'satisfaction is given but followed_up_at is empty';
  // A remedy stays with a complaint reopened at a follow-up; no other open complaint has one.
  if (c.remedy !== null && OPEN_STATUSES.includes(c.status) && c.followed_up_at === null) {
    return `status is ${c.status} but remedy is given; only a resolved or closed complaint, or one reopened at a follow-up, has a remedy`;
  }
  if (c.cost_minor !== null && c.remedy === null) return 'cost is given but remedy is empty';
  if (c.answer !== null && OPEN_STATUSES.includes(c.status) && c.followed_up_at === null) {
    return `status is ${c.status} but answer is given; only a resolved or closed complaint, or one reopened at a follow-up, has an answer`;
  }

  if ((c.proposed_remedy === null) !== (c.proposed_cost_minor === null)) return 'proposed_remedy and proposed_cost go together; a remedy awaiting approval has its cost';
  if (c.proposed_remedy !== null && !OPEN_STATUSES.includes(c.status)) {
    return `status is ${c.status} but proposed_remedy is given; only an open complaint has a remedy awaiting approval`;
  }
  if (c.status === 'assigned' && c.assignee === null) return 'status is assigned but assignee is empty';
  if (c.assignee !== null && (c.status === 'new' || c.status === 'triaged' || c.status === 'rejected')) {
    return `status is ${c.status} but assignee is given; a complaint someone holds is assigned, resolved or closed`;
  }
  if (c.status === 'new' && c.category !== null) return 'status is new but category and cause are given; a classified complaint is triaged';
  if ((c.category === null) !== (c.cause === null)) return 'category and cause go together; a triaged complaint has both';
  if (c.severity !== null && c.category === null) return 'severity is given but category and cause are empty';
  if (c.status === 'new' && c.nature !== null) return `status is new but nature is ${c.nature}; a judged complaint is triaged`;
  if (c.status === 'triaged' && c.nature === null) return 'status is triaged but nature is empty; a triaged complaint was judged';
  if (c.nature === 'valid' && c.category === null) return 'nature is valid but category and cause are empty; a valid complaint is classified';
  if (isCommunicative(c.nature) && c.category !== null) {
    return `nature is ${c.nature} but category and cause are given; only a valid complaint is classified`;
  }
  if (c.category !== null && c.nature === null) return 'category and cause are given but nature is empty; a classified complaint is valid';
  if ((c.status === 'rejected') !== (c.nature === 'unfounded')) {
    return c.status === 'rejected' ? `status is rejected but nature is ${c.nature ?? 'empty'}; a rejected complaint is unfounded` : `nature is unfounded but status is ${c.status}; an unfounded complaint is rejected`;
  }
  if ((c.status === 'rejected') !== (c.reject_reason !== null)) {
    return c.status === 'rejected' ? 'status is rejected but reject_reason is empty' : `reject_reason is given but status is ${c.status}`;
  }
  return null;
}
