import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { RECOUNT_DAYS } from '../../src/store/kept-figures.js';
import { personKeys } from '../../src/store/stored-complaint.js';
import { generateCsv } from '../support/generated-logbook.js';
import { EVERY_STATUS } from '../support/logbooks.js';
import { inSchema, newSchema, onServerSync, testServer } from '../support/postgres.js';
import { BIN, environment, runComparing, shellQuote, tempLogbook, underneath, type Logbook } from './harness.js';

// What only a logbook on a PostgreSQL server shows: reaching it, logging in, refusing a database
// that is not a logbook, several tills stepping the same complaint, backing it up to a file and
// moving a single till's logbook into it. The commands themselves run on it as on a file in the
// second run of the suite (vitest.postgres.config.ts).

const NOW = '2026-11-23T10:00:00.000Z';

/** A logbook in a new schema of the test server, with the seed run on it. */
function sharedLogbook(seed: readonly string[][] = []): Logbook {
  const book = tempLogbook(NOW, 'postgres');
  for (const step of seed) book.ok([...step]);
  return book;
}

/** A role of the test server that logs in with `password`, able to make a logbook in its own new schema; its URL without the password. */
function roleWithPassword(password: string): { role: string; url: string } {
  const { schema } = newSchema();
  const role = `till_${schema.slice(-12)}`;
  onServerSync([
    `CREATE ROLE ${role} LOGIN PASSWORD '${password}'`,
    `CREATE SCHEMA ${schema} AUTHORIZATION ${role}`,
  ]);
  const url = new URL(inSchema(testServer(), schema));
  url.username = role;
  return { role, url: url.toString() };
}

const withPassword = (url: string, password: string) => {
  const given = new URL(url);
  given.password = password;
  return given.toString();
};

