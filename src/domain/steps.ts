import { addHours } from 'date-fns/addHours';
import { Refusal, Unchanged, UsageError } from '../errors.js';
import { natureShown, statusShown } from '../language/labels.js';
import { t, type MessageKey } from '../language/messages.js';
import type { Complaint, StepOutcome } from './complaint.js';
import { nextStatus, type Status } from './lifecycle.js';
import { amountShown } from './money.js';
import { withScoreKept } from './satisfaction.js';
import { remedyShown } from '../language/labels.js';
import { isCommunicative, type Communicative } from './nature.js';
import { CLOCK_GRACE_MS, localMinute } from './when.js';

// Each step comes in two halves: the command reads its flags into the typed values these take
// before anything is opened or written, and the step itself decides against the complaint as it
// stands inside the write.

/** How an error names each timeline action that moves a complaint along ("was triaged"). */
const STEP_ACTIONS: Readonly<Record<string, MessageKey>> = {
  triaged: 'steps.wasTriaged',
  rejected: 'steps.wasRejected',
  assigned: 'steps.wasAssigned',
  resolved: 'steps.wasResolved',
  answered: 'steps.wasAnswered',
  proposed: 'steps.wasProposed',
  approved: 'steps.wasApproved',
  'proposal-rejected': 'steps.wasProposalRejected',
  'followed-up': 'steps.wasFollowedUp',
  reopened: 'steps.wasReopened',
};

/** How a person reads each action on a timeline ("triaged", 分诊). */
const ACTIONS_SHOWN: Readonly<Record<string, MessageKey>> = {
  logged: 'timeline.logged',
  imported: 'timeline.imported',
  noted: 'timeline.noted',
  triaged: 'timeline.triaged',
  rejected: 'timeline.rejected',
  assigned: 'timeline.assigned',
  resolved: 'timeline.resolved',
  answered: 'timeline.answered',
  proposed: 'timeline.proposed',
  approved: 'timeline.approved',
  'proposal-rejected': 'timeline.proposalRejected',
  'followed-up': 'timeline.followedUp',
  reopened: 'timeline.reopened',
  undone: 'timeline.undone',
  withdrawn: 'timeline.withdrawn',
  'cause-renamed': 'timeline.causeRenamed',
  forgotten: 'timeline.forgotten',
};

/** A timeline action as a person reads it in the language spoken; one not known here, as it is stored. */
export function actionShown(action: string): string {
  return Object.hasOwn(ACTIONS_SHOWN, action) ? t(ACTIONS_SHOWN[action]!) : action;
}

/** The timeline actions a later step may not be dated before (notes and renames may fall anywhere). */
export const STEP_EVENT_ACTIONS = Object.keys(STEP_ACTIONS);

/** A timeline event of one of STEP_EVENT_ACTIONS: when it was dated, and which. */
export interface StepEvent {
  at: string;
  action: string;
}

/**
 * The step a new one follows: when it was dated, and what it was, as an error says it ("was
 * triaged"), and as the timeline recorded it when it did.
 */
export interface PreviousStep {
  at: string;
  was: string;
  action?: string;
}

/**
 * The latest step of a complaint: of when it happened, was resolved and was followed up (all an
 * imported complaint's history has) and the latest step event on its timeline, if any.
 */
export function previousStep(current: Complaint, latestEvent: StepEvent | null): PreviousStep {
  const steps: PreviousStep[] = [{ at: current.occurred_at, was: t('steps.happened') }];
  if (current.resolved_at !== null) steps.push({ at: current.resolved_at, was: t('steps.wasResolved') });
  if (current.followed_up_at !== null) steps.push({ at: current.followed_up_at, was: t('steps.wasFollowedUp') });
  if (latestEvent !== null) {
    const key = STEP_ACTIONS[latestEvent.action];
    steps.push({ at: latestEvent.at, was: key === undefined ? t('steps.wasOther', { action: latestEvent.action }) : t(key), action: latestEvent.action });
  }
  // At the same moment, the later in this list is the more particular: an approval resolves too.
  return steps.reduce((latest, step) => (step.at >= latest.at ? step : latest));
}

/**
 * When a step is dated: no earlier than the step before it, so the timeline reads in order. A
 * minute's grace lets two tills whose clocks differ slightly take turns, the later step dated as
 * the one before it (resolved at 11:59:30 what happened at 12:00 is resolved at 12:00).
 */
function inOrder(id: number, previous: PreviousStep, at: string): string {
  if (Date.parse(at) < Date.parse(previous.at) - CLOCK_GRACE_MS) throw new StepBeforePrevious(id, previous, at);
  return at < previous.at ? previous.at : at;
}

