import { LogbookProblem, NoLogbook } from '../errors.js';
import type { LogbookAddress } from '../location.js';
import type { Logbook } from '../logbook.js';
import { knownMigrations, type Migration } from '../migrations.js';
import type { Access, FirstSettings } from '../open.js';
import { saveSetting } from './settings.js';
import { Connection, asProblem } from './connection.js';
import { PostgresLogbook } from './logbook.js';

/** The key of the lock under which one till at a time brings a logbook up to date ('cmpl' in ASCII). */
const MIGRATING = 0x636d706c;

/** The PostgreSQL logbook's migrations (migrations/postgres). */
export const postgresMigrations = (dir?: string): Migration[] => knownMigrations('postgres', dir);

/**
 * The logbook in the PostgreSQL database at `address`, brought up to date. A database with no
 * tables has no logbook yet: made there for 'add'; for 'import', made in a transaction that commits
 * only with the import (a refused file leaves no logbook); refused for 'read' and 'change', read as
 * an empty logbook (made in memory, the database untouched) for 'dry-run'. A database holding other
 * tables, or a logbook of a newer schema, is refused untouched.
 */
export async function openPostgresLogbook(
  address: Extract<LogbookAddress, { engine: 'postgres' }>,
  access: Access,
  firstSettings: FirstSettings = {},
  migrations = postgresMigrations(),
): Promise<Logbook> {
  const connection = await Connection.open(address.url, address.shown);
  try {
    const applied = await appliedVersions(connection, address.shown);
    if (applied.length === 0 && access !== 'add' && access !== 'import') {
      if (access === 'dry-run') {
        await connection.close();
        return await emptyLogbook(firstSettings);
      }
      // A login that could not make it is not to be told that its first log will.
      if (!(await mayMakeLogbook(connection))) throw new LogbookProblem(address.shown, { kind: 'making needs owner' });
      throw new NoLogbook(address.shown, 'server');
    }
    refuseIfNewer(applied, migrations, address.shown);
    if (applied.length === 0 && access === 'import') await connection.beginDraft();
    const madeNow = migrations.some((migration) => !applied.includes(migration.version)) && (await migrate(connection, migrations, address.shown, firstSettings, applied));
    return new PostgresLogbook(connection, madeNow && access === 'add');
  } catch (error) {
    await connection.close();
    throw asProblem(error, address.shown);
  }
}

/** Whether this login may make tables in the schema the logbook is to be in (when it is there). */
async function mayMakeLogbook(connection: Connection): Promise<boolean> {
  return (await connection.value<boolean | null>(`SELECT has_schema_privilege(current_schema(), 'CREATE')`)) !== false;
}

/** What a dry run checks against when there is no logbook yet: the same answers as an empty one gives. */
async function emptyLogbook(firstSettings: FirstSettings): Promise<Logbook> {
  const { openEmptyLogbook } = await import('../sqlite/open.js');
  const { SqliteLogbook } = await import('../sqlite/logbook.js');
  return new SqliteLogbook(openEmptyLogbook(undefined, firstSettings), ':memory:');
}

/** The migrations recorded in the database; none when it is empty. A database with tables of another program is refused. */
async function appliedVersions(connection: Connection, shown: string): Promise<number[]> {
  const tables = await connection.column<string>(
    // From the catalogue rather than information_schema, whose views took 6 ms of every command,
    // and which lists only the tables this login may use.
    `SELECT relname FROM pg_class WHERE relnamespace = current_schema()::regnamespace AND relkind IN ('r', 'p')`,
  );
  if (tables.length === 0) {
    // No schema of the search path this login may use (current_schema() is then null): nothing can
    // be made or read there. One there but not this login's to use is the owner's to grant.
    const [schema] = await connection.column<string | null>(`SELECT current_schema()`);
    if (schema === null) {
      const denied = await connection.value<string | undefined>(
        `SELECT nspname FROM pg_namespace
          WHERE nspname IN (SELECT btrim(replace(name, '$user', current_user), ' "') FROM unnest(string_to_array(current_setting('search_path'), ',')) AS name)
            AND NOT has_schema_privilege(oid, 'USAGE')
          LIMIT 1`,
      );
      throw new LogbookProblem(shown, denied === undefined ? { kind: 'no schema' } : { kind: 'not allowed', detail: `permission denied for schema ${denied}` });
    }
    return [];
  }
  if (!tables.includes('schema_migrations')) throw new LogbookProblem(shown, { kind: 'other tables' });
  return connection.column<number>(`SELECT version FROM schema_migrations ORDER BY version`);
}

function refuseIfNewer(applied: readonly number[], migrations: Migration[], shown: string): void {
  const known = new Set(migrations.map((m) => m.version));
  const unknown = applied.filter((version) => !known.has(version));
  if (unknown.length > 0) throw new LogbookProblem(shown, { kind: 'newer', schema: Math.max(...unknown) });
}

/**
 * Applies the migrations the database has not had, all in one transaction under a lock, so that
 * two tills opening an old logbook at once update it once, and a failure leaves it as it was;
 * whether this till made the logbook (of tills making it at once, the first under the lock).
 */
async function migrate(connection: Connection, migrations: Migration[], shown: string, firstSettings: FirstSettings, applied: readonly number[]): Promise<boolean> {
  let current: Migration | undefined;
  try {
    return await connection.inTransaction(async () => {
      await connection.run(`SELECT pg_advisory_xact_lock($1)`, [MIGRATING]);
      await connection.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)`);
      const done = new Set(await connection.column<number>(`SELECT version FROM schema_migrations`));
      for (const migration of migrations.filter((m) => !done.has(m.version))) {
        current = migration;
        await connection.run(migration.sql);
        await connection.run(`INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)`, [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
      }
      // Made now, by this till: it starts with the settings of its maker's language.
      if (done.size === 0) for (const [key, value] of Object.entries(firstSettings)) await saveSetting(connection, key, value);
      return done.size === 0;
    });
  } catch (error) {
    const problem = asProblem(error, shown);
    // A till's login may not make or change the tables: the logbook's owner makes it, and brings it up to date.
    if (problem instanceof LogbookProblem && problem.trouble.kind === 'not allowed') {
      throw new LogbookProblem(
        shown,
        applied.length === 0 ? { kind: 'making needs owner' } : { kind: 'update needs owner', from: Math.max(...applied), to: migrations[migrations.length - 1]!.version },
      );
    }
    if (problem instanceof LogbookProblem || current === undefined) throw problem;
    const name = `${current.version} ${current.name}`;
    throw new LogbookProblem(shown, { kind: 'update failed', migration: name, reason: (error as Error).message, keptIn: null });
  }
}
