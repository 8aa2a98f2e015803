import type { SpeltField } from '../domain/filter.js';
import type { Dimension } from '../domain/pareto.js';
import { TILL_BRANCH_MARK } from '../domain/config.js';
import { spellingKey } from '../domain/spelling.js';
import type { Places, Sampling } from './logbook.js';
import { AWAITING_APPROVAL, COMMUNICATIVE_SQL } from './rules.js';

// SQL that both engines run as written.

/**
 * Each spelling in use in `column`, found by seeking from one to the next in the index it leads
 * (complaints_by_cause, _by_category, _by_assignee): as many steps as there are spellings, however
 * many complaints have them. The channel has no index (a shop has a handful, and only
 * `--channel` asks): each step reads the table. The rows are `spelling`; the last one is NULL.
 */
function spellingsIn(column: SpeltField): string {
  // IS NOT NULL lets the first step use an index that leaves out complaints without a value.
  return `WITH RECURSIVE spellings(spelling) AS (
    SELECT MIN(${column}) FROM complaints WHERE ${column} IS NOT NULL
    UNION ALL
    SELECT (SELECT MIN(${column}) FROM complaints WHERE ${column} > spelling) FROM spellings WHERE spelling IS NOT NULL)`;
}

export const CAUSE_SPELLINGS = spellingsIn('cause');

/** Every spelling in use in `column`, in binary order. */
export function spellingsInUseOf(column: SpeltField): string {
  return `${spellingsIn(column)} SELECT spelling FROM spellings WHERE spelling IS NOT NULL`;
}

/** Every cause in use, the one first met in time first (by when its earliest complaint happened), so the first spelling of each wins. */
export const CAUSES_IN_USE = `${CAUSE_SPELLINGS}
  SELECT spelling FROM spellings WHERE spelling IS NOT NULL
   ORDER BY (SELECT MIN(occurred_at) FROM complaints WHERE cause = spelling), spelling`;

/** The column each dimension of the report counts by; the map keeps anything else out of the SQL. */
const DIMENSION_COLUMN: Record<Dimension, string> = {
  cause: 'cause',
  category: 'category',
  about: 'about',
  channel: 'channel',
  assignee: 'assignee',
  remedy: 'remedy',
  till: 'till',
  branch: 'branch',
};

// Two branches may each have a till called 前台: a till is counted as one of its branch, named
// with it (前台 · 南门店), unless the report is of one branch.
const TILL_OF_BRANCH = `till || COALESCE(' ${TILL_BRANCH_MARK} ' || branch, '')`;

/** What the report counts by `dimension` as SQL of a complaint's columns, for a report of the places `within`. */
export function dimensionColumn(dimension: Dimension, within: Places): string {
  // A branch is given as the spellings of it in use (North, north): one branch, however many.
  const ofOneBranch = within.branch !== undefined && new Set(within.branch.map(spellingKey)).size === 1;
  return dimension === 'till' && !ofOneBranch ? TILL_OF_BRANCH : DIMENSION_COLUMN[dimension];
}

/**
 * Someone to call back: a customer's name or a contact recorded. Asked of the columns, not of
 * their person keys, so that no plan goes through the keys' partial indexes: they hold most
 * complaints, and the few resolved ones this narrows are found by status.
 */
export const SOMEONE_TO_CALL = '(customer IS NOT NULL OR contact IS NOT NULL)';

/** The SQL that keeps a report's read to some tills or branches (placesOf in each engine's report.ts). */
export interface PlacesSql {
  /** The conditions as `AND …`, to add to a read of complaints. */
  and: string;
  /** The same as a test of the ids of complaint_figures' rows. */
  complaintIds: string;
  /** The same as a test of the ids of remedy_figures' rows: the remedies of those complaints. */
  remedyIds: string;
}

/** The places' `conditions` (every one to hold) as PlacesSql; all empty when there are none, so the whole logbook's report runs as it always has. */
export function placesSql(conditions: readonly string[]): PlacesSql {
  if (conditions.length === 0) return { and: '', complaintIds: '', remedyIds: '' };
  const where = conditions.join(' AND ');
  return {
    and: ` AND ${where}`,
    complaintIds: ` AND id IN (SELECT id FROM complaints WHERE ${where})`,
    remedyIds: ` AND id IN (SELECT r.id FROM remedies AS r JOIN complaints ON complaints.id = r.complaint_id WHERE ${where})`,
  };
}

