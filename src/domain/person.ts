/** The personal details that say who complained and how to reach them. */
export const PERSONAL_FIELDS = ['customer', 'contact'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/**
 * The form two spellings of one person share: tidied and compared without case (in any script:
 * "ZOË" is "zoë"); for a contact, also without the spaces, dashes and brackets people put into
 * phone numbers. The store keeps it beside each name and contact, to find a person by it.
 */
export function personKey(text: string, field: PersonalField): string {
  // toLowerCase() is Unicode's default mapping, the root locale's: the same for every code point
  // as toLocaleLowerCase('und'), and a tenth of its cost, which an import pays twice a row.
  const folded = text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return field === 'contact' ? folded.replace(/[\s()-]/g, '') : folded;
}

/** The key of a name or contact as the store keeps it beside the value: none for none. */
export function personKeyOf(text: string | null, field: PersonalField): string | null {
  return text === null ? null : personKey(text, field);
}
