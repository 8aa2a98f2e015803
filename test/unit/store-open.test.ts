import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentUid } from '../../src/domain/identity.js';
import {
  asProblem,
  sqliteMigrations as knownMigrations,
  openDatabase,
  openDraftLogbook,
  openEmptyLogbook,
  openForReading,
  type Db,
} from '../../src/store/sqlite/open.js';
import { inWords } from '../../src/output/store-errors.js';
import { LogbookProblem } from '../../src/store/errors.js';
import { dumpDatabase } from '../e2e/harness.js';
import { stopHalfWay } from '../support/stopped-write.js';

const SHIPPED_MIGRATIONS = fileURLToPath(new URL('../../migrations/sqlite/', import.meta.url));
const FIRST_MIGRATION = '0001_logbook.sql';
/** The migrations this build ships, in order: a new one is added here when it is written. */
const SHIPPED = [
  { version: 1, name: 'logbook' },
  { version: 2, name: 'report_indexes' },
  { version: 3, name: 'report_covering_indexes' },
  { version: 4, name: 'person_keys' },
  { version: 5, name: 'category_assignee_indexes' },
  { version: 6, name: 'summary_figures' },
  { version: 7, name: 'status_check_by_comparison' },
  { version: 8, name: 'person_keys_folded' },
  { version: 9, name: 'remedies' },
  { version: 10, name: 'complaint_uids' },
  { version: 11, name: 'tills_and_branches' },
  { version: 12, name: 'natures' },
  { version: 13, name: 'approvals' },
  { version: 14, name: 'undo' },
  { version: 15, name: 'monthly_tallies' },
  { version: 16, name: 'follow_ups_due' },
  { version: 17, name: 'follow_ups_waiting' },
  { version: 18, name: 'person_keys_chinese' },
  { version: 19, name: 'remedies_given' },
  { version: 20, name: 'events_before_null' },
  { version: 21, name: 'hours_to_resolve_whole_seconds' },
  { version: 22, name: 'person_keys_invisible' },
  { version: 23, name: 'missed_respond_by' },
  { version: 24, name: 'action_recorded_at' },
  { version: 25, name: 'events_branch' },
  { version: 26, name: 'events_written_at' },
  { version: 27, name: 'earlier_satisfaction' },
  { version: 28, name: 'settings_set_where' },
  { version: 29, name: 'person_keys_joiner' },
];

/** A schema version no build has shipped yet. */
const FUTURE = SHIPPED.length + 1;

const tempFolder = () => mkdtempSync(join(tmpdir(), 'complaints-open-'));

/** What `attempt` reports as a problem with the logbook, in the words a person is shown. */
function problemOf(attempt: () => unknown): string {
  try {
    attempt();
  } catch (error) {
    if (!(error instanceof LogbookProblem)) throw error;
    return inWords(error)!.message;
  }
  throw new Error('the logbook was opened');
}
const modeOf = (path: string) => statSync(path).mode & 0o777;

