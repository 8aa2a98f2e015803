import { STATUSES } from '../../domain/lifecycle.js';
import type { Findings } from '../logbook.js';
import type { Connection } from './connection.js';
import { miscountedDays, miscountedMonths, recountKeptFigures } from './report.js';

// The events that bring a complaint into the logbook: typed at the till, or read from a CSV file.
const FIRST_EVENTS = ['logged', 'imported'];

/**
 * Looks the logbook over for what the schema cannot enforce. The server keeps its own files
 * whole and enforces every rule of the schema, so a logbook on it has no damage or broken rule
 * to report; rows referring to nothing are looked for all the same, should a constraint have been
 * dropped by hand.
 */
export async function checkLogbook(connection: Connection): Promise<Findings> {
  return connection.inTransaction(
    async () => ({
      complaints: await connection.value<number>(`SELECT COUNT(*) FROM complaints`),
      events: await connection.value<number>(`SELECT COUNT(*) FROM events`),
      damage: [],
      brokenRules: [],
      orphans: await connection.rows<Findings['orphans'][number]>(
        `SELECT 'events' AS table, e.id AS rowid, 'complaints' AS parent FROM events AS e
          WHERE NOT EXISTS (SELECT 1 FROM complaints AS c WHERE c.id = e.complaint_id)
         UNION ALL
         SELECT 'remedies', r.id, 'complaints' FROM remedies AS r
          WHERE NOT EXISTS (SELECT 1 FROM complaints AS c WHERE c.id = r.complaint_id)
         ORDER BY 1, 2`,
      ),
      withoutFirstEvent: await connection.column<number>(
        `SELECT id FROM complaints AS c
          WHERE NOT EXISTS (SELECT 1 FROM events AS e WHERE e.complaint_id = c.id AND e.action = ANY($1::text[]))
          ORDER BY id`,
        [FIRST_EVENTS],
      ),
      unknownStatuses: await connection.rows<Findings['unknownStatuses'][number]>(
        `SELECT id, status FROM complaints WHERE status <> ALL($1::text[]) ORDER BY id`,
        [STATUSES],
      ),
      miscountedDays: await miscountedDays(connection),
      miscountedMonths: await miscountedMonths(connection),
      miscountedFollowUps: [],
      unmatchedRemedies: [],
    }),
    'snapshot',
  );
}

/** Counts the report's figures of every day and tallies of every month again, in one transaction: they are derived, never entered. */
export function recountFigures(connection: Connection): Promise<void> {
  return connection.inTransaction(() => recountKeptFigures(connection));
}
