import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint.js';
import { FIELDS, nothingGiven, type FieldName } from '../../src/domain/fields.js';
import { RECORD_COLUMNS } from '../../src/domain/record.js';

// PRODUCT.md, "export columns (in this order, more may follow)".
const CONTRACT_COLUMNS = [
  'id', 'logged_at', 'occurred_at', 'status', 'channel', 'customer', 'contact', 'about', 'description', 'wants',
  'suggestion', 'category', 'cause', 'severity', 'assignee', 'respond_by', 'resolved_at', 'remedy', 'cost',
  'root_cause', 'action', 'followed_up_at', 'satisfaction',
];

describe('the field registry', () => {
  it('defines every property of a complaint, and nothing else', () => {
    expectTypeOf<FieldName>().toEqualTypeOf<keyof Complaint>();
    expect(new Set(FIELDS.map((field) => field.name)).size).toBe(FIELDS.length);
  });

  it("gives the contract's columns first, in the contract's order, each once", () => {
    expect(RECORD_COLUMNS.slice(0, CONTRACT_COLUMNS.length)).toEqual(CONTRACT_COLUMNS);
    expect(new Set(RECORD_COLUMNS).size).toBe(RECORD_COLUMNS.length);
  });

  it('shows each field at a place of its own', () => {
    const places = FIELDS.flatMap((field) => (field.shown === null ? [] : [field.shown.at]));
    expect(new Set(places).size).toBe(places.length);
  });

  it('gives nothing for every field when nothing was given, and no remedies', () => {
    expect(Object.entries(nothingGiven()).filter(([, value]) => value !== null)).toEqual([['remedies', []]]);
  });
});