function withOpened<T>(path: string, use: (db: Db) => T, migrations = knownMigrations()): T {
  const db = openDatabase(path, migrations);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** Everything a refused open must leave as it was: the file's bytes and what lies next to it. */
function snapshot(path: string, folder: string) {
  const isFile = statSync(path).isFile();
  return { bytes: isFile ? readFileSync(path) : null, folder: readdirSync(folder).sort(), inside: isFile ? null : readdirSync(path) };
}

/** The schema as SQLite keeps it, to compare a database before and after. */
function schemaOf(path: string): unknown[] {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT type, name, sql FROM sqlite_schema ORDER BY type, name`).all();
  } finally {
    db.close();
  }
}

/** A folder of migrations: the shipped first one plus the given later ones. */
function migrationsFolder(later: Record<string, string> = {}): string {
  const folder = tempFolder();
  copyFileSync(join(SHIPPED_MIGRATIONS, FIRST_MIGRATION), join(folder, FIRST_MIGRATION));
  for (const [file, sql] of Object.entries(later)) writeFileSync(join(folder, file), sql);
  return folder;
}

/** A new logbook made by the migrations up to `version`, filled by `fill`: one an older version of the program left. */
function logbookUpTo(version: number, fill: (db: Db) => void): string {
  const path = join(tempFolder(), 'complaints.db');
  withOpened(path, fill, knownMigrations().filter((migration) => migration.version <= version));
  return path;
}

/** A logbook at schema 1 holding one complaint, its event and a setting. */
function logbookAtSchemaOne(): { folder: string; path: string } {
  const folder = tempFolder();
  const path = join(folder, 'complaints.db');
  withOpened(
    path,
    (db) => {
      db.prepare(
        `INSERT INTO complaints (id, logged_at, occurred_at, status, customer, description, cause, resolved_at, remedy, cost_minor)
         VALUES (1, '2026-11-20T12:05:00.000Z', '2026-11-20T12:00:00.000Z', 'resolved', 'Ann Lee', 'soup was cold', '菜太凉',
                 '2026-11-21T09:00:00.000Z', 'refund', 450)`,
      ).run();
      db.prepare(
        `INSERT INTO events (complaint_id, at, recorded_at, action, changes)
         VALUES (1, '2026-11-20T12:00:00.000Z', '2026-11-20T12:05:00.000Z', 'logged', '{}')`,
      ).run();
      db.prepare(`INSERT INTO settings (key, value) VALUES ('shop', 'Corner Café')`).run();
    },
    knownMigrations(migrationsFolder()),
  );
  return { folder, path };
}

const SECOND_MIGRATION = {
  '0002_staff_phone.sql': `ALTER TABLE complaints ADD COLUMN staff_phone TEXT;
CREATE TABLE shifts (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;`,
};

describe('openDatabase: a new logbook', () => {
  it('creates the file 0600 inside a new 0700 folder, in WAL mode', () => {
    const folder = tempFolder();
    const path = join(folder, 'shop', 'complaints.db');
    withOpened(path, (db) => {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    });
    expect(modeOf(path)).toBe(0o600);
    expect(modeOf(join(folder, 'shop'))).toBe(0o700);
  });

  it('keeps the write-ahead log as private as the logbook', () => {
    const path = join(tempFolder(), 'complaints.db');
    withOpened(path, (db) => {
      db.prepare(`INSERT INTO settings (key, value) VALUES ('shop', 'Corner Café')`).run();
      expect(modeOf(`${path}-wal`)).toBe(0o600);
      expect(modeOf(`${path}-shm`)).toBe(0o600);
    });
  });

  it('applies the whole migration chain, giving the logbook tables', () => {
    const path = join(tempFolder(), 'complaints.db');
    withOpened(path, (db) => {
      expect(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).pluck().all()).toEqual([
        'complaints',
        'daily_figures',
        'events',
        'monthly_actions',
        'monthly_causes',
        'monthly_follow_ups',
        'monthly_hours',
        'remedies',
        'schema_migrations',
        'settings',
      ]);
      expect(db.prepare(`SELECT version, name FROM schema_migrations ORDER BY version`).all()).toEqual(SHIPPED);
      expect(db.prepare(`SELECT name FROM pragma_table_info('complaints') ORDER BY cid`).pluck().all()).toEqual([
        'id', 'logged_at', 'occurred_at', 'status', 'channel', 'customer', 'contact', 'about', 'description', 'wants',
        'suggestion', 'staff', 'category', 'cause', 'severity', 'reject_reason', 'assignee', 'respond_by', 'resolved_at',
        'remedy', 'cost_minor', 'root_cause', 'action', 'followed_up_at', 'satisfaction', 'customer_key', 'contact_key', 'uid', 'till', 'branch', 'nature', 'answer', 'proposed_remedy', 'proposed_cost_minor', 'remedies_given', 'missed_respond_by', 'action_at', 'earlier_satisfaction',
      ]);
      expect(db.prepare(`SELECT name FROM pragma_table_info('remedies') ORDER BY cid`).pluck().all()).toEqual([
        'id', 'complaint_id', 'given_at', 'remedy', 'cost_minor',
      ]);
      expect(db.prepare(`SELECT name FROM pragma_table_info('events') ORDER BY cid`).pluck().all()).toEqual([
        'id', 'complaint_id', 'at', 'recorded_at', 'action', 'changes', 'till', 'before', 'undoes', 'branch', 'written_at',
      ]);
      expect(db.prepare(`SELECT type, name FROM sqlite_schema WHERE tbl_name = 'complaints' AND sql IS NOT NULL ORDER BY type, name`).all()).toEqual([
        ...['awaiting', 'awaiting_approval', 'by_assignee', 'by_branch', 'by_category', 'by_cause', 'by_contact', 'by_customer', 'by_hours_to_resolve', 'by_status', 'by_till', 'by_uid', 'communicative', 'follow_ups_due', 'for_report', 'unjudged',
          'with_action_by_recorded', 'with_suggestion_by_occurred'].map((name) => ({ type: 'index', name: `complaints_${name}` })),
        { type: 'table', name: 'complaints' },
        ...['counted', 'no_longer_waiting', 'recounted', 'recounting', 'retallied', 'retallying', 'tallied', 'uncounted', 'untallied', 'waiting', 'waiting_changed'].map((name) => ({ type: 'trigger', name: `complaints_${name}` })),
      ]);
    });
  });

  it('judges the complaints of an older logbook as they were: triaged upheld ones valid, rejected ones unfounded, the rest not yet', () => {
    const { path } = logbookAtSchemaOne();
    withOpened(
      path,
      (db) => {
        db.prepare(
          `INSERT INTO complaints (id, logged_at, occurred_at, status, description, reject_reason, assignee)
           VALUES (2, '2026-11-20T12:05:00.000Z', '2026-11-20T12:00:00.000Z', 'rejected', '别家买的', '不是本店', NULL),
                  (3, '2026-11-20T12:05:00.000Z', '2026-11-20T12:00:00.000Z', 'new', '几点关门', NULL, NULL),
                  (4, '2026-11-20T12:05:00.000Z', '2026-11-20T12:00:00.000Z', 'assigned', '太慢', NULL, '小王')`,
        ).run();
      },
      knownMigrations().filter((migration) => migration.version < 12),
    );
    withOpened(path, (db) => {
      expect(db.prepare(`SELECT id, nature FROM complaints ORDER BY id`).all()).toEqual([
        { id: 1, nature: 'valid' },
        { id: 2, nature: 'unfounded' },
        { id: 3, nature: null },
        { id: 4, nature: null },
      ]);
    });
  });

  it('gives the complaints of an older logbook their person keys, so its customers are recognised', () => {
    const { path } = logbookAtSchemaOne();
    withOpened(path, (db) => {
      expect(db.prepare(`SELECT customer_key, contact_key FROM complaints WHERE id = 1`).get()).toEqual({
        customer_key: 'ann lee',
        contact_key: null,
      });
    });
  });

  it('makes the person keys of a logbook kept before full-width forms were folded again', () => {
    const path = logbookUpTo(7, (db) => {
      db.prepare(
        `INSERT INTO complaints (id, logged_at, occurred_at, status, customer, contact, customer_key, contact_key, description)
         VALUES (1, '2026-11-20T12:05:00.000Z', '2026-11-20T12:00:00.000Z', 'new', 'ＡＮＮ ＬＥＥ', '０７１２ ３４５６７８',
                 'ａｎｎ ｌｅｅ', '０７１２３４５６７８', 'soup was cold')`,
      ).run();
    });
    withOpened(path, (db) => {
      expect(db.prepare(`SELECT customer_key, contact_key FROM complaints WHERE id = 1`).get()).toEqual({
        customer_key: 'ann lee',
        contact_key: '0712345678',
      });
    });
  });

  it('makes the person keys of a logbook kept before invisible characters were left out of them', () => {
    const path = logbookUpTo(21, (db) => {
      db.prepare(
        `INSERT INTO complaints (id, logged_at, occurred_at, status, customer, contact, customer_key, contact_key, description)
         VALUES (1, '2026-11-20T12:05:00.000Z', '2026-11-20T12:00:00.000Z', 'new', '王\u200b芳', '138\u200b0013\u200b8000', '王\u200b芳', '138\u200b0013\u200b8000', '汤凉了'),
                (2, '2026-11-20T12:05:00.000Z', '2026-11-20T12:00:00.000Z', 'new', 'Ann Lee', NULL, 'ann lee', NULL, 'soup was cold')`,
      ).run();
    });
    withOpened(path, (db) => {
      expect(db.prepare(`SELECT customer_key, contact_key FROM complaints ORDER BY id`).all()).toEqual([
        { customer_key: '王芳', contact_key: '13800138000' },
        { customer_key: 'ann lee', contact_key: null },
      ]);
    });
  });

  it('makes the person keys of a logbook kept before a zero-width joiner outside an emoji was left out of them', () => {
    const path = logbookUpTo(28, (db) => {
      const complaint = db.prepare(
        `INSERT INTO complaints (id, logged_at, occurred_at, status, customer, contact, customer_key, contact_key, description)
         VALUES (?, '2026-11-20T12:05:00.000Z', '2026-11-20T12:00:00.000Z', 'new', ?, ?, ?, ?, '汤凉了')`,
      );
      complaint.run(1, '王\u200d芳', '+86 138\u200d0013 8000', '王\u200d芳', '+86138\u200d00138000');
      complaint.run(2, '👨\u200d🍳 Li', null, '👨\u200d🍳 li', null);
    });
    withOpened(path, (db) => {
      expect(db.prepare(`SELECT customer_key, contact_key FROM complaints ORDER BY id`).all()).toEqual([
        { customer_key: '王芳', contact_key: '13800138000' },
        { customer_key: '👨\u200d🍳 li', contact_key: null },
      ]);
    });
  });

  it('dates the corrective actions of an older logbook by the step that found them, and tallies them by it', () => {
    const path = logbookUpTo(23, (db) => {
      const complaint = db.prepare(
        `INSERT INTO complaints (id, logged_at, occurred_at, status, description, category, cause, resolved_at, remedy, action, uid)
         VALUES (?, '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', ?, 'soup was cold', 'food', 'cold soup', ?, ?, ?, ?)`,
      );
      // 1: action given on the 24th, reopened, resolved again on 2 December without one.
      complaint.run(1, 'resolved', '2026-12-02T10:00:00.000Z', 'apology', 'insulated pot', 'u1');
      // 2: found with a remedy proposed on the 25th, approved on the 26th; 3: imported, its timeline silent; 4: given and undone.
      complaint.run(2, 'resolved', '2026-11-26T10:00:00.000Z', 'refund', 'new supplier', 'u2');
      complaint.run(3, 'closed', '2026-11-23T10:00:00.000Z', 'refund', 'thermometer', 'u3');
      complaint.run(4, 'assigned', null, null, 'lids', 'u4');
      const event = db.prepare(`INSERT INTO events (id, complaint_id, at, recorded_at, action, changes, undoes) VALUES (?, ?, ?, ?, ?, ?, ?)`);
      const at = (day: string) => `2026-${day}T10:00:00.000Z`;
      event.run(1, 1, at('11-24'), at('11-24'), 'resolved', '{"status":"resolved","remedy":"refund","action":"insulated pot"}', null);
      event.run(2, 1, at('11-30'), at('11-30'), 'reopened', '{"status":"assigned","resolved_at":null}', null);
      event.run(3, 1, at('12-02'), at('12-02'), 'resolved', '{"status":"resolved","remedy":"apology"}', null);
      event.run(4, 2, at('11-25'), at('11-25'), 'proposed', '{"proposed_remedy":"refund","action":"new supplier"}', null);
      event.run(5, 2, at('11-26'), at('11-26'), 'approved', '{"status":"resolved","remedy":"refund"}', null);
      event.run(6, 3, at('11-23'), at('11-23'), 'imported', '{}', null);
      event.run(7, 4, at('11-24'), at('11-24'), 'resolved', '{"status":"resolved","remedy":"refund","action":"lids"}', null);
      event.run(8, 4, at('11-25'), at('11-25'), 'undone', '{"undid":"resolved"}', 7);
    });
    withOpened(path, (db) => {
      expect(db.prepare(`SELECT id, action_at FROM complaints ORDER BY id`).all()).toEqual([
        { id: 1, action_at: '2026-11-24T10:00:00.000Z' },
        { id: 2, action_at: '2026-11-25T10:00:00.000Z' },
        { id: 3, action_at: '2026-11-23T10:00:00.000Z' },
        { id: 4, action_at: null },
      ]);
      expect(db.prepare(`SELECT month, cause, recorded FROM monthly_actions ORDER BY month`).all()).toEqual([{ month: '2026-11', cause: 'cold soup', recorded: 3 }]);
    });
  });

  it("gives the loggings of an older logbook their complaint's branch, and other events none, as which branch made them is not known", () => {
    const path = logbookUpTo(24, (db) => {
      const complaint = db.prepare(
        `INSERT INTO complaints (id, logged_at, occurred_at, status, description, till, branch, uid)
         VALUES (?, '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', 'new', 'soup was cold', ?, ?, ?)`,
      );
      complaint.run(1, '前台', '北门店', 'u1');
      complaint.run(2, '前台', null, 'u2');
      const event = db.prepare(`INSERT INTO events (id, complaint_id, at, recorded_at, action, changes, till) VALUES (?, ?, '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', ?, '{}', ?)`);
      event.run(1, 1, 'logged', '前台');
      // At 前台 too, but perhaps another branch's 前台.
      event.run(2, 1, 'noted', '前台');
      event.run(3, 1, 'noted', null);
      event.run(4, 2, 'logged', '前台');
    });
    withOpened(path, (db) => {
      expect(db.prepare(`SELECT id, branch FROM events ORDER BY id`).all()).toEqual([
        { id: 1, branch: '北门店' },
        { id: 2, branch: null },
        { id: 3, branch: null },
        { id: 4, branch: null },
      ]);
    });
  });

  it('keeps the scores of an older logbook that a later follow-up took the place of, counts them, and lets the follow-up be undone', () => {
    const path = logbookUpTo(26, (db) => {
      const complaint = db.prepare(
        `INSERT INTO complaints (id, logged_at, occurred_at, status, description, resolved_at, remedy, followed_up_at, satisfaction, uid)
         VALUES (?, '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', ?, 'soup was cold', ?, 'refund', ?, ?, ?)`,
      );
      const at = (day: string) => `2026-${day}T10:00:00.000Z`;
      // 1: 2/5 and reopened, 3/5 and reopened again, then 5/5. 2: 1/5 and reopened, then followed up
      // without a score. 3: a 4/5 undone, then 2/5 and reopened, resolved again and not yet followed up.
      complaint.run(1, 'closed', at('11-27'), at('11-28'), 5, 'u1');
      complaint.run(2, 'closed', at('11-25'), at('11-26'), null, 'u2');
      complaint.run(3, 'resolved', at('11-25'), at('11-24'), 2, 'u3');
      const event = db.prepare(`INSERT INTO events (id, complaint_id, at, recorded_at, action, changes, before, undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
      const step = (id: number, complaint: number, day: string, action: string, changes: object, before: object | null = null, undoes: number | null = null) =>
        event.run(id, complaint, at(day), at(day), action, JSON.stringify(changes), before === null ? null : JSON.stringify(before), undoes);
      step(1, 1, '11-22', 'reopened', { status: 'assigned', satisfaction: 2 }, { status: 'resolved', satisfaction: null });
      step(2, 1, '11-24', 'reopened', { status: 'assigned', satisfaction: 3 }, { status: 'resolved', satisfaction: 2 });
      step(3, 1, '11-28', 'followed-up', { status: 'closed', satisfaction: 5 }, { status: 'resolved', satisfaction: 3 });
      step(4, 2, '11-22', 'reopened', { status: 'assigned', satisfaction: 1 }, { status: 'resolved', satisfaction: null });
      step(5, 2, '11-26', 'followed-up', { status: 'closed', satisfaction: null }, { status: 'resolved', satisfaction: 1 });
      step(6, 3, '11-21', 'followed-up', { status: 'closed', satisfaction: 4 }, { status: 'resolved', satisfaction: null });
      step(7, 3, '11-21', 'undone', { undid: 'followed-up', status: 'resolved', satisfaction: null }, null, 6);
      step(8, 3, '11-22', 'reopened', { status: 'assigned', satisfaction: 2 }, { status: 'resolved', satisfaction: null });
    });
    withOpened(path, (db) => {
      expect(db.prepare(`SELECT id, satisfaction, earlier_satisfaction FROM complaints ORDER BY id`).all()).toEqual([
        { id: 1, satisfaction: 5, earlier_satisfaction: '2; 3' },
        { id: 2, satisfaction: null, earlier_satisfaction: '1' },
        { id: 3, satisfaction: 2, earlier_satisfaction: null },
      ]);
      // Every score given counts: (2 + 3 + 5) + 1 + 2 over five.
      expect(db.prepare(`SELECT sum(rated) AS rated, sum(satisfaction) AS satisfaction FROM daily_figures`).get()).toEqual({ rated: 5, satisfaction: 13 });
      // Undoing a follow-up takes the score it moved back out of the earlier ones.
      const before = (id: number) => JSON.parse(db.prepare(`SELECT before FROM events WHERE id = ?`).pluck().get(id) as string) as Record<string, unknown>;
      expect(before(3)).toEqual({ status: 'resolved', satisfaction: 3, earlier_satisfaction: '2' });
      expect(before(2)).toEqual({ status: 'resolved', satisfaction: 2, earlier_satisfaction: null });
      expect(before(5)).toEqual({ status: 'resolved', satisfaction: 1, earlier_satisfaction: null });
      expect(before(8)).toEqual({ status: 'resolved', satisfaction: null });
    });
  });

  it('counts what the days of an older logbook add up to, for the report to read', () => {
    const { path } = logbookAtSchemaOne();
    withOpened(path, (db) => {
      expect(db.prepare(`SELECT day, logged, resolved, cost_minor FROM daily_figures ORDER BY day`).all()).toEqual([
        { day: '2026-11-20', logged: 1, resolved: 1, cost_minor: 0 },
        // What the remedy cost counts on the day it was given.
        { day: '2026-11-21', logged: 0, resolved: 0, cost_minor: 450 },
      ]);
    });
  });

  it('gives each complaint of an older logbook every remedy its timeline records, and what they cost together', () => {
    const path = logbookUpTo(8, (db) => {
      db.prepare(
        `INSERT INTO complaints (id, logged_at, occurred_at, status, description, resolved_at, remedy, cost_minor)
         VALUES (1, '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', 'resolved', 'soup was cold', '2026-11-22T10:00:00.000Z', 'discount', 5000),
                (2, '2026-11-20T13:00:00.000Z', '2026-11-20T13:00:00.000Z', 'closed', 'imported, never resolved here', '2026-11-21T10:00:00.000Z', 'apology', NULL)`,
      ).run();
      const event = db.prepare(`INSERT INTO events (complaint_id, at, recorded_at, action, changes) VALUES (1, ?, ?, ?, ?)`);
      event.run('2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', 'logged', '{}');
      event.run('2026-11-20T15:00:00.000Z', '2026-11-20T15:00:00.000Z', 'resolved', '{"status":"resolved","remedy":"refund","cost_minor":10000}');
      event.run('2026-11-21T09:00:00.000Z', '2026-11-21T09:00:00.000Z', 'reopened', '{"status":"assigned","resolved_at":null}');
      event.run('2026-11-22T10:00:00.000Z', '2026-11-22T10:00:00.000Z', 'resolved', '{"status":"resolved","remedy":"discount","cost_minor":5000}');
    });
    withOpened(path, (db) => {
      expect(db.prepare(`SELECT complaint_id, given_at, remedy, cost_minor FROM remedies ORDER BY id`).all()).toEqual([
        { complaint_id: 1, given_at: '2026-11-20T15:00:00.000Z', remedy: 'refund', cost_minor: 10000 },
        { complaint_id: 1, given_at: '2026-11-22T10:00:00.000Z', remedy: 'discount', cost_minor: 5000 },
        { complaint_id: 2, given_at: '2026-11-21T10:00:00.000Z', remedy: 'apology', cost_minor: null },
      ]);
      expect(db.prepare(`SELECT id, remedy, cost_minor FROM complaints ORDER BY id`).all()).toEqual([
        { id: 1, remedy: 'discount', cost_minor: 15000 },
        { id: 2, remedy: 'apology', cost_minor: null },
      ]);
      expect(db.prepare(`SELECT day, cost_minor FROM daily_figures WHERE cost_minor > 0 ORDER BY day`).all()).toEqual([
        { day: '2026-11-20', cost_minor: 10000 },
        { day: '2026-11-22', cost_minor: 5000 },
      ]);
    });
  });

  it('keeps with each complaint its remedies as export writes them, those of an older logbook and those given, changed and undone after', () => {
    const remediesGiven = (db: Db) => db.prepare(`SELECT id, remedies_given FROM complaints ORDER BY id`).all();
    const path = logbookUpTo(18, (db) => {
      db.prepare(
        `INSERT INTO complaints (id, logged_at, occurred_at, status, description, resolved_at, remedy, cost_minor)
         VALUES (1, '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', 'resolved', 'soup was cold', '2026-11-22T10:00:00.000Z', 'discount', 5005),
                (2, '2026-11-20T13:00:00.000Z', '2026-11-20T13:00:00.000Z', 'new', 'no remedy yet', NULL, NULL, NULL)`,
      ).run();
      const give = db.prepare(`INSERT INTO remedies (complaint_id, given_at, remedy, cost_minor) VALUES (1, ?, ?, ?)`);
      // Given out of order: they are written oldest first.
      give.run('2026-11-22T10:00:00.000Z', 'discount', 5);
      give.run('2026-11-20T15:00:00.000Z', 'refund', 5000);
      give.run('2026-11-22T10:00:00.000Z', 'apology', null);
    });
    withOpened(path, (db) => {
      expect(remediesGiven(db)).toEqual([
        { id: 1, remedies_given: '2026-11-20T15:00:00.000Z refund 50.00; 2026-11-22T10:00:00.000Z discount 0.05; 2026-11-22T10:00:00.000Z apology' },
        { id: 2, remedies_given: null },
      ]);
      db.prepare(`INSERT INTO remedies (complaint_id, given_at, remedy, cost_minor) VALUES (2, '2026-11-23T09:00:00.000Z', 'replacement', 1280)`).run();
      db.prepare(`UPDATE remedies SET cost_minor = 100 WHERE complaint_id = 1 AND remedy = 'discount'`).run();
      db.prepare(`DELETE FROM remedies WHERE complaint_id = 1 AND remedy = 'refund'`).run();
      expect(remediesGiven(db)).toEqual([
        { id: 1, remedies_given: '2026-11-22T10:00:00.000Z discount 1.00; 2026-11-22T10:00:00.000Z apology' },
        { id: 2, remedies_given: '2026-11-23T09:00:00.000Z replacement 12.80' },
      ]);
      db.prepare(`UPDATE remedies SET complaint_id = 2 WHERE remedy = 'apology'`).run();
      db.prepare(`DELETE FROM remedies WHERE remedy = 'discount'`).run();
      expect(remediesGiven(db)).toEqual([
        { id: 1, remedies_given: null },
        { id: 2, remedies_given: '2026-11-22T10:00:00.000Z apology; 2026-11-23T09:00:00.000Z replacement 12.80' },
      ]);
    });
  });

  it('keeps every event of an older logbook, and an SQLite before 3.45 (json_valid(NULL) is 0 there) finds no damage in them and can add one', () => {
    const eventsOf = (db: Db) => db.prepare(`SELECT * FROM events ORDER BY id`).all();
    let before: unknown[] = [];
    const path = logbookUpTo(19, (db) => {
      db.prepare(
        `INSERT INTO complaints (id, logged_at, occurred_at, status, description, cause)
         VALUES (1, '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', 'triaged', '汤是凉的', '出餐慢')`,
      ).run();
      const record = db.prepare(
        `INSERT INTO events (id, complaint_id, at, recorded_at, action, changes, till, before, undoes) VALUES (?, 1, '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', ?, ?, ?, ?, ?)`,
      );
      record.run(1, 'logged', '{}', null, null, null);
      record.run(2, 'triaged', '{"cause":"菜太凉"}', '前台', '{"cause":null}', null);
      record.run(3, 'undone', '{"cause":null}', '前台', null, 2);
      record.run(4, 'triaged', '{"cause":"出餐慢"}', '前台', '{"cause":null}', null);
      before = eventsOf(db);
    });
    withOpened(path, (db) => {
      // Kept as they were, with the branch and the moment written later migrations add: none, the
      // complaint having no branch, and the moment not having been kept.
      expect(eventsOf(db)).toEqual(before.map((event) => ({ ...(event as object), branch: null, written_at: null })));
      expect(db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'events'`).pluck().get()).toContain('CHECK (before IS NULL OR json_valid(before))');
      // Overridden as such an SQLite has it.
      db.function('json_valid', { deterministic: true }, (text) => (text === null ? 0 : 1));
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.prepare(`INSERT INTO events (complaint_id, at, recorded_at, action, changes) VALUES (1, '2026-11-21T09:00:00.000Z', '2026-11-21T09:00:00.000Z', 'note', '{}')`).run();
      expect(() => db.prepare(`UPDATE events SET undoes = 99 WHERE id = 4`).run()).toThrow(/FOREIGN KEY/);
      expect(() => db.prepare(`UPDATE events SET undoes = 2 WHERE id = 4`).run()).toThrow(/UNIQUE/);
    });
  });

  it('keeps every complaint\'s hours to resolve and its months\' tallies, with nothing in the schema an SQLite before 3.42 cannot work out', () => {
    const hoursOf = (db: Db) => db.prepare(`SELECT id, hours_to_resolve FROM complaints ORDER BY id`).all();
    const talliesOf = (db: Db) => db.prepare(`SELECT * FROM monthly_hours ORDER BY month, hour`).all();
    // Milliseconds that no double holds exactly, times before 1970 and after 2038, a year apart, none.
    const spans = [
      ['2026-11-20T12:00:00.123Z', '2026-11-21T09:00:00.456Z'],
      ['2026-11-20T12:00:00.999Z', '2026-11-20T13:00:00.999Z'],
      ['2026-11-20T12:00:00.001Z', '2026-11-20T12:59:59.999Z'],
      ['1969-12-31T23:59:59.500Z', '1970-01-01T00:00:00.250Z'],
      ['2025-11-20T12:00:00.000Z', '2026-11-20T12:00:00.007Z'],
      ['2038-01-19T03:14:07.700Z', '2038-01-20T03:14:07.300Z'],
      ['2026-11-20T12:00:00.000Z', null],
    ];
    let before: { hours: unknown[]; tallies: unknown[] } = { hours: [], tallies: [] };
    const path = logbookUpTo(20, (db) => {
      const insert = db.prepare(
        `INSERT INTO complaints (id, logged_at, occurred_at, status, description, resolved_at) VALUES (?, ?, ?, ?, '汤是凉的', ?)`,
      );
      spans.forEach(([occurred, resolved], index) => insert.run(index + 1, occurred, occurred, resolved === null ? 'new' : 'resolved', resolved));
      before = { hours: hoursOf(db), tallies: talliesOf(db) };
    });
    expect(before.hours).toContainEqual({ id: 2, hours_to_resolve: 1 });
    withOpened(path, (db) => {
      expect(hoursOf(db)).toEqual(before.hours);
      expect(talliesOf(db)).toEqual(before.tallies);
      // What the schema calls, of the functions this SQLite has: each was in SQLite 3.37, the first
      // to read a STRICT table (unixepoch came in 3.38 and its 'subsec' in 3.42). A generated
      // column always calls the built-in function, so an older one cannot be put in its place here.
      const functions = new Set(db.prepare(`SELECT name FROM pragma_function_list`).pluck().all() as string[]);
      const schema = (db.prepare(`SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL`).pluck().all() as string[]).join('\n');
      const called = new Set([...schema.matchAll(/\b(\w+)\s*\(/g)].map(([, name]) => name!.toLowerCase()).filter((name) => functions.has(name)));
      expect([...called].sort()).toEqual(['coalesce', 'floor', 'group_concat', 'ifnull', 'iif', 'json_valid', 'length', 'printf', 'replace', 'strftime', 'substr']);
      expect(schema).not.toContain('subsec');
      expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      db.prepare(`UPDATE complaints SET resolved_at = '2026-11-22T12:00:00.000Z', status = 'resolved' WHERE id = 7`).run();
      expect(db.prepare(`SELECT hours_to_resolve FROM complaints WHERE id = 7`).pluck().get()).toBe(48);
    });
  });

  it('gives each complaint of an older logbook the uid its number, times and description make, telling apart complaints alike but for their numbers', () => {
    const insert = `INSERT INTO complaints (id, logged_at, occurred_at, status, description) VALUES (?, '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', 'new', ?)`;
    const path = logbookUpTo(9, (db) => {
      for (const [id, description] of [[1, 'soup was cold'], [2, 'rude waiter'], [3, 'soup was cold']] as const) db.prepare(insert).run(id, description);
    });
    withOpened(path, (db) => {
      const uids = db.prepare(`SELECT uid FROM complaints ORDER BY id`).pluck().all();
      expect(uids[0]).toBe(contentUid(1, '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', 'soup was cold'));
      expect(uids[1]).toBe(contentUid(2, '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', 'rude waiter'));
      expect(uids[2]).toBe(contentUid(3, '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', 'soup was cold'));
      expect(new Set(uids).size).toBe(3);
    });
  });

  it('gives an older logbook, once migrated, the very schema a new one has', () => {
    const { path } = logbookAtSchemaOne();
    withOpened(path, () => {});
    const fresh = join(tempFolder(), 'complaints.db');
    withOpened(fresh, () => {});
    expect(schemaOf(path)).toEqual(schemaOf(fresh));
  });

  it('keeps every complaint and event through the migrations, the events still referring to their complaints', () => {
    const { path } = logbookAtSchemaOne();
    withOpened(path, (db) => {
      expect(db.prepare(`SELECT id, status, description, cost_minor FROM complaints`).all()).toEqual([
        { id: 1, status: 'resolved', description: 'soup was cold', cost_minor: 450 },
      ]);
      expect(db.prepare(`SELECT complaint_id, action FROM events`).all()).toEqual([{ complaint_id: 1, action: 'logged' }]);
      expect(db.pragma('foreign_key_list(events)')).toEqual([
        expect.objectContaining({ table: 'events', from: 'undoes', to: 'id' }),
        expect.objectContaining({ table: 'complaints', from: 'complaint_id', to: 'id' }),
      ]);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(() => db.prepare(`DELETE FROM complaints WHERE id = 1`).run()).toThrow(/FOREIGN KEY constraint failed/);
    });
  });

  it.each(['open', 'New', ''])('refuses to store the status %j', (status) => {
    withOpened(join(tempFolder(), 'complaints.db'), (db) => {
      const insert = db.prepare(`INSERT INTO complaints (id, logged_at, occurred_at, status, description) VALUES (1, 'x', 'x', ?, 'cold soup')`);
      expect(() => insert.run(status)).toThrow(/CHECK constraint failed/);
      insert.run('rejected');
    });
  });

  it('lists the shipped migrations in order', () => {
    expect(knownMigrations().map(({ version, name }) => ({ version, name }))).toEqual(SHIPPED);
  });

  it('refuses a place where no file can be made', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'notes.txt'), 'not a folder');
    const attempt = () => openDatabase(join(folder, 'notes.txt', 'complaints.db'));
    expect(problemOf(attempt)).toMatch(/^cannot create the database .*notes\.txt\/complaints\.db: a folder on the way is a file; choose another place with --db$/);
  });
});

describe('openDatabase: an existing logbook', () => {
  it('reopens an up-to-date logbook without applying anything or touching the file', () => {
    const { folder, path } = logbookAtSchemaOne();
    withOpened(path, () => {}); // brings it up to date with every shipped migration
    const before = snapshot(path, folder);
    withOpened(path, (db) => {
      expect(db.prepare(`SELECT description FROM complaints`).pluck().all()).toEqual(['soup was cold']);
    });
    expect(snapshot(path, folder)).toEqual(before);
  });

  it('refuses a logbook written by a newer version and leaves it byte for byte as it was', () => {
    const { folder, path } = logbookAtSchemaOne();
    const newer = new Database(path);
    newer.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', '2027-01-01T00:00:00.000Z')`).run(FUTURE);
    newer.close();
    const before = snapshot(path, folder);

    const attempt = () => openDatabase(path);
    expect(problemOf(attempt)).toMatch(`${path} was written by a newer version of complaints (schema ${FUTURE}); upgrade complaints to open it`);
    expect(snapshot(path, folder)).toEqual(before);
  });

  it('refuses a newer logbook kept in rollback-journal mode without switching it to WAL', () => {
    const { folder, path } = logbookAtSchemaOne();
    const newer = new Database(path);
    newer.pragma('journal_mode = DELETE');
    newer.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', '2027-01-01T00:00:00.000Z')`).run(FUTURE);
    newer.close();
    const before = snapshot(path, folder);

    expect(problemOf(() => openDatabase(path))).toContain(`newer version of complaints (schema ${FUTURE})`);
    expect(snapshot(path, folder)).toEqual(before);
  });
});

