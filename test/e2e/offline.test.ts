import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Link } from '../support/link.js';
import pg from 'pg';
import { onServer, testServer } from '../support/postgres.js';
import { BIN, environment, tempLogbook } from './harness.js';

// Tills logging while the shared logbook is out of reach: the network between them and the
// server goes down (test/support/link.ts), the tills keep logging, and when it is back every
// complaint arrives exactly once, whichever command sends it and however a send is interrupted.

const NOW = '2026-11-23T10:00:00.000Z';

let link: Link | undefined;
afterEach(async () => {
  await link?.down();
  link = undefined;
});

/** A shared logbook reached through a link that is up, and a till (a home folder of its own) for each name. */
async function shopOnALink(...tills: string[]) {
  const book = tempLogbook(NOW, 'postgres');
  link = await Link.to(book.db);
  await link.up();
  const url = link.through(book.db);
  const homes = new Map(tills.map((till) => [till, mkdtempSync(join(tmpdir(), `complaints-${till}-`))]));
  const on = (till: string, ...args: string[]) => book.run(args, { env: { HOME: homes.get(till)!, COMPLAINTS_DB: url } });
  on(tills[0]!, 'log', 'the first, while the network was up');
  const count = async () => Number(((await onServer([`SELECT COUNT(*) AS n FROM ${book.schema}.complaints`]))[0]![0] as { n: string }).n);
  /** The environment `till` runs the binary in. */
  const envOf = (till: string) => environment(book, { HOME: homes.get(till)!, COMPLAINTS_DB: url });
  return { book, on, count, envOf, url, homeOf: (till: string) => homes.get(till)! };
}

