import type { Complaint, ComplaintChanges, NewComplaint, Recording, Remedy } from '../../domain/complaint.js';
import { FIELDS, STORED_FIELDS, WRITABLE_NAMES } from '../../domain/fields.js';
import { SPELT_FIELDS, followUpsDue, type ComplaintFilter, type SpeltField } from '../../domain/filter.js';
import type { DeskMoments, Waiting } from '../../domain/complaint.js';
import { PERSONAL_FIELDS, personKeyOf } from '../../domain/person.js';
import { IN_HAND_STATUSES, WITHDRAWN } from '../../domain/lifecycle.js';
import { STEP_EVENT_ACTIONS, previousStep, type StepEvent } from '../../domain/steps.js';
import { NotFound } from '../errors.js';
import { afterStep, loggedChanges, personKeys, stepEvent, withRemedies, type StoredComplaint } from '../stored-complaint.js';
import type { Decide, EarlierComplaints, Places, Sampling, SuggestedColumn } from '../logbook.js';
import { appendEvent, lastChange } from './events.js';
import { keptWaitingBefore } from './follow-ups-waiting.js';
import type { Db } from './open.js';
import { CAUSES_IN_USE, SOMEONE_TO_CALL, notUndone, sampledFields, sampledFrom, spellingsInUseOf } from '../queries.js';
import { AWAITING_APPROVAL, dueWithin, overdueAt } from '../rules.js';


// The columns kept for a complaint; a new one's keys are checked against it, and a change's
// against the writable ones, before they reach SQL.
const STORED = new Set<string>(STORED_FIELDS.map((field) => field.name));

// A complaint's remedies as one JSON array, oldest first; looked up only for complaints that have one.
const REMEDIES_OF = `CASE WHEN remedy IS NULL THEN '[]' ELSE (
    SELECT json_group_array(json_object('given_at', given_at, 'remedy', remedy, 'cost_minor', cost_minor))
      FROM (SELECT given_at, remedy, cost_minor FROM remedies WHERE complaint_id = complaints.id ORDER BY given_at, id)) END AS remedies`;

// A complaint as the rest of the program knows it: every field (its remedies as JSON text, read
// by withRemedies), without the person keys, which are the store's own.
const COMPLAINT_SELECTION = FIELDS.map((field) => (field.kind.type === 'remedies' ? REMEDIES_OF : field.name)).join(', ');

function* eachWithRemedies(rows: Iterable<StoredComplaint>): IterableIterator<Complaint> {
  for (const row of rows) yield withRemedies(row);
}

export function insertComplaint(db: Db, complaint: NewComplaint): number {
  const columns = Object.keys(complaint).filter((c) => STORED.has(c));
  const result = db
    .prepare(
      `INSERT INTO complaints (${columns.join(', ')}, customer_key, contact_key)
       VALUES (${columns.map((c) => '@' + c).join(', ')}, @customer_key, @contact_key)`,
    )
    .run({ ...complaint, ...personKeys(complaint) });
  return Number(result.lastInsertRowid);
}

export function findComplaint(db: Db, id: number): Complaint | undefined {
  const row = db.prepare(`SELECT ${COMPLAINT_SELECTION} FROM complaints WHERE id = ?`).get(id) as StoredComplaint | undefined;
  return row === undefined ? undefined : withRemedies(row);
}

/** Records a remedy given to a complaint. */
function insertRemedy(db: Db, complaintId: number, remedy: Remedy): void {
  db.prepare(`INSERT INTO remedies (complaint_id, given_at, remedy, cost_minor) VALUES (?, ?, ?, ?)`).run(
    complaintId,
    remedy.given_at,
    remedy.remedy,
    remedy.cost_minor,
  );
}

export function findOrRefuse(db: Db, id: number): Complaint {
  const complaint = findComplaint(db, id);
  if (!complaint) throw new NotFound(id);
  return complaint;
}

