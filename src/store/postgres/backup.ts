import { IMPORTED_COLUMNS } from '../../domain/imported-rows.js';
import { writeBackup } from '../backup-file.js';
import type { Db } from '../sqlite/open.js';
import type { Connection } from './connection.js';

// Every row the backup carries over, table by table, in the order their references need; the
// report's daily figures are counted again by the copy's own triggers as the complaints go in.
const TABLES = [
  { name: 'settings', columns: ['key', 'value'], order: 'key' },
  { name: 'complaints', columns: IMPORTED_COLUMNS, order: 'id' },
  { name: 'remedies', columns: ['id', 'complaint_id', 'given_at', 'remedy', 'cost_minor'], order: 'id' },
  { name: 'events', columns: ['id', 'complaint_id', 'at', 'recorded_at', 'action', 'changes'], order: 'id' },
] as const;

/**
 * Writes the shared logbook, as it stands at one moment, to `file` as the logbook of a single
 * till: an SQLite file any complaints command opens with `--db FILE`, and that `export` moves
 * back into a shared logbook (the README's "Several tills or branches" says how). writeBackup
 * says how it is put in place.
 */
export async function backupTo(connection: Connection, file: string, replace: boolean): Promise<void> {
  await writeBackup(file, replace, async (draft) => {
    const { openDatabase } = await import('../sqlite/open.js');
    const copy = openDatabase(draft);
    try {
      await connection.inTransaction(() => copyInto(copy, connection), 'snapshot');
      // Kept with a rollback journal, as SQLite backups are, so that it reads even on read-only media.
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  });
}

async function copyInto(copy: Db, connection: Connection): Promise<void> {
  copy.exec('BEGIN');
  try {
    for (const table of TABLES) {
      const insert = copy.prepare(`INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`);
      const select = `SELECT ${table.columns.join(', ')} FROM ${table.name} ORDER BY ${table.order}`;
      for await (const rows of connection.batches<unknown[]>(select, [], 'array')) for (const row of rows) insert.run(row);
    }
    copy.exec('COMMIT');
  } catch (error) {
    copy.exec('ROLLBACK');
    throw error;
  }
}
