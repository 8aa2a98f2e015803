import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DescribedDraft } from '../domain/intake.js';
import { Refusal } from '../errors.js';
import { systemReason } from '../language/labels.js';
import { t } from '../language/messages.js';
import { sameLogbookKey } from './location.js';
import { makeFolders } from './folders.js';

// Complaints a till logged while the shared logbook was out of reach wait here, on the till's own
// disk, until a command reaches the logbook again. Each is kept as the till took it: the words,
// when it happened, when it was logged, and its uid. What the logbook decides (its number, the
// respond-by from the shop's settings) is decided when it is sent, as `log` would have. The uid
// makes sending exactly once: a complaint sent before a crash could strike it off here is found
// in the logbook by its uid and not logged again.

/** A complaint waiting to be sent to the shared logbook it was logged for. */
export interface WaitingComplaint {
  uid: string;
  draft: DescribedDraft;
  occurredAt: string;
  loggedAt: string;
}

// Each complaint is kept with the logbook's URL as the till was given it; it waits for every URL
// that reaches the same logbook (sameLogbookKey), so none is stranded by another spelling.

/** Keeps `complaint` waiting for the logbook named `logbook`; how many wait for it now. */
export function keepWaiting(file: string, logbook: string, complaint: WaitingComplaint): number {
  const db = openWaiting(file, true)!;
  try {
    return db.transaction(() => {
      db.prepare(`INSERT INTO waiting (uid, logbook, complaint) VALUES (?, ?, ?)`).run(complaint.uid, logbook, JSON.stringify(complaint));
      return countIn(db, logbook);
    })();
  } finally {
    db.close();
  }
}

/** How many complaints wait for the logbook named `logbook`. */
export function countWaiting(file: string, logbook: string): number {
  const db = openWaiting(file, false);
  if (db === undefined) return 0;
  try {
    return countIn(db, logbook);
  } finally {
    db.close();
  }
}

/**
 * Sends the complaints waiting for `logbook`, oldest first, each struck off once `send` has
 * returned it: what was sent before a failure stays sent, the rest waits. `send` giving nothing
 * back stops the sending there, the rest left waiting. One sender at a time on a
 * computer: a second waits for the first and then finds nothing left.
 */
export async function sendWaiting<T>(file: string, logbook: string, send: (complaint: WaitingComplaint) => Promise<T | undefined>): Promise<T[]> {
  const db = openWaiting(file, false);
  if (db === undefined) return [];
  const sent: T[] = [];
  try {
    db.exec('BEGIN IMMEDIATE');
    try {
      const waiting = waitingFor(db, logbook);
      const strikeOff = db.prepare(`DELETE FROM waiting WHERE uid = ?`);
      for (const { uid, complaint } of waiting) {
        const arrived = await send(JSON.parse(complaint) as WaitingComplaint);
        if (arrived === undefined) break;
        sent.push(arrived);
        strikeOff.run(uid);
      }
    } finally {
      db.exec('COMMIT');
    }
    return sent;
  } finally {
    db.close();
  }
}

/**
 * The complaints waiting for logbooks other than the one `logbook` reaches, by logbook (as the
 * first of them was given): a till pointed at another address for its logbook would otherwise
 * never hear of them.
 */
export function waitingElsewhere(file: string, logbook: string): Array<{ logbook: string; count: number }> {
  const db = openWaiting(file, false);
  if (db === undefined) return [];
  try {
    const here = sameLogbookKey(logbook);
    const elsewhere = new Map<string, { logbook: string; count: number }>();
    for (const waiting of db.prepare(`SELECT logbook FROM waiting ORDER BY rowid`).all() as Array<{ logbook: string }>) {
      const key = sameLogbookKey(waiting.logbook);
      if (key === here) continue;
      const counted = elsewhere.get(key) ?? { logbook: waiting.logbook, count: 0 };
      counted.count++;
      elsewhere.set(key, counted);
    }
    return [...elsewhere.values()];
  } finally {
    db.close();
  }
}

function countIn(db: Database.Database, logbook: string): number {
  return waitingFor(db, logbook).length;
}

/** The complaints waiting for the logbook `logbook` reaches, oldest first: a till keeps few. */
function waitingFor(db: Database.Database, logbook: string): Array<{ uid: string; complaint: string }> {
  const key = sameLogbookKey(logbook);
  const all = db.prepare(`SELECT uid, logbook, complaint FROM waiting ORDER BY rowid`).all() as Array<{ uid: string; logbook: string; complaint: string }>;
  return all.filter((waiting) => sameLogbookKey(waiting.logbook) === key);
}

/**
 * The file of waiting complaints, made (private to the user) when `make` says; undefined when
 * there is none. One that cannot be opened as such is refused in one line, never replaced: it may
 * hold complaints nowhere else.
 */
function openWaiting(file: string, make: boolean): Database.Database | undefined {
  let db: Database.Database | undefined;
  try {
    if (!existsSync(file)) {
      if (!make) return undefined;
      makeFolders(dirname(file), 0o700);
      closeSync(openSync(file, 'a', 0o600));
    }
    db = new Database(file, { timeout: 10_000 });
    // Written rarely, by one till: the rollback journal keeps it one file, synced at each commit.
    db.pragma('synchronous = FULL');
    // A complaint sent is struck off with its customer's details zeroed, not left in a free page
    // where a later forget could not reach them.
    db.pragma('secure_delete = ON');
    db.exec(`CREATE TABLE IF NOT EXISTS waiting (
      uid TEXT PRIMARY KEY,
      logbook TEXT NOT NULL,
      complaint TEXT NOT NULL CHECK (json_valid(complaint))
    )`);
    return db;
  } catch (error) {
    db?.close();
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Refusal(t('store.waitingUnusable', { file, reason: systemReason(reason) }));
  }
}
