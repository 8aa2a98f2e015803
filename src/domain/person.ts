/** The personal details that say who complained and how to reach them. */
export const PERSONAL_FIELDS = ['customer', 'contact'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/**
 * The form two spellings of one person's name share, a customer's or a member of staff's: tidied
 * and compared without case in any script ("ZOË" is "zoë"), and with accents typed as one
 * character or as a letter and a combining mark alike.
 */
export function nameKey(text: string): string {
  // toLowerCase() is Unicode's default mapping, the root locale's: the same for every code point
  // as toLocaleLowerCase('und'), and a tenth of its cost, which an import pays twice a row.
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The form two spellings of one person share: the name's key; for a contact, also without the
 * spaces, dashes and brackets people put into phone numbers. The store keeps it beside each name
 * and contact, to find a person by it.
 */
export function personKey(text: string, field: PersonalField): string {
  const folded = nameKey(text);
  return field === 'contact' ? folded.replace(/[\s()-]/g, '') : folded;
}

/** The key of a name or contact as the store keeps it beside the value: none for none. */
export function personKeyOf(text: string | null, field: PersonalField): string | null {
  return text === null ? null : personKey(text, field);
}
