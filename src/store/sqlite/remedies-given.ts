import type { Db } from './open.js';

// Each complaint keeps its remedies as export writes them (remedies_given, migrations/sqlite/0019),
// by triggers as remedies are given, undone or changed, and by a bulk import, which sets them
// aside. Kept, they can drift only when the logbook is written around the program: `check` finds
// that, and `check --recount` writes them again, as the migration first did.

/** The remedies of the complaint `complaints.id` as export writes them, from their table. */
const GIVEN = `(SELECT group_concat(given, '; ') FROM (SELECT given FROM remedy_given WHERE complaint_id = complaints.id ORDER BY given_at, id))`;

/** The complaints whose kept remedies are not those their table holds, in order of id. */
export function unmatchedRemediesGiven(db: Db): number[] {
  return db.prepare(`SELECT id FROM complaints WHERE remedies_given IS NOT ${GIVEN} ORDER BY id`).pluck().all() as number[];
}

/** Writes again the kept remedies of every complaint whose are not those its table holds. */
export function rewriteRemediesGiven(db: Db): void {
  db.exec(`UPDATE complaints SET remedies_given = ${GIVEN} WHERE remedies_given IS NOT ${GIVEN}`);
}
