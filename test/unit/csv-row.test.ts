import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint.js';
import {
  checkEncoding,
  type CsvCell,
  checkHeader,
  guardFormula,
  lineCounter,
  rowReader,
  csvRowMaker,
  unguardFormula,
} from '../../src/domain/csv-row.js';
import { RECORD_COLUMNS, type RecordColumn } from '../../src/domain/record.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

const closed: Complaint = {
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
  reject_reason: null,
  assignee: 'Sam',
  respond_by: '2026-11-21T12:30:00.000Z',
  resolved_at: '2026-11-20T15:00:00.000Z',
  remedy: 'refund',
  cost_minor: 450,
  root_cause: 'kettle thermostat',
  action: 'thermostat replaced',
  followed_up_at: '2026-11-23T09:00:00.000Z',
  satisfaction: 4,
};

/** A complaint as the logbook's columns and one row of their values, in the order SQLite gives them. */
function asRow(complaint: Complaint): { columns: (keyof Complaint)[]; row: unknown[] } {
  const columns = Object.keys(complaint) as (keyof Complaint)[];
  return { columns, row: columns.map((column) => complaint[column]) };
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

/** A reader for a file with these columns, and the cells of one row in that order. */
function readOne(row: Partial<Record<RecordColumn, string>>, knownCauses: string[] = []): Complaint {
  const columns = Object.keys(row) as RecordColumn[];
  return rowReader(columns, knownCauses, NOW)(columns.map((c) => row[c]!), 2);
}

const minimal = { id: '7', logged_at: '2026-11-20T12:30:00Z', occurred_at: '2026-11-20T12:30:00Z', status: 'new', description: 'cold soup' };

describe('csvRowMaker', () => {
  it('gives the record columns in order with cost as a decimal string and null for what was never given', () => {
    const { columns, row } = asRow(closed);
    expect(csvRowMaker(columns, false)(row)).toHaveLength(RECORD_COLUMNS.length);
    expect(exportRow(closed)).toMatchObject({ id: 12, cost: '4.50', satisfaction: 4, suggestion: null, customer: '王芳' });
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
    const read = rowReader(RECORD_COLUMNS, [], NOW);
    expect(read(cellsOf(closed), 2)).toEqual(closed);
  });

  it('treats absent optional columns and blank cells alike as not given', () => {
    expect(readOne({ ...minimal, customer: '', channel: '  ' })).toMatchObject({ customer: null, channel: null, cost_minor: null, cause: null });
  });

  it('keeps free text exactly as written, spaces and line breaks included', () => {
    expect(readOne({ ...minimal, description: '  two\r\nlines ', about: '\tsoup' })).toMatchObject({ description: '  two\r\nlines ', about: '\tsoup' });
  });

  it('matches choices without regard to capitals and stores them in lower case', () => {
    expect(readOne({ ...minimal, status: 'Resolved', channel: 'PHONE', remedy: 'Refund', wants: 'apology', severity: 'High' })).toMatchObject({
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

  it('stores a UTC time with an offset or without milliseconds in the form export writes', () => {
    expect(readOne({ ...minimal, occurred_at: '2026-11-20T14:30:00+02:00', resolved_at: '2026-11-20t14:30z' })).toMatchObject({
      occurred_at: '2026-11-20T12:30:00.000Z',
      resolved_at: '2026-11-20T14:30:00.000Z',
    });
  });

  it('reads hour 24 in the form export writes as ISO 8601 does, the midnight after, though export never writes it', () => {
    expect(readOne({ ...minimal, respond_by: '2026-11-20T24:00:00.000Z' }).respond_by).toBe('2026-11-21T00:00:00.000Z');
  });

  it('reads an amount typed with one decimal or a comma', () => {
    expect(readOne({ ...minimal, cost: '4.5' }).cost_minor).toBe(450);
    expect(readOne({ ...minimal, cost: '4,50' }).cost_minor).toBe(450);
  });

  it('spells a cause as the cause already in use, tidied', () => {
    expect(readOne({ ...minimal, cause: '  Cold   Food ' }, ['cold food']).cause).toBe('cold food');
    expect(readOne({ ...minimal, cause: '  long   wait ' }, ['cold food']).cause).toBe('long wait');
  });

  it('spells a cause as an earlier row of the file did', () => {
    const read = rowReader(['id', 'logged_at', 'occurred_at', 'status', 'description', 'cause'], [], NOW);
    const row = (id: string, cause: string) => [id, minimal.logged_at, minimal.occurred_at, 'new', 'x', cause];
    expect(read(row('1', 'Long Wait'), 2).cause).toBe('Long Wait');
    expect(read(row('2', 'long wait'), 3).cause).toBe('Long Wait');
  });

  it('refuses an id used by an earlier row, naming both lines', () => {
    const read = rowReader(['id', 'logged_at', 'occurred_at', 'status', 'description'], [], NOW);
    read(Object.values(minimal), 2);
    expect(() => read(Object.values(minimal), 5)).toThrow('line 5: id 7 is also on line 2; each complaint must have its own id');
  });

  it.each<[string, Partial<Record<RecordColumn, string>>, string | RegExp]>([
    ['an empty description', { description: '   ' }, 'line 2: description is empty; every complaint needs one'],
    ['a missing id', { id: '' }, 'line 2: id is empty; every complaint needs one'],
    ['an id that is not a number', { id: 'A7' }, "line 2: id: 'A7' is not a complaint id; ids are whole numbers from 1"],
    ['an id of 0', { id: '0' }, "line 2: id: '0' is not a complaint id; ids are whole numbers from 1"],
    ['an unknown status', { status: 'open' }, "line 2: status: 'open' is not one of new, triaged, assigned, resolved, closed, rejected"],
    ['an unknown channel', { channel: 'fax' }, "line 2: channel: 'fax' is not one of in-person, phone, email, web, social, other"],
    ['an unknown severity', { severity: 'urgent' }, /^line 2: severity: 'urgent' is not one of low, medium/],
    ['an unknown remedy', { remedy: 'voucher' }, /^line 2: remedy: 'voucher' is not one of refund/],
    ['an unknown wish', { wants: 'money' }, /^line 2: wants: 'money' is not one of refund/],
    ['a day that does not exist', { occurred_at: '2026-02-30' }, /^line 2: occurred_at: '2026-02-30' is not a date and time; use ISO 8601/],
    ['a day that does not exist, in the form export writes', { occurred_at: '2026-02-29T10:00:00.000Z' }, /^line 2: occurred_at: '2026-02-29T10:00:00.000Z' is not a date and time/],
    ['a relative date', { logged_at: 'yesterday' }, /^line 2: logged_at: 'yesterday' is not a date and time/],
    ['a date in another order', { resolved_at: '20/11/2026' }, /^line 2: resolved_at: '20\/11\/2026' is not a date and time/],
    ['a negative cost', { cost: '-4.50' }, /^line 2: cost: '-4.50' is not an amount/],
    ['a cost with a currency sign', { cost: '£4.50' }, /^line 2: cost: '£4.50' is not an amount/],
    ['a satisfaction of 6', { satisfaction: '6' }, "line 2: satisfaction: '6' is not a whole number from 1 to 5"],
  ])('refuses %s, naming the line and the column', (_, change, message) => {
    expect(() => readOne({ ...minimal, ...change })).toThrow(message);
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
