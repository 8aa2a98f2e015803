import { FIELDS } from '../../domain/fields.js';
import { ID_AT, IMPORTED_COLUMNS, IMPORTED_REMEDY_COLUMNS, UID_AT, type ImportedRows } from '../../domain/imported-rows.js';
import { IdsTaken, UidTwice } from '../errors.js';
import type { ImportOptions, Imported } from '../logbook.js';
import { NUMBERING, causesInUse } from './complaints.js';
import type { Connection } from './connection.js';
import { appendImportedEvents } from './events.js';

/** Which of `ids` the logbook holds already, in order. */
export function heldIds(connection: Connection, ids: readonly number[]): Promise<number[]> {
  return connection.column<number>(`SELECT id FROM complaints WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids]);
}

/** Which of `uids` the logbook holds already: those complaints are in it, whatever their numbers. */
export async function heldUids(connection: Connection, uids: readonly string[]): Promise<Set<string>> {
  return new Set(await connection.column<string>(`SELECT uid FROM complaints WHERE uid = ANY($1::text[])`, [uids]));
}

// The PostgreSQL type of each imported column, for the arrays a batch is sent as.
const SQL_TYPE: Record<string, string> = { id: 'bigint', money: 'bigint', satisfaction: 'integer' };
const COLUMN_TYPES = IMPORTED_COLUMNS.map((column) => {
  const field = FIELDS.find((candidate) => candidate.name === column);
  return field === undefined ? 'text' : (SQL_TYPE[field.kind.type] ?? 'text');
});
const INSERT_BATCH = `INSERT INTO complaints (${IMPORTED_COLUMNS.join(', ')})
  SELECT * FROM unnest(${COLUMN_TYPES.map((type, at) => `$${at + 1}::${type}[]`).join(', ')})
  ON CONFLICT DO NOTHING RETURNING uid`;
const GIVE_BATCH = `INSERT INTO remedies (complaint_id, ${IMPORTED_REMEDY_COLUMNS.join(', ')})
  SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[])`;

/**
 * Records complaints, with their timestamps, remedies and an 'imported' event on each timeline,
 * in one transaction, a batch per statement as `read` yields them: as importComplaints does on
 * SQLite (src/store/sqlite/import.ts), with the same outcome. New numbers, when asked for, follow
 * the logbook's last, with other tills' logging held back until the import ends.
 */
export function importComplaints(
  connection: Connection,
  options: ImportOptions,
  read: (knownCauses: readonly string[]) => AsyncIterable<ImportedRows>,
): Promise<Imported> {
  return connection.inTransaction(async () => {
    await connection.run(`SELECT pg_advisory_xact_lock($1)`, [NUMBERING]);
    let next = await connection.value<number>(`SELECT COALESCE(MAX(id), 0) + 1 FROM complaints`);
    const ids: number[] = [];
    const added = new Set<number>();
    const taken: number[] = [];
    let alreadyThere = 0;
    const width = IMPORTED_COLUMNS.length;
    for await (const rows of read(await causesInUse(connection))) {
      const identities = Array.from({ length: rows.count }, (_, row) => ({
        id: rows.values[row * width + ID_AT] as number,
        uid: rows.values[row * width + UID_AT] as string,
      }));
      const holders = await holdersOf(connection, identities.map((identity) => identity.uid));
      // The rows to add: those whose complaints the logbook does not hold yet.
      const adding: number[] = [];
      for (let row = 0; row < rows.count; row++) {
        const holder = holders.get(identities[row]!.uid);
        if (holder === undefined) adding.push(row);
        else if (added.has(holder)) throw new UidTwice(identities[row]!.uid);
        else alreadyThere++;
      }
      const newIds = adding.map((row) => (options.newIds ? next++ : identities[row]!.id));
      const columns = COLUMN_TYPES.map((_, column) =>
        adding.map((row, at) => (column === ID_AT ? newIds[at] : rows.values[row * width + column])),
      );
      const inserted = new Set(await connection.column<string>(INSERT_BATCH, columns));
      const keptIds: number[] = [];
      const originals: number[] = [];
      const keptRows = new Map<number, number>();
      for (const [at, row] of adding.entries()) {
        const { id, uid } = identities[row]!;
        // The first row of a uid went in; a row left out was refused for its uid (given twice in
        // the file) or for its id (taken by another complaint).
        if (inserted.delete(uid)) {
          keptIds.push(newIds[at]!);
          originals.push(id);
          keptRows.set(row, newIds[at]!);
          added.add(newIds[at]!);
        } else if ((await holdersOf(connection, [uid])).size > 0) {
          // Held now but not before the batch: by a row of this file.
          throw new UidTwice(uid);
        } else {
          taken.push(id);
        }
      }
      await giveRemedies(connection, rows, keptRows);
      await appendImportedEvents(connection, keptIds, originals, options.recordedAt, options.source);
      ids.push(...keptIds);
    }
    if (taken.length > 0) throw new IdsTaken(taken.sort((a, b) => a - b));
    return { ids, alreadyThere };
  });
}

/** The ids of the complaints holding each of `uids` the logbook has. */
async function holdersOf(connection: Connection, uids: readonly string[]): Promise<Map<string, number>> {
  const rows = await connection.rows<{ uid: string; id: number }>(`SELECT uid, id FROM complaints WHERE uid = ANY($1::text[])`, [uids]);
  return new Map(rows.map((row) => [row.uid, row.id]));
}

/** The remedies of the batch's kept rows (row index to the complaint's id), in the order given. */
async function giveRemedies(connection: Connection, rows: ImportedRows, keptRows: ReadonlyMap<number, number>): Promise<void> {
  const step = IMPORTED_REMEDY_COLUMNS.length + 1;
  const columns: unknown[][] = [[], [], [], []];
  for (let at = 0; at < rows.remedies.length; at += step) {
    const id = keptRows.get(rows.remedies[at] as number);
    if (id === undefined) continue;
    columns[0]!.push(id);
    for (let column = 1; column < step; column++) columns[column]!.push(rows.remedies[at + column]);
  }
  if (columns[0]!.length > 0) await connection.run(GIVE_BATCH, columns);
}
