import { SPELT_FIELDS, matchSpellings, type ComplaintFilter, type NamedNothing, type SpeltField, type TypedFilter } from '../domain/filter.js';
import { spellingKey } from '../domain/spelling.js';
import type { Logbook, Places } from './logbook.js';
import { TILL_BRANCH_MARK } from '../domain/config.js';

/** The filter as the logbook spells what it names (matchSpellings), the spellings of each field given read from it. */
export async function filterAsSpelt(logbook: Logbook, given: TypedFilter, namedNothing?: NamedNothing): Promise<ComplaintFilter> {
  const inUse = new Map<SpeltField, readonly string[]>();
  const spellings = async (field: SpeltField) => {
    if (!inUse.has(field)) inUse.set(field, await logbook.spellingsInUse(field));
    return inUse.get(field)!;
  };
  const typed = given.till === undefined ? given : tillOfBranch(given, await spellings('till'));
  for (const field of SPELT_FIELDS) if (typed[field] !== undefined) await spellings(field);
  return matchSpellings(typed, (field) => inUse.get(field) ?? [], namedNothing);
}

/**
 * A till named as `report --by till` names a till of a branch (前台 · 南门店), read back as that
 * till of that branch, unless a till is called so or a branch is given as well.
 */
function tillOfBranch(typed: TypedFilter, tills: readonly string[]): TypedFilter {
  const named = TILL_OF_BRANCH_NAMED.exec(typed.till!);
  if (named === null || typed.branch !== undefined || tills.some((till) => spellingKey(till) === spellingKey(typed.till!))) return typed;
  return { ...typed, till: named[1]!, branch: named[2]! };
}

const TILL_OF_BRANCH_NAMED = new RegExp(`^(.*\\S)\\s*${TILL_BRANCH_MARK}\\s*(\\S.*)$`, 'u');

/** A till and a branch as typed, as the logbook spells them (`Places`); neither given, every complaint. */
export async function placesAsSpelt(logbook: Logbook, typed: { till?: string; branch?: string }, namedNothing?: NamedNothing): Promise<Places> {
  const { till, branch } = await filterAsSpelt(logbook, { ...typed, order: 'by id' }, namedNothing);
  return { till, branch };
}
