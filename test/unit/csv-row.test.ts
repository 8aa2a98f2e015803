import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint.js';
import { checkEncoding, lineCounter } from '../../src/domain/csv/encoding.js';
import { csvRowMaker, type CsvCell } from '../../src/domain/csv/export-row.js';
import { guardFormula, unguardFormula } from '../../src/domain/csv/formula.js';
import { checkHeader } from '../../src/domain/csv/header.js';
import { speak } from '../../src/language/messages.js';
import { rowReader } from '../../src/domain/csv/import-row.js';
import { DEFAULT_SETTINGS } from '../../src/domain/config.js';
import { contentUid } from '../../src/domain/identity.js';
import { RECORD_COLUMNS, type RecordColumn } from '../../src/domain/record.js';
import { UsageError } from '../../src/errors.js';
import { complaintWith } from '../support/complaints.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

const closed = complaintWith({
  id: 12,
  logged_at: '2026-11-20T12:31:05.123Z',
  occurred_at: '2026-11-20T12:30:00.000Z',
  status: 'closed',
  channel: 'in-person',
  customer: '王芳',
  contact: '0712 345678',
  about: 'tomato soup',
  description: 'soup was "cold",\r\nand late',
  wants: 'refund',
  suggestion: null,
  staff: 'Sam',
  category: 'product',
  cause: 'cold food',
  severity: 'high',
  nature: 'valid',
  reject_reason: null,
  assignee: 'Sam',
  respond_by: '2026-11-21T12:30:00.000Z',
  resolved_at: '2026-11-20T15:00:00.000Z',
  remedy: 'refund',
  cost_minor: 450,
  root_cause: 'kettle thermostat',
  action: 'thermostat replaced',
  action_at: '2026-11-20T13:00:00.000Z',
  followed_up_at: '2026-11-23T09:00:00.000Z',
  satisfaction: 4,
  remedies: [
    { given_at: '2026-11-20T13:00:00.000Z', remedy: 'apology', cost_minor: null },
    { given_at: '2026-11-20T15:00:00.000Z', remedy: 'refund', cost_minor: 450 },
  ],
  uid: '0f6a3c7e-2b1d-4e8f-9a0b-5c4d3e2f1a0b',
});

/** A complaint as the logbook's columns and one row of their values, in the order SQLite gives them (remedies as JSON text). */
function asRow(complaint: Complaint): { columns: (keyof Complaint)[]; row: unknown[] } {
  const columns = Object.keys(complaint) as (keyof Complaint)[];
  return { columns, row: columns.map((column) => (column === 'remedies' ? JSON.stringify(complaint.remedies) : complaint[column])) };
}

/** The export row of one complaint, by column name. */
function exportRow(complaint: Complaint, redact = false): Record<RecordColumn, CsvCell> {
  const { columns, row } = asRow(complaint);
  const cells = csvRowMaker(columns, redact)(row);
  return Object.fromEntries(RECORD_COLUMNS.map((column, index) => [column, cells[index]])) as Record<RecordColumn, CsvCell>;
}

/** The cells export writes for a complaint, as csv-parse gives them back (before formula guards). */
function cellsOf(complaint: Complaint): string[] {
  const record = exportRow(complaint);
  return RECORD_COLUMNS.map((column) => (record[column] === null ? '' : String(record[column])));
}

/** What rowReader is told of the logbook: the default categories, and the clock pinned. */
const context = (knownCauses: string[] = []) => ({
  knownCauses,
  categories: DEFAULT_SETTINGS.categories,
  channels: DEFAULT_SETTINGS.channels,
  added: { categories: [], channels: [] },
  responseHours: 24,
  now: NOW,
});

/** A reader for a file with these columns, and the cells of one row in that order. */
function readOne(row: Partial<Record<RecordColumn, string>>, knownCauses: string[] = []): Complaint {
  const columns = Object.keys(row) as RecordColumn[];
  return rowReader(columns, context(knownCauses))(columns.map((c) => row[c]!), 2);
}

const minimal = { id: '7', logged_at: '2026-11-20T12:30:00Z', occurred_at: '2026-11-20T12:30:00Z', status: 'new', description: 'cold soup' };
/** The cells of a complaint resolved with a refund. */
const refunded = { status: 'resolved', resolved_at: '2026-11-20T14:00:00Z', remedy: 'refund' };
/** The cells of a complaint triaged as product, cold food. */
const triaged = { status: 'triaged', category: 'product', cause: 'cold food' };

