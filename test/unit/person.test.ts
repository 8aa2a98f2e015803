import { describe, expect, it } from 'vitest';
import { personKey } from '../../src/domain/person.js';

describe('personKey', () => {
  it.each([
    ['Ann Lee', 'ann lee'],
    ['  Ann   Lee ', 'ANN LEE'],
    ['Zoë Brontë', 'ZOË BRONTË'],
    // The same letters composed and decomposed.
    ['Zo\u00eb', 'Zoe\u0308'],
  ])('takes %j and %j as one name', (stored, wanted) => {
    expect(personKey(stored, 'customer')).toBe(personKey(wanted, 'customer'));
  });

  it.each([
    ['Ann Lee', 'Ann Leigh'],
    ['Ann Lee', 'AnnLee'],
    ['Ann Lee', 'Ann'],
  ])('tells %j and %j apart', (stored, wanted) => {
    expect(personKey(stored, 'customer')).not.toBe(personKey(wanted, 'customer'));
  });

  it('ignores the spaces, dashes and brackets in a phone number, and capitals in an email', () => {
    expect(personKey('(0712) 345-678', 'contact')).toBe(personKey('0712345678', 'contact'));
    expect(personKey('Ann.Lee@Example.org', 'contact')).toBe(personKey('ann.lee@example.org', 'contact'));
    expect(personKey('ann.lee@example.org', 'contact')).not.toBe(personKey('annlee@example.org', 'contact'));
  });
});

