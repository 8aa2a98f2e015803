import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { atTheTill, runComparing, tempLogbook, type Logbook } from './harness.js';
import { KEYS } from '../support/pty.js';

const NOW = '2026-11-23T10:00:00.000Z';
const NAME = 'Zebedee Quint';
const CONTACT = 'zeb.quint@example.org';

// Built once, then copied for each test (the closed logbook is one self-contained file).
const template = tempLogbook(NOW);

/**
 *   #1 resolved  Zebedee Quint, zeb.quint@example.org: soup was cold (cause "cold food")
 *   #2 new       Ann Lee, 0712 345678: bread was stale
 *   #3 triaged   "zebedee  QUINT" (another spelling), no contact: soup cold again (cause "cold food")
 */
beforeAll(() => {
  template.ok(['log', 'soup was cold', '--customer', NAME, '--contact', CONTACT, '--about', 'tomato soup', '--wants', 'refund', '--at', '2026-11-20 12:00']);
  template.ok(['log', 'bread was stale', '--customer', 'Ann Lee', '--contact', '0712 345678', '--at', '2026-11-21 09:00']);
  template.ok(['log', 'soup cold again', '--customer', 'zebedee  QUINT', '--at', '2026-11-22 12:30']);
  template.ok(['triage', '1', '--category', 'product', '--cause', 'cold food']);
  template.ok(['assign', '1', 'Sam', '--note', 'call him before noon']);
  template.ok(['resolve', '1', '--remedy', 'refund', '--cost', '4.50', '--root-cause', 'kettle thermostat']);
  template.ok(['triage', '3', '--category', 'product', '--cause', 'Cold food']);
  template.ok(['note', '2', 'called back, left a message']);
}, 60_000);

function logbookWithZebedee(): Logbook {
  const book = tempLogbook(NOW);
  copyFileSync(template.db, book.db);
  return book;
}

type Row = Record<string, unknown>;

function query<T = Row>(book: Logbook, sql: string): T[] {
  const db = new Database(book.db, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** The logbook's files as bytes on disk, read as text, so a search sees even free pages and the WAL. */
function rawFiles(book: Logbook): string {
  return [book.db, `${book.db}-wal`]
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file).toString('latin1'))
    .join('\n');
}

const records = (book: Logbook) => JSON.parse(book.ok(['list', '--json'])) as Row[];
const shown = (book: Logbook, id: number) => JSON.parse(book.ok(['show', String(id), '--json'])) as Row & { timeline: Row[] };