/** An event no later undo names: a change that still stands. `events` is how the query names the events table. */
export function notUndone(events: string): string {
  return `NOT EXISTS (SELECT 1 FROM events AS undoing WHERE undoing.undoes = ${events}.id)`;
}

/** A complaint's timeline, `complaintId` the placeholder of its id: each event, with whether a later undo took it back. */
export function timelineSql(complaintId: string): string {
  return `SELECT complaint_id, at, recorded_at, action, changes, CASE WHEN ${notUndone('events')} THEN 0 ELSE 1 END AS undone
            FROM events WHERE complaint_id = ${complaintId} ORDER BY at, id`;
}

/**
 * The latest change that still stands among the events `where` picks (one complaint's, or one
 * till's): an undo is no change to undo in turn, but the one of a logging, a withdrawal (its
 * action given as 'withdrawn'), which undo reverses too; a change undone is not undone twice.
 * Given `given`, the engine's words for the moment a command was given by the logbook's clock,
 * the logbook is read as it stood then: an event written since, an undo above all, is not yet there.
 */
export function lastChangeSql(where: string, given?: string): string {
  const thenThere = (events: string) => (given === undefined ? '' : ` AND (${events}.written_at IS NULL OR ${events}.written_at <= (SELECT at FROM given))`);
  return `${given === undefined ? '' : `WITH given (at) AS (SELECT ${given}) `}
          SELECT id, complaint_id, CASE WHEN action = 'undone' THEN 'withdrawn' ELSE action END AS action, at, recorded_at, before, undoes
            FROM events AS change
           WHERE ${where}${thenThere('change')}
             AND NOT EXISTS (SELECT 1 FROM events AS undoing WHERE undoing.undoes = change.id${thenThere('undoing')})
             AND (action <> 'undone' OR EXISTS (SELECT 1 FROM events AS undid WHERE undid.id = change.undoes AND undid.action = 'logged'))
           ORDER BY id DESC LIMIT 1`;
}

/**
 * The summary's counts of a period kept apart from the Pareto table: help, questions and venting,
 * and the remedies waiting for approval with what they would cost; each from the partial index
 * that holds only those complaints. `inPeriod` and `places` are the engine's own conditions.
 */
export function countedApartSql(inPeriod: string, places: string): string {
  return `natures AS (
         SELECT COUNT(*) FILTER (WHERE nature = 'help') AS help,
                COUNT(*) FILTER (WHERE nature = 'question') AS question,
                COUNT(*) FILTER (WHERE nature = 'venting') AS venting
           FROM complaints WHERE nature IN (${COMMUNICATIVE_SQL}) AND ${inPeriod}${places}),
       proposals AS (
         SELECT COUNT(*) AS awaiting_approval, COALESCE(SUM(proposed_cost_minor), 0) AS proposed_cost_minor
           FROM complaints WHERE ${AWAITING_APPROVAL} AND ${inPeriod}${places})`;
}

/**
 * The rows `sampling` makes (see Sampling) of the complaints the query `picked` selects, which
 * must select the fields it names. Distinct values alone are asked for with DISTINCT: grouping
 * sorted every complaint (at 1,000,000 complaints 0.55-0.73 s a column, against 0.25 s).
 */
export function sampledFrom(picked: string, { by = [], lowest = [], highest = [] }: Sampling): string {
  const extremes = [...lowest.map((field) => `MIN(${field}) AS ${field}`), ...highest.map((field) => `MAX(${field}) AS ${field}`)];
  if (extremes.length === 0) return `SELECT DISTINCT ${by.join(', ')} FROM (${picked}) AS picked`;
  const grouped = by.length === 0 ? 'HAVING COUNT(*) > 0' : `GROUP BY ${by.join(', ')}`;
  return `SELECT ${[...by, ...extremes].join(', ')} FROM (${picked}) AS picked ${grouped}`;
}

/** Every field `sampling` names once, for the query it is made from to select. */
export function sampledFields({ by = [], lowest = [], highest = [] }: Sampling): string {
  return [...new Set([...by, ...lowest, ...highest])].join(', ');
}
