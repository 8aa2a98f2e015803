import { statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { parse } from 'pg-connection-string';
import { from as copyFrom } from 'pg-copy-streams';
import pgpass from 'pgpass';
import { t } from '../../language/messages.js';
import { LogbookProblem } from '../errors.js';
import { homeFolder } from '../location.js';

// One connection to the PostgreSQL server that keeps a shared logbook, and the few ways the
// store talks over it. Statements take positional parameters ($1, $2, …), which Params numbers.

/**
 * How long to wait for the server before calling it unreachable, or for a till's turn to number a
 * complaint before calling it busy, unless the URL or PGCONNECT_TIMEOUT says.
 */
const CONNECT_SECONDS = 5;

/**
 * How long a statement waits for a row or table another session holds before the till is told
 * the logbook is busy, as long as a till waits for another's write on SQLite: a till left frozen
 * in the middle of a change (or a psql session left open) would otherwise hold the others forever.
 */
const LOCK_WAIT_MS = 10_000;

/**
 * How many rows a long read fetches at a time: at first as many as the SQLite logbook reads at
 * once, then as many as hold about FETCHED_TEXT of text, so that an export of long complaints
 * still fits in 16 MB of heap (a test holds it to that) and one of short ones is not held up by
 * a round trip every hundred rows (1,000 at a time took 100,000 complaints out in 3.7 s, not 4.6).
 */
const FIRST_FETCHED = 100;
const MOST_FETCHED = 2000;
const FETCHED_TEXT = 1_000_000;

// Counts, sums and ids come back as JavaScript numbers (PostgreSQL sends 64-bit integers and
// decimals as text, which JavaScript numbers hold exactly below 2^53: no logbook comes near).
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Numbers the values of a statement as it is written: `${params.add(value)}` stands for the value. */
export class Params {
  /** `values` are $1, $2, … already; those added follow them. */
  constructor(readonly values: unknown[] = []) {}

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export class Connection {
  private cursorOpen = false;
  private transactionOpen = false;
  private draftOpen = false;
  private cursors = 0;

  private constructor(
    private readonly client: pg.Client,
    /** The logbook's URL without its password, to name it in a problem. */
    readonly shown: string,
    /** How many seconds the till waits for the server, to connect or for its turn, before giving up. */
    readonly patience: number,
  ) {}

  /**
   * Connects to the server at `url` as libpq would: the password from the URL, PGPASSWORD or
   * ~/.pgpass, and `sslmode` with its libpq meaning. Throws LogbookProblem when the server cannot
   * be reached or refuses the login, naming it as `shown`.
   */
  static async open(url: string, shown: string): Promise<Connection> {
    const config = parse(url, { useLibpqCompat: true });
    const given = Number(config.connect_timeout ?? process.env.PGCONNECT_TIMEOUT ?? CONNECT_SECONDS);
    const seconds = Number.isFinite(given) && given > 0 ? given : CONNECT_SECONDS;
    const sslmode = (config as { sslmode?: string }).sslmode ?? process.env.PGSSLMODE;
    // libpq's prefer (its default) and allow connect without encryption where the server offers
    // none, and with it where the server asks for it; the driver knows only one way at a time.
    const parsed = config.ssl as pg.ClientConfig['ssl'];
    const encrypted = parsed === undefined || parsed === false ? { rejectUnauthorized: false } : parsed;
    const ways: Array<pg.ClientConfig['ssl']> = sslmode === 'prefer' ? [encrypted, false] : sslmode === 'allow' ? [false, encrypted] : [parsed];
    for (const [attempt, ssl] of ways.entries()) {
      const client = new pg.Client({
        ...(config as pg.ClientConfig),
        ssl,
        // The login, unless the URL or PGUSER names one, is the system user's, as libpq's (the
        // driver reads $USER, which a service or a root shell may not have).
        user: config.user || process.env.PGUSER || userInfo().username,
        // Read here rather than by the driver, which warns on every connection that it will stop.
        // (The driver passes the function what it connects to, and takes undefined for no password.)
        password: config.password || process.env.PGPASSWORD || (fromPasswordFile as () => Promise<string>),
        connectionTimeoutMillis: seconds * 1000,
        lock_timeout: LOCK_WAIT_MS,
        application_name: config.application_name ?? 'complaints',
        types,
      });
      // A connection that breaks between statements is reported by the next one; without a
      // listener the break itself would end the process.
      client.on('error', () => {});
      try {
        await client.connect();
        return new Connection(client, shown, seconds);
      } catch (error) {
        await client.end().catch(() => {});
        const problem = asProblem(error, shown);
        const anotherWay = attempt + 1 < ways.length && problem instanceof LogbookProblem && (problem.trouble.kind === 'no ssl' || problem.trouble.kind === 'login refused');
        if (!anotherWay) throw problem;
      }
    }
    throw new Error('no way to connect was tried');
  }

  async rows<R>(sql: string, values: readonly unknown[] = []): Promise<R[]> {
    return (await this.client.query(sql, values as unknown[])).rows as R[];
  }

  async row<R>(sql: string, values: readonly unknown[] = []): Promise<R | undefined> {
    return (await this.rows<R>(sql, values))[0];
  }

  /** The first column of each row. */
  async column<T>(sql: string, values: readonly unknown[] = []): Promise<T[]> {
    const result = await this.client.query({ text: sql, values: values as unknown[], rowMode: 'array' });
    return (result.rows as unknown[][]).map((row) => row[0] as T);
  }

  /** The first column of the first row. */
  async value<T>(sql: string, values: readonly unknown[] = []): Promise<T> {
    return (await this.column<T>(sql, values))[0] as T;
  }

  async run(sql: string, values: readonly unknown[] = []): Promise<number> {
    return (await this.client.query(sql, values as unknown[])).rowCount ?? 0;
  }

  /**
   * Sends the text `chunks` give to `COPY … FROM STDIN` as they come. Should `chunks` throw, the
   * server is told the copy failed (it writes nothing of it) and the error is thrown on.
   */
  async copyIn(sql: string, chunks: AsyncIterable<string>): Promise<void> {
    await pipeline(Readable.from(chunks), this.client.query(copyFrom(sql)));
  }

  /**
   * Runs `work` in one transaction: committed when it returns, rolled back when it throws. A
   * snapshot sees the logbook as it stood when it began, however long it reads.
   */
  async inTransaction<T>(work: () => Promise<T>, kind: 'write' | 'snapshot' = 'write'): Promise<T> {
    // A draft is one transaction from its making to its import: what would commit joins it.
    if (this.draftOpen) return work();
    // A long read holds the connection's transaction open until it is read to the end.
    if (this.cursorOpen || this.transactionOpen) throw new Error('a transaction was begun inside another on the same connection');
    await this.client.query(kind === 'snapshot' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
    this.transactionOpen = true;
    try {
      const result = await work();
      // Cut off here, the server may have committed or not: asProblem says so, not that it could not be reached.
      await this.client.query('COMMIT').catch((error: unknown) => {
        throw Object.assign(error as Error, { atCommit: true });
      });
      return result;
    } catch (error) {
      await this.client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      this.transactionOpen = false;
    }
  }

  /**
   * The rows of a statement a batch at a time, read through a cursor as they are asked for, as
   * objects or as arrays of values; stopping early closes it. Inside a transaction the cursor
   * reads its snapshot; otherwise it has a snapshot transaction of its own, and the connection
   * may not begin another until it is read or closed.
   */
  async *batches<R>(sql: string, values: readonly unknown[], rowMode?: 'array'): AsyncGenerator<R[]> {
    if (this.transactionOpen) {
      yield* this.fetched<R>(sql, values, rowMode);
      return;
    }
    if (this.cursorOpen) throw new Error('a long read was begun while another was still open on the same connection');
    this.cursorOpen = true;
    try {
      await this.client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        yield* this.fetched<R>(sql, values, rowMode);
      } finally {
        await this.client.query('COMMIT').catch(() => {});
      }
    } finally {
      this.cursorOpen = false;
    }
  }

  private async *fetched<R>(sql: string, values: readonly unknown[], rowMode?: 'array'): AsyncGenerator<R[]> {
    const cursor = `long_read_${++this.cursors}`;
    await this.client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, values as unknown[]);
    try {
      for (let count = FIRST_FETCHED; ; ) {
        const fetch = `FETCH ${count} FROM ${cursor}`;
        const fetched = rowMode === 'array' ? await this.client.query({ text: fetch, rowMode }) : await this.client.query(fetch);
        if (fetched.rows.length > 0) yield fetched.rows as R[];
        if (fetched.rows.length < count) break;
        const perRow = textIn(fetched.rows) / fetched.rows.length;
        count = Math.max(FIRST_FETCHED, Math.min(MOST_FETCHED, Math.floor(FETCHED_TEXT / Math.max(perRow, 1))));
      }
    } finally {
      await this.client.query(`CLOSE ${cursor}`).catch(() => {});
    }
  }

  /**
   * Begins the one transaction a new logbook is made and imported into: it commits only with
   * commitDraft, and closing the connection before then rolls it back, leaving nothing made.
   */
  async beginDraft(): Promise<void> {
    await this.client.query('BEGIN');
    this.transactionOpen = this.draftOpen = true;
  }

  async commitDraft(): Promise<void> {
    await this.client.query('COMMIT');
    this.transactionOpen = this.draftOpen = false;
  }

  get inDraft(): boolean {
    return this.draftOpen;
  }

  async close(): Promise<void> {
    await this.client.end().catch(() => {});
  }
}

/** About how much text `rows` hold: the length of every string in them. */
function textIn(rows: readonly unknown[]): number {
  let length = 0;
  for (const row of rows) for (const cell of Object.values(row as object)) if (typeof cell === 'string') length += cell.length;
  return length;
}

// SQLSTATE classes and codes the logbook words for a person (PostgreSQL's Appendix A).
const LOGIN_REFUSED = new Set(['28P01', '28000']);
const NO_DATABASE = '3D000';
const NOT_ALLOWED = '42501';
// A server that takes no more connections is busy as a locked file is: a till waits, or keeps what it logs.
const CONFLICT = new Set(['40001', '40P01', '55P03', '53300']);
// Writing refused by the server: a standby, or a database set read-only (as managed services do when its disk fills).
const READ_ONLY = '25006';
const DISK_FULL = '53100';
const SERVER_GONE = /^(08|57P)/;
const SERVER_STOPPING = new Set(['57P01', '57P02', '57P03']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'EPIPE']);

