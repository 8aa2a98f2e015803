import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint.js';
import { IMPORTED_COLUMNS, appendImported, importedIdentities, noImportedRows } from '../../src/domain/imported-rows.js';
import { personKey } from '../../src/domain/person.js';

/** A complaint whose every text column holds its own name, so a value out of place shows which. */
function named(id: number): Complaint {
  const columns = IMPORTED_COLUMNS.filter((column) => column !== 'customer_key' && column !== 'contact_key');
  const complaint = Object.fromEntries(columns.map((column) => [column, column])) as unknown as Complaint;
  return { ...complaint, id, customer: 'Zoë  Brontë', contact: '(0712) 345-678', cost_minor: 450, satisfaction: 4, remedies: [] };
}

describe('appendImported', () => {
  it('lays each complaint out in the order of IMPORTED_COLUMNS, with the keys of its customer and contact', () => {
    const rows = noImportedRows();
    appendImported(rows, named(7));
    appendImported(rows, { ...named(9), customer: null, contact: null, uid: 'another' });
    expect(rows.count).toBe(2);
    const first = Object.fromEntries(IMPORTED_COLUMNS.map((column, index) => [column, rows.values[index]]));
    expect(first).toEqual({
      ...Object.fromEntries(IMPORTED_COLUMNS.map((column) => [column, column])),
      id: 7,
      customer: 'Zoë  Brontë',
      contact: '(0712) 345-678',
      cost_minor: 450,
      satisfaction: 4,
      customer_key: personKey('Zoë  Brontë', 'customer'),
      contact_key: personKey('(0712) 345-678', 'contact'),
    });
    const second = rows.values.slice(IMPORTED_COLUMNS.length);
    expect(second[IMPORTED_COLUMNS.indexOf('customer_key')]).toBeNull();
    expect(second[IMPORTED_COLUMNS.indexOf('contact_key')]).toBeNull();
    expect(importedIdentities(rows)).toEqual([
      { id: 7, uid: 'uid', logged_at: 'logged_at', occurred_at: 'occurred_at', description: 'description' },
      { id: 9, uid: 'another', logged_at: 'logged_at', occurred_at: 'occurred_at', description: 'description' },
    ]);
  });

  it("lists each row's remedies after the index of its row in the batch", () => {
    const rows = noImportedRows();
    appendImported(rows, named(7));
    appendImported(rows, {
      ...named(9),
      remedies: [
        { given_at: '2026-11-20T13:00:00.000Z', remedy: 'apology', cost_minor: null },
        { given_at: '2026-11-21T13:00:00.000Z', remedy: 'refund', cost_minor: 450 },
      ],
    });
    expect(rows.remedies).toEqual([1, '2026-11-20T13:00:00.000Z', 'apology', null, 1, '2026-11-21T13:00:00.000Z', 'refund', 450]);
  });
});
