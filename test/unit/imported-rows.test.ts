import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint.js';
import { IMPORTED_COLUMNS, appendImported, importedIds, type ImportedRows } from '../../src/domain/imported-rows.js';
import { personKey } from '../../src/domain/person.js';

/** A complaint whose every text column holds its own name, so a value out of place shows which. */
function named(id: number): Complaint {
  const columns = IMPORTED_COLUMNS.filter((column) => column !== 'customer_key' && column !== 'contact_key');
  const complaint = Object.fromEntries(columns.map((column) => [column, column])) as unknown as Complaint;
  return { ...complaint, id, customer: 'Zoë  Brontë', contact: '(0712) 345-678', cost_minor: 450, satisfaction: 4 };
}

describe('appendImported', () => {
  it('lays each complaint out in the order of IMPORTED_COLUMNS, with the keys of its customer and contact', () => {
    const rows: ImportedRows = { values: [], count: 0 };
    appendImported(rows, named(7));
    appendImported(rows, { ...named(9), customer: null, contact: null });
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
    expect(importedIds(rows)).toEqual([7, 9]);
  });
});
