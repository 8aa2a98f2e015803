import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint.js';
import type { ComplaintFilter } from '../../src/domain/filter.js';
import { STATUSES } from '../../src/domain/lifecycle.js';
import { tidySpelling } from '../../src/domain/spelling.js';
import { csvRecordsOfRows, type CsvRecords } from '../../src/store/csv-records.js';
import { csvRecordsMadeBySqlite } from '../../src/store/sqlite/csv-records.js';
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
// uid of each complaint's own, which shrinking may otherwise make the same.
const logbook = fc.array(madeByCommands(texts, NOW), { maxLength: 12 }).chain((made) =>
  fc
    .uniqueArray(fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 60 }) }, fc.integer({ min: 1, max: 1e9 })), {
      minLength: made.length,
      maxLength: made.length,
    })
    .map((ids) =>
      made.map((complaint, index): Complaint => ({ ...complaint, id: ids[index]!, uid: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}` })),
    ),
);

const filter: fc.Arbitrary<ComplaintFilter> = fc.record(
  {
    statuses: fc.subarray([...STATUSES], { minLength: 1 }),
    since: fc.date({ min: new Date('2000-01-01T00:00:00.000Z'), max: NOW, noInvalidDate: true }).map((date) => date.toISOString()),
    limit: fc.integer({ min: 1, max: 12 }),
  },
  { requiredKeys: [] },
).map((given) => ({ ...given, order: 'by id' }));

async function bytesOf(records: AsyncIterable<CsvRecords>): Promise<{ rows: number; csv: string }> {
  let rows = 0;
  const chunks: Uint8Array[] = [];
  for await (const batch of records) {
    rows += batch.rows;
    chunks.push(batch.csv);
  }
  return { rows, csv: Buffer.concat(chunks).toString('utf8') };
}

describe("SQLite's own CSV records", () => {
  it('are the records the program writes from the rows, byte for byte, for any logbook and filter', async () => {
    let madeBySqlite = 0;
    await fc.assert(
      fc.asyncProperty(logbook, filter, fc.boolean(), async (complaints, filter, redact) => {
        const folder = mkdtempSync(join(tmpdir(), 'complaints-sqlite-csv-'));
        const file = join(folder, 'complaints.db');
        try {
          writeLogbook(file, complaints);
          const logbook = new SqliteLogbook(openDatabase(file), file);
          try {
            const fromRows = () => csvRecordsOfRows(logbook.rows(filter), redact);
            let tookRows = false;
            const made = await bytesOf(csvRecordsMadeBySqlite(logbook.db, filter, redact, () => ((tookRows = true), fromRows())));
            expect(made).toEqual(await bytesOf(fromRows()));
            if (!tookRows && made.rows > 0) madeBySqlite++;
          } finally {
            await logbook.close();
          }
        } finally {
          rmSync(folder, { recursive: true, force: true });
        }
      }),
      { numRuns: 300 },
    );
    // Most of them went through the SQL this test is about.
    expect(madeBySqlite).toBeGreaterThan(100);
  }, 120_000);
});
