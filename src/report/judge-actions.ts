import { actionWeeks, judgeAction, type JudgedAction } from '../domain/action-effect.js';
import { spellingsOf } from '../domain/spelling.js';
import type { RecordedAction } from '../domain/summary.js';
import type { Logbook } from '../store/logbook.js';

/**
 * Each action with its cause's complaints counted in the `weeks` weeks before and after it, as
 * they stand at `now`, and the verdict on them. A cause is counted in all its spellings in use,
 * as the report merges them.
 */
export async function judgeActions(logbook: Logbook, recorded: readonly RecordedAction[], weeks: number, now: Date): Promise<JudgedAction[]> {
  if (recorded.length === 0) return [];
  const inUse = await logbook.causesInUse();
  // A complaint withdrawn (a logging undone, perhaps for a wrong date) counts nowhere, here too.
  const [first] = await logbook.list({ order: 'oldest first', limit: 1, standing: true });
  const judged: JudgedAction[] = [];
  for (const action of recorded) {
    const compared = actionWeeks(new Date(action.action_at), weeks, now, new Date(first!.occurred_at));
    const causes = spellingsOf(action.cause, inUse);
    const counts = await logbook.upheldCounts(causes, [...compared.before, ...compared.after]);
    const before = counts.slice(0, compared.before.length);
    const after = counts.slice(compared.before.length);
    // Weeks before the logbook's first complaint were not counted; they lead the list as null.
    const uncounted: null[] = Array.from({ length: weeks - before.length }, () => null);
    judged.push({ id: action.id, recordedAt: action.action_at, cause: action.cause, action: action.action, before: [...uncounted, ...before], after, ...judgeAction(before, after, weeks) });
  }
  return judged;
}