describe('complaints forget', () => {
  it("erases the customer's name and contact from their complaints, matching any capitals and spacing, and keeps everything else", () => {
    const book = logbookWithZebedee();
    const before = records(book);

    const result = book.run(['forget', 'ZEBEDEE QUINT', '--yes']);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Erased the customer's name and contact from 2 complaints: #1, #3.\n");
    const after = records(book);
    expect(after).toEqual(before.map((r) => (r.id === 2 ? r : { ...r, customer: null, contact: null })));
    expect(after.map((r) => r.cause)).toEqual(['cold food', null, 'cold food']);
    expect(query(book, `SELECT id, customer, contact FROM complaints ORDER BY id`)).toEqual([
      { id: 1, customer: null, contact: null },
      { id: 2, customer: 'Ann Lee', contact: '0712 345678' },
      { id: 3, customer: null, contact: null },
    ]);
  });

  it('erases them from every event, keeps the rest of each event, and records the erasure without the erased data', () => {
    const book = logbookWithZebedee();
    const eventsBefore = query<{ id: number }>(book, `SELECT id FROM events`).length;

    book.ok(['forget', NAME, '--yes']);

    const events = query<{ complaint_id: number; action: string; changes: string }>(book, `SELECT complaint_id, action, changes FROM events ORDER BY id`);
    expect(events).toHaveLength(eventsBefore + 2);
    for (const event of events) expect(event.changes.toLowerCase()).not.toMatch(/zebedee|quint/);
    const timeline = shown(book, 1).timeline;
    expect(timeline.map((e) => e.action)).toEqual(['logged', 'triaged', 'assigned', 'resolved', 'forgotten']);
    expect(timeline[0]!.changes).toEqual({
      description: 'soup was cold', about: 'tomato soup', wants: 'refund', till: hostname(), respond_by: '2026-11-21T12:00:00.000Z',
    });
    expect(timeline[4]).toEqual({ at: NOW, recorded_at: NOW, action: 'forgotten', changes: { customer: null, contact: null }, undone: false });
    // #3 never had a contact, so only its name was erased.
    expect(shown(book, 3).timeline.at(-1)!.changes).toEqual({ customer: null });
    expect(shown(book, 2).timeline.map((e) => e.action)).toEqual(['logged', 'noted']);
    expect(book.ok(['check'])).toBe(`ok: 3 complaints, ${eventsBefore + 2} events, integrity ok\n`);
  });

  it('leaves no copy of the name or contact anywhere in the database file, free pages and WAL included', () => {
    const book = logbookWithZebedee();
    expect(rawFiles(book)).toContain(NAME);

    book.ok(['forget', NAME, '--yes']);

    const raw = rawFiles(book).toLowerCase();
    expect(raw).not.toContain('zebedee');
    expect(raw).not.toContain(CONTACT);
    expect(raw).toContain('ann lee');
  });

  it('finishes the rewrite a forget stopped after its commit left owed, on the next write', () => {
    const book = logbookWithZebedee();
    // As a forget killed between its commit and the rewrite leaves the logbook: the rows erased
    // and the rewrite owed, the erased text still in the free space the erasing left.
    const db = new Database(book.db);
    db.exec(`UPDATE complaints SET customer = NULL, contact = NULL, customer_key = NULL, contact_key = NULL WHERE id IN (1, 3);
             UPDATE events SET changes = '{}' WHERE complaint_id IN (1, 3);
             PRAGMA user_version = 1;`);
    db.close();
    expect(rawFiles(book).toLowerCase()).toContain('zebedee');

    book.ok(['log', 'the next complaint at the till']);

    expect(rawFiles(book).toLowerCase()).not.toContain('zebedee');
    expect(query(book, 'PRAGMA user_version')).toEqual([{ user_version: 0 }]);
  });

  it('leaves no rewrite owed once a forget has finished', () => {
    const book = logbookWithZebedee();
    book.ok(['forget', NAME, '--yes']);
    expect(query(book, 'PRAGMA user_version')).toEqual([{ user_version: 0 }]);
  });

  it('by name also erases the complaints that give no name but a contact she gave with it; not those of others', () => {
    const book = logbookWithZebedee();
    book.ok(['log', 'soup cold a third time', '--contact', ' ZEB.QUINT@example.org']);
    book.ok(['log', 'my husband complained too', '--customer', 'Ada Quint', '--contact', 'ada@example.org']);

    book.ok(['log', 'the shop phone rang about it', '--contact', '0712 345678']);

    const result = book.run(['forget', NAME, '--yes']);

    expect(result.stdout).toBe("Erased the customer's name and contact from 3 complaints: #1, #3–#4.\n");
    expect(query(book, `SELECT id, customer, contact FROM complaints WHERE id >= 4 ORDER BY id`)).toEqual([
      { id: 4, customer: null, contact: null },
      { id: 5, customer: 'Ada Quint', contact: 'ada@example.org' },
      { id: 6, customer: null, contact: '0712 345678' },
    ]);
  });

  it('by name leaves a complaint with no name whose contact two people gave, as it may be either\'s', () => {
    const book = logbookWithZebedee();
    book.ok(['log', 'bread stale again', '--customer', 'Bo Chen', '--contact', CONTACT]);
    book.ok(['log', 'rang without a name', '--contact', CONTACT]);
    expect(book.ok(['forget', NAME, '--dry-run'])).toBe("Would erase the customer's name and contact from 2 complaints: #1, #3.\n");
    expect(book.ok(['forget', 'Bo Chen', '--dry-run'])).toBe("Would erase the customer's name and contact from 1 complaint: #4.\n");
  });

  it('with --contact matches a phone number however it is spaced, and erases the name with it', () => {
    const book = logbookWithZebedee();

    const result = book.run(['forget', '0712345678', '--contact', '--yes']);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Erased the customer's name and contact from 1 complaint: #2.\n");
    expect(query(book, `SELECT customer, contact FROM complaints WHERE id = 2`)).toEqual([{ customer: null, contact: null }]);
    expect(query(book, `SELECT count(*) AS named FROM complaints WHERE customer IS NOT NULL`)).toEqual([{ named: 2 }]);
  });

  it('says which complaints still mention the customer in their text, since it does not rewrite what was said', () => {
    const book = logbookWithZebedee();
    book.ok(['note', '2', `${NAME} rang about this one too`]);

    // A dry run says so too, beforehand.
    const dry = runComparing(book, ['forget', NAME, '--dry-run']);
    expect(dry).toMatchObject({ code: 0, unchanged: true, stderr: expect.stringContaining('note: the text of #2 still mentions them') });

    const result = book.run(['forget', NAME, '--yes']);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('note: the text of #2 still mentions them');
  });

  it("takes another customer's own name, one holding the name forgotten, for no mention of it", () => {
    const book = tempLogbook(NOW);
    for (const customer of ['Ann', 'Anna', 'Ann Lee']) book.ok(['log', 'soup was cold', '--customer', customer, '--no-input']);
    book.ok(['note', '3', 'Ann rang for her sister']);
    const dry = book.run(['forget', 'Ann', '--dry-run']);
    expect(dry).toMatchObject({ code: 0, stdout: "Would erase the customer's name and contact from 1 complaint: #1.\n" });
    expect(dry.stderr).toContain('note: the text of #3 still mentions them');
  });

  it('with --dry-run says how many complaints it would touch and changes nothing', () => {
    const book = logbookWithZebedee();

    const result = runComparing(book, ['forget', NAME, '--dry-run']);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Would erase the customer's name and contact from 2 complaints: #1, #3.\n");
    expect(result.unchanged).toBe(true);
  });

  it.each([
    [[NAME.replace('Quint', 'Quince'), '--yes'], /^complaints: no complaint has the customer 'Zebedee Quince'; check the spelling, or add --contact/],
    [[CONTACT, '--yes'], /^complaints: no complaint has the customer 'zeb\.quint@example\.org'; .* add --contact/],
    [[NAME, '--contact', '--yes'], /^complaints: no complaint has the contact 'Zebedee Quint'; check it, or leave out --contact/],
    [[NAME, '--dry-run', '--contact'], /^complaints: no complaint has the contact/],
  ])('refuses forget %j when nothing matches and changes nothing', (args, message) => {
    const book = logbookWithZebedee();

    const result = runComparing(book, ['forget', ...args]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^complaints: [^\n]+\n$/);
    expect(result.stderr).toMatch(message);
    expect(result.unchanged).toBe(true);
  });

  it('refuses to erase without --yes when it cannot ask, and changes nothing', () => {
    const book = logbookWithZebedee();

    const result = runComparing(book, ['forget', NAME]);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('complaints: forget erases for good and cannot ask for confirmation here; add --yes (or try --dry-run first)\n');
    expect(result.unchanged).toBe(true);
  });

  it('refuses an empty name as a usage error and changes nothing', () => {
    const book = logbookWithZebedee();

    const result = runComparing(book, ['forget', '  ', '--yes']);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe('complaints: the customer to forget cannot be empty\n');
    expect(result.unchanged).toBe(true);
  });
});

