import { OPEN_STATUSES } from '../domain/lifecycle.js';

// The lifecycle's rules as SQL, each written once for every query that needs it. Where JavaScript
// states the same rule (domain/lifecycle.ts), test/unit/business-rules.test.ts holds the two to
// one meaning.

/** The open statuses as an SQL list; they are the lifecycle's own constants, never user input. */
export const OPEN = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');

/** Overdue at the moment the parameter `at` names, as isOverdue says: open, and past its respond-by. */
export function overdueAt(at: string): string {
  return `status IN (${OPEN}) AND respond_by < ${at}`;
}
