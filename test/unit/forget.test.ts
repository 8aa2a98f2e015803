import { describe, expect, it } from 'vitest';
import { forgottenChanges, isSamePerson, withoutPersonalDetails } from '../../src/domain/forget.js';

describe('isSamePerson', () => {
  it.each([
    ['Ann Lee', 'ann lee'],
    ['  Ann   Lee ', 'ANN LEE'],
    ['Zoë Brontë', 'ZOË BRONTË'],
    // The same letters composed and decomposed.
    ['Zo\u00eb', 'Zoe\u0308'],
  ])('takes %j and %j as one name', (stored, wanted) => {
    expect(isSamePerson(stored, wanted, 'customer')).toBe(true);
  });

  it.each([
    ['Ann Lee', 'Ann Leigh'],
    ['Ann Lee', 'AnnLee'],
    ['Ann Lee', 'Ann'],
  ])('tells %j and %j apart', (stored, wanted) => {
    expect(isSamePerson(stored, wanted, 'customer')).toBe(false);
  });

  it('ignores the spaces, dashes and brackets in a phone number, and capitals in an email', () => {
    expect(isSamePerson('(0712) 345-678', '0712345678', 'contact')).toBe(true);
    expect(isSamePerson('Ann.Lee@Example.org', 'ann.lee@example.org', 'contact')).toBe(true);
    expect(isSamePerson('ann.lee@example.org', 'annlee@example.org', 'contact')).toBe(false);
  });

  it('never matches a complaint that has no name', () => {
    expect(isSamePerson(null, 'Ann Lee', 'customer')).toBe(false);
  });
});

describe('withoutPersonalDetails', () => {
  it('takes out the customer and contact and keeps everything else', () => {
    expect(withoutPersonalDetails({ description: 'soup was cold', customer: 'Ann', contact: '0712', wants: 'refund' })).toEqual({
      changes: { description: 'soup was cold', wants: 'refund' },
      erased: ['customer', 'contact'],
    });
  });

  it('reaches details nested in objects and arrays', () => {
    expect(withoutPersonalDetails({ source: 'old.csv', record: { customer: 'Ann', rows: [{ contact: '0712', id: 3 }] } })).toEqual({
      changes: { source: 'old.csv', record: { rows: [{ id: 3 }] } },
      erased: ['customer', 'contact'],
    });
  });

  it('says nothing was erased from an event without personal details', () => {
    expect(withoutPersonalDetails({ note: 'called back' })).toEqual({ changes: { note: 'called back' }, erased: [] });
  });
});

describe('forgottenChanges', () => {
  it('names each erased field as cleared, in a fixed order, without its old value', () => {
    expect(forgottenChanges(new Set(['contact', 'customer'] as const))).toEqual({ customer: null, contact: null });
    expect(Object.keys(forgottenChanges(new Set(['contact', 'customer'] as const)))).toEqual(['customer', 'contact']);
    expect(forgottenChanges(new Set(['customer'] as const))).toEqual({ customer: null });
  });
});
