import type { Complaint, ComplaintChanges, NewComplaint, Recording, Remedy, Waiting, DeskMoments } from '../../domain/complaint.js';
import { FIELDS, STORED_FIELDS, WRITABLE_NAMES } from '../../domain/fields.js';
import { SPELT_FIELDS, followUpsDue, type ComplaintFilter, type SpeltField } from '../../domain/filter.js';
import { PERSONAL_FIELDS, personKeyOf } from '../../domain/person.js';
import { IN_HAND_STATUSES, WITHDRAWN } from '../../domain/lifecycle.js';
import { STEP_EVENT_ACTIONS, previousStep, type StepEvent } from '../../domain/steps.js';
import { NotFound } from '../errors.js';
import type { Decide, EarlierComplaints, Places, Sampling, SuggestedColumn } from '../logbook.js';
import { CAUSES_IN_USE, SOMEONE_TO_CALL, notUndone, sampledFields, sampledFrom, spellingsInUseOf } from '../queries.js';
import { AWAITING_APPROVAL, dueWithin, overdueAt } from '../rules.js';
import { afterStep, loggedChanges, personKeys, stepEvent, withRemedies, type StoredComplaint } from '../stored-complaint.js';
import { Params, type Connection } from './connection.js';
import { appendEvent, lastChange } from './events.js';

// The complaints of a logbook on PostgreSQL: the same reads and writes as src/store/sqlite/
// complaints.ts, in PostgreSQL's terms, giving the same rows in the same order.

/** The key of the lock under which one till at a time numbers a new complaint ('cnum' in ASCII). */
const NUMBERING = 0x636e756d;

/**
 * Takes the numbering of the logbook's complaints until the transaction ends, waiting at most
 * `patience` seconds when given. The lock is the logbook's schema's: logbooks sharing a database
 * number their complaints each on its own.
 */
export async function takeNumbering(connection: Connection, patience?: number): Promise<void> {
  if (patience !== undefined) await connection.run(`SELECT set_config('lock_timeout', $1, true)`, [`${patience}s`]);
  await connection.run(`SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))`, [NUMBERING]);
}

const STORED = new Set<string>(STORED_FIELDS.map((field) => field.name));

// A complaint's remedies as one JSON array, oldest first; looked up only for complaints that have one.
const REMEDIES_OF = `CASE WHEN remedy IS NULL THEN '[]' ELSE (
    SELECT json_agg(json_build_object('given_at', given_at, 'remedy', remedy, 'cost_minor', cost_minor) ORDER BY given_at, id)::text
      FROM remedies WHERE complaint_id = complaints.id) END AS remedies`;

/** Every field of a complaint, in the order of FIELDS: what an export's rows hold. */
export const COMPLAINT_COLUMNS = FIELDS.map((field) => field.name);

const COMPLAINT_SELECTION = FIELDS.map((field) => (field.kind.type === 'remedies' ? REMEDIES_OF : field.name)).join(', ');

// Each ends in id, so complaints sharing a moment always come in the same order; a time not yet
// given comes first, as SQLite orders it.
const ORDER: Record<Exclude<ComplaintFilter['order'], 'any'>, string> = {
  'newest first': 'occurred_at DESC, id DESC',
  'oldest first': 'occurred_at, id',
  'by id': 'id',
  'by respond-by': 'respond_by NULLS FIRST, id',
  'by resolved': 'resolved_at NULLS FIRST, id',
};

const orderOf = (filter: ComplaintFilter) => (filter.order === 'any' ? '' : `ORDER BY ${ORDER[filter.order]}`);

export async function findComplaint(connection: Connection, id: number): Promise<Complaint | undefined> {
  const row = await connection.row<StoredComplaint>(`SELECT ${COMPLAINT_SELECTION} FROM complaints WHERE id = $1`, [id]);
  return row === undefined ? undefined : withRemedies(row);
}

