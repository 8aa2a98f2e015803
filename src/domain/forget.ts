/** The personal details `forget` erases: who complained and how to reach them. */
export const PERSONAL_FIELDS = ['customer', 'contact'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** Whether a person is named by their name or by their phone or email. */
export type ForgetBy = PersonalField;

/**
 * The form two spellings of one person share: tidied and compared without case; for a contact,
 * also without the spaces, dashes and brackets people put into phone numbers.
 */
export function personKey(text: string, by: ForgetBy): string {
  const folded = text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('und');
  return by === 'contact' ? folded.replace(/[\s()-]/g, '') : folded;
}

/** Whether a stored name (or contact) is the person asked for. */
export function isSamePerson(stored: string | null, wanted: string, by: ForgetBy): boolean {
  return stored !== null && personKey(stored, by) === personKey(wanted, by);
}

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
