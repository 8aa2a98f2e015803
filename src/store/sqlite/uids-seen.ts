import Database from 'better-sqlite3';

/**
 * The uids a file gives, kept in SQLite's private temporary database (opened by an empty name,
 * deleted when closed) rather than in memory: a dry run of a file of any size finds a uid given
 * twice in the same few megabytes (a Set of 1,000,000 uids took ~100 MB). They are appended as
 * they come and looked over once at the end: kept in order of uid as they came, each of a
 * million random uids went to a page of its own (1M: 15.6 s; appended and sorted once, 2.1 s).
 */
export class UidsSeen {
  private readonly db = new Database('');
  private readonly addInTurn;

  constructor() {
    // Nothing in it outlives the command: no journal, and no waiting for the disk.
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    // Its rowids are the order the uids came in.
    this.db.exec('CREATE TABLE seen (uid TEXT NOT NULL)');
    const insert = this.db.prepare<[string]>('INSERT INTO seen (uid) VALUES (?)');
    this.addInTurn = this.db.transaction((uids: readonly string[]) => {
      for (const uid of uids) insert.run(uid);
    });
  }

  /** Adds `uids`, in their order, after those added before. */
  add(uids: readonly string[]): void {
    this.addInTurn(uids);
  }

  /** The first uid, in the order they were added, that had been added before; none when none was. */
  firstGivenAgain(): string | undefined {
    return firstUidGivenAgain(this.db, 'seen');
  }

  close(): void {
    this.db.close();
  }
}

/**
 * The first uid of `table`'s rows, in the order of their rowids, that an earlier row has; none
 * when none is. A dry run's uids and a bulk import's complaints (whose ids are their rowids) are
 * looked over alike, so that both name the same uid of a file that gives several twice.
 */
export function firstUidGivenAgain(db: Database.Database, table: 'seen' | 'complaints'): string | undefined {
  return db
    .prepare(
      `SELECT uid FROM (SELECT uid, rowid AS added, row_number() OVER (PARTITION BY uid ORDER BY rowid) AS given FROM ${table})
        WHERE given = 2 ORDER BY added LIMIT 1`,
    )
    .pluck()
    .get() as string | undefined;
}
