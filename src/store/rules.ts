import { OPEN_STATUSES, WITHDRAWN } from '../domain/lifecycle.js';
import type { ForgetBy } from '../domain/forget.js';
import { COMMUNICATIVE } from '../domain/nature.js';

// The lifecycle's rules as SQL, each written once for every query that needs it. Where JavaScript
// states the same rule (domain/lifecycle.ts), test/unit/business-rules.test.ts holds the two to
// one meaning.

/** The open statuses as an SQL list; they are the lifecycle's own constants, never user input. */
export const OPEN = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

/** Overdue at the moment the parameter `at` names, as isOverdue says: open, and past its respond-by. */
export function overdueAt(at: string): string {
  return `status IN (${OPEN}) AND respond_by < ${at}`;
}

/** Open and to be answered from `from` to before `before`: due, not yet overdue at `from`. */
export function dueWithin(from: string, before: string): string {
  return `status IN (${OPEN}) AND respond_by >= ${from} AND respond_by < ${before}`;
}

/**
 * Counted in a report's Pareto table: a valid complaint, or one not judged yet (as `untriaged`
 * for cause and category). Help, questions and venting are counted apart, unfounded ones as
 * rejected. Only a valid complaint has a cause and a category, so a tally of either needs only
 * to leave the rejected ones out. `complaints` is how the query names the complaints table, when it must.
 */
export function countedIn(complaints = ''): string {
  const column = (name: string) => (complaints === '' ? name : `${complaints}.${name}`);
  return `(${column('nature')} IS NULL OR ${column('nature')} = 'valid') AND ${column('status')} <> '${WITHDRAWN}'`;
}

/** Not judged yet: the complaints a report names as untriaged under its table (a withdrawn one counts nowhere). */
export const UNJUDGED = `nature IS NULL AND status <> '${WITHDRAWN}'`;

/** Closed without an answer: a rejected complaint was judged, a withdrawn one was never made. */
export const UNANSWERED = `('rejected', '${WITHDRAWN}')`;

/**
 * Still unanswered and late at the moment `at` names: past its respond-by, or past one it missed
 * before a later one was given (missed_respond_by), which a new deadline does not make punctual.
 */
export function lateAt(at: string): string {
  return `status NOT IN ${UNANSWERED} AND resolved_at IS NULL AND (respond_by < ${at} OR missed_respond_by IS NOT NULL)`;
}

/** The communicative natures as an SQL list, each counted apart in a report's summary. */
export const COMMUNICATIVE_SQL = COMMUNICATIVE.map((nature) => `'${nature}'`).join(', ');

/**
 * The complaints of the person forget names, `key` (a parameter) being their key by `by`. By name,
 * also those that give no name but a contact given with that name and with no other: hers, left
 * without her name (a number two people gave, a family's phone, may be either's). By contact,
 * only those with the contact: too many people share a name to go by it.
 */
export function complaintsOfPerson(by: ForgetBy, key: string): string {
  const theirs = `SELECT id, customer, contact FROM complaints WHERE ${by}_key = ${key}`;
  if (by === 'contact') return `${theirs} ORDER BY id`;
  return `${theirs}
    UNION
    SELECT id, customer, contact FROM complaints
     WHERE customer_key IS NULL
       AND contact_key IN (SELECT contact_key FROM complaints WHERE customer_key = ${key} AND contact_key IS NOT NULL)
       AND contact_key NOT IN (SELECT contact_key FROM complaints WHERE customer_key <> ${key} AND contact_key IS NOT NULL)
    ORDER BY id`;
}

/** A remedy proposed above the shop's approval limit waits on the complaint (domain/steps.ts, approve). */
export const AWAITING_APPROVAL = 'proposed_remedy IS NOT NULL';
