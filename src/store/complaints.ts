import type { Complaint, ComplaintChanges, NewComplaint, Step } from '../domain/complaint.js';
import type { ComplaintFilter } from '../domain/filter.js';
import type { Waiting } from '../domain/complaint.js';
import { Refusal } from '../errors.js';
import { appendEvent } from './events.js';
import type { Db } from './open.js';

// The columns a step may write; keys of a change are checked against it before they reach SQL.
const WRITABLE = new Set<string>([
  'occurred_at', 'status', 'channel', 'customer', 'contact', 'about', 'description', 'wants', 'suggestion',
  'staff', 'category', 'cause', 'severity', 'reject_reason', 'assignee', 'respond_by', 'resolved_at',
  'remedy', 'cost_minor', 'root_cause', 'action', 'followed_up_at', 'satisfaction',
]);

export function insertComplaint(db: Db, complaint: NewComplaint): number {
  const columns = Object.keys(complaint).filter((c) => c === 'logged_at' || WRITABLE.has(c));
  const result = db
    .prepare(`INSERT INTO complaints (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`)
    .run(complaint);
  return Number(result.lastInsertRowid);
}

export function findComplaint(db: Db, id: number): Complaint | undefined {
  return db.prepare(`SELECT * FROM complaints WHERE id = ?`).get(id) as Complaint | undefined;
}

export function findOrRefuse(db: Db, id: number): Complaint {
  const complaint = findComplaint(db, id);
  if (!complaint) throw notFound(id);
  return complaint;
}

