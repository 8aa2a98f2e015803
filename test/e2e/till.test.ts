import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { setTimeout } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { BIN, atTheTill, tempLogbook, type Logbook } from './harness.js';
import { KEYS, type Finished, type Terminal } from '../support/pty.js';

// Each test starts the real binary on a terminal of its own, waits for each prompt as a person
// would, and reads what was recorded back through `show --json` on the same logbook.

const NOW = '2026-11-23T10:00:00.000Z';
const { enter, down, ctrlC, ctrlU, escape } = KEYS;
// A whole conversation starts several processes; on a loaded two-core machine that takes a while.
const CONVERSATION = { timeout: 120_000 };

/** Enter at each of log's questions after the description, as a till in a hurry does. */
async function takeEveryDefault(till: Terminal): Promise<void> {
  for (const question of ['Customer name', 'Phone or email', 'How did it reach you?', '❯ (skip)', 'What does the customer want?']) await till.answer(question, enter);
}

function shown(book: Logbook, id: number) {
  return JSON.parse(book.ok(['show', String(id), '--json']));
}

describe('logging at the till', CONVERSATION, () => {
  it('asks for the description and logs the complaint when Enter takes every other default', async () => {
    const book = tempLogbook(NOW);
    const till = atTheTill(book, ['log']);
    await till.answer('What is the complaint?', 'soup was cold', enter);
    await takeEveryDefault(till);
    await till.waitFor('Logged #1; respond by 2026-11-24 10:00.');
    expect((await till.finished()).code).toBe(0);

    expect(shown(book, 1)).toMatchObject({
      description: 'soup was cold',
      status: 'new',
      channel: 'in-person',
      customer: null,
      contact: null,
      about: null,
      wants: null,
    });
  });

  it('takes a description pasted in several lines whole, its line breaks as spaces, and asks the next question as usual', async () => {
    const book = tempLogbook(NOW);
    const till = atTheTill(book, ['log', '--channel', 'phone', '--about', '汤', '--wants', 'refund']);
    await till.waitFor('What is the complaint?');
    // A terminal asked for bracketed paste marks the paste; each line break in it comes as Enter.
    till.type('\x1b[200~汤是凉的，\r等了四十分钟\r\n服务员也不理人\r\x1b[201~', enter);
    await till.answer('Customer name', '王芳', enter);
    await till.answer('Phone or email', enter);
    await till.waitFor('Logged #1');
    expect((await till.finished()).code).toBe(0);
    expect(shown(book, 1)).toMatchObject({ description: '汤是凉的， 等了四十分钟 服务员也不理人', customer: '王芳', contact: null });
  });

  it('does not take an empty description and asks again', async () => {
    const book = tempLogbook(NOW);
    const till = atTheTill(book, ['log', '--channel', 'phone', '--customer', 'Ann', '--contact', '0712', '--about', 'bread', '--wants', 'refund']);
    await till.answer('What is the complaint?', '   ', enter);
    await till.answer('Say what went wrong', 'stale bread', enter);
    await till.waitFor('Logged #1');
    expect((await till.finished()).code).toBe(0);
    expect(shown(book, 1)).toMatchObject({ description: 'stale bread', channel: 'phone', about: 'bread', wants: 'refund' });
  });

  it('holds a name answered to what its flag may have: one too long is said and asked again', async () => {
    const book = tempLogbook(NOW);
    const till = atTheTill(book, ['log', '--channel', 'phone', '--wants', 'refund']);
    await till.answer('What is the complaint?', 'soup was cold', enter);
    await till.answer('Customer name', 'A'.repeat(101), enter);
    await till.answer('customer: 101 characters; a name may have at most 100', ctrlU, 'Ann Lee', enter);
    await till.answer('Phone or email', '0'.repeat(120), enter);
    await till.answer('contact: 120 characters', ctrlU, enter);
    await till.waitFor('What is it about?');
    till.type('汤'.repeat(105));
    await till.answer('(new subject)', enter);
    await till.waitFor('about: 105 characters');
    await till.answer('What is it about?', '番茄汤');
    await till.answer('❯ 番茄汤 (new subject)', enter);
    await till.waitFor('Logged #1');
    expect((await till.finished()).code).toBe(0);
    expect(shown(book, 1)).toMatchObject({ customer: 'Ann Lee', contact: null, about: '番茄汤' });
  });

  it('asks only for what the flags did not give, suggests earlier answers, and keeps --json alone on stdout', async () => {
    const book = tempLogbook(NOW);
    book.ok(['log', 'too salty', '--about', 'tomato soup', '--no-input']);
    const till = atTheTill(book, ['log', '--customer', 'Ann Lee', '--channel', 'phone', '--json'], { separateStdout: true });
    await till.answer('What is the complaint?', 'soup was cold again', enter);
    await till.answer('Phone or email', '0712 345678', enter);
    await till.waitFor('What is it about?');
    till.type('tom');
    // The earlier answer that holds what was typed comes first, so Enter takes it.
    await till.answer(/❯ tomato soup\n {2}tom \(new subject\)\n/, enter);
    await till.waitFor('What does the customer want?');
    till.type(down);
    await till.answer('❯ refund', enter);
    const { code, screen, stdout } = await till.finished();

    expect(code).toBe(0);
    expect(screen).not.toContain('Customer name');
    expect(screen).not.toContain('How did it reach you?');
    const printed = JSON.parse(stdout);
    expect(printed).toMatchObject({
      id: 2,
      description: 'soup was cold again',
      customer: 'Ann Lee',
      contact: '0712 345678',
      channel: 'phone',
      about: 'tomato soup',
      wants: 'refund',
    });
    expect(shown(book, 2)).toMatchObject(printed);
  });

  it('gives the answers back as the command that logs them when another till holds the logbook too long', async () => {
    // A shared logbook holds one complaint at a time, not the whole file: this is the SQLite file's wait.
    const book = tempLogbook(NOW, 'sqlite');
    book.ok(['config', 'set', 'till', 'front']);
    book.ok(['log', 'first', '--no-input']);
    // Another writer (an import, say) holds the logbook for longer than the 10 s busy timeout.
    const other = new Database(book.db);
    other.exec('BEGIN IMMEDIATE');
    let result: Finished | undefined;
    try {
      const till = atTheTill(book, ['log', '--channel', 'phone', '--about', 'tomato soup', '--wants', 'refund'], { separateStdout: true });
      await till.answer('What is the complaint?', `it's "cold" again`, enter);
      await till.answer('Customer name', "Ann O'Neil", enter);
      await till.answer('Phone or email', enter);
      result = await till.finished();
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(result?.code).toBe(1);
    const command = `complaints --db ${book.db} log --customer 'Ann O'\\''Neil' --channel phone --about 'tomato soup' --wants refund --till front --at '2026-11-23 10:00' 'it'\\''s "cold" again'`;
    expect(result?.screen).toContain(`${book.db} is busy with another till or an import, so nothing was logged; to log it once it is free: ${command}`);
    expect(book.ok(['list', '--json'])).toContain('"first"');

    // Run as printed, it logs what was said at the till, as it happened then.
    const rerun = spawnSync('bash', ['-c', command.replace(/^complaints /, '"$0" "$1" '), process.execPath, BIN], {
      encoding: 'utf8',
      // Into the logbook it was meant for, which the command names itself.
      env: { PATH: process.env.PATH ?? '', HOME: book.dir, COMPLAINTS_NOW: NOW, TZ: 'Europe/London' },
    });
    expect(rerun.status).toBe(0);
    expect(shown(book, 2)).toMatchObject({
      description: `it's "cold" again`,
      customer: "Ann O'Neil",
      contact: null,
      channel: 'phone',
      about: 'tomato soup',
      wants: 'refund',
      occurred_at: NOW,
    });
  });

  it('never asks when the description is given on the command line', async () => {
    const book = tempLogbook(NOW);
    const till = atTheTill(book, ['log', 'wobbly table']);
    const { code, screen } = await till.finished();
    expect(code).toBe(0);
    expect(screen).toContain('Logged #1');
    expect(screen).not.toContain('Customer name');
    expect(shown(book, 1)).toMatchObject({ description: 'wobbly table', customer: null, channel: null });
  });
});

describe('triage at the till', CONVERSATION, () => {
  it('walks the new complaints: classifies one, rejects one, skips one, and stops before the rest', async () => {
    const book = tempLogbook(NOW);
    book.ok(['log', 'soup was cold', '--no-input']);
    book.ok(['triage', '1', '--category', 'product', '--cause', 'Cold food']);
    for (const text of ['chips were cold', 'wants a refund for a cake bought elsewhere', 'queue too long', 'door sticks', 'rude cashier']) {
      book.ok(['log', text, '--no-input']);
    }

    const till = atTheTill(book, ['triage']);
    await till.waitFor('#2 (1 of 5)');
    await till.answer('What kind of complaint?', enter);
    await till.waitFor('Category:');
    till.type(down);
    await till.answer('❯ service', enter);
    await till.waitFor('Cause');
    till.type('COLD food');
    // The other spelling is offered once the typed words show, not from the list shown before.
    await till.answer(/COLD food\n❯ Cold food\n/, enter);
    await till.answer('Severity:', enter);
    await till.waitFor('Triaged #2: service, cause "Cold food", medium.');

    await till.waitFor('#3 (2 of 5)');
    await till.waitFor('What kind of complaint?');
    till.type(down, down, down, down);
    await till.answer('❯ unfounded', enter);
    await till.answer('Why is it not upheld?', 'bought elsewhere', enter);
    await till.waitFor('Rejected #3.');

    await till.waitFor('#4 (3 of 5)');
    await till.waitFor('What kind of complaint?');
    till.type(down, down, down, down, down);
    await till.answer('❯ skip for now', enter);

    await till.waitFor('#5 (4 of 5)');
    await till.waitFor('What kind of complaint?');
    till.type(down, down, down, down, down, down);
    await till.answer('❯ stop triaging', enter);
    const { code, screen } = await till.finished();

    expect(code).toBe(0);
    expect(screen).not.toContain('#6 (5 of 5)');
    expect(shown(book, 2)).toMatchObject({ status: 'triaged', category: 'service', cause: 'Cold food', severity: 'medium' });
    expect(shown(book, 3)).toMatchObject({ status: 'rejected', reject_reason: 'bought elsewhere', category: null });
    const untouched = JSON.parse(book.ok(['list', '--status', 'new', '--json'])).map((c: { id: number }) => c.id);
    expect(untouched.sort()).toEqual([4, 5, 6]);
  });

  it('asks about the one complaint named, taking a cause typed for the first time', async () => {
    const book = tempLogbook(NOW);
    book.ok(['log', 'short-changed by a fiver', '--no-input']);
    const till = atTheTill(book, ['triage', '1']);
    await till.answer('What kind of complaint?', enter);
    await till.answer('Category:', enter);
    await till.waitFor('Cause');
    till.type('wrong change');
    await till.answer(/❯ wrong change \(new cause\)\n/, enter);
    await till.waitFor('Severity:');
    till.type(down);
    await till.answer('❯ high', enter);
    const { code, screen } = await till.finished();

    expect(code).toBe(0);
    expect(screen).toContain('Triaged #1: product, cause "wrong change", high.');
    expect(shown(book, 1)).toMatchObject({ status: 'triaged', category: 'product', cause: 'wrong change', severity: 'high' });
  });

  it('offers the natures first, each explained, and asks nothing more of a question', async () => {
    const book = tempLogbook(NOW);
    book.ok(['log', '你们几点关门？', '--no-input']);
    const till = atTheTill(book, ['triage', '1']);
    await till.waitFor('venting — a grievance or a misunderstanding to be heard out');
    till.type(down, down);
    await till.answer('❯ question — a question or a suggestion', enter);
    const { code, screen } = await till.finished();

    expect(code).toBe(0);
    expect(screen).toContain('Triaged #1 as question: to be answered, not counted among the causes.');
    expect(screen).not.toContain('Category:');
    expect(shown(book, 1)).toMatchObject({ status: 'triaged', nature: 'question', category: null, cause: null });
  });

  it('takes the cause in use that holds what was typed on Enter, and a new one only when chosen', async () => {
    const book = tempLogbook(NOW);
    book.ok(['log', '等了四十分钟', '--no-input']);
    book.ok(['triage', '1', '--category', 'service', '--cause', '上菜慢']);
    book.ok(['log', '菜上得很慢', '--no-input']);
    book.ok(['log', '上菜顺序错了', '--no-input']);

    const existing = atTheTill(book, ['triage', '2']);
    await existing.answer('What kind of complaint?', enter);
    await existing.answer('Category:', enter);
    await existing.waitFor('Cause');
    existing.type('上菜');
    await existing.answer(/❯ 上菜慢\n {2}上菜 \(new cause\)\n/, enter);
    await existing.answer('Severity:', enter);
    expect((await existing.finished()).code).toBe(0);
    expect(shown(book, 2)).toMatchObject({ cause: '上菜慢' });

    const chosen = atTheTill(book, ['triage', '3']);
    await chosen.answer('What kind of complaint?', enter);
    await chosen.answer('Category:', enter);
    await chosen.waitFor('Cause');
    chosen.type('上菜');
    await chosen.waitFor('上菜 (new cause)');
    chosen.type(down);
    await chosen.answer('❯ 上菜 (new cause)', enter);
    await chosen.answer('Severity:', enter);
    expect((await chosen.finished()).code).toBe(0);
    expect(shown(book, 3)).toMatchObject({ cause: '上菜' });
  });

  it('takes no cause on an Enter with nothing typed, though causes are in use', async () => {
    const book = tempLogbook(NOW);
    book.ok(['log', '汤太咸', '--no-input']);
    book.ok(['triage', '1', '--category', 'product', '--cause', '太咸']);
    book.ok(['log', '门口地很滑', '--no-input']);

    const till = atTheTill(book, ['triage', '2']);
    await till.answer('What kind of complaint?', enter);
    await till.answer('Category:', enter);
    await till.answer(/❯ \n {2}太咸\n/, enter);
    await till.waitFor('Give the cause in a few words');
    till.type('地滑');
    await till.answer('❯ 地滑 (new cause)', enter);
    await till.answer('Severity:', enter);
    expect((await till.finished()).code).toBe(0);
    expect(shown(book, 2)).toMatchObject({ cause: '地滑' });
  });

  it('takes a cause pasted with its Enter as pasted, not the cause highlighted before it', async () => {
    const book = tempLogbook(NOW);
    book.ok(['log', '汤是凉的', '--no-input']);
    book.ok(['triage', '1', '--category', 'product', '--cause', '汤不热']);
    book.ok(['log', '等了四十分钟', '--no-input']);
    const till = atTheTill(book, ['triage', '2']);
    await till.answer('What kind of complaint?', enter);
    await till.answer('Category:', enter);
    await till.waitFor(/ {2}汤不热\n/);
    // One write, as a paste or keys typed ahead come: the suggestions for it are not shown yet.
    till.type('上菜太慢', enter);
    await till.answer('Severity:', enter);
    const { code, screen } = await till.finished();
    expect(code).toBe(0);
    expect(screen).toContain('Triaged #2: product, cause "上菜太慢", medium.');
    expect(shown(book, 2)).toMatchObject({ cause: '上菜太慢' });
  });

  it.each([
    ['--no-color', ['--no-color'], {}],
    ['NO_COLOR', [], { NO_COLOR: '1' }],
  ])('asks without colour or weight with %s, in English and in Chinese', async (_, flags, env) => {
    for (const LANG of ['en_GB.UTF-8', 'zh_CN.UTF-8']) {
      const book = tempLogbook(NOW);
      book.ok(['log', 'soup was cold', '--no-input']);
      const till = atTheTill(book, [...flags, 'triage', '1'], { env: { ...env, LANG } });
      await till.answer(/venting|发泄/, enter);
      await till.answer(/❯ (product|产品)/, enter);
      await till.waitFor(/Cause|原因/);
      till.type('cold');
      await till.answer(/❯ cold/, enter);
      await till.answer(/❯ (medium|中)/, enter);
      expect((await till.finished()).code).toBe(0);
      expect({ LANG, styles: till.styles() }).toEqual({ LANG, styles: [] });
    }
  });

  it('asks in colour at a terminal that has it', async () => {
    const book = tempLogbook(NOW);
    book.ok(['log', 'soup was cold', '--no-input']);
    const till = atTheTill(book, ['triage', '1']);
    await till.answer(/venting/, ctrlC);
    await till.finished();
    expect(till.styles().length).toBeGreaterThan(0);
  });

  it('offers the classification a complaint already has, so Enter on each question keeps it', async () => {
    const book = tempLogbook(NOW);
    book.ok(['log', 'soup was cold', '--no-input']);
    book.ok(['triage', '1', '--category', 'product', '--cause', 'cold food']);
    book.ok(['log', 'short-changed', '--no-input']);
    book.ok(['triage', '2', '--category', 'staff', '--cause', 'wrong change', '--severity', 'high']);
    const till = atTheTill(book, ['triage', '2']);
    await till.answer('What kind of complaint?', enter);
    await till.answer('Category:', enter);
    await till.answer(/❯ wrong change\n/, enter);
    await till.answer('Severity:', enter);
    expect((await till.finished()).code).toBe(0);

    expect(shown(book, 2)).toMatchObject({ status: 'triaged', category: 'staff', cause: 'wrong change', severity: 'high' });
  });
});

describe('cancelling at the till', CONVERSATION, () => {
  it('records nothing when Ctrl-C is pressed part-way through logging, giving back what was answered as the command that logs it', async () => {
    const book = tempLogbook(NOW);
    book.ok(['log', 'an earlier complaint', '--no-input']);
    const before = book.dump();
    const till = atTheTill(book, ['log']);
    // Words starting with a dash, as a complaint about a price may: given after the options' end.
    await till.answer('What is the complaint?', "-5 off was not taken off, she's cross", enter);
    await till.answer('Customer name', '-Ann Lee-', enter);
    await till.answer('Phone or email', '0712', ctrlC);
    const { code, screen } = await till.finished();

    expect(code).toBe(130);
    // The till too, as this computer logs as it (its name here).
    const [, command = ''] = /complaints: cancelled; nothing was logged\. To log what was typed: (.*)\n/.exec(screen) ?? [];
    // The logbook as a shell reads it: a PostgreSQL URL with its ? and = quoted.
    const db = /^[\w@%+=:,./-]+$/.test(book.db) ? book.db : `'${book.db}'`;
    expect(command).toBe(`complaints --db ${db} log --customer '-Ann Lee-' --till ${hostname()} --at '2026-11-23 10:00' -- '-5 off was not taken off, she'\\''s cross'`);
    expect(book.dump()).toBe(before);

    // Run as printed, it logs what was typed.
    const rerun = spawnSync('bash', ['-c', command.replace(/^complaints /, '"$0" "$1" '), process.execPath, BIN], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', HOME: book.dir, COMPLAINTS_NOW: NOW, TZ: 'Europe/London' },
    });
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(shown(book, 2)).toMatchObject({ description: "-5 off was not taken off, she's cross", customer: '-Ann Lee-', contact: null });
  });

  it('records nothing and has nothing to give back when Ctrl-C is pressed before the complaint is said', async () => {
    const book = tempLogbook(NOW);
    book.ok(['log', 'an earlier complaint', '--no-input']);
    const till = atTheTill(book, ['log']);
    await till.answer('What is the complaint?', 'soup', ctrlC);
    const { code, screen } = await till.finished();
    expect(code).toBe(130);
    expect(screen).toContain('complaints: cancelled; nothing was recorded\n');
  });

  it('cancels at one Ctrl-C after Escape was pressed, as at any question', async () => {
    const book = tempLogbook(NOW);
    book.ok(['log', 'an earlier complaint', '--no-input']);
    const till = atTheTill(book, ['log']);
    await till.answer('What is the complaint?', 'soup', escape);
    // Pressed a moment apart, as a person does: the terminal sends them in reads of their own.
    await setTimeout(300);
    till.type(ctrlC);
    const { code, screen } = await till.finished();
    expect(code).toBe(130);
    expect(screen).toContain('complaints: cancelled; nothing was recorded\n');
  });

  it('takes answers that come in one read, typed ahead or pasted unmarked, each as the answer to its question', async () => {
    const book = tempLogbook(NOW);
    const till = atTheTill(book, ['log']);
    await till.waitFor('What is the complaint?');
    // A terminal that marks no paste sends each line break as an Enter, all in one read.
    till.type('汤是凉的\r王芳\r13800138000\r');
    await till.answer('How did it reach you?', enter);
    await till.answer('❯ (skip)', enter);
    await till.answer('What does the customer want?', enter);
    expect((await till.finished()).code).toBe(0);
    expect(shown(book, 1)).toMatchObject({ description: '汤是凉的', customer: '王芳', contact: '13800138000' });
  });

  it('takes what is typed after an Escape as typed, at a question and at the cause', async () => {
    const book = tempLogbook(NOW);
    book.ok(['log', '汤是凉的', '--no-input']);
    book.ok(['triage', '1', '--category', 'product', '--cause', '汤不热']);
    const till = atTheTill(book, ['log']);
    await till.waitFor('What is the complaint?');
    // Pressed a moment apart, as a person does: the terminal sends the Escape in a read of its own.
    till.type('汤', escape);
    await setTimeout(300);
    await till.answer('What is the complaint?', '是凉的', enter);
    await till.answer('Customer name', '王', escape);
    await setTimeout(300);
    await till.answer('Customer name', '芳', enter);
    for (const question of ['Phone or email', 'How did it reach you?', '❯ (skip)', 'What does the customer want?']) await till.answer(question, enter);
    expect((await till.finished()).code).toBe(0);
    expect(shown(book, 2)).toMatchObject({ description: '汤是凉的', customer: '王芳' });

    const triage = atTheTill(book, ['triage', '2']);
    await triage.answer('What kind of complaint?', enter);
    await triage.answer('Category:', enter);
    await triage.waitFor('Cause');
    // Escape to leave the list of causes offered, then the cause typed on.
    triage.type('汤', escape);
    await setTimeout(300);
    triage.type('太咸');
    await triage.answer('❯ 汤太咸 (new cause)', enter);
    await triage.answer('Severity:', enter);
    expect((await triage.finished()).code).toBe(0);
    expect(shown(book, 2)).toMatchObject({ cause: '汤太咸' });
  });

  it('makes no logbook when Ctrl-C is pressed at the first complaint of a new one, and makes it once the complaint is said', async () => {
    const book = tempLogbook(NOW, 'sqlite');
    const file = join(book.dir, 'new-shop.db');
    const cancelled = atTheTill(book, ['--db', file, 'log']);
    await cancelled.answer('What is the complaint?', 'soup', enter);
    await cancelled.answer('Customer name', ctrlC);
    expect((await cancelled.finished()).code).toBe(130);
    expect(readdirSync(book.dir).filter((name) => name.startsWith('new-shop'))).toEqual([]);

    const logged = atTheTill(book, ['--db', file, 'log']);
    await logged.answer('What is the complaint?', 'soup was cold', enter);
    await takeEveryDefault(logged);
    const { code, screen } = await logged.finished();
    expect(code).toBe(0);
    expect(screen).toContain(`New logbook: ${file}`);
    expect(screen).toContain('Logged #1');
  });

  it('records nothing when Ctrl-C is pressed while classifying a complaint', async () => {
    const book = tempLogbook(NOW);
    book.ok(['log', 'soup was cold', '--no-input']);
    const before = book.dump();
    const till = atTheTill(book, ['triage', '1']);
    await till.answer('What kind of complaint?', enter);
    await till.answer('Category:', enter);
    await till.waitFor('Cause');
    till.type('cold food');
    await till.answer('❯ cold food', ctrlC);
    const { code, screen } = await till.finished();

    expect(code).toBe(130);
    expect(screen).toContain('complaints: cancelled; nothing was recorded');
    expect(book.dump()).toBe(before);
  });
});

describe('with CI set', CONVERSATION, () => {
  it('never prompts on a terminal: log without a description is a usage error', async () => {
    const book = tempLogbook(NOW);
    book.ok(['log', 'an earlier complaint', '--no-input']);
    const before = book.dump();
    const { code, screen } = await atTheTill(book, ['log', '--customer', 'Ann Lee'], { env: { CI: 'true' } }).finished();

    expect(code).toBe(2);
    expect(screen).toContain('complaints: say what the complaint is');
    expect(screen).not.toContain('What is the complaint?');
    expect(book.dump()).toBe(before);
  });

  it('never walks the queue on a terminal: triage without an id asks for one', async () => {
    const book = tempLogbook(NOW);
    book.ok(['log', 'soup was cold', '--no-input']);
    const before = book.dump();
    const { code, screen } = await atTheTill(book, ['triage'], { env: { CI: 'true' } }).finished();

    expect(code).toBe(2);
    expect(screen).toContain('complaints: give the id of the complaint to triage (1 new');
    expect(screen).not.toContain('What kind of complaint?');
    expect(book.dump()).toBe(before);
  });
});