describe('openDatabase: files that are not a logbook', () => {
  const cases: Array<[string, (path: string) => void, RegExp]> = [
    [
      'an SQLite database of another program',
      (path) => {
        const other = new Database(path);
        other.exec(`CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('buy milk');`);
        other.close();
      },
      /is an SQLite database of another program, not a complaints database; choose another --db$/,
    ],
    ['a text file', (path) => writeFileSync(path, 'customer,amount\nAnn Lee,4.50\n'), /is not a complaints database \(not an SQLite file\); choose another --db$/],
    ['a file shorter than an SQLite header', (path) => writeFileSync(path, 'hi'), /is not a complaints database \(not an SQLite file\)/],
    ['a zero-byte file', (path) => writeFileSync(path, ''), /is an empty file, not a complaints database; remove it or choose another --db$/],
    ['a folder', (path) => mkdirSync(path), /is a folder, not a database file; give a file with --db$/],
  ];

  it.each(cases)('refuses %s and leaves it untouched', (_what, make, message) => {
    const folder = tempFolder();
    const path = join(folder, 'complaints.db');
    make(path);
    const before = snapshot(path, folder);

    const attempt = () => openDatabase(path);
    expect(problemOf(attempt)).toMatch(message);
    expect(snapshot(path, folder)).toEqual(before);
  });

  it('refuses a file that only starts like SQLite, and leaves it untouched', () => {
    const folder = tempFolder();
    const path = join(folder, 'complaints.db');
    writeFileSync(path, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4096, 0x5a)]));
    const before = snapshot(path, folder);

    const attempt = () => openDatabase(path);
    expect(problemOf(attempt)).toMatch(/is not a complaints database \(not an SQLite file\); choose another --db$/);
    expect(snapshot(path, folder)).toEqual(before);
  });
});