/** A step dated before the step before it; where the date is the clock's own, the clock is behind (see changeAt). */
export class StepBeforePrevious extends UsageError {
  constructor(
    readonly id: number,
    readonly previous: PreviousStep,
    readonly at: string,
  ) {
    super(t('steps.atBeforePrevious', { at: localMinute(at), id, was: previous.was, previousAt: localMinute(previous.at) }));
  }
}

/** A respond-by time cannot be before the complaint happened. */
function respondByAfterOccurred(current: Complaint, respondBy: string | null): void {
  if (respondBy !== null && respondBy < current.occurred_at) {
    throw new UsageError(t('steps.respondByBeforeOccurred', { respondBy: localMinute(respondBy), id: current.id, occurred: localMinute(current.occurred_at) }));
  }
}

export type TriageDecision =
  | { nature: 'unfounded'; reason: string }
  | { nature: 'valid'; category: string | null; cause: string | null; severity: string | null }
  | { nature: Communicative };

/**
 * Judges a complaint: valid and classified, communicative (help, a question, venting: answered
 * but not classified, as no failure of the shop), or unfounded with a reason. A later triage
 * corrects the judgement; one that finds it communicative clears the classification it had.
 */
export function triage(current: Complaint, previous: PreviousStep, decision: TriageDecision, at: string, respondBy: string | null): StepOutcome {
  at = inOrder(current.id, previous, at);
  respondByAfterOccurred(current, respondBy);
  if (decision.nature === 'unfounded') {
    const status = nextStatus(current, 'reject');
    notAwaitingApproval(current);
    return { changes: { status, nature: 'unfounded', reject_reason: decision.reason }, event: { action: 'rejected', at } };
  }
  const judged = {
    status: nextStatus(current, 'triage'),
    nature: decision.nature,
    ...(current.reject_reason === null ? {} : { reject_reason: null }),
    ...newRespondBy(current, respondBy, at),
  };
  if (decision.nature !== 'valid') {
    // Help, a question or venting is answered, never remedied: a remedy proposed for it could not be approved.
    notAwaitingApproval(current);
    if (current.remedy !== null && (current.status === 'resolved' || current.status === 'closed')) {
      throw new Refusal(t('steps.remediedNotCommunicative', { id: current.id, nature: natureShown(decision.nature) }));
    }
    const unclassified = current.category === null ? {} : { category: null, cause: null, severity: null };
    return { changes: changing(current, { ...judged, ...unclassified }), event: { action: 'triaged', at } };
  }
  if (current.remedy === null && (current.status === 'resolved' || current.status === 'closed')) {
    throw new Refusal(t('steps.answeredNotValid', { id: current.id }));
  }
  const category = decision.category ?? current.category;
  const cause = decision.cause ?? current.cause;
  if (category === null || cause === null) {
    throw new UsageError(t('steps.validNeedsClass', { id: current.id }));
  }
  return {
    changes: changing(current, { ...judged, category, cause, severity: decision.severity ?? current.severity ?? 'medium' }),
    event: { action: 'triaged', at },
  };
}

export function assign(
  current: Complaint,
  previous: PreviousStep,
  assignee: string,
  at: string,
  respondBy: string | null,
  note: string | null,
): StepOutcome {
  // What the lifecycle refuses is said before a time out of order: a later time would not help.
  const status = nextStatus(current, 'assign');
  at = inOrder(current.id, previous, at);
  respondByAfterOccurred(current, respondBy);
  const changes = {
    status,
    assignee,
    ...newRespondBy(current, respondBy, at),
  };
  if (note === null) changing(current, changes);
  return { changes, event: { action: 'assigned', at, changes: withNote(changes, note) } };
}

/**
 * A respond-by given at `at` in place of the complaint's own; when that one had passed unanswered,
 * it is kept as missed (the first missed, if one was moved before), so that the report does not
 * count as answered in time a complaint whose deadline was moved after it was late.
 */
function newRespondBy(current: Complaint, respondBy: string | null, at: string): Partial<Complaint> {
  if (respondBy === null) return {};
  // Answered already: a new deadline would only move the one it was answered by, late or not.
  if (current.resolved_at !== null) throw new Refusal(t('steps.respondByAnswered', { id: current.id, resolved: localMinute(current.resolved_at) }));
  const missed = current.missed_respond_by === null && current.resolved_at === null && current.respond_by !== null && current.respond_by < at;
  return missed ? { respond_by: respondBy, missed_respond_by: current.respond_by } : { respond_by: respondBy };
}

/**
 * `changes`, when any of them changes `current`; else Unchanged: a triage or assignment repeated
 * as it stands would add a timeline entry saying again what the one before it says.
 */
function changing<T extends Partial<Complaint>>(current: Complaint, changes: T): T {
  const same = Object.entries(changes).every(([column, value]) => current[column as keyof Complaint] === value);
  if (same) throw new Unchanged(t('steps.unchanged', { id: current.id, status: statusShown(current.status) }));
  return changes;
}

