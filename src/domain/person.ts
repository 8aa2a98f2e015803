import { spellingKey } from './spelling.js';

/** The personal details that say who complained and how to reach them. */
export const PERSONAL_FIELDS = ['customer', 'contact'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/**
 * The form two spellings of one person share: the name's spellingKey ("ZOË" is "zoë"); for a
 * contact, also without the spaces, dashes and brackets people put into phone numbers. The store
 * keeps it beside each name and contact, to find a person by it.
 */
export function personKey(text: string, field: PersonalField): string {
  const folded = spellingKey(text);
  return field === 'contact' ? folded.replace(/[\s()-]/g, '') : folded;
}

/** The key of a name or contact as the store keeps it beside the value: none for none. */
export function personKeyOf(text: string | null, field: PersonalField): string | null {
  return text === null ? null : personKey(text, field);
}
