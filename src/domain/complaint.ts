import type { Status } from './lifecycle.js';
import type { Nature } from './nature.js';
import type { Excerpt } from './summary.js';

/** A complaint as it stands now; property names are the contract's column names. */
export interface Complaint {
  id: number;
  logged_at: string;
  occurred_at: string;
  status: Status;
  channel: string | null;
  customer: string | null;
  contact: string | null;
  about: string | null;
  description: string;
  wants: string | null;
  suggestion: string | null;
  staff: string | null;
  category: string | null;
  cause: string | null;
  severity: string | null;
  reject_reason: string | null;
  assignee: string | null;
  respond_by: string | null;
  resolved_at: string | null;
  /** The latest remedy given. */
  remedy: string | null;
  /** What every remedy given cost together. */
  cost_minor: number | null;
  root_cause: string | null;
  action: string | null;
  followed_up_at: string | null;
  satisfaction: number | null;
  /** Every remedy given, in the order given. */
  remedies: Remedy[];
  /** Who the complaint is in any logbook, whatever its number there (domain/identity.ts). */
  uid: string;
  /** The till it was logged at, and the branch that till stands in; unknown for complaints logged before either was recorded. */
  till: string | null;
  branch: string | null;
  /** What kind of complaint it is (domain/nature.ts); null until it is judged. */
  nature: Nature | null;
  /** How a help, question or venting complaint was answered, when it was resolved without a remedy. */
  answer: string | null;
  /** A remedy proposed above the shop's approval limit, and what it would cost, while it waits for approval. */
  proposed_remedy: string | null;
  proposed_cost_minor: number | null;
  /**
   * The respond-by that had passed, unanswered, when a later one was given in its place: the
   * complaint was not answered in time whatever the later one says. Cleared by a reopening.
   */
  missed_respond_by: string | null;
  /**
   * When the corrective action was recorded: the resolution (or approval) that first gave it,
   * which a later one without a new action leaves as it was; null while it waits for approval.
   */
  action_at: string | null;
  /**
   * The scores of earlier follow-ups, oldest first ("2; 1"), which a later one took the place of
   * (a reopened complaint followed up again): the report's average is over every score given.
   */
  earlier_satisfaction: string | null;
}

/** A remedy given to a complaint: when, which, and what it cost the shop. */
export interface Remedy {
  given_at: string;
  remedy: string;
  cost_minor: number | null;
}

/** The fields a step may change. */
export type ComplaintChanges = Partial<Omit<Complaint, 'id' | 'logged_at' | 'remedies' | 'uid' | 'till' | 'branch'>>;

/** A new complaint before it has an id. */
export type NewComplaint = Omit<Complaint, 'id'>;

/** One entry of the append-only timeline. */
export interface TimelineEvent {
  complaint_id: number;
  /** When it happened (`--at`). */
  at: string;
  /** When it was entered. */
  recorded_at: string;
  action: string;
  changes: Record<string, unknown>;
}

/** An entry as the timeline shows it: with whether a later undo took it back. */
export interface TimelineEntry extends TimelineEvent {
  undone: boolean;
}

/** Who records a change, and when it is entered: the till a later `undo` there finds it by. */
export interface Recording {
  at: string;
  till: string;
  /** The branch the till stands in: two branches may each have a till of one name. */
  branch: string | null;
}

/** The latest change to a complaint that is not undone, as undo reads it. */
export interface LastChange {
  /** The event's own number, which an undo names as the one it undid. */
  id: number;
  complaint_id: number;
  action: string;
  at: string;
  /** When it was entered, by the clock of the till that entered it. */
  recorded_at: string;
  /** What the complaint's changed columns held before it; null for an event recorded before undo was kept. */
  before: Record<string, unknown> | null;
  /** Of a withdrawal (an undo of the logging), the logging's event; else null. */
  undoes: number | null;
}

/** What one step of the lifecycle does to a complaint, and how the timeline records it. */
export interface StepOutcome {
  changes: ComplaintChanges;
  /** A remedy the step gives, recorded beside the changes. */
  gives?: Remedy;
  /** An undo: the change it undoes, and whether it takes back the remedy that change gave. */
  undoes?: { event: number; remedy: boolean };
  /** The timeline entry; its `changes` default to the step's changes. */
  event: { action: string; at: string; changes?: Record<string, unknown> };
}

/** What needs someone today: of each kind, the first few and how many there are in all. */
/** The moments the desk is shown for (ISO UTC): now, the end of today, and when a resolved complaint's follow-up comes due. */
export interface DeskMoments {
  now: string;
  endOfToday: string;
  followUpDueBefore: string;
}

export interface Waiting {
  toTriage: Excerpt<Complaint>;
  /** Triaged and given to no one, soonest due first. */
  toAssign: Excerpt<Complaint>;
  /** How many are triaged or assigned: in hand, whether or not anything of them is due today. */
  inHand: number;
  /** Remedies proposed above the shop's approval limit, waiting for someone in charge. */
  awaitingApproval: Excerpt<Complaint>;
  overdue: Excerpt<Complaint>;
  /** Open and to be answered before the day is out. */
  dueToday: Excerpt<Complaint>;
  /** Follow-ups due with someone to call: a customer or a contact recorded. */
  followUpsDue: Excerpt<Complaint>;
  /** How many follow-ups are due with neither a customer nor a contact recorded. */
  followUpsDueNoContact: number;
}
