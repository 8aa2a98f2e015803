import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/domain/complaint.js';
import { FIELDS } from '../../src/domain/fields.js';
import { recordMaker, toRecord, toTimelineRecord } from '../../src/domain/record.js';
import { complaintWith } from '../support/complaints.js';

// PRODUCT.md, "export columns (in this order, more may follow)".
const CONTRACT_COLUMNS = [
  'id', 'logged_at', 'occurred_at', 'status', 'channel', 'customer', 'contact', 'about', 'description', 'wants',
  'suggestion', 'category', 'cause', 'severity', 'assignee', 'respond_by', 'resolved_at', 'remedy', 'cost',
  'root_cause', 'action', 'followed_up_at', 'satisfaction',
];

// Every field set, and each to a value of its own, so a column filled from the wrong field shows.
const closed = complaintWith({
  id: 12,
  logged_at: '2026-11-20T12:05:00.000Z',
  occurred_at: '2026-11-20T12:00:00.000Z',
  status: 'closed',
  channel: 'phone',
  customer: 'Ann Lee',
  contact: 'ann@example.com',
  about: 'soup',
  description: 'soup was cold',
  wants: 'refund',
  suggestion: 'heat the bowls',
  staff: 'Kim',
  category: 'product',
  cause: 'cold food',
  severity: 'high',
  reject_reason: 'none given',
  assignee: 'Sam',
  respond_by: '2026-11-21T12:00:00.000Z',
  resolved_at: '2026-11-21T09:30:00.000Z',
  remedy: 'replacement',
  cost_minor: 1250,
  root_cause: 'soup left out',
  action: 'lids on pots',
  followed_up_at: '2026-11-24T10:00:00.000Z',
  satisfaction: 4,
  earlier_satisfaction: '2; 3',
  remedies: [
    { given_at: '2026-11-20T12:30:00.000Z', remedy: 'apology', cost_minor: null },
    { given_at: '2026-11-21T09:30:00.000Z', remedy: 'replacement', cost_minor: 1250 },
  ],
  uid: '0f6a3c7e-2b1d-4e8f-9a0b-5c4d3e2f1a0b',
  till: '前台',
  branch: '高街店',
});

describe('toRecord', () => {
  it("puts the contract's columns first, in the contract's order", () => {
    expect(Object.keys(toRecord(closed)).slice(0, CONTRACT_COLUMNS.length)).toEqual(CONTRACT_COLUMNS);
  });

  it('carries every field under its column name, with the cost in currency units', () => {
    expect(toRecord(closed)).toEqual({
      id: 12,
      logged_at: '2026-11-20T12:05:00.000Z',
      occurred_at: '2026-11-20T12:00:00.000Z',
      status: 'closed',
      channel: 'phone',
      customer: 'Ann Lee',
      contact: 'ann@example.com',
      about: 'soup',
      description: 'soup was cold',
      wants: 'refund',
      suggestion: 'heat the bowls',
      category: 'product',
      cause: 'cold food',
      severity: 'high',
      assignee: 'Sam',
      respond_by: '2026-11-21T12:00:00.000Z',
      resolved_at: '2026-11-21T09:30:00.000Z',
      remedy: 'replacement',
      cost: 12.5,
      root_cause: 'soup left out',
      action: 'lids on pots',
      followed_up_at: '2026-11-24T10:00:00.000Z',
      satisfaction: 4,
      staff: 'Kim',
      reject_reason: 'none given',
      remedies: [
        { given_at: '2026-11-20T12:30:00.000Z', remedy: 'apology', cost: null },
        { given_at: '2026-11-21T09:30:00.000Z', remedy: 'replacement', cost: 12.5 },
      ],
      uid: '0f6a3c7e-2b1d-4e8f-9a0b-5c4d3e2f1a0b',
      till: '前台',
      branch: '高街店',
      nature: null,
      answer: null,
      proposed_remedy: null,
      proposed_cost: null,
      missed_respond_by: null,
      action_at: null,
      earlier_satisfaction: [2, 3],
    });
  });

  it.each([
    [5, 0.05],
    [0, 0],
    [100, 1],
    [123456789, 1234567.89],
  ])('shows a cost of %i minor units as %d', (costMinor, cost) => {
    expect(toRecord({ ...closed, cost_minor: costMinor }).cost).toBe(cost);
  });

  it('shows no cost as null, not zero', () => {
    expect(toRecord({ ...closed, cost_minor: null }).cost).toBeNull();
  });
});

describe('recordMaker', () => {
  // A logbook's bare rows: its columns in its own order (not FIELDS'), with more than the fields, the remedies as JSON text.
  const columns = ['customer_key', ...FIELDS.map((field) => field.name).reverse()];
  const rowOf = (complaint: typeof closed) =>
    columns.map((column) => (column === 'remedies' ? JSON.stringify(complaint.remedies) : column === 'customer_key' ? 'ann lee' : complaint[column as keyof typeof closed]));

  it('makes of a bare row the record toRecord makes of the complaint, its keys in the same order', () => {
    const make = recordMaker(columns);
    for (const complaint of [closed, { ...closed, cost_minor: null, remedy: null, remedies: [], satisfaction: null }]) {
      expect(JSON.stringify(make(rowOf(complaint)))).toBe(JSON.stringify(toRecord(complaint)));
    }
  });

  it('refuses rows without a column of a field', () => {
    expect(() => recordMaker(columns.filter((column) => column !== 'cause'))).toThrow('the rows have no column for cause');
  });
});

describe('toTimelineRecord', () => {
  const event = (changes: Record<string, unknown>, undone = false): TimelineEntry => ({
    complaint_id: 12,
    at: '2026-11-21T09:30:00.000Z',
    recorded_at: '2026-11-21T09:35:00.000Z',
    action: 'resolved',
    changes,
    undone,
  });

  it('keeps when it happened, when it was entered, what was done and whether it was undone, without the complaint id', () => {
    expect(toTimelineRecord(event({ note: 'called back' }))).toEqual({
      at: '2026-11-21T09:30:00.000Z',
      recorded_at: '2026-11-21T09:35:00.000Z',
      action: 'resolved',
      changes: { note: 'called back' },
      undone: false,
    });
    expect(toTimelineRecord(event({ note: 'called back' }, true)).undone).toBe(true);
  });

  it('shows a changed cost in currency units under the record name', () => {
    expect(toTimelineRecord(event({ status: 'resolved', remedy: 'refund', cost_minor: 450 })).changes).toEqual({
      status: 'resolved',
      remedy: 'refund',
      cost: 4.5,
    });
  });

  it('shows a cleared cost as null', () => {
    expect(toTimelineRecord(event({ cost_minor: null })).changes).toEqual({ cost: null });
  });
});