describe('logging while the shared logbook is out of reach', () => {
  it('keeps what two tills log on each till, and sends each complaint once when the network is back', async () => {
    const { on, count } = await shopOnALink('front', 'back');
    await link!.down();
    for (let i = 1; i <= 3; i++) {
      const front = on('front', 'log', `前台离线 ${i}`, '--customer', '王芳');
      expect(front).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^Kept on this computer: .* cannot be reached \\(${i} waiting\\)\\.\\n$`)) });
      expect(front.stderr).toBe("next: it is sent by the next command that reaches the logbook, or by 'complaints sync'\n");
      expect(on('back', 'log', `back office offline ${i}`, '--json').stdout).toMatch(new RegExp(`"waiting": ${i}\\n`));
    }
    // Still out of reach: nothing is sent, nothing is lost.
    expect(on('front', 'sync')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^complaints: cannot reach the logbook's server/) });
    // The desk cannot be shown; what this till keeps meanwhile is said, on the same line.
    expect(on('front')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^complaints: cannot reach .*\(3 complaints kept on this computer wait for it\)\n$/) });
    expect(await count()).toBe(1);

    await link!.up();
    const synced = on('front', 'sync');
    // And, as log would have said at the till, who complained before.
    expect(synced.stderr).toMatch(
      /^Sent 3 complaints kept on this computer to .*: #2–#4\.\nnote on #3: 王芳 complained before: #2 \(2026-11-23\)\nnote on #4: 王芳 complained before: #2 \(2026-11-23\), #3 \(2026-11-23\)\n$/,
    );
    // What it sent is said once, on stderr; "nothing waits" is for when nothing did.
    expect(synced.stdout).toBe('');
    // Any command that reaches the logbook sends what waits first, here before listing.
    const listed = on('back', 'list', '--json');
    expect(listed.stderr).toMatch(/^Sent 3 complaints .*: #5–#7\.\n$/);
    const complaints = JSON.parse(listed.stdout) as Array<{ id: number; description: string; respond_by: string; till: string }>;
    expect(complaints.map((c) => c.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(complaints.find((c) => c.description === '前台离线 2')).toMatchObject({ respond_by: '2026-11-24T10:00:00.000Z' });
    expect(on('front', 'sync').stderr).toBe('');
    expect(await count()).toBe(7);
    expect(JSON.parse(on('back', 'report', '--format', 'json').stdout).summary.logged).toBe(7);
  });

  it('says to sync again when the connection is cut as a complaint it sends is saved, and the next sync sends the rest once', async () => {
    const { book, on, count } = await shopOnALink('front');
    await link!.down();
    for (const description of ['离线 1', '离线 2', '离线 3']) on('front', 'log', description);
    await link!.up();
    // The server ends the connection as the second complaint's transaction commits.
    const cutting = [
      `CREATE FUNCTION ${book.schema}.cut_here() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN IF NEW.description = '离线 2' THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF; RETURN NULL; END $$`,
      `CREATE CONSTRAINT TRIGGER cut_at_commit AFTER INSERT ON ${book.schema}.complaints DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${book.schema}.cut_here()`,
    ];
    await onServer(cutting);
    const cut = on('front', 'sync');
    expect(cut).toMatchObject({ code: 1, stdout: '' });
    expect(cut.stderr).toMatch(
      /^Sent 1 complaint kept on this computer to .*: #2\.\ncomplaints: the connection to .* was cut while sending the complaints kept on this computer; 2 still wait: run 'complaints sync' once it is back \(each complaint arrives once, however often a send is cut off\)\n$/,
    );
    await onServer([`DROP TRIGGER cut_at_commit ON ${book.schema}.complaints`]);
    expect(on('front', 'sync').stderr).toMatch(/^Sent 2 complaints kept on this computer to .*: #3–#4\.\n$/);
    expect(await count()).toBe(4);
  });

  it('sends what waits whichever spelling of the URL reaches the logbook next', async () => {
    const { book, on, count, url, homeOf } = await shopOnALink('front');
    await link!.down();
    on('front', 'log', 'kept under one spelling of the URL');
    await link!.up();
    const respelt = `${url.replace(/^postgres:/, 'postgresql:')}${url.includes('?') ? '&' : '?'}connect_timeout=3`;
    const synced = book.run(['sync'], { env: { HOME: homeOf('front'), COMPLAINTS_DB: respelt } });
    expect(synced).toMatchObject({ code: 0, stdout: '', stderr: expect.stringMatching(/^Sent 1 complaint kept on this computer/) });
    expect(await count()).toBe(2);
    expect(on('front', 'sync').stdout).toMatch(/^Nothing waits to be sent to /);
  });

  it('says what waits for another address on the desk and at sync, and sends it only to that address', async () => {
    const { book, on, count, homeOf } = await shopOnALink('front');
    const elsewhere = 'postgres://till@127.0.0.1:1/another_shop';
    const there = (...args: string[]) => book.run(args, { env: { HOME: homeOf('front'), COMPLAINTS_DB: elsewhere } });
    expect(there('log', '在另一个地址登记的')).toMatchObject({ code: 0, stdout: expect.stringMatching(/\(1 waiting\)\.\n$/) });
    const told = `1 complaint kept on this computer waits for ${elsewhere}, which is another logbook or another address of it: complaints --db '${elsewhere}' sync, or to send them to this logbook: complaints sync --from '${elsewhere}'\n`;
    expect(on('front')).toMatchObject({ code: 0, stderr: told });
    expect(on('front', 'sync')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Nothing waits to be sent to /), stderr: told });
    expect(await count()).toBe(1);
    expect(there('sync')).toMatchObject({ code: 1, stderr: expect.stringMatching(/\(1 complaint kept on this computer waits for it\)\n$/) });
    // A till moved to a logbook file hears of them too.
    const file = join(homeOf('front'), 'till.db');
    const onFile = (...args: string[]) => book.run(args, { env: { HOME: homeOf('front'), COMPLAINTS_DB: file } });
    onFile('log', 'logged into a file');
    expect(onFile()).toMatchObject({ code: 0, stderr: told });
    expect(onFile('sync')).toMatchObject({ code: 0, stdout: `Nothing to send: ${file} is a file on this computer.\n`, stderr: told });
  });

  it('sends what waits for a mistyped address to the logbook it was meant for, once, with sync --from', async () => {
    const { book, on, count, homeOf } = await shopOnALink('front');
    const mistyped = 'postgres://till@127.0.0.1:1/complaints';
    const there = (...args: string[]) => book.run(args, { env: { HOME: homeOf('front'), COMPLAINTS_DB: mistyped } });
    there('log', '地址输错时登记的');
    there('log', 'also kept for the wrong address');
    const sent = on('front', 'sync', '--from', mistyped);
    expect(sent).toMatchObject({ code: 0, stdout: '', stderr: expect.stringMatching(/^Sent 2 complaints kept on this computer to .*: #2–#3\.\n$/) });
    expect(await count()).toBe(3);
    // Nothing is left for the mistyped address, and nothing is sent twice.
    expect(on('front')).toMatchObject({ code: 0, stderr: '' });
    expect(on('front', 'sync', '--from', mistyped)).toEqual({ code: 0, stdout: `Nothing kept on this computer waits for ${mistyped}.\n`, stderr: '' });
    expect(await count()).toBe(3);
    // A file has nothing kept for it; a till moved back to a file takes what waits, as a shared logbook does.
    expect(on('front', 'sync', '--from', join(homeOf('front'), 'till.db'))).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `complaints: --from: ${join(homeOf('front'), 'till.db')} is not a shared logbook's address; complaints are kept on this computer only for those, written as postgres://user@host:5432/database\n`,
    });
    expect(on('front', 'sync', '--from', ' ')).toEqual({ code: 2, stdout: '', stderr: 'complaints: --from cannot be empty\n' });
    expect(on('front', 'sync', '--from', 'mysql://till:s3cret@shop/complaints')).toEqual({
      code: 2,
      stdout: '',
      stderr: "complaints: --from: mysql://… is not a shared logbook's address; complaints are kept on this computer only for those, written as postgres://user@host:5432/database\n",
    });
    expect(on('front', 'sync', '--from', 'postgres:/till:s3cret@shop/complaints')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'complaints: --from: a postgres: address is written with two slashes after the colon, as postgres://user@host:5432/database; nothing was changed\n',
    });
    there('log', 'kept once more');
    const file = join(homeOf('front'), 'till.db');
    const toFile = book.run(['sync', '--from', mistyped], { env: { HOME: homeOf('front'), COMPLAINTS_DB: file } });
    expect(toFile).toMatchObject({ code: 0, stderr: `New logbook: ${file}\nSent 1 complaint kept on this computer to ${file}: #1.\n` });
    expect(JSON.parse(book.run(['list', '--json'], { env: { HOME: homeOf('front'), COMPLAINTS_DB: file } }).stdout)).toMatchObject([{ id: 1, description: 'kept once more' }]);
  });

  it('keeps what is logged for a server name that does not exist, and says how to send it to the right address', () => {
    const book = tempLogbook(NOW, 'sqlite');
    const mistyped = 'postgres://till@nosuchhost.invalid:5432/complaints';
    const kept = book.run(['--db', mistyped, 'log', 'soup was cold', '--no-input']);
    expect(kept).toEqual({
      code: 0,
      stdout: `Kept on this computer: ${mistyped} cannot be reached (1 waiting).\n`,
      stderr: `next: there is no server named nosuchhost.invalid; if the address is mistyped, send what waits to the right one: complaints --db 'postgres://…' sync --from '${mistyped}'\n`,
    });
  });

  it("spells a channel typed offline as the shop's list does, and says so of one not on it, kept as typed", async () => {
    const { on } = await shopOnALink('front');
    await link!.down();
    // An empty channel is refused offline as online, and nothing is kept.
    expect(on('front', 'log', 'no channel at all', '--channel', ' ')).toMatchObject({ code: 2, stdout: '', stderr: 'complaints: --channel cannot be empty\n' });
    // Nor is a channel that is no name: one with a control character in it, which the logbook's list could not hold.
    expect(on('front', 'log', 'odd channel', '--channel', 'a\u001b[31mb')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^complaints: --channel: .*control characters/) });
    on('front', 'log', 'rang about the soup', '--channel', 'PHONE');
    on('front', 'log', 'wrote in the group chat', '--channel', '微信群');
    await link!.up();
    const synced = on('front', 'sync');
    expect(synced.stderr.split('\n').slice(1)).toEqual([
      "#3 was logged offline with the channel '微信群', which is not one of the shop's channels; it is kept as typed (complaints config get channels)",
      '',
    ]);
    const channels = (JSON.parse(on('front', 'list', '--json').stdout) as Array<{ id: number; channel: string | null }>).map((c) => [c.id, c.channel]);
    expect(channels.sort()).toEqual([
      [1, null],
      [2, 'phone'],
      [3, '微信群'],
    ]);
  });

  it("keeps what waits in a file private to the till's user, and never for a logbook file", async () => {
    const { on, homeOf } = await shopOnALink('front');
    await link!.down();
    on('front', 'log', 'kept');
    const folder = join(homeOf('front'), '.local', 'state', 'complaints');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(folder, 'waiting.db')).mode & 0o777).toBe(0o600);

    const file = tempLogbook(NOW, 'sqlite');
    expect(file.ok(['sync'])).toBe(`Nothing to send: ${file.db} is a file on this computer.\n`);
    expect(existsSync(join(file.dir, '.local', 'state'))).toBe(false);
  });

  it('gives the complaint back as the command that logs it when it cannot be kept either, and never replaces the file', async () => {
    const { on, homeOf, url } = await shopOnALink('front');
    await link!.down();
    const waiting = join(homeOf('front'), '.local', 'state', 'complaints', 'waiting.db');
    mkdirSync(dirname(waiting), { recursive: true });
    writeFileSync(waiting, 'not a waiting file');
    const result = on('front', 'log', '汤凉了', '--customer', '王芳');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `complaints: cannot use ${waiting} (it is not a database file), where this computer keeps complaints for a shared logbook out of reach; move it aside, keeping it, and try again; to log it once the logbook can be reached: complaints --db '${url}' log --customer '王芳' --till ${hostname()} --at '2026-11-23 10:00' '汤凉了'\n`,
    );
    expect(readFileSync(waiting, 'utf8')).toBe('not a waiting file');
  });

  it('keeps what waits through an import refused into a logbook not made yet, and sends it once there is one', async () => {
    const book = tempLogbook(NOW, 'postgres');
    link = await Link.to(book.db);
    const env = { HOME: mkdtempSync(join(tmpdir(), 'complaints-front-')), COMPLAINTS_DB: link.through(book.db) };
    expect(book.run(['log', '离线时登记的'], { env })).toMatchObject({ code: 0, stdout: expect.stringMatching(/\(1 waiting\)\.\n$/) });

    await link.up();
    const bad = join(book.dir, 'bad.csv');
    writeFileSync(bad, 'id,logged_at\r\n1,yesterday\r\n');
    expect(book.run(['import', bad], { env }).code).toBe(2);
    const synced = book.run(['sync'], { env });
    expect(synced.stderr).toMatch(/^New logbook: .*\nSent 1 complaint kept on this computer to .*: #1\.\n$/);
    expect(JSON.parse(book.run(['list', '--json'], { env }).stdout)).toMatchObject([{ id: 1, description: '离线时登记的' }]);
  });

  it('does not log twice a complaint that arrived though the till could not strike it off', async () => {
    const { on, count, homeOf } = await shopOnALink('front');
    await link!.down();
    on('front', 'log', 'sent, and then the till lost power');
    on('front', 'log', 'and a second');
    const waiting = join(homeOf('front'), '.local', 'state', 'complaints', 'waiting.db');
    const asItWas = readFileSync(waiting);
    await link!.up();
    expect(on('front', 'sync').stderr).toMatch(/^Sent 2 complaints .*: #2–#3\.\n$/);
    // The till comes back with both still waiting, as if it had stopped after the server took them.
    writeFileSync(waiting, asItWas);
    // Nothing is sent twice, nor said to be sent now.
    expect(on('front', 'sync').stderr).toBe(
      '2 complaints kept on this computer had arrived already, sent by a send cut off before it could strike them off: #2–#3\n',
    );
    expect(await count()).toBe(3);
    expect(on('front', 'sync').stderr).toBe('');
  });

  it('sends each complaint exactly once though a send is killed half-way', async () => {
    const waiting = 30;
    const { on, count, envOf } = await shopOnALink('front');
    await link!.down();
    for (let i = 1; i <= waiting; i++) expect(on('front', 'log', `offline ${i}`).code).toBe(0);

    // A slow link, so that the send can be caught with some complaints sent and some not.
    await link!.up(15);
    const sending = spawn(process.execPath, [BIN, 'sync'], { env: envOf('front'), stdio: 'ignore' });
    while ((await count()) < 6) await new Promise((resolve) => setTimeout(resolve, 10));
    sending.kill('SIGKILL');
    await new Promise((resolve) => sending.once('exit', resolve));
    expect(await count()).toBeLessThan(waiting + 1);

    await link!.down();
    await link!.up();
    expect(on('front', 'sync').code).toBe(0);
    expect(await count()).toBe(waiting + 1);
    const descriptions = (JSON.parse(on('front', 'list', '--json').stdout) as Array<{ description: string }>).map((c) => c.description);
    expect(new Set(descriptions).size).toBe(waiting + 1);
    // Thirty-odd processes one after another: on a loaded two-core machine that took more than 30 s.
  }, 120_000);

  it('loses no complaint logged while the connection is cut, whatever the moment: each is logged or kept, once', async () => {
    // A slow link, cut at moments half a chunk apart from the start of log to its end; each till
    // logs once, so that nothing it kept before is sent first.
    const cuts = Array.from({ length: 32 }, (_, i) => 150 + i * 35);
    const tills = cuts.map((at) => `till-${at}`);
    const { count, envOf, on } = await shopOnALink(...tills);
    await link!.down();
    const refused: Array<{ at: number; code: number | null }> = [];
    for (const [index, at] of cuts.entries()) {
      await link!.up(35);
      const logging = spawn(process.execPath, [BIN, 'log', `cut at ${at} ms`, '--no-input'], { env: envOf(tills[index]!), stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => logging.once('close', resolve));
      await new Promise((resolve) => setTimeout(resolve, at));
      await link!.down();
      const code = await exited;
      if (code !== 0) refused.push({ at, code });
    }
    expect(refused).toEqual([]);
    await link!.up();
    for (const till of tills) on(till, 'sync');
    expect(await count()).toBe(cuts.length + 1);
    const descriptions = (JSON.parse(on(tills[0]!, 'list', '--json').stdout) as Array<{ description: string }>).map((c) => c.description);
    expect(descriptions.filter((d) => d.startsWith('cut at')).sort()).toEqual(cuts.map((at) => `cut at ${at} ms`).sort());
  }, 240_000);

  it('says what each of several syncs at once did: one sends, the others say it was sent meanwhile', async () => {
    const { on, count, envOf } = await shopOnALink('front');
    await link!.down();
    for (let i = 1; i <= 15; i++) on('front', 'log', `offline ${i}`);
    await link!.up(10);
    const syncs = [1, 2, 3].map(() => {
      const sync = spawn(process.execPath, [BIN, 'sync'], { env: envOf('front'), stdio: ['ignore', 'pipe', 'pipe'] });
      let said = '';
      sync.stdout!.setEncoding('utf8').on('data', (text: string) => (said += text));
      sync.stderr!.setEncoding('utf8').on('data', (text: string) => (said += text));
      return new Promise<{ code: number | null; said: string }>((resolve) => sync.once('close', (code) => resolve({ code, said })));
    });
    const done = await Promise.all(syncs);
    for (const { code, said } of done) {
      expect(code).toBe(0);
      expect(said).toMatch(/^(Sent \d+ complaints? kept on this computer to .*|Nothing left to send to .*: another command on this computer sent what waited meanwhile\.)\n$/);
    }
    expect(await count()).toBe(16);
  }, 120_000);

  it('says which numbers it gave those it sent before the connection was cut', async () => {
    const waiting = 30;
    const { on, count, envOf } = await shopOnALink('front');
    await link!.down();
    for (let i = 1; i <= waiting; i++) expect(on('front', 'log', `offline ${i}`).code).toBe(0);

    await link!.up(15);
    const sending = spawn(process.execPath, [BIN, 'sync'], { env: envOf('front'), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    sending.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = new Promise((resolve) => sending.once('close', resolve));
    while ((await count()) < 6) await new Promise((resolve) => setTimeout(resolve, 10));
    await link!.down();
    expect(await exited).toBe(1);

    const arrived = await count();
    expect(arrived).toBeLessThan(waiting + 1);
    const [said, why] = stderr.trimEnd().split('\n');
    // Those it knows arrived; one more may have arrived as the connection was cut.
    const told = Number(/^Sent (\d+) complaints kept on this computer to .*: #2–#(\d+)\.$/.exec(said ?? '')?.[1]);
    expect(told).toBeGreaterThanOrEqual(arrived - 2);
    expect(why).toMatch(/^complaints: /);
  }, 120_000);
});

describe('logging while the server takes no changes (a standby, or a database set read-only)', () => {
  it('keeps the complaint on the till, reads as before, refuses a step in one line, and sends it once the server takes changes', () => {
    const book = tempLogbook(NOW, 'postgres');
    book.ok(['log', 'before it was set read-only']);
    const url = new URL(book.db);
    url.searchParams.set('options', `${url.searchParams.get('options')} -c default_transaction_read_only=on`);
    const readOnly = { env: { COMPLAINTS_DB: url.toString() } };
    expect(book.run(['log', '汤是凉的', '--customer', '王芳'], readOnly)).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^Kept on this computer: .* takes no changes now, its server read-only \(1 waiting\)\.\n$/),
      stderr: "next: it is sent by the next command that reaches the logbook, or by 'complaints sync'\n",
    });
    const listed = book.run(['list', '--json'], readOnly);
    expect(JSON.parse(listed.stdout).map((c: { description: string }) => c.description)).toEqual(['before it was set read-only']);
    expect(listed.stderr).toMatch(
      /^1 complaint kept on this computer still waits: .* takes no changes now, its server read-only; the next command that reaches it sends it, or 'complaints sync'\n$/,
    );
    expect(book.run(['triage', '1', '--nature', 'help'], readOnly)).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/^complaints: the server keeps .* read-only now \(a standby, or a database set so when its disk filled\), so nothing can be recorded in it; nothing was written[^\n]*\n$/),
    });
    expect(book.run(['sync'], readOnly)).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/^complaints: .* takes no changes now, its server read-only; 1 complaint kept on this computer still waits: try again once it takes them\n$/),
    });
    // Its server takes changes again (here the URL that set its connections read-only is no longer used).
    expect(book.run(['sync', '--from', url.toString()])).toMatchObject({ code: 0, stderr: expect.stringMatching(/^Sent 1 complaint kept on this computer to .*: #2\.\n/) });
    expect(JSON.parse(book.ok(['list', '--json'])).map((c: { description: string }) => c.description)).toEqual(['汤是凉的', 'before it was set read-only']);
  });
});

