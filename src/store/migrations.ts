import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One numbered SQL file of an engine's migrations/ folder: each is applied once, in order, and recorded. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The package's migrations/ folder: the nearest one above this module, built or not. */
function migrationsFolder(): string {
  for (let folder = new URL('./', import.meta.url); ; folder = new URL('../', folder)) {
    const candidate = new URL('migrations/', folder);
    if (existsSync(candidate)) return fileURLToPath(candidate);
    if (folder.pathname === '/') throw new Error(`no migrations folder above ${import.meta.url}`);
  }
}

/** The migrations of `engine` (its folder of migrations/), or those in `dir`, in order. */
export function knownMigrations(engine: 'sqlite' | 'postgres', dir = join(migrationsFolder(), engine)): Migration[] {
  return readdirSync(dir)
    .map((file) => /^(\d{4})_(.+)\.sql$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    // Each file is read only when its migration is applied: every command lists them, few apply one.
    .map((m) => ({ version: Number(m[1]), name: m[2]!, get sql() { return readFileSync(join(dir, m[0]), 'utf8'); } }))
    .sort((a, b) => a.version - b.version);
}
