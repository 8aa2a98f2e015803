import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint.js';
import type { ComplaintFilter } from '../../src/domain/filter.js';
import { STATUSES } from '../../src/domain/lifecycle.js';
import { tidySpelling } from '../../src/domain/spelling.js';
import { jsonArray } from '../../src/output/lines.js';
import { csvRecordsOfRows, jsonElementsOfRows, type RecordsText } from '../../src/store/records-text.js';
import { csvRecordsMadeBySqlite } from '../../src/store/sqlite/csv-records.js';
import { jsonElementsMadeBySqlite } from '../../src/store/sqlite/json-records.js';
import { openDatabase } from '../../src/store/sqlite/open.js';
import { SqliteLogbook } from '../../src/store/sqlite/logbook.js';
import { madeByCommands } from '../support/made-by-commands.js';
import { writeLogbook } from '../support/write-logbook.js';

const NOW = new Date('2099-12-31T23:59:59.000Z');

// Whatever export must quote or guard, at the start of a cell, after 's and within it; Chinese
// and fullwidth text, the first and last characters of the ranges the SQL compares with.
const awkward = fc.constantFrom(
  'a', 'A', '@', '?', '9', ' ', '中', '投诉', '，', '"', '""', ',', '\r', '\n', '\r\n', '=', '+', '-', '\t', "'", '＝', '＋', '－', '＠', '＊', '😀', '\u001b',
);
const text = fc.oneof(fc.string({ unit: awkward, maxLength: 10 }), fc.string({ unit: 'grapheme', maxLength: 6 })).filter((t) => t.trim() !== '');
const texts = { text, cause: text.map(tidySpelling).filter((cause) => cause !== '') };

// Ids close together, so that most logbooks are read by SQLite's own records, some far apart; a
// uid of each complaint's own, which shrinking may otherwise make the same; some complaints
// happening at the same moment as others, which a list orders by id.
const SHARED_MOMENTS = ['2001-01-01T00:00:00.000Z', '2001-01-02T00:00:00.000Z'];
const logbook = fc.array(fc.tuple(madeByCommands(texts, NOW), fc.option(fc.constantFrom(...SHARED_MOMENTS), { freq: 3 })), { maxLength: 12 }).chain((made) =>
  fc
    .uniqueArray(fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 60 }) }, fc.integer({ min: 1, max: 1e9 })), {
      minLength: made.length,
      maxLength: made.length,
    })
    .map((ids) =>
      made.map(
        ([complaint, sharedMoment], index): Complaint => ({
          ...complaint,
          id: ids[index]!,
          occurred_at: sharedMoment ?? complaint.occurred_at,
          uid: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
        }),
      ),
    ),
);

const isoMoment = (min: string, max: Date) => fc.date({ min: new Date(min), max, noInvalidDate: true }).map((date) => date.toISOString());

const exportFilter: fc.Arbitrary<ComplaintFilter> = fc.record(
  { statuses: fc.subarray([...STATUSES], { minLength: 1 }), since: isoMoment('2000-01-01T00:00:00.000Z', NOW), limit: fc.integer({ min: 1, max: 12 }) },
  { requiredKeys: [] },
).map((given) => ({ ...given, order: 'by id' }));

// What a list asks for: the walk answers time and limit; a status or none assigned, asked for now
// and then, it leaves to the rows. Most lists match some of the complaints.
const listFilter: fc.Arbitrary<ComplaintFilter> = fc
  .tuple(
    fc.record(
      {
        standing: fc.constant(true as const),
        since: isoMoment('2000-01-01T00:00:00.000Z', new Date('2010-01-01T00:00:00.000Z')),
        until: isoMoment('2001-01-02T00:00:00.000Z', NOW),
        limit: fc.integer({ min: 1, max: 12 }),
      },
      { requiredKeys: [] },
    ),
    fc.oneof(
      { weight: 4, arbitrary: fc.constant({}) },
      fc.record({ statuses: fc.subarray([...STATUSES], { minLength: 1 }) }),
      fc.constant({ unassigned: true as const }),
    ),
  )
  .map(([walked, narrower]) => ({ ...walked, ...narrower, order: 'newest first' }));

/** Runs `read` on a logbook of `complaints` written to a file of its own, which it then removes. */
async function withLogbook<T>(complaints: readonly Complaint[], read: (logbook: SqliteLogbook) => Promise<T>): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), 'complaints-sqlite-text-'));
  const file = join(folder, 'complaints.db');
  try {
    writeLogbook(file, complaints);
    const logbook = new SqliteLogbook(openDatabase(file), file);
    try {
      return await read(logbook);
    } finally {
      await logbook.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function textOf(runs: AsyncIterable<RecordsText>): Promise<{ rows: number; text: string }> {
  let rows = 0;
  const chunks: Uint8Array[] = [];
  for await (const run of runs) {
    rows += run.rows;
    chunks.push(run.text);
  }
  return { rows, text: Buffer.concat(chunks).toString('utf8') };
}

async function jsonOf(runs: AsyncIterable<RecordsText>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of jsonArray(runs)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

describe("SQLite's own records", () => {
  it("are an export's CSV records as the program writes them from the rows, byte for byte, for any logbook and filter", async () => {
    let madeBySqlite = 0;
    await fc.assert(
      fc.asyncProperty(logbook, exportFilter, fc.boolean(), (complaints, filter, redact) =>
        withLogbook(complaints, async (logbook) => {
          const fromRows = () => csvRecordsOfRows(logbook.rows(filter), redact);
          let tookRows = false;
          const made = await textOf(csvRecordsMadeBySqlite(logbook.db, filter, redact, () => ((tookRows = true), fromRows())));
          expect(made).toEqual(await textOf(fromRows()));
          if (!tookRows && made.rows > 0) madeBySqlite++;
        }),
      ),
      { numRuns: 300 },
    );
    // A good share of them went through the SQL this test is about.
    expect(madeBySqlite).toBeGreaterThan(75);
  }, 120_000);

  it("are a list's JSON as the program writes it from the rows, byte for byte, for any logbook and filter", async () => {
    let madeBySqlite = 0;
    await fc.assert(
      // Runs of a few complaints, so that most lists are read in several.
      fc.asyncProperty(logbook, listFilter, fc.integer({ min: 1, max: 4 }), (complaints, filter, perRun) =>
        withLogbook(complaints, async (logbook) => {
          const fromRows = () => jsonElementsOfRows(logbook.rows(filter));
          let tookRows = false;
          const made = await jsonOf(jsonElementsMadeBySqlite(logbook.db, filter, () => ((tookRows = true), fromRows()), perRun));
          const written = await jsonOf(fromRows());
          expect(made).toBe(written);
          if (!tookRows && written !== '[]\n') madeBySqlite++;
        }),
      ),
      { numRuns: 300 },
    );
    expect(madeBySqlite).toBeGreaterThan(75);
  }, 120_000);
});
