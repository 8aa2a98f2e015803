import type { Complaint } from '../../src/domain/complaint.js';
import { nothingGiven } from '../../src/domain/fields.js';

/**
 * A complaint as a test needs it: #7, logged as it happened on 2026-11-20 at 12:00 UTC, new, with
 * `fields` over it and nothing else given. Built from the field registry, so a new field needs no
 * change here.
 */
export function complaintWith(fields: Partial<Complaint> = {}): Complaint {
  return {
    ...nothingGiven(),
    id: 7,
    logged_at: '2026-11-20T12:00:00.000Z',
    occurred_at: '2026-11-20T12:00:00.000Z',
    status: 'new',
    description: 'soup was cold',
    uid: '0f6a3c7e-2b1d-4e8f-9a0b-5c4d3e2f1a0b',
    ...fields,
  };
}
