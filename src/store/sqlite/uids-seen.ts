import Database from 'better-sqlite3';

/**
 * The uids a file has given so far, kept in SQLite's private temporary database (opened by an
 * empty name, deleted when closed) rather than in memory: a dry run of a file of any size finds
 * a uid given twice in the same few megabytes (a Set of 1,000,000 uids took ~100 MB).
 */
export class UidsSeen {
  private readonly db = new Database('');
  private readonly insert;
  private readonly addInTurn;

  constructor() {
    // Nothing in it outlives the command: no journal, and no waiting for the disk.
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.exec('CREATE TABLE seen (uid TEXT PRIMARY KEY) WITHOUT ROWID');
    this.insert = this.db.prepare<[string]>('INSERT OR IGNORE INTO seen (uid) VALUES (?)');
    this.addInTurn = this.db.transaction((uids: readonly string[]) => {
      let again: string | undefined;
      for (const uid of uids) if (this.insert.run(uid).changes === 0) again ??= uid;
      return again;
    });
  }

  /** Adds `uids` in their order; the first of them given before (earlier in them too), if any. */
  add(uids: readonly string[]): string | undefined {
    return this.addInTurn(uids);
  }

  close(): void {
    this.db.close();
  }
}