describe('openDatabase: migrating', () => {
  it('applies every migration to a new logbook without copying anything aside', () => {
    const folder = tempFolder();
    const path = join(folder, 'complaints.db');
    withOpened(
      path,
      (db) => {
        expect(db.prepare(`SELECT version FROM schema_migrations ORDER BY version`).pluck().all()).toEqual([1, 2]);
        expect(db.prepare(`SELECT name FROM pragma_table_info('complaints') WHERE name = 'staff_phone'`).pluck().get()).toBe('staff_phone');
      },
      knownMigrations(migrationsFolder(SECOND_MIGRATION)),
    );
    expect(readdirSync(folder).filter((f) => f.includes('before-schema'))).toEqual([]);
  });

  it('copies a logbook with data aside before migrating it, then keeps the data', () => {
    const { path } = logbookAtSchemaOne();
    const rowsBefore = dumpDatabase(path);
    const schemaBefore = schemaOf(path);

    withOpened(
      path,
      (db) => {
        expect(db.prepare(`SELECT version FROM schema_migrations ORDER BY version`).pluck().all()).toEqual([1, 2]);
        expect(db.prepare(`SELECT customer, cause, cost_minor, staff_phone FROM complaints`).all()).toEqual([
          { customer: 'Ann Lee', cause: '菜太凉', cost_minor: 450, staff_phone: null },
        ]);
        expect(db.prepare(`SELECT count(*) FROM events`).pluck().get()).toBe(1);
      },
      knownMigrations(migrationsFolder(SECOND_MIGRATION)),
    );

    const copy = `${path}.before-schema-2`;
    expect(dumpDatabase(copy)).toBe(rowsBefore);
    expect(schemaOf(copy)).toEqual(schemaBefore);
  });

  it('keeps the copy aside as private as the logbook', () => {
    const { path } = logbookAtSchemaOne();
    withOpened(path, () => {}, knownMigrations(migrationsFolder(SECOND_MIGRATION)));
    expect(modeOf(`${path}.before-schema-2`)).toBe(0o600);
  });

  it('refuses a migration that would leave events referring to complaints that are not there, changing nothing', () => {
    const { path } = logbookAtSchemaOne();
    const rowsBefore = dumpDatabase(path);
    const orphaning = migrationsFolder({ '0002_orphaning.sql': `DELETE FROM complaints;` });

    expect(problemOf(() => openDatabase(path, knownMigrations(orphaning)))).toMatch(
      /migration 2 orphaning: it would leave 1 row referring to rows that are not there\); nothing was changed/,
    );
    expect(dumpDatabase(path)).toBe(rowsBefore);
  });

  it('rolls back a migration whose SQL fails, leaving the copy and the original data intact', () => {
    const { path } = logbookAtSchemaOne();
    const rowsBefore = dumpDatabase(path);
    const schemaBefore = schemaOf(path);
    const failing = migrationsFolder({
      '0002_broken.sql': `ALTER TABLE complaints ADD COLUMN staff_phone TEXT;
INSERT INTO no_such_table VALUES (1);`,
    });

    expect(problemOf(() => openDatabase(path, knownMigrations(failing)))).toMatch(/no such table: no_such_table/);

    expect(dumpDatabase(path)).toBe(rowsBefore);
    expect(schemaOf(path)).toEqual(schemaBefore);
    const copy = `${path}.before-schema-2`;
    expect(existsSync(copy)).toBe(true);
    expect(dumpDatabase(copy)).toBe(rowsBefore);
    expect(schemaOf(copy)).toEqual(schemaBefore);
  });
});

