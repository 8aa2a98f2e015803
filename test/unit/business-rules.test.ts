import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint.js';
import { isOverdue } from '../../src/domain/lifecycle.js';
import { countComplaints, insertComplaint, listComplaints } from '../../src/store/sqlite/complaints.js';
import { openDatabase, type Db } from '../../src/store/sqlite/open.js';
import { countUntriaged, periodFigures, tallyBy } from '../../src/store/sqlite/report.js';
import { madeByCommands } from '../support/made-by-commands.js';

// Where a rule of the lifecycle is stated both in JavaScript and in SQL, the two must mean the
// same; where only SQL states it, it must mean what the contract says. Complaints are made as the
// commands make them, and the moment "now" falls anywhere among their times.

const LATEST = new Date('2026-11-30T00:00:00.000Z');
const texts = { text: fc.constantFrom('Ann Lee', 'soup was cold', '王芳'), cause: fc.constantFrom('cold food', '上菜慢') };
const ALL_TIME = { since: '2000-01-01T00:00:00.000Z', until: '2100-01-01T00:00:00.000Z' };

function logbookOf(complaints: ReadonlyArray<Omit<Complaint, 'id'>>): Db {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'complaints-rules-')), 'complaints.db'));
  for (const complaint of complaints) insertComplaint(db, complaint);
  return db;
}

const logbooks = fc.tuple(
  fc.array(madeByCommands(texts, LATEST), { maxLength: 30 }),
  fc.date({ min: new Date('2000-01-01T00:00:00.000Z'), max: LATEST, noInvalidDate: true }),
);

describe('the rules of the lifecycle, in SQL and in JavaScript', () => {
  it('finds overdue, in a list and in the report, the complaints isOverdue finds', () => {
    fc.assert(
      fc.property(logbooks, ([complaints, now]) => {
        const db = logbookOf(complaints);
        try {
          const listed = listComplaints(db, { overdueAt: now.toISOString(), order: 'by id' }).map((c) => c.id);
          const stored = listComplaints(db, { order: 'by id' });
          expect(listed).toEqual(stored.filter((c) => isOverdue(c.status, c.respond_by, now)).map((c) => c.id));
          expect(countComplaints(db, { overdueAt: now.toISOString(), order: 'by id' })).toBe(listed.length);
          expect(periodFigures(db, ALL_TIME, now.toISOString(), {}).overdue).toBe(listed.length);
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('counts as answered in time the upheld complaints resolved at or before their respond-by', () => {
    fc.assert(
      fc.property(logbooks, ([complaints, now]) => {
        const db = logbookOf(complaints);
        try {
          const inTime = complaints.filter(
            (c) => c.status !== 'rejected' && c.resolved_at !== null && c.respond_by !== null && c.resolved_at <= c.respond_by && c.missed_respond_by === null,
          );
          expect(periodFigures(db, ALL_TIME, now.toISOString(), {}).answeredInTime).toBe(inTime.length);
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('counts as due the complaints answered and those late: past their respond-by, or past one missed before a later was given', () => {
    fc.assert(
      fc.property(logbooks, ([complaints, now]) => {
        const db = logbookOf(complaints);
        try {
          const at = now.toISOString();
          const answered = (c: Omit<Complaint, 'id'>) => c.status !== 'rejected' && c.status !== 'withdrawn' && c.resolved_at !== null;
          const late = (c: Omit<Complaint, 'id'>) =>
            c.status !== 'rejected' && c.status !== 'withdrawn' && c.resolved_at === null && ((c.respond_by !== null && c.respond_by < at) || c.missed_respond_by !== null);
          expect(periodFigures(db, ALL_TIME, at, {}).due).toBe(complaints.filter((c) => answered(c) || late(c)).length);
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('counts as untriaged the complaints not judged yet, which no table by cause or category counts', () => {
    fc.assert(
      fc.property(logbooks, ([complaints]) => {
        const db = logbookOf(complaints);
        try {
          const standing = complaints.filter((c) => c.status !== 'withdrawn');
          const counted = standing.filter((c) => c.nature === null || c.nature === 'valid');
          expect(countUntriaged(db, ALL_TIME, {})).toBe(standing.filter((c) => c.nature === null).length);
          expect(countUntriaged(db, ALL_TIME, {})).toBe(counted.filter((c) => c.cause === null).length);
          const tallied = tallyBy(db, 'channel', ALL_TIME, {}).reduce((sum, row) => sum + row.count, 0);
          expect(tallied).toBe(counted.length);
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