describe('csvRowMaker', () => {
  it('gives the record columns in order with cost as a decimal string and null for what was never given', () => {
    const { columns, row } = asRow(closed);
    expect(csvRowMaker(columns, false)(row)).toHaveLength(RECORD_COLUMNS.length);
    expect(exportRow(closed)).toMatchObject({ id: 12, cost: '4.50', satisfaction: 4, suggestion: null, customer: '王芳', uid: closed.uid });
  });

  it('lists every remedy given in one cell, oldest first, and leaves it empty when none was given', () => {
    expect(exportRow(closed).remedies).toBe('2026-11-20T13:00:00.000Z apology; 2026-11-20T15:00:00.000Z refund 4.50');
    expect(exportRow({ ...closed, remedies: [] }).remedies).toBeNull();
  });

  it('finds each column wherever the rows have it', () => {
    const { columns, row } = asRow(closed);
    const reversed = csvRowMaker([...columns].reverse(), false)([...row].reverse());
    expect(reversed).toEqual(csvRowMaker(columns, false)(row));
  });

  it('writes a whole amount with two decimals', () => {
    expect(exportRow({ ...closed, cost_minor: 1200 }).cost).toBe('12.00');
    expect(exportRow({ ...closed, cost_minor: 5 }).cost).toBe('0.05');
    expect(exportRow({ ...closed, cost_minor: null }).cost).toBeNull();
  });

  it('empties customer and contact when redacted, and nothing else', () => {
    const redacted = exportRow(closed, true);
    expect(redacted.customer).toBeNull();
    expect(redacted.contact).toBeNull();
    expect({ ...redacted, customer: '王芳', contact: '0712 345678' }).toEqual(exportRow(closed));
  });

  it('refuses rows that lack one of the columns', () => {
    const { columns } = asRow(closed);
    expect(() => csvRowMaker(columns.filter((column) => column !== 'staff'), false)).toThrow('the rows have no column for staff');
  });
});

describe('formula guards', () => {
  it.each([
    ["'=SUM(A1)", '=SUM(A1)'],
    ["'+44 7700", '+44 7700'],
    ["'-3", '-3'],
    ["'@ann", '@ann'],
    ["'\tindented", '\tindented'],
    ["'\rstray", '\rstray'],
    ["'＝1", '＝1'],
    ["''=1", "'=1"],
  ])('import removes the guard from %j', (cell, stored) => {
    expect(unguardFormula(cell)).toBe(stored);
  });

  it.each(["'tis the season", "'", "''", "''quoted'", 'it\'s =fine', '=not guarded'])('import keeps %j as it is', (cell) => {
    expect(unguardFormula(cell)).toBe(cell);
  });

  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+44 7700', "'+44 7700"],
    ['-3', "'-3"],
    ['@ann', "'@ann"],
    ['\tindented', "'\tindented"],
    ['\rstray', "'\rstray"],
    ['＝1', "'＝1"],
    ["'=1", "''=1"],
    ["''-2", "'''-2"],
  ])('export guards %j with one more quote, which import removes', (stored, written) => {
    expect(guardFormula(stored)).toBe(written);
    expect(unguardFormula(written)).toBe(stored);
  });

  it.each(["'tis", "'", 'plain', "it's =fine", ' =spaced', ''])('export leaves %j as it is', (stored) => {
    expect(guardFormula(stored)).toBe(stored);
  });
});

describe('checkHeader', () => {
  it('takes the header export writes', () => {
    expect(checkHeader([...RECORD_COLUMNS], 1)).toEqual([...RECORD_COLUMNS]);
  });

  it('takes the required columns alone, in any order, whatever their capitals', () => {
    expect(checkHeader(['Description', ' STATUS ', 'id', 'occurred_at', 'logged_at'], 1)).toEqual([
      'description', 'status', 'id', 'occurred_at', 'logged_at',
    ]);
  });

  it('takes a column headed as show and list head it in the language spoken', async () => {
    await speak('zh-CN');
    try {
      expect(checkHeader(['编号', '登记时间', '发生时间', '状态', '投诉', '顾客', '回复期限', '满意度'], 1)).toEqual([
        'id', 'logged_at', 'occurred_at', 'status', 'description', 'customer', 'respond_by', 'satisfaction',
      ]);
      expect(() => checkHeader(['编号', 'id', '登记时间', '发生时间', '状态', '投诉'], 1)).toThrow('第 1 行：id 列出现了两次');
    } finally {
      await speak('en');
    }
  });

  it('refuses a column it does not know, naming it and the line', () => {
    expect(() => checkHeader([...RECORD_COLUMNS, 'colour'], 1)).toThrow(/^line 1: 'colour' is not a column of complaints; the columns are id, logged_at/);
  });

  it('refuses a column given twice', () => {
    expect(() => checkHeader([...RECORD_COLUMNS, 'Cause'], 3)).toThrow('line 3: the column cause appears twice');
  });

  it('refuses a header without the required columns, naming those missing', () => {
    expect(() => checkHeader(['id', 'status', 'customer'], 1)).toThrow(
      'line 1: the header lacks logged_at, occurred_at, description; every file needs id, logged_at, occurred_at, status, description',
    );
  });
});

