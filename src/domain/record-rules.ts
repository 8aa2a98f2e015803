import type { Complaint } from './complaint.js';
import { t } from '../language/messages.js';
import { OPEN_STATUSES } from './lifecycle.js';
import { isCommunicative } from './nature.js';
import { CLOCK_GRACE_MS, EARLIEST } from './when.js';

/** The columns of a complaint the rules read. */
type Ruled = Omit<Complaint, 'id' | 'remedies' | 'uid'>;

const HAPPENED = ['logged_at', 'occurred_at', 'resolved_at', 'followed_up_at', 'action_at'] as const;

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
    if (at !== null && at > latest) return t('recordRules.inFuture', { column, at });
    if (at !== null && at < earliest) return t('recordRules.beforeEarliest', { column, at, year: EARLIEST.getFullYear() });
  }
  if (c.respond_by !== null && c.respond_by < c.occurred_at) return t('recordRules.respondByBeforeOccurred');
  // A deadline is kept as missed when another is given in its place, the complaint still waiting.
  if (c.missed_respond_by !== null) {
    if (c.respond_by === null) return t('recordRules.missedWithoutRespondBy');
    if (c.missed_respond_by < c.occurred_at) return t('recordRules.missedBeforeOccurred');
    if (c.resolved_at !== null && c.resolved_at <= c.missed_respond_by) return t('recordRules.missedAfterResolved');
  }
  // Before the action's time, which a file without it takes from resolved_at: the column the file has is named.
  if (c.resolved_at !== null && outOfOrder(c.occurred_at, c.resolved_at)) return t('recordRules.resolvedBeforeOccurred');
  // An action is recorded by the step that found it (a resolution, or a remedy proposed before one), never after the resolution.
  if (c.action_at !== null) {
    if (c.action === null) return t('recordRules.actionAtWithoutAction');
    if (outOfOrder(c.occurred_at, c.action_at)) return t('recordRules.actionAtBeforeOccurred');
    if (c.resolved_at !== null && c.resolved_at < c.action_at) return t('recordRules.actionAtAfterResolved');
  }
  if (outOfOrder(c.occurred_at, c.logged_at)) return t('recordRules.occurredAfterLogged');
  if (c.followed_up_at !== null && outOfOrder(c.occurred_at, c.followed_up_at)) return t('recordRules.followedUpBeforeOccurred');

  if (c.status === 'withdrawn' && [c.nature, c.assignee, c.resolved_at, c.remedy, c.answer, c.proposed_remedy, c.followed_up_at, c.category].some((v) => v !== null)) {
    return t('recordRules.withdrawnTakenFurther');
  }
  // The status as the file or the logbook holds it (resolved, closed…), as the column's other values are named.
  const { status } = c;
  const done = status === 'resolved' || status === 'closed';
  if (done && c.resolved_at === null) return t('recordRules.doneWithoutResolvedAt', { status });
  if (done && c.action !== null && c.action_at === null) return t('recordRules.actionNotRecorded', { status });
  if (!done && c.resolved_at !== null) return t('recordRules.resolvedAtNotDone', { status });
  if (done && c.remedy === null && !isCommunicative(c.nature)) return t('recordRules.doneWithoutRemedy', { status });
  if (done && c.remedy === null && c.answer === null) return t('recordRules.doneWithoutAnswer', { status });
  if (status === 'closed' && (c.followed_up_at === null || c.satisfaction === null)) return t('recordRules.closedNotFollowedUp');
  if (status === 'closed' && outOfOrder(c.resolved_at!, c.followed_up_at!)) return t('recordRules.followedUpBeforeResolved');
  if (c.satisfaction !== null && c.followed_up_at === null) return t('recordRules.satisfactionWithoutFollowUp');
  if (c.earlier_satisfaction !== null && c.followed_up_at === null) return t('recordRules.earlierSatisfactionWithoutFollowUp');
  // A follow-up comes after a resolution, whose remedy or answer stays when it reopens the complaint.
  if (c.followed_up_at !== null && c.remedy === null && c.answer === null) return t('recordRules.followedUpNeverResolved');
  // A remedy stays with a complaint reopened at a follow-up; no other open complaint has one.
  if (c.remedy !== null && OPEN_STATUSES.includes(status) && c.followed_up_at === null) return t('recordRules.openWithRemedy', { status });
  if (c.cost_minor !== null && c.remedy === null) return t('recordRules.costWithoutRemedy');
  if (c.answer !== null && OPEN_STATUSES.includes(status) && c.followed_up_at === null) return t('recordRules.openWithAnswer', { status });

  if ((c.proposed_remedy === null) !== (c.proposed_cost_minor === null)) return t('recordRules.proposedTogether');
  if (c.proposed_remedy !== null && !OPEN_STATUSES.includes(status)) return t('recordRules.proposedNotOpen', { status });
  if (status === 'assigned' && c.assignee === null) return t('recordRules.assignedWithoutAssignee');
  if (c.assignee !== null && (status === 'new' || status === 'triaged' || status === 'rejected')) return t('recordRules.assigneeNotHeld', { status });
  if (status === 'new' && c.category !== null) return t('recordRules.newClassified');
  if ((c.category === null) !== (c.cause === null)) return t('recordRules.categoryCauseTogether');
  if (c.severity !== null && c.category === null) return t('recordRules.severityWithoutCategory');
  if (status === 'new' && c.nature !== null) return t('recordRules.newJudged', { nature: c.nature });
  if (status === 'triaged' && c.nature === null) return t('recordRules.triagedNotJudged');
  if (c.nature === 'valid' && c.category === null) return t('recordRules.validNotClassified');
  if (isCommunicative(c.nature) && c.category !== null) return t('recordRules.communicativeClassified', { nature: c.nature });
  if (c.category !== null && c.nature === null) return t('recordRules.classifiedNotJudged');
  if ((status === 'rejected') !== (c.nature === 'unfounded')) {
    return status === 'rejected' ? t('recordRules.rejectedNotUnfounded', { nature: c.nature ?? t('recordRules.empty') }) : t('recordRules.unfoundedNotRejected', { status });
  }
  if ((status === 'rejected') !== (c.reject_reason !== null)) {
    return status === 'rejected' ? t('recordRules.rejectedWithoutReason') : t('recordRules.reasonNotRejected', { status });
  }
  return null;
}

/**
 * Whether `later` is before `earlier` by more than the clocks' minute of grace: earlier versions
 * dated a step up to a minute before the one before it, as a till's clock said.
 */
function outOfOrder(earlier: string, later: string): boolean {
  return later < earlier && Date.parse(later) < Date.parse(earlier) - CLOCK_GRACE_MS;
}
