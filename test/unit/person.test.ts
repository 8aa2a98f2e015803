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

  it.each([
    ['+86 138 0013 8000', '13800138000'],
    ['0086-138-0013-8000', '138 0013 8000'],
    ['＋８６ １３８００１３８０００', '13800138000'],
    ['+86 10 6552 9988', '010 6552 9988'],
    ['+86 (0)10 6552 9988', '010-65529988'],
  ])('takes the Chinese number %j and %j as one contact, with the country code or without', (stored, wanted) => {
    expect(personKey(stored, 'contact')).toBe(personKey(wanted, 'contact'));
  });

  it('keeps the numbers of other countries with their codes, and a number that merely begins with 86', () => {
    expect(personKey('+44 7700 900123', 'contact')).toBe('+447700900123');
    expect(personKey('8613800138000', 'contact')).toBe('8613800138000');
    expect(personKey('+86', 'contact')).toBe('+86');
  });
});

