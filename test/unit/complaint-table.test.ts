import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../src/domain/lifecycle.js';
import { t } from '../../src/language/messages.js';
import { LIST_COLUMNS, complaintTable, newTable, withoutTrailingSpace } from '../../src/output/table.js';
import { LISTED_COLUMNS, type ListedComplaint } from '../../src/store/logbook.js';

const plain = new Chalk({ level: 0 });
const NOW = new Date('2026-11-23T12:00:00.000Z');

/** The table as newTable lays it out from every cell made afresh: what complaintTable must write. */
function madeAfresh(complaints: readonly ListedComplaint[]): string {
  const table = newTable(LIST_COLUMNS.shown.map((column) => t(column.head)), plain);
  table.push(...complaints.map((c) => LIST_COLUMNS.shown.map((column) => column.cell(c, NOW, plain))));
  return withoutTrailingSpace(table.toString());
}

/**
 * complaintTable's lines, the order asked for by each of its two reads and the fields each asked
 * for; each read gives only those, as a logbook does.
 */
async function laidOut(complaints: readonly ListedComplaint[]): Promise<{ text: string; reads: boolean[]; fields: string[][] }> {
  const reads: boolean[] = [];
  const fields: string[][] = [];
  async function* complaintsOf(columns: readonly (keyof ListedComplaint)[], measuring: boolean) {
    reads.push(measuring);
    fields.push([...columns]);
    const given = complaints.map((c) => Object.fromEntries(columns.map((column) => [column, c[column]])) as ListedComplaint);
    for (let start = 0; start < given.length; start += 100) yield given.slice(start, start + 100);
  }
  const table = await complaintTable(complaintsOf, NOW, plain);
  const lines: string[] = [];
  for await (const line of table.lines) lines.push(line);
  expect(table.rows).toBe(complaints.length);
  return { text: lines.join('\n'), reads, fields };
}

const moment = fc.date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2030-01-01T00:00:00.000Z'), noInvalidDate: true }).map((d) => d.toISOString());
const text = fc.option(fc.oneof(fc.constantFrom('cold soup', '汤是凉的', 'a\tb\nc', '\u001b[31mred', 'x'.repeat(50), '很'.repeat(30)), fc.string({ unit: 'grapheme', maxLength: 30 })), { nil: null });
const complaint: fc.Arbitrary<ListedComplaint> = fc.record({
  id: fc.integer({ min: 1, max: 1e7 }),
  occurred_at: moment,
  status: fc.constantFrom(...STATUSES),
  customer: text,
  about: text,
  cause: text,
  assignee: text,
  respond_by: moment,
  description: text.map((description) => description ?? 'said nothing'),
});

describe('a table of complaints', () => {
  it('is the table of every cell made afresh, though cells are remembered, measured in a first read in any order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(complaint, { maxLength: 300 }), async (complaints) => {
        const { text, reads, fields } = await laidOut(complaints);
        expect(text).toBe(madeAfresh(complaints));
        expect(reads).toEqual([true, false]);
        // The last column, never padded, is not measured: its descriptions are not read for it.
        expect(fields).toEqual([LISTED_COLUMNS.filter((field) => field !== 'description'), LISTED_COLUMNS]);
      }),
      { numRuns: 200 },
    );
  });

  it('stays the same once a column has met too many cells to remember and forgets them', async () => {
    // Ten thousand descriptions, each told once, and a few causes told again and again.
    const complaints = Array.from({ length: 10_000 }, (_, i): ListedComplaint => ({
      id: i + 1,
      occurred_at: NOW.toISOString(),
      status: 'new',
      customer: null,
      about: null,
      cause: ['cold soup', '汤是凉的', 'late'][i % 3]!,
      assignee: null,
      respond_by: NOW.toISOString(),
      description: `${'汤'.repeat(i % 25)} ${i}`,
    }));
    expect((await laidOut(complaints)).text).toBe(madeAfresh(complaints));
  });
});
