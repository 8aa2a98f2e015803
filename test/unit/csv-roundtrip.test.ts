import Database from 'better-sqlite3';
import fc from 'fast-check';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spellingToKeep, tidySpelling } from '../../src/domain/spelling.js';
import type { Complaint } from '../../src/domain/complaint.js';
import { runInProcess } from '../support/in-process.js';
import { madeByCommands } from '../support/made-by-commands.js';
import { writeLogbook } from '../support/write-logbook.js';

// The whole command runs in-process (the built `run` the binary calls), so a hundred logbooks
// go through export → import → export in seconds rather than minutes.

const NOW = new Date('2099-12-31T23:59:59.000Z');

/** Runs one command line and returns its exit code and what it wrote on stdout and stderr. */
async function complaints(...argv: string[]): Promise<{ code: number; stdout: Buffer; stderr: string }> {
  const { code, stdout, stderr } = await runInProcess(argv, { COMPLAINTS_NOW: NOW.toISOString() });
  return { code, stdout, stderr: stderr.toString('utf8') };
}

/** Every complaint and remedy as stored, to compare two logbooks. */
function stored(file: string): unknown[] {
  const db = new Database(file, { readonly: true });
  try {
    return [
      db.prepare(`SELECT * FROM complaints ORDER BY id`).all(),
      db.prepare(`SELECT complaint_id, given_at, remedy, cost_minor FROM remedies ORDER BY complaint_id, given_at, id`).all(),
    ];
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
// A blank cell means "not given", so what is given always says something; causes are stored
// tidied, as triage and import store them.
const texts = { text: text.filter((t) => t.trim() !== ''), cause: text.map(tidySpelling).filter((c) => c !== '') };

/**
 * Any logbook the commands can make: unique ids, and one spelling per cause (triage, import and
 * rename all keep the first spelling of a cause; see src/domain/spelling.ts).
 */
const logbook = fc.array(madeByCommands(texts, NOW), { maxLength: 8 }).chain((made) =>
  fc.uniqueArray(fc.integer({ min: 1, max: 1e9 }), { minLength: made.length, maxLength: made.length }).map((ids) => {
    const spellings: string[] = [];
    return made.map((complaint, index): Complaint => {
      const cause = complaint.cause === null ? null : spellingToKeep(complaint.cause, spellings);
      if (cause !== null && !spellings.includes(cause)) spellings.push(cause);
      return { ...complaint, id: ids[index]!, cause };
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
          if (stored(first).every((rows) => (rows as unknown[]).length === 0)) {
            // An empty logbook's export has nothing to import, and makes no logbook.
            expect(existsSync(second)).toBe(false);
            return;
          }
          const again = await complaints('--db', second, 'export', ...bomFlag);
          expect(again.code, again.stderr).toBe(0);

          expect(again.stdout.equals(exported.stdout)).toBe(true);
          expect(stored(second)).toEqual(stored(first));
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 100 },
    );
    // A hundred logbooks, each made, exported, imported and exported again.
  }, 180_000);
});