export function updateComplaint(db: Db, id: number, changes: ComplaintChanges): void {
  const columns = Object.keys(changes).filter((c) => WRITABLE_NAMES.has(c));
  if (columns.length === 0) return;
  const personal = PERSONAL_FIELDS.filter((field) => columns.includes(field));
  const keys = Object.fromEntries(personal.map((field) => [`${field}_key`, personKeyOf(changes[field] ?? null, field)]));
  db.prepare(`UPDATE complaints SET ${[...columns, ...Object.keys(keys)].map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({
    ...changes,
    ...keys,
    id,
  });
}

/** Complaints matching every given filter. */
export function listComplaints(db: Db, filter: ComplaintFilter): Complaint[] {
  const { statement, params } = selectComplaints(db, filter);
  return (statement.all(params) as StoredComplaint[]).map(withRemedies);
}

/**
 * The same as listComplaints, one at a time (the next is read only when asked for), and with only
 * the `columns` asked for: a list of a million complaints reads them twice, and the columns it
 * does not show were most of that time.
 */
export function eachComplaint(db: Db, filter: ComplaintFilter): IterableIterator<Complaint>;
export function eachComplaint<C extends keyof Complaint>(db: Db, filter: ComplaintFilter, columns: readonly C[]): IterableIterator<Pick<Complaint, C>>;
export function eachComplaint(db: Db, filter: ComplaintFilter, columns?: readonly (keyof Complaint)[]): IterableIterator<Partial<Complaint>> {
  const { statement, params } = selectComplaints(db, filter, columns?.join(', '));
  if (columns === undefined) return eachWithRemedies(statement.iterate(params) as IterableIterator<StoredComplaint>);
  return asObjects(statement.raw().iterate(params) as IterableIterator<unknown[]>, columns);
}

/**
 * Bare rows of `columns` as objects, each a copy of one shape: quicker than the driver's own
 * objects, made a property at a time (1,000,000 rows of a list's nine columns: 2.65 s read as
 * the driver's objects, 2.2 s so).
 */
function* asObjects(rows: IterableIterator<unknown[]>, columns: readonly string[]): IterableIterator<Partial<Complaint>> {
  const shape = Object.fromEntries(columns.map((column) => [column, null]));
  for (const row of rows) {
    const made: Record<string, unknown> = { ...shape };
    for (let index = 0; index < columns.length; index++) made[columns[index]!] = row[index];
    yield made as Partial<Complaint>;
  }
}

/**
 * The same as listComplaints as bare rows of values, one at a time, in the order `columns` names
 * them (remedies as their JSON text): an export of any size uses little memory, and is spared
 * building an object per row.
 */
export function iterateComplaintRows(db: Db, filter: ComplaintFilter): { columns: (keyof Complaint)[]; rows: Iterable<unknown[]> } {
  const { statement, params } = selectComplaints(db, filter);
  const raw = statement.raw();
  // The query runs once the rows are first read: one begun and never read would keep the logbook
  // from closing, when a command is refused between asking for the rows and writing them.
  const rows = { [Symbol.iterator]: () => raw.iterate(params) as IterableIterator<unknown[]> };
  return { columns: raw.columns().map((column) => column.name as keyof Complaint), rows };
}

function selectComplaints(db: Db, filter: ComplaintFilter, columns = COMPLAINT_SELECTION) {
  const { sql, params } = selection(filter, columns);
  return { statement: db.prepare(sql), params };
}

function selection(filter: ComplaintFilter, columns: string) {
  const { where, params } = matching(filter);
  return { sql: `SELECT ${columns} FROM ${complaintsFor(filter)} ${where} ${orderOf(filter)} ${limitOf(filter)}`, params };
}

/** The rows `sampling` makes of the complaints `filter` matches (see Sampling), one at a time. */
export function eachSampled(db: Db, filter: ComplaintFilter, sampling: Sampling): IterableIterator<Partial<Complaint>> {
  const { sql, params } = selection(filter, sampledFields(sampling));
  return db.prepare(sampledFrom(sql, sampling)).iterate(params) as IterableIterator<Partial<Complaint>>;
}

/** How many complaints match, without reading them: a progress bar's total. */
export function countComplaints(db: Db, filter: ComplaintFilter): number {
  const { where, params } = matching(filter);
  return db.prepare(`SELECT COUNT(*) FROM (SELECT id FROM ${complaintsFor(filter)} ${where} ${limitOf(filter)})`).pluck().get(params) as number;
}

/** Whether `filter` asks for follow-ups due (followUpsDue): resolved complaints, resolved before a moment. */
function asksForFollowUps(filter: Omit<ComplaintFilter, 'order'>): boolean {
  return filter.resolvedBefore !== undefined && filter.statuses?.length === 1 && filter.statuses[0] === 'resolved';
}

/**
 * Whether a list `filter` gives is empty (a till or branch no complaint has, as spelt): it matches
 * nothing, and SQLite, seeing so, reads no index, not even one named to it.
 */
function namesNothing(filter: Omit<ComplaintFilter, 'order'>): boolean {
  return filter.statuses?.length === 0 || SPELT_FIELDS.some((field) => filter[field]?.length === 0);
}

/**
 * The complaints table as a read of `filter` names it: follow-ups due from the index that holds
 * only them (migrations/sqlite/0016), which SQLite, knowing nothing of how few they are, would
 * pass over for complaints_by_status and then read every row.
 */
export function complaintsFor(filter: Omit<ComplaintFilter, 'order'>): string {
  return asksForFollowUps(filter) && !namesNothing(filter) ? 'complaints INDEXED BY complaints_follow_ups_due' : 'complaints';
}

// Each ends in id, so complaints sharing a moment always come in the same order.
const ORDER: Record<Exclude<ComplaintFilter['order'], 'any'>, string> = {
  'newest first': 'occurred_at DESC, id DESC',
  'oldest first': 'occurred_at, id',
  'by id': 'id',
  'by respond-by': 'respond_by, id',
  'by resolved': 'resolved_at, id',
};

const orderOf = (filter: ComplaintFilter) => (filter.order === 'any' ? '' : `ORDER BY ${ORDER[filter.order]}`);

export function limitOf(filter: ComplaintFilter): string {
  return filter.limit !== undefined ? `LIMIT ${Math.trunc(filter.limit)}` : '';
}

/** The WHERE clause and its parameters for a filter: every given field must hold. */
function matching(filter: ComplaintFilter): { where: string; params: Record<string, unknown> } {
  const { conditions, params } = conditionsOf(filter);
  return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

/** The conditions a complaint must meet to match `filter`, and their parameters. */
export function conditionsOf(filter: Omit<ComplaintFilter, 'order'>): { conditions: string[]; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  // Each value its own parameter (@status0, @status1, …); an empty list matches nothing.
  const anyOf = (term: string, name: string, values: readonly string[]) => {
    where.push(`${term} IN (${values.map((_, i) => `@${name}${i}`).join(', ')})`);
    values.forEach((value, i) => (params[`${name}${i}`] = value));
  };
  // The status the index of follow-ups due holds is written as it is, so that SQLite may read it.
  if (asksForFollowUps(filter)) where.push(`status = 'resolved'`);
  else if (filter.statuses && filter.statuses.length > 0) anyOf('status', 'status', filter.statuses);
  for (const field of SPELT_FIELDS) {
    // The unary + keeps SQLite off the column's index (there to find its spellings), which would
    // read every complaint of a category to sort them rather than meet the first few (6643711).
    const spellings = filter[field];
    if (spellings !== undefined) anyOf(`+${field}`, field, spellings);
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
    where.push(overdueAt('@overdueAt'));
    params.overdueAt = filter.overdueAt;
  }
  if (filter.dueWithin !== undefined) {
    where.push(dueWithin('@dueFrom', '@dueBefore'));
    params.dueFrom = filter.dueWithin.from;
    params.dueBefore = filter.dueWithin.before;
  }
  if (filter.resolvedBefore !== undefined) {
    where.push(`resolved_at < @resolvedBefore`);
    params.resolvedBefore = filter.resolvedBefore;
  }
  if (filter.someoneToCall !== undefined) where.push(filter.someoneToCall ? SOMEONE_TO_CALL : `NOT ${SOMEONE_TO_CALL}`);
  if (filter.awaitingApproval) where.push(AWAITING_APPROVAL);
  if (filter.toAssign) where.push(`assignee IS NULL AND NOT ${AWAITING_APPROVAL}`);
  if (filter.person !== undefined) {
    where.push(`(customer_key = @personCustomer OR contact_key = @personContact)`);
    params.personCustomer = filter.person.customer;
    params.personContact = filter.person.contact;
  }
  // An inequality leaves a list in the order of the index it reads; an IN list of every other
  // status would have SQLite read by status and sort them all.
  if (filter.standing) where.push(`status <> '${WITHDRAWN}'`);
  return { conditions: where, params };
}

/** Earlier complaints by the same person (the same name, or the same contact, by their person keys): how many, and the latest by when they happened. */
export function earlierByCustomer(
  db: Db,
  person: Pick<Complaint, 'customer' | 'contact'>,
  beforeId: number,
  latest: number,
): EarlierComplaints {
  if (person.customer === null && person.contact === null) return { count: 0, latest: [] };
  const params = { beforeId, ...personKeys(person), latest };
  const from = `FROM complaints WHERE id < @beforeId AND (customer_key = @customer_key OR contact_key = @contact_key) AND status <> '${WITHDRAWN}'`;
  return {
    count: db.prepare(`SELECT COUNT(*) ${from}`).pluck().get(params) as number,
    latest: (
      db.prepare(`SELECT id, occurred_at, customer ${from} ORDER BY occurred_at DESC, id DESC LIMIT @latest`).all(params) as EarlierComplaints['latest']
    ).reverse(),
  };
}

/** Every spelling in use in `column`, in binary order. */
export function spellingsInUse(db: Db, column: SpeltField): string[] {
  return db.prepare(spellingsInUseOf(column)).pluck().all() as string[];
}

/** Every cause in use, the one first met in time first, so the first spelling of each wins. */
export function causesInUse(db: Db): string[] {
  return db.prepare(CAUSES_IN_USE).pluck().all() as string[];
}

const RECENT_ANSWERS = 5_000;

/**
 * Earlier answers for a free-text field, most used first, to suggest at the till. Only the latest
 * complaints are counted: what the shop sells and who works there now, read as quickly however
 * long the history (e8e0108).
 */
export function usedValues(db: Db, column: SuggestedColumn, limit = 50): string[] {
  return db
    .prepare(
      `SELECT ${column} FROM (SELECT ${column} FROM complaints ORDER BY id DESC LIMIT ${RECENT_ANSWERS})
        WHERE ${column} IS NOT NULL GROUP BY ${column} ORDER BY COUNT(*) DESC, ${column} LIMIT ?`,
    )
    .pluck()
    .all(limit) as string[];
}


/**
 * What needs someone today: new complaints, overdue ones, and follow-ups whose day has come; of
 * each, how many and the first `shown`, the follow-ups with no one to call only counted. Years of
 * unanswered follow-ups are counted from the months kept (follow-ups-waiting.ts), not read.
 */
export function desk(db: Db, { now, endOfToday, followUpDueBefore }: DeskMoments, shown: number, within: Places): Waiting {
  const excerpt = (filter: ComplaintFilter) => ({ total: countComplaints(db, filter), shown: listComplaints(db, { ...filter, limit: shown }) });
  // The months before the one the moment falls in as kept; that month's complaints from the
  // index, both kinds counted in one pass.
  const month = followUpDueBefore.slice(0, 7);
  const kept = keptWaitingBefore(db, month, conditionsOf(within));
  const due = { ...followUpsDue(followUpDueBefore), ...within };
  const { where, params } = matching(due);
  const [toCall, noContact] = db
    .prepare(
      `SELECT COUNT(*) FILTER (WHERE ${SOMEONE_TO_CALL}), COUNT(*) FILTER (WHERE NOT ${SOMEONE_TO_CALL})
         FROM ${complaintsFor(due)} ${where} AND resolved_at >= @month`,
    )
    .raw()
    .get({ ...params, month }) as [number, number];
  return {
    toTriage: excerpt({ statuses: ['new'], order: 'oldest first', ...within }),
    toAssign: excerpt({ statuses: ['triaged'], toAssign: true, order: 'by respond-by', ...within }),
    inHand: countComplaints(db, { statuses: IN_HAND_STATUSES, order: 'by id', ...within }),
    awaitingApproval: excerpt({ awaitingApproval: true, order: 'oldest first', ...within }),
    overdue: excerpt({ overdueAt: now, order: 'by respond-by', ...within }),
    dueToday: excerpt({ dueWithin: { from: now, before: endOfToday }, order: 'by respond-by', ...within }),
    followUpsDue: { total: kept.toCall + toCall, shown: listComplaints(db, { ...followUpsDue(followUpDueBefore, true), ...within, limit: shown }) },
    followUpsDueNoContact: kept.noContact + noContact,
  };
}


/**
 * Changes one complaint and appends its timeline event in one write transaction. `decide` sees
 * the complaint as it stands inside the transaction, and its latest step, so two tills cannot
 * both act on a stale copy; whatever it throws leaves the logbook untouched.
 */
export function changeComplaint(db: Db, id: number, recording: Recording, decide: Decide): Complaint {
  return db
    .transaction(() => {
      const current = findOrRefuse(db, id);
      const outcome = decide(current, previousStep(current, latestStepEvent(db, id)), lastChange(db, id));
      const { changes, gives, undoes } = outcome;
      updateComplaint(db, id, changes);
      if (gives !== undefined) insertRemedy(db, id, gives);
      if (undoes?.remedy) db.prepare(`DELETE FROM remedies WHERE id = (SELECT MAX(id) FROM remedies WHERE complaint_id = ?)`).run(id);
      appendEvent(db, stepEvent(current, outcome, recording));
      return afterStep(current, outcome);
    })
    .immediate();
}

/** The latest of a complaint's timeline events that a later step may not be dated before. */
function latestStepEvent(db: Db, id: number): StepEvent | null {
  const latest = db
    .prepare(
      `SELECT at, action FROM events WHERE complaint_id = ? AND action IN (SELECT value FROM json_each(?)) AND ${notUndone('events')}
        ORDER BY at DESC, id DESC LIMIT 1`,
    )
    .get(id, JSON.stringify(STEP_EVENT_ACTIONS)) as StepEvent | undefined;
  return latest ?? null;
}

/** Records a new complaint and its first timeline event together. */
export function logComplaint(db: Db, complaint: NewComplaint, { till, branch }: Omit<Recording, 'at'>): Complaint {
  return db
    .transaction(() => {
      const there = db.prepare(`SELECT id FROM complaints WHERE uid = ?`).pluck().get(complaint.uid) as number | undefined;
      if (there !== undefined) return findComplaint(db, there)!;
      const id = insertComplaint(db, complaint);
      const changes = loggedChanges(complaint);
      appendEvent(db, { complaint_id: id, at: complaint.occurred_at, recorded_at: complaint.logged_at, action: 'logged', changes, till, branch });
      return { ...complaint, id };
    })
    .immediate();
}