describe('openForReading', () => {
  it('reads a logbook without letting anything change it, and leaves it and its folder as they were', () => {
    const { folder, path } = logbookAtSchemaOne();
    withOpened(path, () => {});
    const before = snapshot(path, folder);
    const db = openForReading(path);
    try {
      expect(db.prepare(`SELECT description FROM complaints`).pluck().all()).toEqual(['soup was cold']);
      expect(() => db.prepare(`DELETE FROM complaints`).run()).toThrow(/readonly/);
    } finally {
      db.close();
    }
    expect(snapshot(path, folder)).toEqual(before);
  });

  it('leaves a logbook kept with a rollback journal (as a backup is) in that mode', () => {
    const { folder, path } = logbookAtSchemaOne();
    withOpened(path, (db) => db.pragma('journal_mode = DELETE'));
    const before = snapshot(path, folder);
    openForReading(path).close();
    expect(snapshot(path, folder)).toEqual(before);
  });

  it('brings an older logbook up to date first where it can be written, keeping a copy as it was', () => {
    const { path } = logbookAtSchemaOne();
    const db = openForReading(path, knownMigrations(migrationsFolder(SECOND_MIGRATION)));
    try {
      expect(db.prepare(`SELECT version FROM schema_migrations ORDER BY version`).pluck().all()).toEqual([1, 2]);
      expect(db.prepare(`SELECT staff_phone FROM complaints`).pluck().all()).toEqual([null]);
    } finally {
      db.close();
    }
    expect(existsSync(`${path}.before-schema-2`)).toBe(true);
  });

  it('rolls back a write that a stopped process left half done, then reads what was there before it', () => {
    const { path } = logbookAtSchemaOne();
    withOpened(path, () => {});
    const rowsBefore = dumpDatabase(path);
    stopHalfWay(path);
    // The journal is hot: what reads the file must roll the write back first, which a read-only connection cannot.
    expect(codeOf(() => dumpDatabase(path))).toBe('SQLITE_READONLY_ROLLBACK');

    const db = openForReading(path);
    try {
      expect(db.prepare(`SELECT description FROM complaints`).pluck().all()).toEqual(['soup was cold']);
    } finally {
      db.close();
    }
    expect(existsSync(`${path}-journal`)).toBe(false);
    expect(dumpDatabase(path)).toBe(rowsBefore);
  });
});

