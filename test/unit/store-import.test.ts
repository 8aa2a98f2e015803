import Database from 'better-sqlite3';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Refusal } from '../../src/errors.js';
import { ID_AT, IMPORTED_COLUMNS, noImportedRows, type ImportedRows, type ImportedValue } from '../../src/domain/imported-rows.js';
import { inBulkLoadMode, inLoggedOrder } from '../../src/store/sqlite/import.js';
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

describe('inLoggedOrder', () => {
  // Rows as the reading thread hands them on, giving only what the judgement reads: id and when it happened.
  const rowsOf = (complaints: ReadonlyArray<{ id: number; occurredAt: string }>): ImportedRows => {
    const rows = noImportedRows();
    for (const { id, occurredAt } of complaints) {
      const values = new Array<ImportedValue>(IMPORTED_COLUMNS.length).fill(null);
      values[ID_AT] = id;
      values[IMPORTED_COLUMNS.indexOf('occurred_at')] = occurredAt;
      rows.values.push(...values);
      rows.count++;
    }
    return rows;
  };
  const minutesAfter = (minutes: number) => new Date(Date.UTC(2026, 10, 1) + minutes * 60_000).toISOString();
  // As a till logs them: one after another, each told of up to 40 minutes after it happened.
  const logged = Array.from({ length: 250 }, (_, at) => ({ id: at + 1, occurredAt: minutesAfter(at * 5 - ((at * 37) % 41)) }));

  it('holds an export, its complaints by id, each logged a little after it happened, to be in logged order', () => {
    expect(inLoggedOrder(rowsOf(logged), false)).toBe(true);
  });

  it('holds the same rows newest first, or shuffled, not to be', () => {
    expect(inLoggedOrder(rowsOf([...logged].reverse()), false)).toBe(false);
    const shuffled = logged.map((row, at) => ({ row, key: (at * 7919) % 251 })).sort((a, b) => a.key - b.key).map(({ row }) => row);
    expect(inLoggedOrder(rowsOf(shuffled), false)).toBe(false);
  });

  it('asks nothing of the ids when the import numbers the complaints itself', () => {
    const renumbered = logged.map(({ occurredAt }, at) => ({ id: 1000 - at, occurredAt }));
    expect(inLoggedOrder(rowsOf(renumbered), false)).toBe(false);
    expect(inLoggedOrder(rowsOf(renumbered), true)).toBe(true);
  });

  it('takes a file of too few rows to judge as in order', () => {
    expect(inLoggedOrder(rowsOf([...logged].reverse().slice(0, 100)), false)).toBe(true);
  });
});