export interface Resolution {
  remedy: string;
  cost_minor: number | null;
  root_cause: string | null;
  action: string | null;
  note: string | null;
  /** Who gives the remedy, or proposes it when it needs approval; null when not said. */
  by: string | null;
}

/**
 * Resolves a complaint with a remedy, given beside any given before (a reopened complaint keeps
 * its first remedy): the complaint shows the latest remedy and what all of them cost, its
 * timeline what this one cost. A remedy costing more than `approvalAbove` is only proposed: the
 * complaint stays open, with the root cause and action found, until it is approved.
 */
export function resolve(current: Complaint, previous: PreviousStep, resolution: Resolution, at: string, approvalAbove: number | null): StepOutcome {
  const status = nextStatus(current, 'resolve');
  notAwaitingApproval(current);
  // As a valid complaint is not given an answer: help, a question or venting is no failure to remedy.
  if (isCommunicative(current.nature)) {
    throw new Refusal(t('steps.remedyNotCommunicative', { id: current.id, nature: natureShown(current.nature) }));
  }
  at = inOrder(current.id, previous, at);
  const { note, root_cause, action, remedy, cost_minor, by } = resolution;
  // Resolving again after a reopen keeps the root cause and action found the first time unless new ones are given.
  const found = { ...(root_cause === null ? {} : { root_cause }), ...(action === null ? {} : { action }) };
  const who = by === null ? {} : { by };
  if (approvalAbove !== null && cost_minor !== null && cost_minor > approvalAbove) {
    // Whoever holds the complaint proposes its remedy, unless someone else is named.
    const proposer = by ?? current.assignee;
    const changes = { proposed_remedy: remedy, proposed_cost_minor: cost_minor, ...found };
    return {
      changes: { ...changes, ...actionRecorded(current, action, at) },
      event: { action: 'proposed', at, changes: withNote({ ...changes, ...(proposer === null ? {} : { by: proposer }) }, note) },
    };
  }
  return given(current, { status, remedy, cost_minor, found, who, note }, at, 'resolved');
}

/**
 * When the complaint's corrective action counts as recorded (action_at): when it was found, by the
 * resolution that gives it or by one that proposes a remedy for approval (the root cause and
 * action stand whatever becomes of the remedy). An action recorded before keeps its time when a
 * later resolution gives none or the same again, so that a complaint reopened and resolved once
 * more does not move its action to another week of the report, nor the weeks "did the action
 * work" compares.
 */
function actionRecorded(current: Complaint, action: string | null | undefined, at: string): Partial<Complaint> {
  const kept = action ?? current.action;
  if (kept === null || (kept === current.action && current.action_at !== null)) return {};
  return { action_at: at };
}

/** The changes, remedy and event of a remedy given now: resolved, or approved. */
function given(
  current: Complaint,
  { status, remedy, cost_minor, found, who, note }: { status: Status; remedy: string; cost_minor: number | null; found: Partial<Complaint>; who: object; note: string | null },
  at: string,
  action: 'resolved' | 'approved',
): StepOutcome {
  const changes = {
    status,
    resolved_at: at,
    remedy,
    cost_minor: current.cost_minor === null && cost_minor === null ? null : (current.cost_minor ?? 0) + (cost_minor ?? 0),
    ...found,
  };
  return {
    changes: { ...changes, ...actionRecorded(current, found.action, at) },
    gives: { given_at: at, remedy, cost_minor },
    event: { action, at, changes: withNote({ ...changes, cost_minor, ...who }, note) },
  };
}

function notAwaitingApproval(current: Complaint): void {
  if (current.proposed_remedy !== null) throw new AwaitingApproval(current.id, current.proposed_remedy, current.proposed_cost_minor ?? 0);
}

/** A step refused while a remedy waits for approval; the steps know no currency, so the cost is given bare until inCurrency. */
export class AwaitingApproval extends Refusal {
  constructor(
    readonly id: number,
    readonly remedy: string,
    readonly costMinor: number,
    currency = '',
  ) {
    super(t('steps.awaitingApproval', { id, remedy: remedyShown(remedy), cost: amountShown(costMinor, currency) }));
  }

  /** The same refusal with the cost in the shop's currency, as the desk and the timeline give it. */
  inCurrency(currency: string): AwaitingApproval {
    return new AwaitingApproval(this.id, this.remedy, this.costMinor, currency);
  }
}

/** For a step's catch: a refusal while a remedy awaits approval says its cost in the shop's `currency`. */
export function costInCurrency(currency: string): (error: unknown) => never {
  return (error) => {
    throw error instanceof AwaitingApproval ? error.inCurrency(currency) : error;
  };
}

export type Approval = { reject: false; by: string } | { reject: true; by: string; reason: string };