describe('openDraftLogbook', () => {
  const soupWasCold = (db: Db) =>
    db.prepare(`INSERT INTO complaints (id, logged_at, occurred_at, status, description, uid) VALUES (1, ?, ?, 'new', 'soup was cold', 'u1')`).run(
      '2026-11-20T12:00:00.000Z',
      '2026-11-20T12:00:00.000Z',
    );

  it('is a new logbook beside where it goes, private, put in place with what was written into it', () => {
    const folder = tempFolder();
    const path = join(folder, 'complaints.db');
    const draft = openDraftLogbook(path, knownMigrations(), { shop: 'Corner Café' });
    expect(existsSync(path)).toBe(false);
    expect(modeOf(draft.draft)).toBe(0o600);
    soupWasCold(draft.db);
    draft.putInPlace();
    expect(readdirSync(folder)).toEqual(['complaints.db']);
    expect(modeOf(path)).toBe(0o600);
    withOpened(path, (db) => {
      expect(db.prepare('SELECT description FROM complaints').pluck().all()).toEqual(['soup was cold']);
      expect(db.prepare(`SELECT value FROM settings WHERE key = 'shop'`).pluck().get()).toBe('Corner Café');
    });
  });

  it('leaves nothing when thrown away', () => {
    const folder = tempFolder();
    const draft = openDraftLogbook(join(folder, 'complaints.db'));
    soupWasCold(draft.db);
    draft.throwAway();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('is refused, and removed, where another till made a logbook meanwhile, which keeps what it holds', () => {
    const folder = tempFolder();
    const path = join(folder, 'complaints.db');
    const draft = openDraftLogbook(path);
    soupWasCold(draft.db);
    const theirs = openDatabase(path);
    theirs.close();
    const before = dumpDatabase(path);
    expect(problemOf(() => draft.putInPlace())).toBe(
      `another till made a logbook at ${path} while the file was read into a new one; nothing was imported: import the file again, into that logbook`,
    );
    expect(readdirSync(folder).filter((file) => file.startsWith('complaints.db.'))).toEqual([]);
    expect(dumpDatabase(path)).toBe(before);
  });
});

describe('openEmptyLogbook', () => {
  it('is a logbook at the latest schema, holding nothing', () => {
    const db = openEmptyLogbook();
    try {
      expect(db.prepare(`SELECT version, name FROM schema_migrations ORDER BY version`).all()).toEqual(SHIPPED);
      expect(db.prepare(`SELECT count(*) FROM complaints`).pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('asProblem', () => {
  it('says a full disk is full, and a disk that fails to read or write so, naming what failed', () => {
    const driverError = (code: string) => Object.assign(new Error('database or disk is full'), { code });
    expect(asProblem(driverError('SQLITE_FULL'), 'x.db')).toMatchObject({ trouble: { kind: 'disk full' } });
    expect(asProblem(driverError('SQLITE_IOERR_SHMSIZE'), 'x.db')).toMatchObject({ trouble: { kind: 'disk failed', code: 'SQLITE_IOERR_SHMSIZE' } });
  });
});