describe('reaching the shared logbook', () => {
  it('says in one line that the server cannot be reached, without the password, and exits 1', () => {
    const book = tempLogbook(NOW, 'sqlite');
    const result = book.run(['list'], { env: { COMPLAINTS_DB: 'postgres://till:s3cret-word@127.0.0.1:1/complaints' } });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        "complaints: cannot reach the logbook's server postgres://till@127.0.0.1:1/complaints (the server refused the connection); check the network and that the server is running\n",
    });
  });

  it('says so too of a server whose Unix socket is not there', () => {
    const book = tempLogbook(NOW, 'sqlite');
    const result = book.run(['list'], { env: { COMPLAINTS_DB: `postgres://till:s3cret-word@localhost/complaints?host=${book.dir}` } });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: cannot reach the logbook's server postgres://till@localhost/complaints?host=${encodeURIComponent(book.dir)} (no such file or folder); check the network and that the server is running\n`,
    });
  });

  it('refuses a wrong password in one line that does not repeat it', () => {
    const { role, url } = roleWithPassword('right-one');
    const book = tempLogbook(NOW, 'sqlite');
    const result = book.run(['--db', withPassword(url, 'Wr0ng-pass'), 'log', 'soup was cold']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `complaints: the server ${url} refused the login (a wrong password for the user ${role}, or no user of that name); check the user name and the password in ~/.pgpass or PGPASSWORD\n`,
    );
    expect(result.stderr + result.stdout).not.toContain('Wr0ng-pass');
    // In Chinese, wholly: the server's own words were English.
    expect(book.run(['--db', withPassword(url, 'Wr0ng-pass'), 'list'], { env: { LANG: 'zh_CN.UTF-8' } }).stderr).toBe(
      `complaints: 服务器 ${url} 拒绝登录（用户 ${role} 的密码不对，或者没有这个用户）；请检查用户名，以及 ~/.pgpass 或 PGPASSWORD 里的密码\n`,
    );
  });

  it('takes the password from the URL, from PGPASSWORD or from ~/.pgpass, as PostgreSQL tools do', () => {
    const { role, url } = roleWithPassword('right-one');
    const book = tempLogbook(NOW, 'sqlite');
    expect(book.ok(['--db', withPassword(url, 'right-one'), 'log', 'soup was cold', '--no-input'])).toMatch(/^Logged #1;/);
    expect(book.ok(['--db', url, 'log', 'bread was stale', '--no-input'], { env: { PGPASSWORD: 'right-one' } })).toMatch(/^Logged #2;/);
    const { port } = new URL(testServer());
    writeFileSync(join(book.dir, '.pgpass'), `127.0.0.1:${port}:*:${role}:right-one\n`);
    chmodSync(join(book.dir, '.pgpass'), 0o600);
    // Read by the tool, without the driver's warning that it will stop reading the file itself.
    const listed = book.run(['--db', url, 'list', '--json']);
    expect(listed.stdout).toContain('bread was stale');
    expect(listed.stderr).toBe('');
    const refused = book.run(['--db', url, 'list'], { env: { HOME: join(book.dir, 'elsewhere') } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('refused the login (no password was given');
    // One others may read is ignored, as libpq ignores it, and named in the one line.
    chmodSync(join(book.dir, '.pgpass'), 0o644);
    expect(book.run(['--db', url, 'list'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: the server ${url} refused the login (${join(book.dir, '.pgpass')} was not read, as others may read it: chmod 600 ${join(book.dir, '.pgpass')}); check the user name and the password in ~/.pgpass or PGPASSWORD\n`,
    });
  });

  it('logs in as the system user when neither the URL nor PGUSER names one, as libpq does', () => {
    const book = tempLogbook(NOW, 'sqlite');
    const url = new URL(testServer());
    url.username = '';
    // A service or a root shell may have no $USER, which is where the driver alone would look.
    const result = book.run(['--db', url.toString(), 'list'], { env: { USER: '', PGUSER: '', PGPASSWORD: 'not-this-one' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`refused the login (a wrong password for the user ${userInfo().username}, or no user of that name)`);
  });

  it('says the server has no such database', () => {
    const book = tempLogbook(NOW, 'sqlite');
    const url = new URL(testServer());
    url.pathname = '/no_such_logbook';
    const result = book.run(['--db', url.toString(), 'list']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: the server has no database for ${url}; create it first (createdb), or check the name in --db\n`,
    });
  });

  it('says the server takes no encrypted connection when the URL asks for one, in the language spoken, and does not log', () => {
    const book = tempLogbook(NOW, 'sqlite');
    const url = new URL(testServer());
    url.searchParams.set('sslmode', 'require');
    expect(book.run(['--db', url.toString(), 'log', 'soup was cold', '--no-input'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: the server ${url} does not take encrypted connections, which sslmode (in the URL or PGSSLMODE) asks for; turn SSL on at the server, or leave sslmode out on a network you trust\n`,
    });
    expect(book.run(['--db', url.toString(), 'list'], { env: { LANG: 'zh_CN.UTF-8' } }).stderr).toMatch(/^complaints: 服务器 .* 不接受加密连接/);
    expect(existsSync(join(book.dir, '.local', 'state', 'complaints', 'waiting.db'))).toBe(false);
  });

  it('connects without encryption to a server that has none when sslmode is prefer or allow, as libpq does', () => {
    const book = sharedLogbook([['log', 'soup was cold', '--no-input']]);
    for (const sslmode of ['prefer', 'allow']) {
      const url = new URL(book.db);
      url.searchParams.set('sslmode', sslmode);
      expect(book.run(['--db', url.toString(), 'list', '--json']).stdout).toContain('soup was cold');
      expect(book.run(['list', '--json'], { env: { PGSSLMODE: sslmode } }).stdout).toContain('soup was cold');
    }
  });

  it('refuses certificate settings it cannot use in one line, before connecting', () => {
    const book = tempLogbook(NOW, 'sqlite');
    const url = (settings: string) => `${testServer()}${testServer().includes('?') ? '&' : '?'}${settings}`;
    expect(book.run(['--db', url('sslmode=verify-ca'), 'list'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "complaints: --db: sslmode=verify-ca needs the certificate of the authority that signed the server's: add sslrootcert=FILE\n",
    });
    const missing = join(book.dir, 'no-such-root.crt');
    expect(book.run(['--db', url(`sslmode=verify-full&sslrootcert=${missing}`), 'log', 'soup was cold', '--no-input'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `complaints: --db: cannot read ${missing}, given as sslrootcert (no such file or folder); give the path of the certificate file\n`,
    });
    expect(existsSync(join(book.dir, '.local', 'state', 'complaints', 'waiting.db'))).toBe(false);
  });

  it('reads an address pasted with a space or line break at either end as the address', () => {
    const book = sharedLogbook([['log', 'soup was cold', '--no-input']]);
    const pasted = book.run(['list', '--json'], { env: { COMPLAINTS_DB: ` ${book.db}\n` } });
    expect(pasted.stdout).toContain('soup was cold');
    expect(book.run(['--db', ` ${book.db}`, 'list', '--json']).stdout).toContain('soup was cold');
  });

  it('tells a till the logbook is busy when another session holds the complaint longer than a till waits, changing nothing', async () => {
    const book = sharedLogbook([['log', 'soup was cold', '--no-input']]);
    const before = book.dump();
    const holder = new pg.Client({ connectionString: book.db });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM complaints WHERE id = 1 FOR UPDATE');
      const waited = book.run(['triage', '1', '--category', 'product', '--cause', 'cold food']);
      expect(waited.code).toBe(1);
      expect(waited.stderr).toMatch(/^complaints: .* is busy with another till or program; try again\n$/);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect(book.dump()).toBe(before);
  }, 60_000);

  it('says the schema its URL puts first on the search path is not there, writing nothing', () => {
    const book = tempLogbook(NOW, 'sqlite');
    const url = inSchema(testServer(), 'no_such_schema');
    for (const args of [['log', 'soup was cold', '--no-input'], ['list'], ['import', '--dry-run', '-']]) {
      expect({ args, ...book.run(['--db', url, ...args], { input: 'id,logged_at,occurred_at,status,description\r\n' }) }).toEqual({
        args,
        code: 1,
        stdout: '',
        stderr: `complaints: the server has no schema for ${url} to keep the logbook in; create the schema its search_path names first (CREATE SCHEMA), or check search_path in --db\n`,
      });
    }
    expect(onServerSync([`SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'no_such_schema'`])).toEqual([[{ n: 0 }]]);
  });

  it('refuses a URL it cannot read without repeating it', () => {
    const book = tempLogbook(NOW, 'sqlite');
    const result = book.run(['--db', 'postgres://till:s3cret@[nonsense/complaints', 'list']);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: "complaints: --db: not a PostgreSQL URL this can read; write it as postgres://user@host:5432/database\n",
    });
  });

  it('refuses a URL whose password or database has a % not escaping a character, rather than try it as a wrong password', () => {
    const book = tempLogbook(NOW, 'sqlite');
    for (const url of ['postgres://till:50%off@127.0.0.1:1/complaints', 'postgres://till@127.0.0.1:1/100%shop']) {
      expect(book.run(['log', 'soup was cold', '--no-input'], { env: { COMPLAINTS_DB: url } })).toEqual({
        code: 2,
        stdout: '',
        stderr: 'complaints: COMPLAINTS_DB: the user, password or database of the PostgreSQL URL has a % not followed by two hexadecimal digits; write a % itself as %25\n',
      });
    }
    expect(existsSync(join(book.dir, '.local', 'state', 'complaints', 'waiting.db'))).toBe(false);
  });

  it('refuses a connect_timeout that is not a number of seconds and an sslmode PostgreSQL does not know, logging nothing', () => {
    const book = tempLogbook(NOW, 'sqlite');
    const url = `${testServer()}${testServer().includes('?') ? '&' : '?'}connect_timeout=abc`;
    expect(book.run(['--db', url, 'log', 'soup was cold', '--no-input'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'complaints: --db: connect_timeout=abc is not a number of seconds; write it as connect_timeout=5\n',
    });
    expect(existsSync(join(book.dir, '.local', 'state', 'complaints', 'waiting.db'))).toBe(false);
    const sslmode = `${testServer()}${testServer().includes('?') ? '&' : '?'}sslmode=bogus`;
    expect(book.run(['--db', sslmode, 'list'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'complaints: --db: sslmode=bogus is not one PostgreSQL knows; write one of disable, allow, prefer, require, verify-ca, verify-full, no-verify\n',
    });
    // A setting misspelt would be passed over by the driver: sslmod=require would connect unencrypted.
    const misspelt = `${testServer()}${testServer().includes('?') ? '&' : '?'}sslmod=require`;
    expect(book.run(['--db', misspelt, 'log', 'soup was cold', '--no-input'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'complaints: --db: sslmod is not a connection setting PostgreSQL knows; check its spelling (sslmode, connect_timeout, …)\n',
    });
    // Given twice, or longer than a timer can wait, or in libpq's variables: refused the same.
    const twice = `${sslmode.replace('sslmode=bogus', 'sslmode=disable')}&connect_timeout=1&connect_timeout=abc`;
    expect(book.run(['--db', twice, 'list'])).toMatchObject({ code: 2, stderr: 'complaints: --db: connect_timeout=abc is not a number of seconds; write it as connect_timeout=5\n' });
    const tooLong = `${testServer()}${testServer().includes('?') ? '&' : '?'}connect_timeout=99999999999`;
    expect(book.run(['--db', tooLong, 'log', 'soup was cold', '--no-input'])).toMatchObject({ code: 2, stdout: '' });
    expect(book.run(['--db', testServer(), 'list'], { env: { PGSSLMODE: 'bogus' } })).toMatchObject({ code: 2, stderr: expect.stringMatching(/^complaints: PGSSLMODE: sslmode=bogus /) });
    expect(existsSync(join(book.dir, '.local', 'state', 'complaints', 'waiting.db'))).toBe(false);
  });
});

describe('a database that is not a complaints logbook', () => {
  it('finds no logbook in an empty database, until the first complaint makes one', () => {
    const book = sharedLogbook();
    expect(book.run(['list'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: no logbook at ${book.db}; the first 'complaints log' creates it, or give the logbook's address with --db\n`,
    });
    expect(book.ok(['log', 'soup was cold', '--no-input'])).toBe('Logged #1; respond by 2026-11-24 10:00.\n');
    expect(book.ok(['list'])).toContain('soup was cold');
  });

  it("refuses one holding another program's tables, and adds nothing to it", () => {
    const book = sharedLogbook();
    underneath(book, `CREATE TABLE customers (id integer PRIMARY KEY, name text)`);
    expect(runComparing(book, ['log', 'soup was cold', '--no-input'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: ${book.db} holds the tables of another program, not a complaints logbook; give an empty database or another --db\n`,
      unchanged: true,
    });
  });

  it('refuses a logbook a newer version of complaints has updated, and changes nothing', () => {
    const book = sharedLogbook([['log', 'soup was cold', '--no-input']]);
    underneath(book, `INSERT INTO schema_migrations VALUES (99, 'from the future', '${NOW}')`);
    expect(runComparing(book, ['log', 'bread was stale', '--no-input'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: ${book.db} was written by a newer version of complaints (schema 99); upgrade complaints to open it\n`,
      unchanged: true,
    });
  });
});

describe('a shared logbook made before a newer version', () => {
  it('has its person keys made without invisible characters, so a regular typed with one is recognised', () => {
    const book = sharedLogbook([['log', '汤凉了', '--customer', '王\u200b芳', '--contact', '138\u200b0013 8000', '--no-input']]);
    // As the version before kept them, then the update that leaves them out to be made.
    underneath(book, `UPDATE complaints SET customer_key = '王' || chr(8203) || '芳', contact_key = '138' || chr(8203) || '00138000'`);
    underneath(book, `DELETE FROM schema_migrations WHERE version = 10`);
    const logged = book.run(['log', '又凉了', '--customer', '王芳', '--no-input']);
    expect(logged.stderr).toContain('note: 王芳 complained before: #1 (2026-11-23)');
    expect(JSON.parse(book.ok(['list', '--customer', '13800138000', '--json'])).map((c: { id: number }) => c.id).sort()).toEqual([1]);
  });
});

describe('a shared logbook made before a zero-width joiner outside an emoji was left out of person keys', () => {
  const migration = readFileSync(new URL('../../migrations/postgres/0017_person_keys_joiner.sql', import.meta.url), 'utf8');

  it('has them made as this version makes them, so a regular typed with one is recognised', () => {
    const people = [
      { customer: '王\u200d芳', contact: '+86 138\u200d0013 8000' },
      { customer: 'Ann \u200d Lee', contact: '\u180e0712 345 678' },
      { customer: '👨\u200d🍳 李 \u200d', contact: null },
      { customer: '🧑🏽\u200d🍳王\u200d', contact: null },
    ];
    const book = sharedLogbook(
      people.map(({ customer, contact }) => ['log', '汤凉了', '--customer', customer, ...(contact === null ? [] : ['--contact', contact]), '--no-input']),
    );
    // As the version before kept them, joiners and the vowel separator in, then the update that takes them out to be made.
    underneath(
      book,
      `UPDATE complaints SET
         customer_key = CASE id WHEN 1 THEN '王' || chr(8205) || '芳' WHEN 2 THEN 'ann ' || chr(8205) || ' lee'
                                WHEN 3 THEN '👨' || chr(8205) || '🍳李' || chr(8205) ELSE '🧑🏽' || chr(8205) || '🍳王' || chr(8205) END,
         contact_key = CASE id WHEN 1 THEN '+86138' || chr(8205) || '00138000' WHEN 2 THEN chr(6158) || '0712345678' END`,
    );
    underneath(book, `DELETE FROM schema_migrations WHERE version = 17`);
    expect(book.run(['log', '又凉了', '--customer', '王芳', '--no-input']).stderr).toContain('note: 王芳 complained before: #1 (2026-11-23)');
    expect(underneath(book, `SELECT customer_key, contact_key FROM complaints WHERE id <= 4 ORDER BY id`)).toEqual(
      people.map((person) => personKeys(person)),
    );
  });

  it('spells out as emoji the characters JavaScript takes for them', () => {
    const emoji = /FROM \(SELECT\n([\s\S]*?)\n\s*AS emoji\)/.exec(migration)![1]!;
    const [[{ found }]] = onServerSync([
      `SELECT array_agg(c ORDER BY c) AS found FROM generate_series(160, 262143) AS c
        WHERE c NOT BETWEEN 55296 AND 57343 AND chr(c) ~ ('^[' || ${emoji} || ']$')`,
    ]) as [[{ found: number[] }]];
    const planes = Array.from({ length: 262143 - 160 + 1 }, (_, i) => 160 + i).filter((c) => c < 0xd800 || c > 0xdfff);
    expect(found).toEqual(planes.filter((c) => /\p{Extended_Pictographic}/u.test(String.fromCodePoint(c))));
  });
});

describe('a shared logbook made before actions kept their own time', () => {
  it('dates each action by the resolution that gave it, not by a later one, and tallies it so', () => {
    const book = sharedLogbook([
      ['log', '汤凉了', '--at', '2026-11-09 10:00', '--no-input'],
      ['triage', '1', '--category', 'product', '--cause', '汤不热', '--at', '2026-11-09 10:05'],
      ['resolve', '1', '--remedy', 'refund', '--cost', '5', '--action', '汤桶加保温', '--at', '2026-11-10 10:00'],
      ['follow-up', '1', '--reopen', '--at', '2026-11-16 10:00'],
      ['resolve', '1', '--remedy', 'apology', '--at', '2026-11-17 10:00'],
    ]);
    const shown = () => JSON.parse(book.ok(['show', '1', '--json'])) as { action_at: string; timeline: Array<{ action: string; at: string }> };
    const recordedAt = shown().timeline.find((event) => event.action === 'resolved')!.at;
    expect(shown().action_at).toBe(recordedAt);
    // As the version before kept it: no action_at, the actions tallied by resolved_at.
    underneath(book, `DROP INDEX complaints_with_action_by_recorded`);
    underneath(
      book,
      `CREATE OR REPLACE FUNCTION tallied_of(c complaints) RETURNS tallied LANGUAGE sql IMMUTABLE PARALLEL SAFE
         RETURN ROW(substr(c.occurred_at, 1, 7), CASE WHEN c.status <> 'rejected' THEN c.cause END, CAST(floor(c.hours_to_resolve) AS INTEGER),
                    CASE WHEN c.action IS NOT NULL THEN substr(c.resolved_at, 1, 7) END,
                    CASE WHEN c.action IS NOT NULL AND c.resolved_at IS NOT NULL THEN c.cause END)::tallied`,
    );
    underneath(book, `ALTER TABLE complaints DROP COLUMN action_at`);
    underneath(book, `CREATE INDEX complaints_with_action_by_resolved ON complaints (resolved_at, cause) WHERE action IS NOT NULL`);
    underneath(book, `DELETE FROM schema_migrations WHERE version = 12`);
    expect(shown().action_at).toBe(recordedAt);
    expect(book.ok(['report', '--week', '2026-W46'])).toMatch(/^ {2}#1 +汤不热: 汤桶加保温$/m);
    expect(book.ok(['check'])).toMatch(/^ok: /);
  });
});

describe('a shared logbook made before earlier scores were kept', () => {
  it('finds the score a later follow-up took the place of on the timeline, counts it, and lets that follow-up be undone', () => {
    const book = sharedLogbook([
      ['log', '汤凉了', '--at', '2026-11-16 10:00', '--no-input'],
      ['resolve', '1', '--remedy', 'apology', '--at', '2026-11-16 11:00'],
      ['follow-up', '1', '--satisfaction', '2', '--reopen', '--at', '2026-11-17 10:00'],
      ['resolve', '1', '--remedy', 'refund', '--at', '2026-11-17 11:00'],
      ['follow-up', '1', '--satisfaction', '5', '--at', '2026-11-18 10:00'],
    ]);
    // As the version before kept it: the 2/5 gone, and the follow-up's event not knowing of it.
    underneath(
      book,
      `CREATE OR REPLACE FUNCTION figures_of(c complaints) RETURNS daily_figures LANGUAGE sql IMMUTABLE PARALLEL SAFE
         RETURN ROW(substr(c.occurred_at, 1, 10), (c.status <> 'withdrawn')::int, (c.status IN ('resolved', 'closed'))::int,
                    (c.status = 'rejected')::int, (c.status <> 'rejected' AND c.resolved_at IS NOT NULL)::int,
                    COALESCE((c.status <> 'rejected' AND c.resolved_at <= c.respond_by AND c.missed_respond_by IS NULL)::int, 0),
                    (c.followed_up_at IS NOT NULL)::int, (c.satisfaction IS NOT NULL)::int, COALESCE(c.satisfaction, 0), 0)::daily_figures`,
    );
    underneath(book, `ALTER TABLE complaints DROP COLUMN earlier_satisfaction`);
    underneath(book, `DROP FUNCTION scores_kept, score_sum_kept`);
    underneath(book, `UPDATE events SET before = (before::jsonb - 'earlier_satisfaction')::text WHERE before IS NOT NULL`);
    underneath(book, `DELETE FROM schema_migrations WHERE version = 15`);
    underneath(book, RECOUNT_DAYS);
    const average = () => JSON.parse(book.ok(['report', '--week', '2026-W47', '--format', 'json'])).summary.averageSatisfaction as number;
    expect(average()).toBe(3.5);
    expect(JSON.parse(book.ok(['show', '1', '--json']))).toMatchObject({ satisfaction: 5, earlier_satisfaction: [2] });
    book.ok(['undo', '1', '--yes']);
    expect(JSON.parse(book.ok(['show', '1', '--json']))).toMatchObject({ satisfaction: 2, earlier_satisfaction: [] });
    expect(average()).toBe(2);
    expect(book.ok(['check'])).toMatch(/^ok: /);
  });
});

describe('several tills stepping one complaint at once', () => {
  /** Runs each command line as a till of its own, all started together. */
  async function atOnce(book: Logbook, commands: string[][]): Promise<Array<{ code: number; stdout: string; stderr: string }>> {
    return Promise.all(
      commands.map(async (args) => {
        const child = spawn(process.execPath, [BIN, ...args], { env: environment(book) });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
        child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
        const [code] = (await once(child, 'close')) as [number];
        return { code, stdout, stderr };
      }),
    );
  }

  it('lets one till resolve it and tells the others it is resolved already; the timeline has one resolution', async () => {
    const book = sharedLogbook([['log', 'soup was cold', '--no-input']]);
    const tills = await atOnce(book, [
      ['resolve', '1', '--remedy', 'refund', '--cost', '4.50'],
      ['resolve', '1', '--remedy', 'replacement'],
      ['resolve', '1', '--remedy', 'apology'],
    ]);
    expect(tills.filter((till) => till.code === 0)).toHaveLength(1);
    for (const refused of tills.filter((till) => till.code !== 0)) {
      expect(refused).toEqual({
        code: 1,
        stdout: '',
        stderr: "complaints: complaint #1 is resolved; record the customer's view with 'complaints follow-up 1 --satisfaction N'\n",
      });
    }
    const { timeline } = JSON.parse(book.ok(['show', '1', '--json'])) as { timeline: Array<{ action: string }> };
    expect(timeline.map((event) => event.action)).toEqual(['logged', 'resolved']);
  });

  it.each([2, 8])('takes every complaint of %i tills logging at once, each once, numbered without a gap or a repeat', async (tillCount) => {
    const book = sharedLogbook();
    const each = 6;
    // Each till a shell of its own logging one complaint after another, all the tills at once.
    const tills = await atOnceInShells(
      book,
      Array.from({ length: tillCount }, (_, till) => `for i in $(seq ${each}); do "$0" "$1" log "till ${till + 1}, complaint $i" --till "till ${till + 1}" || exit 1; done`),
    );
    expect(tills.map((till) => till.code)).toEqual(Array(tillCount).fill(0));
    const complaints = JSON.parse(book.ok(['list', '--json'])) as Array<{ id: number; description: string }>;
    expect(complaints.map((c) => c.id).sort((a, b) => a - b)).toEqual(Array.from({ length: tillCount * each }, (_, i) => i + 1));
    expect(new Set(complaints.map((c) => c.description)).size).toBe(tillCount * each);
    const byTill = JSON.parse(book.ok(['report', '--by', 'till', '--format', 'json'])) as { total: number; rows: Array<{ count: number }> };
    expect(byTill.total).toBe(tillCount * each);
    expect(byTill.rows.map((row) => row.count)).toEqual(Array(tillCount).fill(each));
  }, 120_000);

  /** Runs each bash script (given the binary as "$0" "$1") as a till of its own, all started together. */
  async function atOnceInShells(book: Logbook, scripts: string[]): Promise<Array<{ code: number; stderr: string }>> {
    return Promise.all(
      scripts.map(async (script) => {
        const child = spawn('bash', ['-c', script, process.execPath, BIN], { env: environment(book), stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
        const [code] = (await once(child, 'close')) as [number];
        return { code, stderr };
      }),
    );
  }
});

describe('the same week on either engine', () => {
  // A Chinese shop's week, typed as the owner types it; every command after it must say the same
  // on a file and on the server, but for the uids, which are made afresh for each complaint.
  const WEEK = [
    ['config', 'set', 'shop', '老王面馆'],
    ['log', '汤是凉的', '--customer', '王芳', '--contact', '138 0013 8000', '--about', '牛肉面', '--at', '2026-11-16 12:10'],
    ['log', '服务员态度不好', '--customer', '李雷', '--channel', 'phone', '--at', '2026-11-17 18:30'],
    ['log', '面里有头发', '--customer', '王芳', '--at', '2026-11-19 12:40', '--wants', 'refund'],
    ['log', '上菜太慢', '--at', '2026-11-20 19:05'],
    ['log', '价格太贵', '--at', '2026-11-22 13:00'],
    ['triage', '1', '--category', 'product', '--cause', '汤凉了', '--severity', 'medium', '--at', '2026-11-16 14:00'],
    ['triage', '2', '--category', 'staff', '--cause', '态度差', '--at', '2026-11-18 09:00'],
    ['triage', '3', '--category', 'product', '--cause', '卫生问题', '--severity', 'high', '--at', '2026-11-19 13:00'],
    ['triage', '4', '--category', 'service', '--cause', '上菜慢', '--at', '2026-11-21 10:00'],
    ['triage', '5', '--reject', '--reason', '价格已公示', '--at', '2026-11-22 14:00'],
    ['assign', '3', '小张', '--respond-by', '2026-11-20 12:00', '--at', '2026-11-19 13:05'],
    ['resolve', '1', '--remedy', 'replacement', '--cost', '18.00', '--root-cause', '保温桶坏了', '--action', '换了保温桶', '--at', '2026-11-17 10:00'],
    ['resolve', '3', '--remedy', 'refund', '--cost', '32.50', '--root-cause', '厨师没戴帽子', '--action', '厨房必须戴帽子', '--at', '2026-11-19 15:00'],
    ['follow-up', '1', '--satisfaction', '4', '--at', '2026-11-20 11:00'],
    ['note', '2', '已经打电话道歉', '--at', '2026-11-21 16:00'],
    ['causes', 'rename', '汤凉了', '汤不热'],
    // Earlier months, so that a report over them reads the kept monthly tallies: its causes, its
    // median hours to resolve, and how many actions were recorded.
    ['log', '汤是温的', '--at', '2026-09-03 12:00'],
    ['triage', '6', '--category', 'product', '--cause', '汤凉了', '--at', '2026-09-03 12:00'],
    ['resolve', '6', '--remedy', 'apology', '--action', '换了保温桶', '--at', '2026-09-03 15:30'],
    ['log', '等了四十分钟', '--at', '2026-09-14 19:00'],
    ['triage', '7', '--category', 'product', '--cause', '上菜慢', '--at', '2026-09-14 19:00'],
    ['resolve', '7', '--remedy', 'apology', '--action', '加了一个服务员', '--at', '2026-09-15 10:00'],
    ['log', '汤不够热', '--at', '2026-09-28 12:30'],
    ['triage', '8', '--category', 'product', '--cause', '汤凉了', '--at', '2026-09-28 12:30'],
    ['resolve', '8', '--remedy', 'apology', '--action', '保温灯一直开着', '--at', '2026-09-29 12:30'],
    ['log', '服务员不理人', '--at', '2026-10-05 18:00'],
    ['triage', '9', '--category', 'product', '--cause', '态度差', '--at', '2026-10-05 18:00'],
    ['resolve', '9', '--remedy', 'apology', '--action', '培训服务员', '--at', '2026-10-05 18:45'],
    ['log', '菜上得太慢', '--at', '2026-10-19 12:15'],
    ['triage', '10', '--category', 'product', '--cause', '上菜慢', '--at', '2026-10-19 12:15'],
    ['resolve', '10', '--remedy', 'apology', '--action', '先上凉菜', '--at', '2026-10-21 09:00'],
    ['log', '汤是凉的', '--at', '2026-10-30 13:00'],
    ['triage', '11', '--category', 'product', '--cause', '汤凉了', '--at', '2026-10-30 13:00'],
    ['resolve', '11', '--remedy', 'apology', '--action', '检查保温桶', '--at', '2026-10-30 13:20'],
  ];
  const READS = [
    [],
    ['list'],
    ['list', '--json'],
    ['list', '--status', 'new,triaged', '--cause', '态度差'],
    ['show', '1', '--json'],
    ['show', '3'],
    ['follow-up'],
    ['causes'],
    ['report', '--week', '2026-W47'],
    ['report', '--week', '2026-W47', '--format', 'json'],
    ['report', '--week', '2026-W47', '--format', 'markdown', '--by', 'category'],
    ['report', '--week', '2026-W47', '--format', 'html', '--by', 'remedy'],
    ['report', '--last', '4w', '--format', 'csv', '--by', 'channel'],
    ['report', '--since', '2026-11-01', '--format', 'json', '--by', 'assignee'],
    ['report', '--since', '2026-09-01', '--format', 'json'],
    ['report', '--since', '2026-09-10', '--until', '2026-11-18'],
    ['export'],
    ['export', '--redact'],
    ['check'],
    ['forget', '王芳', '--dry-run'],
  ];
  const UID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

  it('gives every command the same output, byte for byte, from a file and from the server', () => {
    const onFile = tempLogbook(NOW, 'sqlite');
    const shared = sharedLogbook();
    const said = (book: Logbook, args: string[]) => {
      const { code, stdout, stderr } = book.run(args);
      return { args, code, stdout: stdout.replace(UID, 'UID'), stderr: stderr.replaceAll(book.db, 'LOGBOOK') };
    };
    for (const args of WEEK) expect(said(shared, args)).toEqual({ ...said(onFile, args), code: 0 });
    for (const args of READS) expect(said(shared, args)).toEqual(said(onFile, args));
  }, 180_000);

  it('reports months of a busy history alike, read from the tallies each engine keeps', async () => {
    // 45,000 complaints are about 80 days of the generator's shop: two whole UTC months and the
    // parts of two more. Both reports read their causes, median and the number of actions (over
    // the 20 they list) from the whole months, and the complaints of the parts.
    const onFile = tempLogbook(NOW, 'sqlite');
    const shared = sharedLogbook();
    const file = join(onFile.dir, 'history.csv');
    await generateCsv(file, 45_000, NOW);
    for (const book of [onFile, shared]) book.ok(['import', file]);
    for (const args of [
      ['report', '--since', '2026-08-01', '--format', 'json'],
      ['report', '--since', '2026-08-01'],
      ['report', '--since', '2026-09-10', '--until', '2026-11-05', '--by', 'category'],
    ]) {
      const report = shared.ok(args);
      expect(report).toBe(onFile.ok(args));
      if (!args.includes('json')) expect(report).toMatch(/^ {2}… and \d+ more$/m);
    }
    for (const book of [onFile, shared]) expect(book.ok(['check'])).toMatch(/^ok: 45000 complaints/);
  }, 180_000);
});

describe('backup of a shared logbook', () => {
  it('writes a private file any till opens as a logbook, holding every complaint with its timeline', () => {
    const book = sharedLogbook(EVERY_STATUS);
    const copy = join(book.dir, 'shared.db');
    expect(book.run(['backup', copy])).toMatchObject({ code: 0, stderr: '' });
    const ids = (JSON.parse(book.ok(['list', '--json'])) as Array<{ id: number }>).map((complaint) => String(complaint.id));
    for (const id of ids) expect(book.ok(['--db', copy, 'show', id, '--json'])).toBe(book.ok(['show', id, '--json']));
    expect(book.ok(['--db', copy, 'export'])).toBe(book.ok(['export']));
    expect(book.ok(['--db', copy, 'report', '--format', 'json'])).toBe(book.ok(['report', '--format', 'json']));
    expect(book.ok(['--db', copy, 'check'])).toMatch(/^ok: 7 complaints, \d+ events, integrity ok\n$/);
  }, 120_000);
});

describe('moving into a shared logbook', () => {
  it('takes a single till’s logbook through export and import, ids, times and uids kept', () => {
    const till = tempLogbook(NOW, 'sqlite');
    for (const step of EVERY_STATUS) till.ok([...step]);
    const shared = sharedLogbook();
    const moved = spawnSync(
      'bash',
      ['-c', `"$0" "$1" --db ${shellQuote(till.db)} export | "$0" "$1" --db ${shellQuote(shared.db)} import -`, process.execPath, BIN],
      { encoding: 'utf8', env: environment(shared) },
    );
    expect(moved.stderr).toBe(`New logbook: ${shared.db}\nnext: complaints list, or complaints causes to check the spellings of causes\n`);
    expect(moved.stdout).toBe('Imported 7 complaints from standard input as #1–#7.\n');
    expect(shared.ok(['export'])).toBe(till.ok(['export']));
    expect(shared.ok(['report', '--format', 'json'])).toBe(till.ok(['report', '--format', 'json']));
  });
});

describe('import into a schema with no logbook yet', () => {
  const tablesIn = (book: Logbook) => onServerSync([`SELECT tablename FROM pg_tables WHERE schemaname = '${book.schema}'`])[0];

  it('refuses a bad file leaving no logbook there, as on a file, and makes it from a good one', () => {
    const shared = sharedLogbook();
    const bad = join(shared.dir, 'bad.csv');
    writeFileSync(bad, `id,logged_at,occurred_at,status,description\r\n1,${NOW},${NOW},new,soup was cold\r\n2,${NOW},${NOW},open,bread was stale\r\n`);
    const refused = shared.run(['import', bad]);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(tablesIn(shared)).toEqual([]);
    expect(shared.run(['list'])).toMatchObject({ code: 1, stderr: expect.stringMatching(/^complaints: no logbook at /) });

    // A file with a header and no complaints makes none either.
    const empty = join(shared.dir, 'empty.csv');
    writeFileSync(empty, 'id,logged_at,occurred_at,status,description\r\n');
    expect(shared.run(['import', empty])).toMatchObject({ code: 0, stdout: `Nothing to import: ${empty} has a header but no complaints.\n` });
    expect(tablesIn(shared)).toEqual([]);

    const good = join(shared.dir, 'good.csv');
    writeFileSync(good, `id,logged_at,occurred_at,status,description\r\n1,${NOW},${NOW},new,汤是凉的\r\n`);
    const imported = shared.run(['import', good]);
    expect(imported).toMatchObject({ code: 0, stdout: `Imported 1 complaint from ${good} as #1.\n` });
    expect(imported.stderr.split('\n')[0]).toMatch(/^New logbook: postgres:\/\//);
    expect(JSON.parse(shared.ok(['list', '--json']))).toMatchObject([{ id: 1, description: '汤是凉的' }]);
  });
});

describe('a file larger than the shared logbook', () => {
  const header = 'id,logged_at,occurred_at,status,description,category,cause,respond_by,resolved_at,remedy,cost,action';
  const row = (id: number) =>
    `${id},${NOW},2026-11-${String(1 + (id % 20)).padStart(2, '0')}T10:00:00.000Z,resolved,cold soup ${id},product,cause ${id % 13},${NOW},${NOW},refund,${id % 7}.50,${id % 3 ? '' : 'fixed'}`;
  // The indexes and references of the tables an import writes, as the server would make them again.
  const upkeep = (book: Logbook) =>
    underneath(
      book,
      `SELECT pg_get_indexdef(indexrelid) AS made FROM pg_index
        WHERE indrelid IN ('complaints'::regclass, 'remedies'::regclass, 'events'::regclass)
       UNION ALL
       SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
        WHERE conrelid IN ('complaints'::regclass, 'remedies'::regclass, 'events'::regclass)
       ORDER BY made`,
    );

  it('is loaded with the indexes and references set aside, and they come back as the migrations made them', () => {
    const book = sharedLogbook([['config', 'set', 'shop', 'Corner Café']]);
    const onFile = tempLogbook(NOW, 'sqlite');
    onFile.ok(['config', 'set', 'shop', 'Corner Café']);
    const before = upkeep(book);
    expect(before.length).toBeGreaterThan(20);
    const file = join(book.dir, 'history.csv');
    writeFileSync(file, [header, ...Array.from({ length: 2000 }, (_, i) => row(i + 1)), ''].join('\n'));
    expect(book.ok(['import', file])).toBe(`Imported 2000 complaints from ${file} as #1–#2000.\n`);
    expect(upkeep(book)).toEqual(before);
    onFile.ok(['import', file]);
    expect(book.ok(['export'])).toBe(onFile.ok(['export']));
    expect(book.ok(['show', '1999', '--json'])).toBe(onFile.ok(['show', '1999', '--json']));
  });

  it('leaves the logbook, its indexes and its references as they were when its last row is bad', () => {
    const book = sharedLogbook([['log', 'the soup was cold', '--no-input']]);
    const before = upkeep(book);
    const file = join(book.dir, 'history.csv');
    writeFileSync(file, [header, ...Array.from({ length: 2000 }, (_, i) => row(i + 2)), `2002,${NOW},${NOW},lost,x,,,,,,,`, ''].join('\n'));
    const result = runComparing(book, ['import', file]);
    expect(result).toMatchObject({ code: 2, unchanged: true });
    expect(result.stderr).toMatch(/^complaints: line 2002: status: 'lost' is not one of /);
    expect(upkeep(book)).toEqual(before);
  });
});

describe('forget on a shared logbook', () => {
  it('leaves the name and contact in no row of any table, and says which texts still mention them', () => {
    const book = sharedLogbook([
      ['log', 'soup was cold', '--customer', 'Zebedee Quint', '--contact', 'zeb@example.org', '--at', '2026-11-20 12:00'],
      ['log', 'Zebedee said the bread was stale', '--customer', 'Ann Lee', '--at', '2026-11-21 09:00'],
      ['resolve', '1', '--remedy', 'refund', '--note', 'called Zebedee Quint back'],
    ]);
    const result = book.run(['forget', 'zebedee  quint', '--yes']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Erased the customer's name and contact from 1 complaint: #1.\n");
    const everyRow = JSON.stringify([underneath(book, `SELECT * FROM complaints`), underneath(book, `SELECT * FROM events`)]);
    expect(everyRow).not.toContain('zeb@example.org');
    expect(everyRow).not.toContain('"Zebedee Quint"');
    expect(book.run(['forget', 'Zebedee Quint', '--yes']).code).toBe(1);
  });

  it("takes another customer's own name, one holding the name forgotten, for no mention of it", () => {
    const book = sharedLogbook([
      ['log', 'soup was cold', '--customer', 'Ann', '--no-input'],
      ['log', 'soup was cold', '--customer', 'Anna', '--no-input'],
      ['log', 'soup was cold', '--customer', 'Ann Lee', '--no-input'],
      ['note', '3', 'Ann rang for her sister'],
    ]);
    const dry = book.run(['forget', 'Ann', '--dry-run']);
    expect(dry).toMatchObject({ code: 0, stdout: "Would erase the customer's name and contact from 1 complaint: #1.\n" });
    expect(dry.stderr).toContain('note: the text of #3 still mentions them');
  });
});

describe('who may do what on a shared logbook', () => {
  it("gives tills a role that logs and handles complaints, and refuses it the manager's commands in one line, changing nothing", () => {
    const book = sharedLogbook(EVERY_STATUS);
    const group = `tills_${book.schema!.slice(-12)}`;
    const sql = book.ok(['setup-roles', '--role', group]);
    expect(sql).toContain(`GRANT UPDATE (occurred_at, status,`);
    // Said in the language spoken, as comments; the SQL the same.
    const inChinese = book.ok(['setup-roles', '--role', group], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(inChinese).toMatch(/^-- 为 schema \S+ 中 complaints 登记簿的收银台建立的角色/);
    const statements = (printed: string) => printed.split('\n').filter((line) => !line.startsWith('--'));
    expect(statements(inChinese)).toEqual(statements(sql));
    const login = `${group}_front`;
    onServerSync([`SET search_path TO ${book.schema}`, sql, `CREATE ROLE ${login} LOGIN PASSWORD 'till-pass' IN ROLE ${group}`]);
    // Run again after an update by the logbook's owner, who may not create roles: the role is there.
    const owner = `${group}_owner`;
    onServerSync([
      `CREATE ROLE ${owner} NOLOGIN`,
      `ALTER SCHEMA ${book.schema} OWNER TO ${owner}`,
      `DO $$ DECLARE relation record; BEGIN
         FOR relation IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '${book.schema}' AND c.relkind IN ('r', 'v') LOOP
           EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', '${book.schema}', relation.relname, '${owner}');
         END LOOP;
       END $$`,
    ]);
    onServerSync([`SET ROLE ${owner}`, `SET search_path TO ${book.schema}`, sql]);
    const url = new URL(book.db);
    url.username = login;
    const asTill = (...args: string[]) => runComparing(book, args, { env: { COMPLAINTS_DB: url.toString(), PGPASSWORD: 'till-pass' } });

    // The day's work.
    expect(asTill('log', 'soup was cold', '--customer', 'Ann Lee')).toMatchObject({ code: 0, unchanged: false });
    expect(asTill('triage', '8', '--category', 'product', '--cause', 'cold food')).toMatchObject({ code: 0, unchanged: false });
    expect(asTill('resolve', '8', '--remedy', 'refund', '--cost', '4.50')).toMatchObject({ code: 0, unchanged: false });
    expect(asTill('follow-up', '8', '--satisfaction', '4')).toMatchObject({ code: 0, unchanged: false });
    expect(asTill('log', '几点关门？')).toMatchObject({ code: 0, unchanged: false });
    expect(asTill('triage', '9', '--nature', 'question')).toMatchObject({ code: 0, unchanged: false });
    expect(asTill('resolve', '9', '--answer', '晚上九点')).toMatchObject({ code: 0, unchanged: false });
    // Undoing the follow-up, then the resolve, which takes its remedy back.
    expect(asTill('undo', '8', '--yes')).toMatchObject({ code: 0, unchanged: false });
    expect(asTill('undo', '8', '--yes')).toMatchObject({ code: 0, unchanged: false, stdout: expect.stringContaining('is triaged again') });
    expect(asTill('report', '--format', 'json')).toMatchObject({ code: 0 });

    // What only whoever manages the logbook may do.
    const refused = (what: string) => `complaints: this login may log and handle complaints but not ${what}; ask whoever manages the logbook\n`;
    expect(asTill('forget', 'Ann Lee', '--yes')).toEqual({ code: 1, stdout: '', stderr: refused('erase customers'), unchanged: true });
    // Its dry run shows what would be erased, and who may erase it, rather than to run it again.
    expect(asTill('forget', 'Ann Lee', '--dry-run')).toMatchObject({ code: 0, stderr: "this login may log and handle complaints but not erase customers; ask whoever manages the logbook\n", unchanged: true });
    expect(asTill('causes', 'rename', 'cold food', 'cold soup')).toEqual({ code: 1, stdout: '', stderr: refused('rename causes'), unchanged: true });
    expect(asTill('config', 'set', 'shop', 'Mine now')).toEqual({ code: 1, stdout: '', stderr: refused("change the shop's settings"), unchanged: true });
    expect(asTill('check', '--recount')).toEqual({ code: 1, stdout: '', stderr: refused('recount what is kept for the report, the desk and export'), unchanged: true });
    // A remedy above the approval limit is proposed at the till, and approved or sent back by whoever manages the logbook.
    book.ok(['config', 'set', 'approval-above', '50']);
    expect(asTill('resolve', '8', '--remedy', 'refund', '--cost', '80')).toMatchObject({ code: 0, unchanged: false, stdout: expect.stringContaining('it waits for approval') });
    const approvalRefused = refused('approve or send back remedies waiting for approval');
    expect(asTill('approve', '8')).toEqual({ code: 1, stdout: '', stderr: approvalRefused, unchanged: true });
    expect(asTill('approve', '8', '--reject', '--reason', 'too much')).toEqual({ code: 1, stdout: '', stderr: approvalRefused, unchanged: true });
    expect(book.ok(['approve', '8', '--as', 'Li Na'])).toContain('Approved refund costing');
    // Nor may the till take the owner's decision back.
    const decisionRefused = refused('undo the approval or sending back of a remedy');
    expect(asTill('undo', '8', '--yes')).toEqual({ code: 1, stdout: '', stderr: decisionRefused, unchanged: true });
    expect(book.ok(['undo', '8', '--yes'])).toContain('Undid #8 approved');
    expect(book.ok(['approve', '8', '--reject', '--reason', 'a voucher will do'])).toContain('Sent back');
    expect(asTill('undo', '8', '--yes')).toEqual({ code: 1, stdout: '', stderr: decisionRefused, unchanged: true });
    expect(book.ok(['undo', '8', '--yes'])).toContain('Undid #8');
    expect(book.ok(['approve', '8', '--as', 'Li Na'])).toContain('Approved refund costing');
    // A file writes what no step at the till would: here a remedy above the approval limit, given
    // without approval. Its dry run says what it holds, and who may import it.
    const history = join(book.dir, 'history.csv');
    writeFileSync(history, `id,logged_at,occurred_at,status,description,category,cause,remedy,cost,resolved_at\r\n900,${NOW},${NOW},resolved,汤是凉的,product,汤不热,compensation,500.00,${NOW}\r\n`);
    expect(asTill('import', history, '--dry-run')).toEqual({
      code: 0,
      stdout: `Would import 1 complaint from ${history} as #900; nothing was written (--dry-run).\n`,
      stderr: 'this login may log and handle complaints but not import complaints from a file; ask whoever manages the logbook\n',
      unchanged: true,
    });
    expect(asTill('import', history)).toEqual({ code: 1, stdout: '', stderr: refused('import complaints from a file'), unchanged: true });
    // A new version of complaints whose update a till's login opens first: the owner's login makes it.
    const [[latest]] = onServerSync([`SELECT version, name, applied_at FROM ${book.schema}.schema_migrations ORDER BY version DESC LIMIT 1`]) as [[{ version: number; name: string; applied_at: string }]];
    onServerSync([`DELETE FROM ${book.schema}.schema_migrations WHERE version = ${latest.version}`]);
    expect(asTill('list')).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: ${url} must first be updated for this version of complaints (schema ${latest.version - 1} to ${latest.version}), which only the logbook's owner may do: run any complaints command with the owner's login (the back office's) once, then try again; nothing was changed\n`,
      unchanged: true,
    });
    onServerSync([`INSERT INTO ${book.schema}.schema_migrations VALUES (${latest.version}, '${latest.name}', '${latest.applied_at}')`]);

    // A schema of its own with no logbook in it yet: the till's login may use it but not make one there.
    const empty = newSchema();
    onServerSync([`CREATE SCHEMA ${empty.schema}`, `GRANT USAGE ON SCHEMA ${empty.schema} TO ${group}`]);
    const emptyUrl = new URL(empty.url);
    emptyUrl.username = login;
    const making = book.run(['log', 'soup was cold', '--no-input'], { env: { COMPLAINTS_DB: emptyUrl.toString(), PGPASSWORD: 'till-pass' } });
    expect(making).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: ${emptyUrl} holds no logbook yet, and this login may not make one: run a first complaints command (config set shop …) with the login that is to own the logbook (the back office's), then try again; nothing was changed\n`,
    });
    // A command that only reads says the same, rather than that the first log would make it.
    expect(book.run(['list'], { env: { COMPLAINTS_DB: emptyUrl.toString(), PGPASSWORD: 'till-pass' } })).toEqual(making);
    expect(onServerSync([`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = '${empty.schema}'`])).toEqual([[{ n: 0 }]]);
    // A schema there that the till's login may not use: said so, not taken for one that is not there.
    const closed = newSchema();
    onServerSync([`CREATE SCHEMA ${closed.schema}`]);
    const closedUrl = new URL(closed.url);
    closedUrl.username = login;
    expect(book.run(['list'], { env: { COMPLAINTS_DB: closedUrl.toString(), PGPASSWORD: 'till-pass' } })).toEqual({
      code: 1,
      stdout: '',
      stderr: `complaints: the logbook ${closedUrl} does not allow this to its user (permission denied for schema ${closed.schema}); ask whoever runs the server to give this login a till's rights, with the SQL 'complaints setup-roles' prints\n`,
    });
    // And the server itself refuses the till what the commands never do.
    for (const statement of ['DELETE FROM complaints', 'TRUNCATE events', 'DROP TABLE remedies', `UPDATE complaints SET customer = NULL`]) {
      const tried = spawnSync(
        process.execPath,
        ['--input-type=module', '-e', `import pg from 'pg'; const c = new pg.Client(process.env.URL); await c.connect(); try { await c.query(process.env.SQL); } catch (e) { process.stdout.write(e.code); } await c.end();`],
        { encoding: 'utf8', cwd: new URL('../../', import.meta.url), env: { ...process.env, URL: url.toString(), PGPASSWORD: 'till-pass', SQL: statement } },
      );
      expect([statement, tried.stdout]).toEqual([statement, '42501']);
    }
    onServerSync([`DROP OWNED BY ${login}, ${group}`, `DROP ROLE ${login}`, `DROP ROLE ${group}`]);
  }, 120_000);

  it('has nothing to set up for a logbook file', () => {
    const file = tempLogbook(NOW, 'sqlite');
    file.ok(['log', 'soup was cold']);
    expect(file.run(['setup-roles'])).toEqual({ code: 0, stdout: '', stderr: `Nothing to set up: ${file.db} is a file; its mode (private to its user) says who may use it.\n` });
  });
});
