import type { Complaint } from '../../src/domain/complaint.js';
import { openDatabase } from '../../src/store/sqlite/open.js';
import { personKeys } from '../../src/store/stored-complaint.js';

/** Writes complaints straight into a new logbook, with their person keys and remedies, as the store writes every complaint. */
export function writeLogbook(file: string, logbook: readonly Complaint[]): void {
  const db = openDatabase(file);
  try {
    for (const { remedies, ...complaint } of logbook) {
      const columns = Object.keys(complaint);
      db.prepare(
        `INSERT INTO complaints (${columns.join(', ')}, customer_key, contact_key)
         VALUES (${columns.map((c) => '@' + c).join(', ')}, @customer_key, @contact_key)`,
      ).run({ ...complaint, ...personKeys(complaint) });
      for (const remedy of remedies) {
        db.prepare(`INSERT INTO remedies (complaint_id, given_at, remedy, cost_minor) VALUES (@id, @given_at, @remedy, @cost_minor)`).run({
          id: complaint.id,
          ...remedy,
        });
      }
    }
  } finally {
    db.close();
  }
}