describe('complaints forget at a terminal', { timeout: 60_000 }, () => {
  it('asks first, and the default answer keeps everything', async () => {
    const book = logbookWithZebedee();
    const before = book.dump();
    const till = atTheTill(book, ['forget', NAME]);

    await till.answer(/Erase the name and contact of Zebedee Quint from 2 complaints \(#\d+, #\d+\)\? This cannot be undone\./, KEYS.enter);
    await till.waitFor('Nothing was erased.');

    expect((await till.finished()).code).toBe(0);
    expect(book.dump()).toBe(before);
  });

  it('erases when the answer is yes', async () => {
    const book = logbookWithZebedee();
    const till = atTheTill(book, ['forget', NAME]);

    await till.answer('This cannot be undone.', KEYS.down, KEYS.enter);
    await till.waitFor("Erased the customer's name and contact from 2 complaints: #1, #3.");

    expect((await till.finished()).code).toBe(0);
    expect(query(book, `SELECT count(*) AS named FROM complaints WHERE customer IS NOT NULL`)).toEqual([{ named: 1 }]);
  });
});

describe('where the logbook lives', () => {
  it('creates the logbook private to its owner: the file 0600 in a new 0700 folder', () => {
    const book = tempLogbook(NOW);
    const folder = join(book.dir, 'shop', 'complaints');
    const file = join(folder, 'complaints.db');

    book.ok(['--db', file, 'log', 'soup was cold', '--customer', NAME]);

    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(book.dir, 'shop')).mode & 0o777).toBe(0o700);
  });
});