describe('rowReader', () => {
  it('reads back exactly the complaint an export row was written from', () => {
    const read = rowReader(RECORD_COLUMNS, context());
    expect(read(cellsOf(closed), 2)).toEqual(closed);
  });

  it('treats absent optional columns and blank cells alike as not given', () => {
    expect(readOne({ ...minimal, customer: '', channel: '  ' })).toMatchObject({ customer: null, channel: null, cost_minor: null, cause: null });
  });

  it('keeps free text exactly as written, spaces and line breaks included', () => {
    expect(readOne({ ...minimal, description: '  two\r\nlines ', suggestion: '\tsoup', about: ' soup ' })).toMatchObject({
      description: '  two\r\nlines ',
      suggestion: '\tsoup',
      about: ' soup ',
    });
  });

  it('holds a name to what the commands take: one line of at most 100 characters', () => {
    expect(() => readOne({ ...minimal, about: '\tsoup' })).toThrow('line 2: about: one line only');
    expect(() => readOne({ ...minimal, customer: '王'.repeat(101) })).toThrow('line 2: customer: 101 characters');
    expect(readOne({ ...minimal, customer: '王'.repeat(100) }).customer).toHaveLength(100);
  });

  it('matches choices without regard to capitals and stores them in lower case', () => {
    expect(readOne({ ...minimal, ...refunded, ...triaged, status: 'Resolved', channel: 'PHONE', remedy: 'Refund', wants: 'apology', severity: 'High' })).toMatchObject({
      status: 'resolved',
      channel: 'phone',
      remedy: 'refund',
      wants: 'apology',
      severity: 'high',
    });
  });

  it('reads a time without a zone as local time and stores it in UTC', () => {
    expect(readOne({ ...minimal, occurred_at: '2026-11-20 12:30' }).occurred_at).toBe(new Date(2026, 10, 20, 12, 30).toISOString());
  });

  it('reads a date and time as a spreadsheet writes one typed into it, in local time', () => {
    const typed = { ...minimal, logged_at: '2026/11/21 18:00' };
    expect(readOne(typed).logged_at).toBe(new Date(2026, 10, 21, 18, 0).toISOString());
    expect(readOne({ ...typed, occurred_at: '2026/11/3 9:05' }).occurred_at).toBe(new Date(2026, 10, 3, 9, 5).toISOString());
    expect(readOne({ ...typed, occurred_at: '2026/11/20 12:30:15' }).occurred_at).toBe(new Date(2026, 10, 20, 12, 30, 15).toISOString());
    expect(readOne({ ...typed, occurred_at: '2026-11-3' }).occurred_at).toBe(new Date(2026, 10, 3).toISOString());
    expect(() => readOne({ ...typed, occurred_at: '2026/13/3 9:05' })).toThrow(/occurred_at: '2026\/13\/3 9:05' is not a date and time/);
    expect(() => readOne({ ...typed, occurred_at: '3/11/2026' })).toThrow(/is not a date and time/);
    // A Chinese spreadsheet's long form of a date.
    expect(readOne({ ...typed, occurred_at: '2026年11月3日 9:05' }).occurred_at).toBe(new Date(2026, 10, 3, 9, 5).toISOString());
    expect(readOne({ ...typed, occurred_at: '2026年11月3日' }).occurred_at).toBe(new Date(2026, 10, 3).toISOString());
    expect(() => readOne({ ...typed, occurred_at: '2026/11/39:05' })).toThrow(/is not a date and time/);
  });

  it('stores a UTC time with an offset or without milliseconds in the form export writes', () => {
    expect(readOne({ ...minimal, ...refunded, occurred_at: '2026-11-20T14:30:00+02:00', resolved_at: '2026-11-20t14:30z' })).toMatchObject({
      occurred_at: '2026-11-20T12:30:00.000Z',
      resolved_at: '2026-11-20T14:30:00.000Z',
    });
  });

  it('reads hour 24 in the form export writes as ISO 8601 does, the midnight after, though export never writes it', () => {
    expect(readOne({ ...minimal, respond_by: '2026-11-20T24:00:00.000Z' }).respond_by).toBe('2026-11-21T00:00:00.000Z');
  });

  it('reads an amount typed with one decimal or a comma', () => {
    expect(readOne({ ...minimal, ...refunded, cost: '4.5' }).cost_minor).toBe(450);
    expect(readOne({ ...minimal, ...refunded, cost: '4,50' }).cost_minor).toBe(450);
  });

  it('spells a cause as the cause already in use, tidied', () => {
    expect(readOne({ ...minimal, ...triaged, cause: '  Cold   Food ' }, ['cold food']).cause).toBe('cold food');
    expect(readOne({ ...minimal, ...triaged, cause: '  long   wait ' }, ['cold food']).cause).toBe('long wait');
  });

  it('spells a cause as an earlier row of the file did', () => {
    const read = rowReader(['id', 'logged_at', 'occurred_at', 'status', 'description', 'category', 'cause'], context());
    const row = (id: string, cause: string) => [id, minimal.logged_at, minimal.occurred_at, 'triaged', 'x', 'product', cause];
    expect(read(row('1', 'Long Wait'), 2).cause).toBe('Long Wait');
    expect(read(row('2', 'long wait'), 3).cause).toBe('Long Wait');
  });

  it('refuses an id used by an earlier row, naming both lines', () => {
    const read = rowReader(['id', 'logged_at', 'occurred_at', 'status', 'description'], context());
    read(Object.values(minimal), 2);
    expect(() => read(Object.values(minimal), 5)).toThrow('line 5: id 7 is also on line 2; each complaint must have its own id');
  });

  it.each<[string, Partial<Record<RecordColumn, string>>, string | RegExp]>([
    ['an empty description', { description: '   ' }, 'line 2: description is empty; every complaint needs one'],
    ['a missing id', { id: '' }, 'line 2: id is empty; every complaint needs one'],
    ['an id that is not a number', { id: 'A7' }, "line 2: id: 'A7' is not a complaint id; ids are whole numbers from 1"],
    ['an id of 0', { id: '0' }, "line 2: id: '0' is not a complaint id; ids are whole numbers from 1"],
    ['an unknown status', { status: 'open' }, "line 2: status: 'open' is not one of new, triaged, assigned, resolved, closed, rejected"],
    ['a channel that cannot be kept in the list of channels', { channel: 'fax、post' }, "line 2: channel: 'fax、post' is not one of in-person, phone, email, web, social, other"],
    ['an unknown severity', { severity: 'urgent' }, /^line 2: severity: 'urgent' is not one of low, medium/],
    ['an unknown remedy', { ...refunded, remedy: 'voucher' }, /^line 2: remedy: 'voucher' is not one of refund/],
    ['an unknown wish', { wants: 'money' }, /^line 2: wants: 'money' is not one of refund/],
    ['a day that does not exist', { occurred_at: '2026-02-30' }, /^line 2: occurred_at: '2026-02-30' is not a date and time; use ISO 8601/],
    ['a day that does not exist, in the form export writes', { occurred_at: '2026-02-29T10:00:00.000Z' }, /^line 2: occurred_at: '2026-02-29T10:00:00.000Z' is not a date and time/],
    ['a relative date', { logged_at: 'yesterday' }, /^line 2: logged_at: 'yesterday' is not a date and time/],
    ['a date in another order', { resolved_at: '20/11/2026' }, /^line 2: resolved_at: '20\/11\/2026' is not a date and time/],
    ['a negative cost', { ...refunded, cost: '-4.50' }, /^line 2: cost: '-4.50' is not an amount/],
    ['a cost with a currency sign', { ...refunded, cost: '£4.50' }, /^line 2: cost: '£4.50' is not an amount/],
    ['a satisfaction of 6', { satisfaction: '6' }, "line 2: satisfaction: '6' is not a satisfaction from 1 (very unhappy) to 5 (very happy); 5星, 4分 and 满意 are read too"],
  ])('refuses %s, naming the line and the column', (_, change, message) => {
    expect(() => readOne({ ...minimal, ...change })).toThrow(message);
  });

  it('gives a complaint classified without a severity the severity triage gives, and one without a respond-by the response target', () => {
    expect(readOne({ ...minimal, ...triaged })).toMatchObject({ severity: 'medium', respond_by: '2026-11-21T12:30:00.000Z' });
  });

  it('keeps the uid a file gives, and gives a row without one the uid its id, times and description make, the same each time', () => {
    expect(readOne({ ...minimal, uid: '0F6A3C7E-2B1D-4E8F-9A0B-5C4D3E2F1A0B' }).uid).toBe('0f6a3c7e-2b1d-4e8f-9a0b-5c4d3e2f1a0b');
    expect(readOne(minimal).uid).toBe(contentUid(7, '2026-11-20T12:30:00.000Z', '2026-11-20T12:30:00.000Z', 'cold soup'));
    expect(readOne({ ...minimal, description: 'cold soup!' }).uid).not.toBe(readOne(minimal).uid);
    expect(readOne({ ...minimal, id: '8' }).uid).not.toBe(readOne(minimal).uid);
  });

  it('reads every remedy listed, the latest being the remedy and all together the cost', () => {
    const remedies = '2026-11-20T13:00:00.000Z refund 4.50; 2026-11-22T09:00:00Z Discount 2';
    expect(readOne({ ...minimal, ...refunded, resolved_at: '2026-11-22T09:00:00Z', remedy: '', remedies })).toMatchObject({
      remedy: 'discount',
      cost_minor: 650,
      remedies: [
        { given_at: '2026-11-20T13:00:00.000Z', remedy: 'refund', cost_minor: 450 },
        { given_at: '2026-11-22T09:00:00.000Z', remedy: 'discount', cost_minor: 200 },
      ],
    });
  });

  it('takes the remedy and cost of a file without remedies as given when the complaint was resolved', () => {
    expect(readOne({ ...minimal, ...refunded, cost: '4.50' }).remedies).toEqual([
      { given_at: '2026-11-20T14:00:00.000Z', remedy: 'refund', cost_minor: 450 },
    ]);
  });

  it.each<[string, Partial<Record<RecordColumn, string>>, string]>([
    ['resolved before it happened', { ...refunded, resolved_at: '2026-11-17T12:30:00Z' }, 'line 2: resolved_at is before occurred_at'],
    // The action's time, not in the file, is taken from resolved_at: the column the file has is named.
    ['resolved with an action before it happened', { ...refunded, action: 'lids', resolved_at: '2026-11-17T12:30:00Z' }, 'line 2: resolved_at is before occurred_at'],
    ['that happens in 2099', { occurred_at: '2099-01-01T00:00:00Z', logged_at: '2099-01-01T00:00:00Z' }, 'line 2: logged_at 2099-01-01T00:00:00.000Z is in the future'],
    ['from the year 1900', { occurred_at: '1900-01-01T00:00:00Z' }, 'line 2: occurred_at 1900-01-01T00:00:00.000Z is before 2000'],
    ['logged before it happened', { logged_at: '2026-11-20T12:00:00Z' }, 'line 2: occurred_at is after logged_at; a complaint is logged when or after it happens'],
    ['new, with a remedy and a satisfaction', { remedy: 'refund', satisfaction: '5' }, 'line 2: satisfaction is given but followed_up_at is empty'],
    ['new, followed up though never resolved', { followed_up_at: '2026-11-21T09:00:00Z', satisfaction: '4' }, 'line 2: followed_up_at is given but remedy and answer are empty; only a complaint resolved before is followed up'],
    ['new, with a remedy', { remedy: 'refund' }, 'line 2: status is new but remedy is given; only a resolved or closed complaint, or one reopened at a follow-up, has a remedy'],
    ['closed, with nothing filled in', { status: 'closed' }, 'line 2: status is closed but resolved_at is empty; a closed complaint was resolved'],
    ['closed, never followed up', { ...refunded, status: 'closed' }, 'line 2: status is closed but followed_up_at or satisfaction is empty; a closed complaint was followed up with a satisfaction'],
    ['resolved without a remedy', { ...refunded, remedy: '' }, 'line 2: status is resolved but remedy is empty; a resolved complaint was given a remedy, or an answer if help, a question or venting'],
    ['answered, with no answer', { ...refunded, remedy: '', nature: 'question' }, 'line 2: status is resolved but remedy and answer are empty; a resolved complaint was given one'],
    ['new, judged', { nature: 'help' }, 'line 2: status is new but nature is help; a judged complaint is triaged'],
    ['a question, classified', { ...triaged, nature: 'question' }, 'line 2: nature is question but category and cause are given; only a valid complaint is classified'],
    ['valid, unclassified', { status: 'triaged', nature: 'valid' }, 'line 2: nature is valid but category and cause are empty; a valid complaint is classified'],
    ['unfounded, not rejected', { ...triaged, nature: 'unfounded' }, 'line 2: nature is unfounded but status is triaged; an unfounded complaint is rejected'],
    ['of a nature that does not exist', { nature: 'rude' }, "line 2: nature: 'rude' is not one of valid, help, question, venting, unfounded"],
    ['assigned to nobody', { status: 'assigned' }, 'line 2: status is assigned but assignee is empty'],
    ['triaged without a cause', { ...triaged, cause: '' }, 'line 2: category and cause go together; a triaged complaint has both'],
    ['rejected without a reason', { status: 'rejected' }, 'line 2: status is rejected but reject_reason is empty'],
    ['with a cost and no remedy', { cost: '4.50' }, 'line 2: cost is given but remedy is empty'],
    ['with a respond-by before it happened', { respond_by: '2026-11-19T12:30:00Z' }, 'line 2: respond_by is before occurred_at'],
    ['with a deadline missed before it happened', { respond_by: '2026-11-22T12:30:00Z', missed_respond_by: '2026-11-19T12:30:00Z' }, 'line 2: missed_respond_by is before occurred_at'],
    [
      'with a deadline missed after it was resolved',
      { ...refunded, respond_by: '2026-11-22T12:30:00Z', missed_respond_by: '2026-11-21T12:30:00Z' },
      'line 2: missed_respond_by is not before resolved_at: a deadline is missed only while the complaint waits',
    ],
    ['with an action recorded but no action', { ...refunded, action_at: '2026-11-20T14:00:00Z' }, 'line 2: action_at is given without action'],
    ['with an action recorded before it happened', { ...refunded, action: 'lids', action_at: '2026-11-19T14:00:00Z' }, 'line 2: action_at is before occurred_at'],
    [
      'with an action recorded after it was resolved',
      { ...refunded, action: 'lids', action_at: '2026-11-20T15:00:00Z' },
      'line 2: action_at is after resolved_at: an action is recorded by the resolution that gives it',
    ],
    ['in a category that cannot be kept in the list of categories', { ...triaged, category: 'food, drink' }, "line 2: category: 'food, drink' is not one of product, service, staff, price, delivery, premises, other"],
    ['whose remedy is not the latest listed', { ...refunded, remedy: 'apology', remedies: '2026-11-20T14:00:00Z refund' }, 'line 2: remedy is apology but the latest of remedies is refund; remedy is the latest remedy given'],
    ['whose cost is not what its remedies cost', { ...refunded, cost: '3', remedies: '2026-11-20T14:00:00Z refund 4.50' }, 'line 2: cost is 3.00 but remedies add up to 4.50; cost is what every remedy cost together'],
    ['with a remedy listed unreadably', { ...refunded, remedies: 'refund 4.50' }, "line 2: remedies: 'refund 4.50' is not a remedy given; write each as its time, the remedy and any cost, such as 2026-11-23T12:00:00.000Z refund 4.50, separated by ;"],
    ['with a uid that is not one', { uid: '12' }, "line 2: uid: '12' is not a complaint uid; a uid looks like 0f6a3c7e-2b1d-4e8f-9a0b-5c4d3e2f1a0b"],
  ])('refuses a complaint %s, as no command could make it, naming the line and the rule', (_, change, message) => {
    expect(() => readOne({ ...minimal, ...change })).toThrow(new UsageError(message));
  });

  it('takes the action of a file written before actions kept their own time as recorded when the complaint was resolved', () => {
    expect(readOne({ ...minimal, ...refunded, action: 'lids' }).action_at).toBe('2026-11-20T14:00:00.000Z');
    expect(readOne({ ...minimal, ...refunded, action: 'lids', action_at: '2026-11-20T13:00:00Z' }).action_at).toBe('2026-11-20T13:00:00.000Z');
    // Reopened, or its remedy awaiting approval: not recorded until a remedy is given.
    expect(readOne({ ...minimal, status: 'assigned', assignee: 'Sam', action: 'lids' }).action_at).toBeNull();
  });

  it('takes a step dated within the clocks\' minute before the one before it, as earlier versions dated one, and not two minutes before', () => {
    expect(readOne({ ...minimal, ...refunded, resolved_at: '2026-11-20T12:29:30Z' }).resolved_at).toBe('2026-11-20T12:29:30.000Z');
    expect(readOne({ ...minimal, occurred_at: '2026-11-20T12:30:40Z' }).occurred_at).toBe('2026-11-20T12:30:40.000Z');
    expect(() => readOne({ ...minimal, ...refunded, resolved_at: '2026-11-20T12:28:00Z' })).toThrow(new UsageError('line 2: resolved_at is before occurred_at'));
  });

  it("adds a category or channel the shop's lists do not have, noted once and spelt as first met", () => {
    const shop = context();
    const read = rowReader(['id', 'logged_at', 'occurred_at', 'status', 'description', 'category', 'cause', 'channel'], shop);
    const row = (id: number, category: string, channel: string) => read([String(id), NOW.toISOString(), NOW.toISOString(), 'triaged', '汤凉了', category, '汤凉', channel], id + 1);
    expect(row(1, '菜品', '美团')).toMatchObject({ category: '菜品', channel: '美团' });
    expect(row(2, ' 菜品 ', 'Phone')).toMatchObject({ category: '菜品', channel: 'phone' });
    expect(row(3, 'Product', '美团')).toMatchObject({ category: 'product', channel: '美团' });
    expect(shop.added).toEqual({ categories: ['菜品'], channels: ['美团'] });
  });

  it('finds a channel the shop lists as two by either name, as log does, adding nothing', () => {
    const shop = { ...context(), channels: ['现场', '电话', '美团/大众点评'] };
    const read = rowReader(['id', 'logged_at', 'occurred_at', 'status', 'description', 'channel'], shop);
    const row = (id: number, channel: string) => read([String(id), NOW.toISOString(), NOW.toISOString(), 'new', '汤凉了', channel], id + 1);
    expect(row(1, '美团').channel).toBe('美团/大众点评');
    expect(row(2, '大众点评').channel).toBe('美团/大众点评');
    expect(shop.added).toEqual({ categories: [], channels: [] });
  });

  it('removes the formula guard before reading a value', () => {
    expect(readOne({ ...minimal, description: "'=1+1", contact: "'+44 7700 900123" })).toMatchObject({
      description: '=1+1',
      contact: '+44 7700 900123',
    });
  });
});

