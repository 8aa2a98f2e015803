import Database from 'better-sqlite3';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Refusal } from '../../src/errors.js';
import { inBulkLoadMode } from '../../src/store/sqlite/import.js';
import { openDatabase, type Db } from '../../src/store/sqlite/open.js';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('inBulkLoadMode', () => {
  const journalModeOf = (db: Db) => db.pragma('journal_mode', { simple: true });
  const newLogbook = () => openDatabase(join(mkdtempSync(join(tmpdir(), 'complaints-import-')), 'complaints.db'));

  it('loads in rollback-journal mode when no other till has the logbook open, then goes back to WAL', async () => {
    const db = newLogbook();
    try {
      const during = await inBulkLoadMode(db, async () => {
        db.exec('BEGIN IMMEDIATE');
        db.prepare(`INSERT INTO settings (key, value) VALUES ('shop', 'Corner Café')`).run();
        const journal = modeOf(`${db.name}-journal`);
        db.exec('COMMIT');
        return { mode: journalModeOf(db), journal };
      });
      expect(during).toEqual({ mode: 'delete', journal: 0o600 });
      expect(journalModeOf(db)).toBe('wal');
      expect(db.pragma('busy_timeout', { simple: true })).toBe(10000);
    } finally {
      db.close();
    }
  });

  it('stays in WAL mode while another till has the logbook open, so that till can go on reading', async () => {
    const db = newLogbook();
    const otherTill = new Database(db.name);
    try {
      otherTill.prepare(`SELECT count(*) FROM complaints`).get();
      const during = await inBulkLoadMode(db, async () => {
        db.exec('BEGIN IMMEDIATE');
        db.prepare(`INSERT INTO complaints (logged_at, occurred_at, status, description) VALUES ('x', 'x', 'new', 'cold soup')`).run();
        const seen = otherTill.prepare(`SELECT count(*) FROM complaints`).pluck().get();
        db.exec('COMMIT');
        return { mode: journalModeOf(db), seen };
      });
      expect(during).toEqual({ mode: 'wal', seen: 0 });
      expect(journalModeOf(db)).toBe('wal');
      // The switch is tried without waiting; afterwards, other writes are waited for as before.
      expect(db.pragma('busy_timeout', { simple: true })).toBe(10000);
    } finally {
      otherTill.close();
      db.close();
    }
  });

  it('goes back to WAL mode when the load fails, passing its error on', async () => {
    const db = newLogbook();
    try {
      await expect(inBulkLoadMode(db, async () => Promise.reject(new Refusal('the file is bad')))).rejects.toThrow('the file is bad');
      expect(journalModeOf(db)).toBe('wal');
    } finally {
      db.close();
    }
  });
});