describe('logging while an import holds the shared logbook', () => {
  it('keeps the complaint on the till after a short wait, leaves other commands free, and sends it once the import is done', async () => {
    const book = tempLogbook(NOW, 'postgres');
    book.ok(['log', 'before the import']);
    // Another client numbers the logbook's complaints, as an import does from start to end.
    const importing = new pg.Client({ connectionString: testServer() });
    await importing.connect();
    await importing.query('BEGIN');
    await importing.query(`SELECT pg_advisory_xact_lock(x'636e756d'::int, hashtext($1))`, [book.schema]);
    const patient = { env: { PGCONNECT_TIMEOUT: '1' } };
    try {
      expect(book.run(['log', '汤是凉的', '--customer', '王芳'], patient)).toEqual({
        code: 0,
        stdout: expect.stringMatching(/^Kept on this computer: .* is busy with an import or another till \(1 waiting\)\.\n$/),
        stderr: "next: it is sent by the next command that reaches the logbook, or by 'complaints sync'\n",
      });
      // What waits does not hold up the commands that do not number complaints; they say it still waits.
      const listed = book.run(['list', '--json'], patient);
      expect(JSON.parse(listed.stdout).map((c: { description: string }) => c.description)).toEqual(['before the import']);
      expect(listed.stderr).toMatch(
        /^1 complaint kept on this computer still waits: .* is busy with an import or another till; the next command that reaches it sends it, or 'complaints sync'\n$/,
      );
      expect(book.run([], { env: { ...patient.env, LANG: 'zh_CN.UTF-8' } }).stderr).toMatch(
        /^这台电脑上暂存的 1 条投诉仍在等待发送：.* 正在导入或被另一个收银台占用；下一条连上它的命令会发送，或运行 'complaints sync'\n$/m,
      );
      expect(book.run(['sync'], patient)).toEqual({
        code: 1,
        stdout: '',
        stderr: expect.stringMatching(/^complaints: .* is busy with an import or another till; 1 complaint kept on this computer still waits: try again once it is free\n$/),
      });
      expect(book.run(['log', 'still importing', '--json'], patient)).toMatchObject({ code: 0, stdout: expect.stringMatching(/"waiting": 2\n/) });
    } finally {
      await importing.query('COMMIT');
      await importing.end();
    }
    const listed = book.run(['list', '--json']);
    expect(listed.stderr).toMatch(/^Sent 2 complaints kept on this computer to .*: #2–#3\.\n$/);
    expect(JSON.parse(listed.stdout).map((c: { id: number; description: string }) => [c.id, c.description])).toEqual([
      [3, 'still importing'],
      [2, '汤是凉的'],
      [1, 'before the import'],
    ]);
  }, 60_000);
});