/** A statement selecting the complaints `filter` matches, in its order, with `columns` (all by default). */
export function selectComplaints(filter: ComplaintFilter, columns = COMPLAINT_SELECTION): { sql: string; values: unknown[] } {
  const params = new Params();
  const where = matching(filter, params);
  return { sql: `SELECT ${columns} FROM complaints ${where} ${orderOf(filter)} ${limitOf(filter)}`, values: params.values };
}

/** The rows `sampling` makes of the complaints `filter` matches (see Sampling). */
export function sampledComplaints(filter: ComplaintFilter, sampling: Sampling): { sql: string; values: unknown[] } {
  const { sql, values } = selectComplaints(filter, sampledFields(sampling));
  return { sql: sampledFrom(sql, sampling), values };
}

export async function listComplaints(connection: Connection, filter: ComplaintFilter): Promise<Complaint[]> {
  const { sql, values } = selectComplaints(filter);
  return (await connection.rows<StoredComplaint>(sql, values)).map(withRemedies);
}

/** The complaints `filter` matches, whole, a batch at a time. */
export async function* eachComplaint(connection: Connection, filter: ComplaintFilter): AsyncGenerator<Complaint[]> {
  const { sql, values } = selectComplaints(filter);
  for await (const rows of connection.batches<StoredComplaint>(sql, values)) yield rows.map(withRemedies);
}

export async function countComplaints(connection: Connection, filter: ComplaintFilter): Promise<number> {
  const params = new Params();
  const where = matching(filter, params);
  return connection.value<number>(`SELECT COUNT(*) FROM (SELECT id FROM complaints ${where} ${limitOf(filter)}) AS matched`, params.values);
}

function limitOf(filter: ComplaintFilter): string {
  return filter.limit !== undefined ? `LIMIT ${Math.trunc(filter.limit)}` : '';
}

