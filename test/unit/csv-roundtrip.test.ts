import Database from 'better-sqlite3';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { spellingToKeep, tidySpelling } from '../../src/domain/spelling.js';
import type { Complaint } from '../../src/domain/complaint.js';
import { STATUSES } from '../../src/domain/lifecycle.js';
import { CHANNELS, REMEDIES, SEVERITIES, WANTS } from '../../src/domain/validate.js';
import { personKeys } from '../../src/store/complaints.js';
import { openDatabase } from '../../src/store/open.js';
import { run } from '../support/built-cli.js';

// The whole command runs in-process (the built `run` the binary calls), so a hundred logbooks
// go through export → import → export in seconds rather than minutes.

/** Runs one command line and returns its exit code and what it wrote on stdout and stderr. */
async function complaints(...argv: string[]): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  const collect = (chunks: Buffer[]) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
    });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const code = await run(argv, {
    stdin: Readable.from([]),
    stdout: collect(out),
    stderr: collect(err),
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    now: () => new Date('2099-12-31T23:59:59.000Z'),
  });
  return { code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') };
}

/** Every complaint as stored, to compare two logbooks. */
function storedComplaints(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT * FROM complaints ORDER BY id`).all();
  } finally {
    db.close();
  }
}

function writeLogbook(file: string, logbook: readonly Complaint[]): void {
  const db = openDatabase(file);
  try {
    for (const complaint of logbook) {
      const columns = Object.keys(complaint);
      // With the person keys, as the store writes every complaint.
      db.prepare(
        `INSERT INTO complaints (${columns.join(', ')}, customer_key, contact_key)
         VALUES (${columns.map((c) => '@' + c).join(', ')}, @customer_key, @contact_key)`,
      ).run({ ...complaint, ...personKeys(complaint) });
    }
  } finally {
    db.close();
  }
}

// Text that is hard to carry through CSV: Chinese, quotes, commas, line breaks of every kind,
// and whatever a spreadsheet would take for a formula, at the start of a cell or after quotes.
const awkward = fc.constantFrom(
  'a', 'Z', '9', ' ', '中', '文', '投诉', '"', '""', ',', ';', '\r', '\n', '\r\n', '=', '+', '-', '@', '\t', "'", '＝', '＋', '😀', 'é', '\u001b',
);
const wellFormed = (text: string) => Buffer.from(text, 'utf8').toString('utf8') === text;
const text = fc
  .oneof(fc.string({ unit: awkward, maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 8 }))
  .filter((t) => wellFormed(t) && !t.includes('\0'));
// A blank cell means "not given", so what is given always says something.
const given = text.filter((t) => t.trim() !== '');
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: null });
const time = fc
  .date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

const complaint = fc.record({
  logged_at: time,
  occurred_at: time,
  status: fc.constantFrom(...STATUSES),
  channel: optional(fc.constantFrom(...CHANNELS)),
  customer: optional(given),
  contact: optional(given),
  about: optional(given),
  description: given,
  wants: optional(fc.constantFrom(...WANTS)),
  suggestion: optional(given),
  staff: optional(given),
  category: optional(given),
  // Causes are stored tidied (as triage and import store them).
  cause: optional(text.map(tidySpelling).filter((c) => c !== '')),
  severity: optional(fc.constantFrom(...SEVERITIES)),
  reject_reason: optional(given),
  assignee: optional(given),
  respond_by: optional(time),
  resolved_at: optional(time),
  remedy: optional(fc.constantFrom(...REMEDIES)),
  cost_minor: optional(fc.integer({ min: 0, max: 1e13 })),
  root_cause: optional(given),
  action: optional(given),
  followed_up_at: optional(time),
  satisfaction: optional(fc.integer({ min: 1, max: 5 })),
});

/**
 * Any logbook the tool can hold: unique ids, and one spelling per cause (triage, import and
 * rename all keep the first spelling of a cause; see src/domain/spelling.ts).
 */
const logbook = fc.array(complaint, { maxLength: 8 }).chain((drafts) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 1e9 }), { minLength: drafts.length, maxLength: drafts.length }).map((ids) => {
    const spellings: string[] = [];
    return drafts.map((draft, index): Complaint => {
      const cause = draft.cause === null ? null : spellingToKeep(draft.cause, spellings);
      if (cause !== null && !spellings.includes(cause)) spellings.push(cause);
      return { ...draft, id: ids[index]!, cause };
    });
  }),
);

describe('export → import → export', () => {
  it('gives back the same file byte for byte, and the same complaints, for any logbook', async () => {
    await fc.assert(
      fc.asyncProperty(logbook, fc.boolean(), async (original, bom) => {
        const dir = mkdtempSync(join(tmpdir(), 'complaints-roundtrip-'));
        try {
          const [first, second, csv] = [join(dir, 'first.db'), join(dir, 'second.db'), join(dir, 'export.csv')];
          writeLogbook(first, original);
          const bomFlag = bom ? ['--bom'] : [];

          const exported = await complaints('--db', first, 'export', ...bomFlag);
          expect(exported.code, exported.stderr).toBe(0);
          writeFileSync(csv, exported.stdout);
          const imported = await complaints('--db', second, 'import', csv);
          expect(imported.code, imported.stderr).toBe(0);
          const again = await complaints('--db', second, 'export', ...bomFlag);
          expect(again.code, again.stderr).toBe(0);

          expect(again.stdout.equals(exported.stdout)).toBe(true);
          expect(storedComplaints(second)).toEqual(storedComplaints(first));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 100 },
    );
  });
});
