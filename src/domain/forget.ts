import { PERSONAL_FIELDS, type PersonalField } from './person.js';

/** Whether a person is named by their name or by their phone or email. */
export type ForgetBy = PersonalField;

/**
 * A timeline event's recorded changes with every personal detail taken out, at any depth (an
 * imported record may nest them), and which details were there.
 */
export function withoutPersonalDetails(changes: Record<string, unknown>): { changes: Record<string, unknown>; erased: PersonalField[] } {
  const erased = new Set<PersonalField>();
  const scrub = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(scrub);
    if (value === null || typeof value !== 'object') return value;
    const kept: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if ((PERSONAL_FIELDS as readonly string[]).includes(key)) erased.add(key as PersonalField);
      else kept[key] = scrub(inner);
    }
    return kept;
  };
  const scrubbed = scrub(changes) as Record<string, unknown>;
  return { changes: scrubbed, erased: PERSONAL_FIELDS.filter((field) => erased.has(field)) };
}

/** What the 'forgotten' event records: each erased field as cleared, never what it held. */
export function forgottenChanges(erased: ReadonlySet<PersonalField>): Record<string, null> {
  return Object.fromEntries(PERSONAL_FIELDS.filter((field) => erased.has(field)).map((field) => [field, null]));
}

/** What erasing these people's complaints takes away: the complaints, and the distinct names and contacts they give. */
export function erasureOf(people: ReadonlyArray<{ id: number } & Record<PersonalField, string | null>>): { ids: number[]; values: string[] } {
  const values = new Set(people.flatMap((person) => PERSONAL_FIELDS.map((field) => person[field]).filter((value) => value !== null)));
  return { ids: people.map((person) => person.id), values: [...values] };
}