/** A driver or server error as the problem it is with the logbook named `shown`; any other error as it is. */
export function asProblem(error: unknown, shown: string): unknown {
  const problem = serverProblem(error, shown);
  const cutAtCommit = (error as { atCommit?: boolean } | undefined)?.atCommit === true;
  if (cutAtCommit && problem instanceof LogbookProblem && problem.trouble.kind === 'unreachable') return new LogbookProblem(shown, { kind: 'cut at commit' });
  return problem;
}

function serverProblem(error: unknown, shown: string): unknown {
  if (error instanceof LogbookProblem || !(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (LOGIN_REFUSED.has(code)) return new LogbookProblem(shown, { kind: 'login refused', detail: whyRefused(code, error.message) });
    if (code === NO_DATABASE) return new LogbookProblem(shown, { kind: 'no database', detail: error.message });
    if (code === NOT_ALLOWED) return new LogbookProblem(shown, { kind: 'not allowed', detail: error.message });
    if (CONFLICT.has(code)) return new LogbookProblem(shown, { kind: 'busy' });
    if (code === READ_ONLY) return new LogbookProblem(shown, { kind: 'read only' });
    if (code === DISK_FULL) return new LogbookProblem(shown, { kind: 'disk full' });
    // The system's code says it in words (files.reason); the server's own message is its own.
    // Any failed connect, to a Unix socket (?host=/run/postgresql) too: ENOENT when no server made it.
    if (UNREACHABLE.has(code) || (error as { syscall?: unknown }).syscall === 'connect') return new LogbookProblem(shown, { kind: 'unreachable', detail: code });
    // Those the person is told in words of the language spoken (files.reason); any other in the server's.
    if (SERVER_GONE.test(code)) return new LogbookProblem(shown, { kind: 'unreachable', detail: SERVER_STOPPING.has(code) ? code : error.message });
  }
  // What the driver says when the server asks for a password and none was found anywhere.
  if (/password must be a string|no password/i.test(error.message)) {
    const detail = passwordFileOpenToOthers === undefined ? t('store.noPassword') : t('store.passwordFileOpen', { file: passwordFileOpenToOthers });
    return new LogbookProblem(shown, { kind: 'login refused', detail });
  }
  // What the driver says when the URL asks for sslmode=require of a server that has no SSL.
  if (/does not support SSL/i.test(error.message)) return new LogbookProblem(shown, { kind: 'no ssl' });
  if (/timeout/i.test(error.message)) return new LogbookProblem(shown, { kind: 'unreachable', detail: 'ETIMEDOUT' });
  if (/Connection terminated/i.test(error.message)) return new LogbookProblem(shown, { kind: 'unreachable', detail: 'ECONNRESET' });
  return error;
}

/**
 * Why the server refused the login, in the words of the language spoken where the server's
 * message is one of those it commonly gives (it does not say which of the password and the user
 * was wrong, by design); any other in its own words.
 */
function whyRefused(code: string, message: string): string {
  const wrongPasswordOf = /password authentication failed for user "(.*)"/.exec(message)?.[1];
  if (code === '28P01' && wrongPasswordOf !== undefined) return t('store.wrongPassword', { user: wrongPasswordOf });
  const user = /role "(.*)" does not exist/.exec(message)?.[1];
  if (user !== undefined) return t('store.noSuchUser', { user });
  if (/pg_hba\.conf/.test(message)) return t('store.notLetIn');
  return message;
}

// A password file others may read, which libpq and the reader of it ignore: named when the
// login then fails for want of a password, rather than the reader's own English warning.
let passwordFileOpenToOthers: string | undefined;

/** The password ~/.pgpass (or PGPASSFILE) gives for the server, database and user connected to, as libpq reads it. */
function fromPasswordFile(connecting: { host?: string; port?: number; database?: string; user?: string }): Promise<string | undefined> {
  const file = process.env.PGPASSFILE || join(homeFolder(process.env), '.pgpass');
  try {
    const { mode } = statSync(file);
    if ((mode & 0o077) !== 0) {
      passwordFileOpenToOthers = file;
      return Promise.resolve(undefined);
    }
  } catch {
    // None, or not to be read: the reader finds no password in it.
  }
  return new Promise((found) => pgpass(connecting, found));
}
