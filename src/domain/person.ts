import { spellingKey } from './spelling.js';

/** The personal details that say who complained and how to reach them. */
export const PERSONAL_FIELDS = ['customer', 'contact'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/**
 * The form two spellings of one person share: the name's spellingKey ("ZOË" is "zoë"); for a
 * contact, also without the spaces, dashes and brackets people put into phone numbers, and a
 * Chinese number without its country's code. The store keeps it beside each name and contact,
 * to find a person by it.
 */
export function personKey(text: string, field: PersonalField): string {
  const folded = spellingKey(text);
  return field === 'contact' ? withinChina(folded.replace(/[\s()-]/g, '')) : folded;
}

// A number in China is written with the country's code or without: +86 138 0013 8000 and
// 138 0013 8000 are one mobile (eleven digits from 1), +86 10 6552 9988 and 010 6552 9988 one
// landline, whose area code takes back the 0 the country's code drops. migrations/postgres/0009 states the same rule in SQL.
const CHINA_CODE = /^(?:\+|00)86(\d{7,12})$/;

function withinChina(contact: string): string {
  const national = CHINA_CODE.exec(contact)?.[1];
  if (national === undefined) return contact;
  return /^(?:1\d{10}|0\d*)$/.test(national) ? national : `0${national}`;
}

/** The key of a name or contact as the store keeps it beside the value: none for none. */
export function personKeyOf(text: string | null, field: PersonalField): string | null {
  return text === null ? null : personKey(text, field);
}
