import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

// Logbooks on the test PostgreSQL (test/support/postgres-server.ts). Each is a schema of its own,
// named in its URL (`options=-c search_path=…`), which costs next to nothing to make, where a
// database of its own would cost a copy of a template each.

/** The server's URL, as the run's global set-up leaves it. */
export function testServer(): string {
  const url = process.env.COMPLAINTS_TEST_POSTGRES;
  if (!url) throw new Error('COMPLAINTS_TEST_POSTGRES is not set: the test set-up starts a PostgreSQL or names one');
  return url;
}

/** Every schema the tests make begins so, for a server the tests did not start to be tidied. */
export const SCHEMA_PREFIX = 'complaints_test_';

/** The engine the tests of this run use for the logbooks they make, as the run's project says. */
export const TEST_ENGINE: 'sqlite' | 'postgres' = process.env.COMPLAINTS_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

/** A new schema's name and the URL of a logbook in it; the schema is made by makeSchema(). */
export function newSchema(): { schema: string; url: string } {
  const schema = `${SCHEMA_PREFIX}${randomBytes(6).toString('hex')}`;
  return { schema, url: inSchema(testServer(), schema) };
}

/** `server`'s URL with `schema` first on the search path of every connection made by it. */
export function inSchema(server: string, schema: string): string {
  const url = new URL(server);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** Statements run on the server as the test's superuser, in order, in a process of their own, so that a synchronous test can wait for them. */
export function onServerSync(statements: readonly string[]): unknown[][] {
  const script = `
    import pg from 'pg';
    const client = new pg.Client(process.env.SERVER);
    await client.connect();
    const results = [];
    for (const statement of JSON.parse(process.env.STATEMENTS)) results.push((await client.query(statement)).rows);
    await client.end();
    process.stdout.write(JSON.stringify(results));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    cwd: new URL('../../', import.meta.url),
    env: { ...process.env, SERVER: testServer(), STATEMENTS: JSON.stringify(statements) },
  });
  if (result.status !== 0) throw new Error(`on the test PostgreSQL: ${result.stderr}`);
  return JSON.parse(result.stdout) as unknown[][];
}

/** Statements run on the server as the test's superuser, in order; the rows of each. */
export async function onServer(statements: readonly string[], database?: string): Promise<unknown[][]> {
  const url = new URL(testServer());
  if (database !== undefined) url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const results: unknown[][] = [];
    for (const statement of statements) results.push((await client.query(statement)).rows as unknown[]);
    return results;
  } finally {
    await client.end();
  }
}

/**
 * One statement giving every row of every table of `schema`, in order, as text: to compare a
 * logbook before and after a refused command. query_to_xml runs the query each table needs,
 * which a single statement could not name otherwise.
 */
export function dumpStatement(schema: string): string {
  return `SELECT table_name, query_to_xml(format('SELECT * FROM %I.%I ORDER BY 1', table_schema, table_name), true, false, '')::text AS rows
            FROM information_schema.tables WHERE table_schema = '${schema}' AND table_type = 'BASE TABLE' ORDER BY table_name`;
}
