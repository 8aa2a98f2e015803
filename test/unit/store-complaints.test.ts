import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NewComplaint } from '../../src/domain/complaint.js';
import { followUpsDue } from '../../src/domain/filter.js';
import { countComplaints, desk, insertComplaint, listComplaints, spellingsInUse, updateComplaint, usedValues } from '../../src/store/sqlite/complaints.js';
import { openDatabase, type Db } from '../../src/store/sqlite/open.js';
import { complaintWith } from '../support/complaints.js';

const AT = '2026-11-20T12:00:00.000Z';

function draft(changes: Partial<NewComplaint> = {}): NewComplaint {
  const { id: _unnumbered, ...complaint } = complaintWith({ logged_at: AT, occurred_at: AT, uid: randomUUID(), ...changes });
  return complaint;
}

function withLogbook(use: (db: Db) => void): void {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'complaints-store-')), 'complaints.db'));
  try {
    use(db);
  } finally {
    db.close();
  }
}

const keysOf = (db: Db, id: number) => db.prepare(`SELECT customer_key, contact_key FROM complaints WHERE id = ?`).get(id);

describe('person keys', () => {
  it('are written with a new complaint and follow a changed name or contact', () => {
    withLogbook((db) => {
      const id = insertComplaint(db, draft({ customer: 'Zoë Brontë', contact: '(0712) 345-678' }));
      expect(keysOf(db, id)).toEqual({ customer_key: 'zoë brontë', contact_key: '0712345678' });
      updateComplaint(db, id, { customer: 'ZOË  B.' });
      expect(keysOf(db, id)).toEqual({ customer_key: 'zoë b.', contact_key: '0712345678' });
      updateComplaint(db, id, { contact: null });
      expect(keysOf(db, id)).toEqual({ customer_key: 'zoë b.', contact_key: null });
    });
  });
});

describe('usedValues', () => {
  it('suggests the answers of the latest 5,000 complaints, most used first, not older ones', () => {
    withLogbook((db) => {
      db.transaction(() => {
        insertComplaint(db, draft({ about: 'last year’s menu' }));
        for (let i = 0; i < 5_000; i++) insertComplaint(db, draft({ about: i % 3 === 0 ? 'sourdough' : 'tomato soup' }));
      })();
      expect(usedValues(db, 'about')).toEqual(['tomato soup', 'sourdough']);
    });
  });
});

describe('spellingsInUse', () => {
  it('gives each spelling of a cause, category or assignee once, leaving out complaints without one', () => {
    withLogbook((db) => {
      for (const [category, assignee] of [['pâtisserie', 'Élodie'], [null, 'élodie'], ['Pâtisserie', null], ['pâtisserie', 'Élodie']]) {
        insertComplaint(db, draft({ category, assignee, cause: assignee }));
      }
      expect(spellingsInUse(db, 'category').sort()).toEqual(['Pâtisserie', 'pâtisserie']);
      expect(spellingsInUse(db, 'assignee').sort()).toEqual(['élodie', 'Élodie'].sort());
      expect(spellingsInUse(db, 'cause').sort()).toEqual(['élodie', 'Élodie'].sort());
    });
  });

  it('gives none in a logbook without any', () => {
    withLogbook((db) => {
      insertComplaint(db, draft());
      expect(spellingsInUse(db, 'category')).toEqual([]);
      expect(spellingsInUse(db, 'assignee')).toEqual([]);
    });
  });
});

describe('desk', () => {
  it('counts the follow-ups due with and without someone to call as the follow-up list finds them', () => {
    withLogbook((db) => {
      const resolved = (at: string, person: Partial<NewComplaint>) => insertComplaint(db, draft({ status: 'resolved', resolved_at: at, ...person }));
      for (const at of ['2026-11-01T10:00:00.000Z', '2026-11-02T10:00:00.000Z', '2026-11-22T10:00:00.000Z']) {
        resolved(at, { customer: 'Ann Lee' });
        resolved(at, { contact: '07700 900123' });
        resolved(at, { customer: 'Bo Chen', contact: 'bo@example.com' });
        resolved(at, {});
      }
      const dueBefore = '2026-11-20T00:00:00.000Z';
      const waiting = desk(db, { now: AT, endOfToday: AT, followUpDueBefore: dueBefore }, 5, {});
      expect(waiting.followUpsDue.total).toBe(countComplaints(db, followUpsDue(dueBefore, true)));
      expect(waiting.followUpsDueNoContact).toBe(countComplaints(db, followUpsDue(dueBefore, false)));
      expect([waiting.followUpsDue.total, waiting.followUpsDueNoContact]).toEqual([6, 2]);
      expect(waiting.followUpsDue.shown.map((c) => c.id)).toEqual([1, 2, 3, 5, 6]);
      expect(listComplaints(db, followUpsDue(dueBefore, false)).map((c) => c.id)).toEqual([4, 8]);
    });
  });

  it('lists as due today the open complaints to be answered from now to the end of the day, new ones too, soonest first', () => {
    withLogbook((db) => {
      const now = '2026-11-23T10:00:00.000Z';
      const endOfToday = '2026-11-24T00:00:00.000Z';
      const due = (status: NewComplaint['status'], respond_by: string) => insertComplaint(db, draft({ status, respond_by }));
      due('assigned', '2026-11-23T09:59:59.999Z'); // #1 overdue
      due('assigned', '2026-11-23T23:59:59.999Z'); // #2 due today, last
      due('triaged', '2026-11-23T10:00:00.000Z'); // #3 due today, first
      due('new', '2026-11-23T15:00:00.000Z'); // #4 due today too, though still to triage
      due('resolved', '2026-11-23T15:00:00.000Z'); // #5 answered
      due('assigned', '2026-11-24T00:00:00.000Z'); // #6 due tomorrow
      const waiting = desk(db, { now, endOfToday, followUpDueBefore: now }, 5, {});
      expect(waiting.dueToday.shown.map((c) => c.id)).toEqual([3, 4, 2]);
      expect(waiting.dueToday.total).toBe(3);
      expect(waiting.overdue.shown.map((c) => c.id)).toEqual([1]);
    });
  });
});