export function updateComplaint(db: Db, id: number, changes: ComplaintChanges): void {
  const columns = Object.keys(changes).filter((c) => WRITABLE.has(c));
  if (columns.length === 0) return;
  db.prepare(`UPDATE complaints SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({
    ...changes,
    id,
  });
}

/** Complaints matching every given filter. */
export function listComplaints(db: Db, filter: ComplaintFilter): Complaint[] {
  return [...iterateComplaints(db, filter)];
}

/** The same as listComplaints, one complaint at a time. */
export function iterateComplaints(db: Db, filter: ComplaintFilter): IterableIterator<Complaint> {
  const { statement, params } = selectComplaints(db, filter);
  return statement.iterate(params) as IterableIterator<Complaint>;
}

/**
 * The same as listComplaints as bare rows of values, one at a time, in the order `columns` names
 * them: an export of any size uses little memory, and is spared building an object per row.
 */
export function iterateComplaintRows(db: Db, filter: ComplaintFilter): { columns: (keyof Complaint)[]; rows: IterableIterator<unknown[]> } {
  const { statement, params } = selectComplaints(db, filter);
  const raw = statement.raw();
  return { columns: raw.columns().map((column) => column.name as keyof Complaint), rows: raw.iterate(params) as IterableIterator<unknown[]> };
}

function selectComplaints(db: Db, filter: ComplaintFilter) {
  const { where, params } = matching(filter);
  const order = filter.order === 'by id' ? 'id' : 'occurred_at DESC, id DESC';
  return { statement: db.prepare(`SELECT * FROM complaints ${where} ORDER BY ${order} ${limitOf(filter)}`), params };
}

/** How many complaints match, without reading them: a progress bar's total. */
export function countComplaints(db: Db, filter: ComplaintFilter): number {
  const { where, params } = matching(filter);
  return db.prepare(`SELECT COUNT(*) FROM (SELECT id FROM complaints ${where} ${limitOf(filter)})`).pluck().get(params) as number;
}

function limitOf(filter: ComplaintFilter): string {
  return filter.limit !== undefined ? `LIMIT ${Math.trunc(filter.limit)}` : '';
}

/** The WHERE clause and its parameters for a filter: every given field must hold. */
function matching(filter: ComplaintFilter): { where: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.statuses && filter.statuses.length > 0) {
    where.push(`status IN (${filter.statuses.map((_, i) => `@status${i}`).join(', ')})`);
    filter.statuses.forEach((s, i) => (params[`status${i}`] = s));
  }
  if (filter.cause !== undefined) {
    where.push(`cause = @cause COLLATE NOCASE`);
    params.cause = filter.cause;
  }
  if (filter.category !== undefined) {
    where.push(`category = @category COLLATE NOCASE`);
    params.category = filter.category;
  }
  if (filter.assignee !== undefined) {
    where.push(`assignee = @assignee COLLATE NOCASE`);
    params.assignee = filter.assignee;
  }
  if (filter.since !== undefined) {
    where.push(`occurred_at >= @since`);
    params.since = filter.since;
  }
  if (filter.until !== undefined) {
    where.push(`occurred_at < @until`);
    params.until = filter.until;
  }
  if (filter.overdueAt !== undefined) {
    where.push(`status IN ('new', 'triaged', 'assigned') AND respond_by < @overdueAt`);
    params.overdueAt = filter.overdueAt;
  }
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Earlier complaints by the same customer (same name, or same contact), oldest first. */
export function earlierByCustomer(
  db: Db,
  customer: string | null,
  contact: string | null,
  beforeId: number,
): Array<Pick<Complaint, 'id' | 'occurred_at'>> {
  if (customer === null && contact === null) return [];
  return db
    .prepare(
      `SELECT id, occurred_at FROM complaints
        WHERE id < @beforeId
          AND ((@customer IS NOT NULL AND customer = @customer COLLATE NOCASE)
            OR (@contact IS NOT NULL AND contact = @contact COLLATE NOCASE))
        ORDER BY id`,
    )
    .all({ beforeId, customer, contact }) as Array<Pick<Complaint, 'id' | 'occurred_at'>>;
}

/** Every cause in use, in order of first use, so the first spelling of each wins. */
export function causesInUse(db: Db): string[] {
  return db
    .prepare(`SELECT cause FROM complaints WHERE cause IS NOT NULL GROUP BY cause ORDER BY MIN(id)`)
    .pluck()
    .all() as string[];
}

/** Earlier answers for a free-text field, most used first, to suggest at the till. */
export function usedValues(db: Db, column: 'about' | 'cause' | 'assignee' | 'staff', limit = 50): string[] {
  return db
    .prepare(`SELECT ${column} FROM complaints WHERE ${column} IS NOT NULL GROUP BY ${column} ORDER BY COUNT(*) DESC, ${column} LIMIT ?`)
    .pluck()
    .all(limit) as string[];
}

/** What needs someone today: new complaints, overdue ones, and follow-ups whose day has come. */
export function desk(db: Db, now: string, followUpDueBefore: string): Waiting {
  return {
    toTriage: db.prepare(`SELECT * FROM complaints WHERE status = 'new' ORDER BY occurred_at, id`).all() as Complaint[],
    overdue: db
      .prepare(`SELECT * FROM complaints WHERE status IN ('new', 'triaged', 'assigned') AND respond_by < ? ORDER BY respond_by, id`)
      .all(now) as Complaint[],
    followUpsDue: followUpsDue(db, followUpDueBefore),
  };
}

/** Resolved complaints not yet followed up, resolved before the given moment. */
export function followUpsDue(db: Db, resolvedBefore: string): Complaint[] {
  return db
    .prepare(`SELECT * FROM complaints WHERE status = 'resolved' AND resolved_at < ? ORDER BY resolved_at, id`)
    .all(resolvedBefore) as Complaint[];
}

export function notFound(id: number): Refusal {
  return new Refusal(`there is no complaint #${id}; 'complaints list' shows them`);
}

/**
 * Changes one complaint and appends its timeline event in one write transaction. `decide` sees
 * the complaint as it stands inside the transaction, so two tills cannot both act on a stale
 * copy; whatever it throws leaves the logbook untouched.
 */
export function changeComplaint(db: Db, id: number, recordedAt: string, decide: (current: Complaint) => Step): Complaint {
  return db
    .transaction(() => {
      const current = findOrRefuse(db, id);
      const { changes, event } = decide(current);
      updateComplaint(db, id, changes);
      appendEvent(db, { complaint_id: id, at: event.at, recorded_at: recordedAt, action: event.action, changes: event.changes ?? changes });
      return { ...current, ...changes };
    })
    .immediate();
}

/** Records a new complaint and its first timeline event together. */
export function logComplaint(db: Db, complaint: NewComplaint): Complaint {
  return db
    .transaction(() => {
      const id = insertComplaint(db, complaint);
      const { status, logged_at, occurred_at, ...said } = complaint;
      const changes = Object.fromEntries(Object.entries(said).filter(([, value]) => value !== null));
      appendEvent(db, { complaint_id: id, at: occurred_at, recorded_at: logged_at, action: 'logged', changes });
      return { ...complaint, id };
    })
    .immediate();
}