/**
 * Carries out the remedy proposed for a complaint, which resolves it as resolve would have; or
 * sends the proposal back, the complaint open as it was, to be resolved some other way.
 */
export function approve(current: Complaint, previous: PreviousStep, approval: Approval, at: string): StepOutcome {
  at = inOrder(current.id, previous, at);
  const { proposed_remedy: remedy, proposed_cost_minor: cost_minor } = current;
  if (remedy === null) {
    // Another till deciding it a moment before is what the one that comes second needs to hear.
    if (previous.action === 'approved' || previous.action === 'proposal-rejected') {
      throw new Refusal(t('steps.alreadyDecided', { id: current.id, was: previous.was, at: localMinute(previous.at) }));
    }
    throw new Refusal(t('steps.nothingToApprove', { id: current.id }));
  }
  const withdrawn = { proposed_remedy: null, proposed_cost_minor: null };
  if (approval.reject) {
    return { changes: withdrawn, event: { action: 'proposal-rejected', at, changes: { remedy, cost_minor, by: approval.by, reason: approval.reason } } };
  }
  const outcome = given(current, { status: nextStatus(current, 'resolve'), remedy, cost_minor, found: {}, who: { by: approval.by }, note: null }, at, 'approved');
  return { ...outcome, changes: { ...outcome.changes, ...withdrawn } };
}

export interface Answer {
  answer: string;
  note: string | null;
}

/**
 * Resolves a help, question or venting complaint with the answer given instead of a remedy: it
 * still has its respond-by and its follow-up. A valid complaint, or one not judged yet, is refused.
 */
export function answer(current: Complaint, previous: PreviousStep, given: Answer, at: string): StepOutcome {
  const status = nextStatus(current, 'resolve');
  notAwaitingApproval(current);
  at = inOrder(current.id, previous, at);
  if (!isCommunicative(current.nature)) {
    throw new Refusal(
      current.nature === null
        ? t('steps.answerNotJudged', { id: current.id })
        : t('steps.answerNotCommunicative', { id: current.id, nature: natureShown(current.nature) }),
    );
  }
  const changes = { status, resolved_at: at, answer: given.answer };
  return { changes, event: { action: 'answered', at, changes: withNote(changes, given.note) } };
}

export interface FollowUp {
  satisfaction: number | null;
  note: string | null;
  reopen: boolean;
}

/**
 * Records the customer's view after the remedy. Reopening sends the complaint back to whoever
 * holds it (or to be assigned, or triaged, when nobody does), due an answer within the response
 * target from the reopening.
 */
export function followUp(current: Complaint, previous: PreviousStep, answer: FollowUp, at: string, responseHours: number): StepOutcome {
  // Said before its status, whose hint (resolve it first) the proposal refuses.
  notAwaitingApproval(current);
  const status = nextStatus(current, answer.reopen ? 'reopen' : 'follow-up');
  at = inOrder(current.id, previous, at);
  // A new round, due anew: whether the first was answered in time no longer counts.
  const reopened = answer.reopen
    ? { resolved_at: null, respond_by: addHours(new Date(at), responseHours).toISOString(), ...(current.missed_respond_by === null ? {} : { missed_respond_by: null }) }
    : {};
  // The customer's latest score stands until another is given: a reopen without one keeps the
  // score of the follow-up that led to it, as a reopen given with its score does (the report's
  // average counted a 1/5 or not by whether the reopen was typed apart). A follow-up without a
  // score clears one held before; a score neither given nor held is not one cleared, and the
  // timeline says nothing of it.
  const score = answer.satisfaction === null && answer.reopen ? {} : { satisfaction: answer.satisfaction };
  const scoreSaid = answer.satisfaction === null && current.satisfaction === null ? {} : score;
  // A score taken the place of was still given: the report's average is over every follow-up's
  // (the timeline has each already).
  const earlier = 'satisfaction' in score && current.satisfaction !== null ? { earlier_satisfaction: withScoreKept(current.earlier_satisfaction, current.satisfaction) } : {};
  return {
    changes: { status, followed_up_at: at, ...score, ...earlier, ...reopened },
    event: { action: answer.reopen ? 'reopened' : 'followed-up', at, changes: withNote({ status, followed_up_at: at, ...scoreSaid, ...reopened }, answer.note) },
  };
}

/** A progress note may be dated anywhere after the complaint happened, between its steps too. */
export function note(current: Complaint, text: string, at: string): StepOutcome {
  at = inOrder(current.id, { at: current.occurred_at, was: t('steps.happened') }, at);
  return { changes: {}, event: { action: 'noted', at, changes: { note: text } } };
}

function withNote(changes: object, note: string | null): Record<string, unknown> {
  return note === null ? { ...changes } : { ...changes, note };
}