/** The WHERE clause for a filter, its values added to `params`: every given field must hold. */
function matching(filter: ComplaintFilter, params: Params): string {
  const conditions = conditionsOf(filter, params);
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** The conditions a complaint must meet to match `filter`, their values added to `params`. */
export function conditionsOf(filter: Omit<ComplaintFilter, 'order'>, params: Params): string[] {
  const where: string[] = [];
  // An empty list matches nothing.
  if (filter.statuses && filter.statuses.length > 0) where.push(`status = ANY(${params.add(filter.statuses)})`);
  for (const field of SPELT_FIELDS) {
    const spellings = filter[field];
    if (spellings !== undefined) where.push(`${field} = ANY(${params.add(spellings)})`);
  }
  if (filter.since !== undefined) where.push(`occurred_at >= ${params.add(filter.since)}`);
  if (filter.until !== undefined) where.push(`occurred_at < ${params.add(filter.until)}`);
  if (filter.overdueAt !== undefined) where.push(overdueAt(params.add(filter.overdueAt)));
  if (filter.dueWithin !== undefined) where.push(dueWithin(params.add(filter.dueWithin.from), params.add(filter.dueWithin.before)));
  if (filter.resolvedBefore !== undefined) where.push(`resolved_at < ${params.add(filter.resolvedBefore)}`);
  if (filter.someoneToCall !== undefined) where.push(filter.someoneToCall ? SOMEONE_TO_CALL : `NOT ${SOMEONE_TO_CALL}`);
  if (filter.awaitingApproval) where.push(AWAITING_APPROVAL);
  if (filter.toAssign) where.push(`assignee IS NULL AND NOT ${AWAITING_APPROVAL}`);
  if (filter.person !== undefined) where.push(`(customer_key = ${params.add(filter.person.customer)} OR contact_key = ${params.add(filter.person.contact)})`);
  // An inequality leaves a list in the order of the index it reads; an IN list of every other
  // status would have SQLite read by status and sort them all.
  if (filter.standing) where.push(`status <> '${WITHDRAWN}'`);
  return where;
}

/** Earlier complaints by the same person: the same name, or the same contact, by their person keys. */
export async function earlierByCustomer(
  connection: Connection,
  person: Pick<Complaint, 'customer' | 'contact'>,
  beforeId: number,
  latest: number,
): Promise<EarlierComplaints> {
  if (person.customer === null && person.contact === null) return { count: 0, latest: [] };
  const keys = personKeys(person);
  const from = `FROM complaints WHERE id < $1 AND (customer_key = $2 OR contact_key = $3) AND status <> '${WITHDRAWN}'`;
  const values = [beforeId, keys.customer_key, keys.contact_key];
  const [count, newest] = [
    await connection.value<number>(`SELECT COUNT(*) ${from}`, values),
    await connection.rows<EarlierComplaints['latest'][number]>(`SELECT id, occurred_at, customer ${from} ORDER BY occurred_at DESC, id DESC LIMIT $4`, [...values, latest]),
  ];
  return { count, latest: newest.reverse() };
}

export function spellingsInUse(connection: Connection, column: SpeltField): Promise<string[]> {
  return connection.column<string>(spellingsInUseOf(column));
}

/** Every cause in use, the one first met in time first, so the first spelling of each wins. */
export function causesInUse(connection: Connection): Promise<string[]> {
  return connection.column<string>(CAUSES_IN_USE);
}

/** How many of the latest complaints usedValues counts: what the shop sells and who works there now. */
const RECENT_ANSWERS = 5_000;

export function usedValues(connection: Connection, column: SuggestedColumn, limit = 50): Promise<string[]> {
  return connection.column<string>(
    `SELECT ${column} FROM (SELECT ${column} FROM complaints ORDER BY id DESC LIMIT ${RECENT_ANSWERS}) AS recent
      WHERE ${column} IS NOT NULL GROUP BY ${column} ORDER BY COUNT(*) DESC, ${column} LIMIT $1`,
    [limit],
  );
}

/** What needs someone today: of each kind, how many and the first `shown`, the follow-ups with no one to call only counted. */
export async function desk(connection: Connection, { now, endOfToday, followUpDueBefore }: DeskMoments, shown: number, within: Places): Promise<Waiting> {
  const excerpt = async (filter: ComplaintFilter) => ({
    total: await countComplaints(connection, filter),
    shown: await listComplaints(connection, { ...filter, limit: shown }),
  });
  const params = new Params();
  const where = matching({ ...followUpsDue(followUpDueBefore), ...within }, params);
  const due = await connection.row<{ to_call: number; no_contact: number }>(
    `SELECT COUNT(*) FILTER (WHERE ${SOMEONE_TO_CALL}) AS to_call, COUNT(*) FILTER (WHERE NOT ${SOMEONE_TO_CALL}) AS no_contact
       FROM complaints ${where}`,
    params.values,
  );
  return {
    toTriage: await excerpt({ statuses: ['new'], order: 'oldest first', ...within }),
    toAssign: await excerpt({ statuses: ['triaged'], toAssign: true, order: 'by respond-by', ...within }),
    inHand: await countComplaints(connection, { statuses: IN_HAND_STATUSES, order: 'by id', ...within }),
    awaitingApproval: await excerpt({ awaitingApproval: true, order: 'oldest first', ...within }),
    overdue: await excerpt({ overdueAt: now, order: 'by respond-by', ...within }),
    dueToday: await excerpt({ dueWithin: { from: now, before: endOfToday }, order: 'by respond-by', ...within }),
    followUpsDue: { total: due!.to_call, shown: await listComplaints(connection, { ...followUpsDue(followUpDueBefore, true), ...within, limit: shown }) },
    followUpsDueNoContact: due!.no_contact,
  };
}

/** Records a new complaint, numbered after the last one, and its first timeline event together. */
export function logComplaint(connection: Connection, complaint: NewComplaint, { till, branch }: Omit<Recording, 'at'>): Promise<Complaint> {
  return connection.inTransaction(async () => {
    // Numbered one till at a time, so that numbers stay short and none is skipped. An import holds
    // the numbering for as long as it takes (a minute or more for a million complaints); a till
    // waits for its turn only as long as for the server, then keeps the complaint to send later.
    await takeNumbering(connection, connection.patience);
    const there = await connection.value<number | undefined>(`SELECT id FROM complaints WHERE uid = $1`, [complaint.uid]);
    if (there !== undefined) return (await findComplaint(connection, there))!;
    const id = await connection.value<number>(`SELECT COALESCE(MAX(id), 0) + 1 FROM complaints`);
    await insertComplaint(connection, { ...complaint, id });
    const changes = loggedChanges(complaint);
    await appendEvent(connection, { complaint_id: id, at: complaint.occurred_at, recorded_at: complaint.logged_at, action: 'logged', changes, till, branch });
    return { ...complaint, id };
  });
}

async function insertComplaint(connection: Connection, complaint: NewComplaint & { id: number }): Promise<void> {
  const row: Record<string, unknown> = { ...complaint, ...personKeys(complaint) };
  const columns = Object.keys(row).filter((column) => STORED.has(column) || column.endsWith('_key'));
  const params = new Params();
  const values = columns.map((column) => params.add(row[column]));
  await connection.run(`INSERT INTO complaints (${columns.join(', ')}) VALUES (${values.join(', ')})`, params.values);
}

/**
 * Changes one complaint and appends its timeline event in one transaction, the complaint locked
 * first: `decide` sees it as it stands once no other till is changing it, so two tills cannot both
 * act on a stale copy; whatever it throws leaves the logbook untouched.
 */
export function changeComplaint(connection: Connection, id: number, recording: Recording, decide: Decide): Promise<Complaint> {
  return connection.inTransaction(async () => {
    await connection.run(`SELECT id FROM complaints WHERE id = $1 FOR UPDATE`, [id]);
    const current = await findComplaint(connection, id);
    if (!current) throw new NotFound(id);
    const outcome = decide(current, previousStep(current, await latestStepEvent(connection, id)), await lastChange(connection, id));
    const { changes, gives, undoes } = outcome;
    await updateComplaint(connection, id, changes);
    if (gives !== undefined) await insertRemedy(connection, id, gives);
    if (undoes?.remedy) await connection.run(`DELETE FROM remedies WHERE id = (SELECT MAX(id) FROM remedies WHERE complaint_id = $1)`, [id]);
    await appendEvent(connection, stepEvent(current, outcome, recording));
    return afterStep(current, outcome);
  });
}

export async function updateComplaint(connection: Connection, id: number, changes: ComplaintChanges): Promise<void> {
  const columns = Object.keys(changes).filter((c) => WRITABLE_NAMES.has(c));
  if (columns.length === 0) return;
  const personal = PERSONAL_FIELDS.filter((field) => columns.includes(field));
  const row: Record<string, unknown> = {
    ...changes,
    ...Object.fromEntries(personal.map((field) => [`${field}_key`, personKeyOf(changes[field] ?? null, field)])),
  };
  const params = new Params();
  const assignments = [...columns, ...personal.map((field) => `${field}_key`)].map((column) => `${column} = ${params.add(row[column])}`);
  await connection.run(`UPDATE complaints SET ${assignments.join(', ')} WHERE id = ${params.add(id)}`, params.values);
}

async function insertRemedy(connection: Connection, complaintId: number, remedy: Remedy): Promise<void> {
  await connection.run(`INSERT INTO remedies (complaint_id, given_at, remedy, cost_minor) VALUES ($1, $2, $3, $4)`, [
    complaintId,
    remedy.given_at,
    remedy.remedy,
    remedy.cost_minor,
  ]);
}

/** The latest of a complaint's timeline events that a later step may not be dated before. */
async function latestStepEvent(connection: Connection, id: number): Promise<StepEvent | null> {
  const latest = await connection.row<StepEvent>(
    `SELECT at, action FROM events WHERE complaint_id = $1 AND action = ANY($2) AND ${notUndone('events')} ORDER BY at DESC, id DESC LIMIT 1`,
    [id, STEP_EVENT_ACTIONS],
  );
  return latest ?? null;
}
