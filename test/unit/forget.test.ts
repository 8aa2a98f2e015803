import { describe, expect, it } from 'vitest';
import { forgottenChanges, withoutPersonalDetails } from '../../src/domain/forget.js';

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
