import { FIELDS } from '../../domain/fields.js';
import { IdSpan } from '../../domain/id-span.js';
import { IMPORTED_COLUMNS, IMPORTED_REMEDY_COLUMNS, choicesHeld, type ImportedIdentity, type ImportedRows, type ImportedValue } from '../../domain/imported-rows.js';
import { IdsTaken, UidTwice } from '../errors.js';
import type { AddedChoices } from '../../domain/csv/import-row.js';
import type { ImportOptions, Imported } from '../logbook.js';
import { causesInUse, takeNumbering } from './complaints.js';
import type { Connection } from './connection.js';
import { saveSetting } from './settings.js';

/** Which of `ids` the logbook holds already, in order. */
export function heldIds(connection: Connection, ids: readonly number[]): Promise<number[]> {
  return connection.column<number>(`SELECT id FROM complaints WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids]);
}

/** The uids of those of `identities` the logbook holds already: those complaints are in it, whatever their numbers. */
export async function heldAlready(connection: Connection, identities: readonly ImportedIdentity[]): Promise<Set<string>> {
  const columns = (['id', 'uid', 'logged_at', 'occurred_at', 'description'] as const).map((column) => identities.map((identity) => identity[column]));
  return new Set(
    await connection.column<string>(
      `SELECT s.uid
         FROM (SELECT id, uid COLLATE "C", logged_at COLLATE "C", occurred_at COLLATE "C", description COLLATE "C"
                 FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) AS given (id, uid, logged_at, occurred_at, description)) AS s
        WHERE ${HELD_BY_UID} OR ${NUMBERED_ALIKE}`,
      columns,
    ),
  );
}

// The PostgreSQL type of each imported column.
const SQL_TYPE: Record<string, string> = { id: 'bigint', money: 'bigint', satisfaction: 'integer' };
const COLUMN_TYPES = IMPORTED_COLUMNS.map((column) => {
  const field = FIELDS.find((candidate) => candidate.name === column);
  return field === undefined ? 'text' : (SQL_TYPE[field.kind.type] ?? 'text');
});
const REMEDY_TYPES = ['text', 'text', 'bigint'];

// What the file holds, as COPY writes it into a table of the transaction's own: each row with its
// place in the file (`at`) and its remedies as one array per remedy column, text compared as the
// logbook's columns compare it (so that a uid is looked up by the logbook's index of uids). The complaints the
// logbook does not have yet are then added from it by a few statements over all of it, which
// is what COPY is quick at and what the server's planner makes the most of.
const STAGED = 'imported_rows';
const KEPT = 'imported_kept';
const STAGE = `CREATE TEMPORARY TABLE ${STAGED} (at bigint, ${IMPORTED_COLUMNS.map((column, index) => `${column} ${COLUMN_TYPES[index]}${COLUMN_TYPES[index] === 'text' ? ' COLLATE "C"' : ''}`).join(', ')},
  ${IMPORTED_REMEDY_COLUMNS.map((column, index) => `remedy_${column} ${REMEDY_TYPES[index]}[]`).join(', ')}) ON COMMIT DROP`;
const COPY_STAGED = `COPY ${STAGED} FROM STDIN`;

// A row of the file is the logbook's already when a complaint there has its uid; or, when it came
// without one (its uid made from its number, times and words: version 8), when the complaint of
// its number has the same times and words, the file an export of this logbook with its uids left
// out. Each is its own EXISTS, so that NOT_HELD, two of them ANDed, is planned as two anti-joins
// over all the staged rows rather than as a lookup for each.
const HELD_BY_UID = `EXISTS (SELECT FROM complaints AS held WHERE held.uid = s.uid)`;
const NUMBERED_ALIKE = `EXISTS (SELECT FROM complaints AS held WHERE held.id = s.id AND substr(s.uid, 15, 1) = '8'
  AND held.logged_at = s.logged_at AND held.occurred_at = s.occurred_at AND held.description = s.description)`;
const NOT_HELD = `NOT ${HELD_BY_UID} AND NOT ${NUMBERED_ALIKE}`;

/**
 * Records complaints, with their timestamps, remedies and an 'imported' event on each timeline,
 * in one transaction: as importComplaints does on SQLite (src/store/sqlite/import.ts), with the
 * same outcome. The file is sent with COPY as it is read, then added in one statement per table.
 * New numbers, when asked for, follow the logbook's last, with other tills' logging held back
 * until the import ends.
 */
export function importComplaints(
  connection: Connection,
  options: ImportOptions,
  read: (knownCauses: readonly string[]) => AsyncIterable<ImportedRows>,
): Promise<Imported> {
  return connection.inTransaction(async () => {
    await takeNumbering(connection);
    const rebuild = (await isBulkLoad(connection, options.fileBytes)) ? await setUpkeepAside(connection) : [];
    await connection.run(STAGE);
    await connection.copyIn(COPY_STAGED, copyText(read(await causesInUse(connection))));

    const twice = await connection.value<string | undefined>(
      `SELECT uid FROM ${STAGED} AS s WHERE ${NOT_HELD} GROUP BY uid HAVING count(*) > 1 ORDER BY min(at) LIMIT 1`,
    );
    if (twice !== undefined) throw new UidTwice(twice);
    if (!options.newIds) {
      const taken = await connection.column<number>(
        `SELECT s.id FROM ${STAGED} AS s JOIN complaints USING (id) WHERE ${NOT_HELD} ORDER BY s.id`,
      );
      if (taken.length > 0) throw new IdsTaken(taken);
    }

    const first = await connection.value<number>(`SELECT COALESCE(MAX(id), 0) + 1 FROM complaints`);
    await connection.run(
      `CREATE TEMPORARY TABLE ${KEPT} ON COMMIT DROP AS
       SELECT at, id AS original, ${options.newIds ? `$1::bigint - 1 + row_number() OVER (ORDER BY at)` : 'id'} AS id
         FROM ${STAGED} AS s WHERE ${NOT_HELD}`,
      options.newIds ? [first] : [],
    );
    // How many rows the two hold and how their places spread, for the planner to join them by
    // hashing rather than sorting both; sampling the staged rows' other columns took ~0.9 s of
    // 100,000.
    await connection.run(`ANALYZE ${STAGED} (at), ${KEPT}`);
    const choicesAdded = await choicesOfKept(connection, options.choicesAdded);
    for (const [key, value] of options.settingsWithRows(choicesAdded)) await saveSetting(connection, key, value);
    await addKept(connection, options);
    for (const create of rebuild) await connection.run(create);

    const kept = (await connection.row<{ count: number; lowest: number | null; highest: number | null; read: number }>(
      `SELECT count(*) AS count, min(id) AS lowest, max(id) AS highest, (SELECT count(*) FROM ${STAGED}) AS read FROM ${KEPT}`,
    ))!;
    return { added: IdSpan.counted(kept.count, kept.lowest, kept.highest), alreadyThere: kept.read - kept.count, choicesAdded };
  });
}

/** Of the categories and channels the file adds to the shop's lists, those the rows kept (to be added) hold (src/domain/imported-rows.ts). */
async function choicesOfKept(connection: Connection, added: AddedChoices): Promise<AddedChoices> {
  if (added.categories.length === 0 && added.channels.length === 0) return added;
  const held = await connection.rows<{ key: keyof AddedChoices; choice: string }>(
    `SELECT DISTINCT 'categories' AS key, s.category AS choice FROM ${STAGED} AS s JOIN ${KEPT} USING (at) WHERE s.category = ANY($1::text[])
     UNION SELECT DISTINCT 'channels', s.channel FROM ${STAGED} AS s JOIN ${KEPT} USING (at) WHERE s.channel = ANY($2::text[])`,
    [added.categories, added.channels],
  );
  return choicesHeld(added, (key, choice) => held.some((row) => row.key === key && row.choice === choice));
}

/** Adds the complaints, remedies and 'imported' events of the kept rows, in the file's order. */
async function addKept(connection: Connection, options: ImportOptions): Promise<void> {
  const copied = IMPORTED_COLUMNS.filter((column) => column !== 'id');
  await connection.run(
    `INSERT INTO complaints (id, ${copied.join(', ')})
     SELECT k.id, ${copied.map((column) => `s.${column}`).join(', ')} FROM ${KEPT} AS k JOIN ${STAGED} AS s USING (at)`,
  );
  await connection.run(
    `INSERT INTO remedies (complaint_id, ${IMPORTED_REMEDY_COLUMNS.join(', ')})
     SELECT k.id, ${IMPORTED_REMEDY_COLUMNS.map((column) => `r.${column}`).join(', ')}
       FROM ${KEPT} AS k JOIN ${STAGED} AS s USING (at),
            unnest(${IMPORTED_REMEDY_COLUMNS.map((column) => `s.remedy_${column}`).join(', ')}) WITH ORDINALITY
              AS r (${IMPORTED_REMEDY_COLUMNS.join(', ')}, nth)
      ORDER BY at, nth`,
  );
  // The event names the file, and the file's id where the complaint has another, as the JSON
  // JSON.stringify({ source, original_id }) writes, byte for byte, as on SQLite.
  await connection.run(
    `INSERT INTO events (complaint_id, at, recorded_at, action, changes, till, branch)
     SELECT id, $1, $1, 'imported',
            '{"source":' || $2 || CASE WHEN id = original THEN '' ELSE ',"original_id":' || original END || '}', $3, $4
       FROM ${KEPT}`,
    [options.recordedAt, JSON.stringify(options.source), options.till, options.branch],
  );
}

/** The rows `batches` yield, each with its place in the file, in COPY's text format, a batch a chunk. */
async function* copyText(batches: AsyncIterable<ImportedRows>): AsyncGenerator<string> {
  const width = IMPORTED_COLUMNS.length;
  const remedyWidth = IMPORTED_REMEDY_COLUMNS.length + 1;
  let at = 0;
  for await (const rows of batches) {
    let text = '';
    // Where the next row's remedies begin among the batch's.
    let remedy = 0;
    for (let row = 0; row < rows.count; row++) {
      const start = row * width;
      text += at++;
      for (let column = 0; column < width; column++) text += '\t' + copyValue(rows.values[start + column]!);
      const given: ImportedValue[][] = IMPORTED_REMEDY_COLUMNS.map(() => []);
      for (; remedy < rows.remedies.length && rows.remedies[remedy] === row; remedy += remedyWidth) {
        for (let column = 0; column < given.length; column++) given[column]!.push(rows.remedies[remedy + 1 + column]!);
      }
      for (const values of given) text += '\t' + copyValue(arrayLiteral(values));
      text += '\n';
    }
    yield text;
  }
}

/** A value as COPY's text format writes it: NULL as \N, and a backslash, tab, newline or carriage return escaped. */
function copyValue(value: ImportedValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : value;
}
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** `values` as a PostgreSQL array literal, each element quoted (NULL bare). */
function arrayLiteral(values: readonly ImportedValue[]): string {
  return `{${values.map((value) => (value === null ? 'NULL' : `"${String(value).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`;
}

/**
 * Whether to write the file as a bulk load: when it is larger than the logbook (a shop's history
 * moving in), and the logbook's tables are this login's to change. Read through standard input,
 * a file's size is not known: then when the logbook has no complaints yet.
 */
async function isBulkLoad(connection: Connection, fileBytes: number): Promise<boolean> {
  return connection.value<boolean>(
    `SELECT pg_has_role(relowner, 'USAGE') AND ($1::bigint > pg_table_size(oid) OR NOT EXISTS (SELECT FROM complaints))
       FROM pg_class WHERE oid = 'complaints'::regclass`,
    [fileBytes],
  );
}

/**
 * Drops the indexes of complaints, remedies and events other than their keys, and the references
 * of remedies and events to complaints, and returns the statements that make them again. Building
 * an index once over all its rows is several times quicker than keeping it up row by row (100,000
 * complaints: 1.5 s against 4.6 s), and checking a reference once over all rows than row by row
 * (0.1 s against 0.9 s for 100,000 events). The unique index of uids goes too: importComplaints
 * looks up what is held, and refuses a uid twice in the file, before any row is added.
 */
async function setUpkeepAside(connection: Connection): Promise<string[]> {
  const tables = `('complaints'::regclass, 'remedies'::regclass, 'events'::regclass)`;
  const references = await connection.rows<{ drop: string; add: string }>(
    `SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname) AS drop,
            format('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) AS add
       FROM pg_constraint WHERE contype = 'f' AND conrelid IN ${tables} ORDER BY conname`,
  );
  const indexes = await connection.rows<{ drop: string; add: string }>(
    `SELECT format('DROP INDEX %s', indexrelid::regclass) AS drop, pg_get_indexdef(indexrelid) AS add
       FROM pg_index
      WHERE indrelid IN ${tables}
        AND NOT EXISTS (SELECT FROM pg_constraint WHERE conindid = indexrelid)
      ORDER BY indexrelid::regclass::text`,
  );
  const setAside = [...references, ...indexes];
  for (const { drop } of setAside) await connection.run(drop);
  return setAside.map(({ add }) => add);
}
