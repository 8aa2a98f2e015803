import type { Db } from './open.js';

// An erasure (forget) is committed first and the file rewritten after it, as VACUUM cannot run
// inside a transaction. A process stopped between the two would leave earlier copies of the erased
// text in free space with nothing to say so: a second forget finds no one left to erase. So the
// erasure's own transaction marks the rewrite as owed, in the header's user_version (this logbook's
// to use, and read without touching a table), and whoever next opens the logbook to write pays it.
const REWRITE_OWED = 1;
const NOTHING_OWED = 0;

/** Marks, inside the transaction that erases, that the file must be rewritten once it commits. */
export function oweRewrite(db: Db): void {
  db.pragma(`user_version = ${REWRITE_OWED}`);
}

/**
 * Rewrites every page of the logbook and empties the write-ahead log, so that no earlier copy of
 * erased text survives in free space, in an old page image or in the WAL (secure_delete alone
 * only zeroes what the erasing transaction frees, not what earlier updates left behind); then
 * strikes the rewrite off as paid.
 */
export function rewriteFile(db: Db): void {
  db.exec('VACUUM');
  db.pragma(`user_version = ${NOTHING_OWED}`);
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Pays a rewrite an erasure left owed when it was stopped. One that cannot be done now (another
 * till reading, too little disk for the copy VACUUM makes) is left owed for the next: the erasure
 * itself is done, and the till's own work must not wait on it.
 */
export function payRewriteOwed(db: Db): void {
  if (db.pragma('user_version', { simple: true }) !== REWRITE_OWED) return;
  try {
    rewriteFile(db);
  } catch {
    // Still owed: user_version is cleared only by a rewrite that finished.
  }
}
