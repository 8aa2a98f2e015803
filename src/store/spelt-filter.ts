import { SPELT_FIELDS, matchSpellings, type ComplaintFilter, type NamedNothing, type SpeltField, type TypedFilter } from '../domain/filter.js';
import type { Logbook, Places } from './logbook.js';

/** The filter as the logbook spells what it names (matchSpellings), the spellings of each field given read from it. */
export async function filterAsSpelt(logbook: Logbook, typed: TypedFilter, namedNothing?: NamedNothing): Promise<ComplaintFilter> {
  const inUse = new Map<SpeltField, readonly string[]>();
  for (const field of SPELT_FIELDS) if (typed[field] !== undefined) inUse.set(field, await logbook.spellingsInUse(field));
  return matchSpellings(typed, (field) => inUse.get(field) ?? [], namedNothing);
}

/** A till and a branch as typed, as the logbook spells them (`Places`); neither given, every complaint. */
export async function placesAsSpelt(logbook: Logbook, typed: { till?: string; branch?: string }, namedNothing?: NamedNothing): Promise<Places> {
  const { till, branch } = await filterAsSpelt(logbook, { ...typed, order: 'by id' }, namedNothing);
  return { till, branch };
}