describe('checkEncoding', () => {
  const bytes = (...parts: Array<string | number[]>) =>
    Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

  it('takes UTF-8 text, with or without a byte order mark', () => {
    expect(() => checkEncoding(bytes('id,description\r\n1,汤是凉的\r\n'))).not.toThrow();
    expect(() => checkEncoding(bytes([0xef, 0xbb, 0xbf], 'id\r\n1\r\n'))).not.toThrow();
  });

  it('refuses a NUL byte, naming its line', () => {
    expect(() => checkEncoding(bytes('id\r\n1\r\n2', [0], '\r\n'))).toThrow(/^line 3: the file holds a NUL byte/);
  });

  it('refuses UTF-16 text', () => {
    expect(() => checkEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\r\n', 'utf16le')]))).toThrow(/^line 1: .*NUL/);
  });

  it('refuses bytes that are not UTF-8, naming the first line holding them', () => {
    expect(() => checkEncoding(bytes('id,about\n1,ok\n2,caf', [0xe9], '\n3,caf', [0xe9], '\n'))).toThrow(/^line 3: the text is not UTF-8/);
  });

  it('refuses a character cut short at the end of the file', () => {
    expect(() => checkEncoding(bytes('id\n1,', [0xe6, 0xb1]))).toThrow(/^line 2: the text is not UTF-8/);
  });
});

describe('lineCounter', () => {
  it('counts LF, CRLF and a lone CR each as one line break', () => {
    const text = Buffer.from('a\nb\r\nc\rd');
    const lineOf = lineCounter(text);
    expect([0, 2, 5, 7].map(lineOf)).toEqual([1, 2, 3, 4]);
  });
});
