import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUSES } from '../../src/domain/lifecycle.js';
import { REMEDIES } from '../../src/domain/validate.js';
import { t } from '../../src/language/messages.js';
import { LIST_COLUMNS, complaintTable, followUpColumns, newTable, withoutTrailingSpace, type ComplaintTableColumns, type ShownComplaints } from '../../src/output/table.js';
import { LISTED_COLUMNS, type ListedComplaint, type Sampling } from '../../src/store/logbook.js';

const plain = new Chalk({ level: 0 });
const NOW = new Date('2026-11-23T12:00:00.000Z');

/** The table as newTable lays it out from every cell made afresh: what complaintTable must write. */
function madeAfresh(complaints: readonly ListedComplaint[], { shown }: ComplaintTableColumns = LIST_COLUMNS): string {
  const table = newTable(shown.map((column) => t(column.head)), plain);
  table.push(...complaints.map((c) => shown.map((column) => column.cell(c, NOW, plain))));
  return withoutTrailingSpace(table.toString());
}

type Field = keyof ListedComplaint;
type Value = ListedComplaint[Field];

/** The lowest or highest of some values as SQL's MIN and MAX find them: nulls left out, none for none. */
function extreme(values: Value[], highest: boolean): Value {
  const present = values.filter((value) => value !== null && value !== undefined);
  if (present.length === 0) return null;
  return present.reduce((a, b) => ((highest ? b! > a! : b! < a!) ? b : a));
}

/** What a logbook gives for `sampling` of `complaints` (see Sampling), worked out afresh. */
function sampledAfresh(complaints: readonly ListedComplaint[], { by = [], lowest = [], highest = [] }: Sampling): Partial<ListedComplaint>[] {
  const groups = new Map<string, ListedComplaint[]>();
  for (const c of complaints) {
    const key = JSON.stringify(by.map((field) => c[field] ?? null));
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()].map((group) => ({
    ...Object.fromEntries(by.map((field) => [field, group[0]![field] ?? null])),
    ...Object.fromEntries(lowest.map((field) => [field, extreme(group.map((c) => c[field]), false)])),
    ...Object.fromEntries(highest.map((field) => [field, extreme(group.map((c) => c[field]), true)])),
  }));
}

/**
 * complaintTable's lines, and the fields each read of the complaints asked for; each read gives
 * only those, as a logbook does, samples in an order of their own.
 */
async function laidOut(complaints: readonly ListedComplaint[], columns = LIST_COLUMNS, sampled = true): Promise<{ text: string; fields: string[][] }> {
  const fields: string[][] = [];
  const shown: ShownComplaints = {
    sampling: sampled
      ? {
          count: async () => complaints.length,
          async *sampled(sampling) {
            yield sampledAfresh(complaints, sampling).reverse();
          },
        }
      : undefined,
    async *listed(reads) {
      fields.push([...reads]);
      const given = complaints.map((c) => Object.fromEntries(reads.map((field) => [field, c[field]])) as ListedComplaint);
      for (let start = 0; start < given.length; start += 100) yield given.slice(start, start + 100);
    },
  };
  const table = await complaintTable(shown, NOW, plain, columns);
  const lines: string[] = [];
  for await (const batch of table.lines) lines.push(...batch);
  expect(table.rows).toBe(complaints.length);
  return { text: lines.join('\n'), fields };
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
  respond_by: fc.option(moment, { nil: null }),
  description: text.map((description) => description ?? 'said nothing'),
  contact: text,
  resolved_at: fc.option(moment, { nil: null }),
  remedy: fc.option(fc.constantFrom(...REMEDIES, 'store credit'), { nil: null }),
});

describe('a table of complaints', () => {
  it('is the table of every cell made afresh, though cells are remembered and columns measured from a few complaints', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(complaint, { maxLength: 300 }), async (complaints) => {
        const { text, fields } = await laidOut(complaints);
        expect(text).toBe(madeAfresh(complaints));
        expect(fields).toEqual([LISTED_COLUMNS]);
      }),
      { numRuns: 200 },
    );
  });

  it('is so when a few complaints are measured from their own cells, read twice, the first time without the last column', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(complaint, { maxLength: 30 }), async (complaints) => {
        const { text, fields } = await laidOut(complaints, LIST_COLUMNS, false);
        expect(text).toBe(madeAfresh(complaints));
        expect(fields).toEqual([LISTED_COLUMNS.filter((field) => field !== 'description'), LISTED_COLUMNS]);
      }),
      { numRuns: 200 },
    );
  });

  it('is so for the follow-ups due too, with and without whom to call', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(complaint, { maxLength: 100 }), fc.boolean(), fc.boolean(), async (complaints, withContact, sampled) => {
        const columns = followUpColumns(withContact);
        expect((await laidOut(complaints, columns, sampled)).text).toBe(madeAfresh(complaints, columns));
      }),
      { numRuns: 100 },
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
