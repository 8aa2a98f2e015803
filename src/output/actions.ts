import type { ChalkInstance } from 'chalk';
import type { Judged } from '../domain/action-effect.js';
import { newTable, type TextTable } from './table.js';
import { complaintRef, oneLine } from './terminal.js';

/** A corrective action with its cause's weekly counts and the verdict on them, as `actions --json` prints it. */
export interface JudgedAction extends Judged {
  id: number;
  recordedAt: string;
  cause: string;
  action: string;
  /** One count a week, oldest first; null for a week before the logbook's first complaint. */
  before: Array<number | null>;
  /** One count a week since the action, as many whole weeks as have passed, up to the weeks compared. */
  after: number[];
}

/** The widest an action's text is shown in the table before it is cut with …. */
const ACTION_WIDTH = 40;

/** The actions as a table, a row each: the complaint, when, the cause and action, the weeks' counts and the verdict. */
export function actionsTable(actions: readonly JudgedAction[], weeks: number, shownAt: (iso: string) => string, paint: ChalkInstance): TextTable {
  const table = newTable(['#', 'recorded', 'cause', 'action', `${weeks} weeks before`, 'after', 'verdict'], paint, ['right']);
  for (const action of actions) {
    table.push([
      complaintRef(action.id),
      shownAt(action.recordedAt),
      oneLine(action.cause),
      oneLine(action.action, ACTION_WIDTH),
      action.before.map((count) => (count === null ? '·' : String(count))).join(' '),
      action.after.join(' '),
      paintVerdict(action, paint),
    ]);
  }
  return table;
}

function paintVerdict({ verdict }: Judged, paint: ChalkInstance): string {
  if (verdict === 'fewer') return paint.green(verdict);
  if (verdict === 'more') return paint.red(verdict);
  return verdict;
}
