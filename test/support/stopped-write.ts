import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { expect } from 'vitest';

/**
 * Writes to the logbook in a process that is killed before it commits, with a rollback journal
 * (as a bulk import keeps one) and too little cache to hold the write, so that some of it has
 * reached the file: the journal is left hot, for the next process to roll back.
 */
export function stopHalfWay(path: string): void {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const script = `
    const db = new (require(${JSON.stringify(driver)}))(${JSON.stringify(path)});
    db.pragma('journal_mode = DELETE');
    db.pragma('cache_size = 10');
    db.exec('BEGIN IMMEDIATE');
    db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000) " +
            "INSERT INTO settings (key, value) SELECT 'filler ' || i, printf('%.500c', 'x') FROM n");
    process.kill(process.pid, 'SIGKILL');`;
  expect(spawnSync(process.execPath, ['-e', script]).signal).toBe('SIGKILL');
}

