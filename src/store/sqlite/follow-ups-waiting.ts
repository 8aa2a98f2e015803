import type { Db } from './open.js';

// How many resolved complaints wait for a follow-up, kept for each UTC month they were resolved
// in, by branch, till and whether there is someone to call (migrations/sqlite/0017), so that the
// desk counts months, not the complaints of years. PostgreSQL counts them from its index, which
// its server keeps in memory from one till's command to the next.

const COUNTED = `SELECT substr(resolved_at, 1, 7) AS month, IFNULL(branch, '') AS branch, IFNULL(till, '') AS till,
    customer IS NOT NULL OR contact IS NOT NULL AS someone_to_call, COUNT(*) AS waiting
  FROM complaints WHERE status = 'resolved' AND resolved_at IS NOT NULL GROUP BY 1, 2, 3, 4`;

const COLUMNS = 'month, branch, till, someone_to_call, waiting';

/**
 * Counts every month's follow-ups waiting again from the complaints, as the triggers keep them:
 * after an import that set the triggers aside, or for `check --recount`.
 */
export function recountFollowUpsWaiting(db: Db): void {
  db.exec(`DELETE FROM monthly_follow_ups; INSERT INTO monthly_follow_ups (${COLUMNS}) ${COUNTED}`);
}

const KEPT = `SELECT ${COLUMNS} FROM monthly_follow_ups`;

/** The months whose kept count of follow-ups waiting is not what their complaints add up to, in order; rows of zero are as good as none. */
export function miscountedFollowUps(db: Db): string[] {
  return db
    .prepare(
      `SELECT month FROM (${KEPT} WHERE waiting <> 0 EXCEPT ${COUNTED}) UNION SELECT month FROM (${COUNTED} EXCEPT ${KEPT}) ORDER BY month`,
    )
    .pluck()
    .all() as string[];
}

/**
 * The follow-ups waiting, with someone to call and without, of the complaints resolved in the
 * months before `month` ('2026-11') at the places `within` asks for (conditionsOf), as kept.
 */
export function keptWaitingBefore(
  db: Db,
  month: string,
  within: { conditions: readonly string[]; params: Record<string, unknown> },
): { toCall: number; noContact: number } {
  const { conditions, params } = within;
  const [toCall, noContact] = db
    .prepare(
      `SELECT COALESCE(SUM(waiting) FILTER (WHERE someone_to_call), 0), COALESCE(SUM(waiting) FILTER (WHERE NOT someone_to_call), 0)
         FROM monthly_follow_ups WHERE ${['month < @month', ...conditions].join(' AND ')}`,
    )
    .raw()
    .get({ ...params, month }) as [number, number];
  return { toCall, noContact };
}
