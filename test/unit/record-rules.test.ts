import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brokenRule } from '../../src/domain/record-rules.js';
import { madeByCommands } from '../support/made-by-commands.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const texts = { text: fc.constantFrom('Ann Lee', 'soup was cold', '王芳', 'Sam'), cause: fc.constantFrom('cold food', '上菜慢') };

describe('brokenRule', () => {
  it('finds nothing broken in any complaint the commands can make', () => {
    fc.assert(
      fc.property(madeByCommands(texts, NOW), (complaint) => {
        expect(brokenRule(complaint, NOW)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the commands taking complaints to every status, so the property above covers them all', () => {
    const statuses = new Set(fc.sample(madeByCommands(texts, NOW), 2000).map((complaint) => complaint.status));
    expect([...statuses].sort()).toEqual(['assigned', 'closed', 'new', 'rejected', 'resolved', 'triaged', 'withdrawn']);
  });

  it('finds a complaint reopened at a follow-up, keeping its remedies, among them', () => {
    const reopened = fc
      .sample(madeByCommands(texts, NOW), 2000)
      .filter((complaint) => complaint.remedy !== null && ['new', 'triaged', 'assigned'].includes(complaint.status));
    expect(reopened.length).toBeGreaterThan(0);
  });

  it('finds a complaint whose respond-by was moved after it had passed, answered since, among them', () => {
    const missed = fc.sample(madeByCommands(texts, NOW), 2000).filter((complaint) => complaint.missed_respond_by !== null && complaint.resolved_at !== null);
    expect(missed.length).toBeGreaterThan(0);
  });

  it('finds a deadline kept as missed on a complaint with no respond-by broken', () => {
    const [missed] = fc.sample(madeByCommands(texts, NOW), 2000).filter((complaint) => complaint.missed_respond_by !== null);
    expect(brokenRule({ ...missed!, respond_by: null }, NOW)).toBe('missed_respond_by is given without respond_by');
  });

  it('finds earlier scores among the complaints the commands make, and earlier scores without a follow-up broken', () => {
    // Reopened again since, so that nothing else is broken once the follow-ups are taken away; a
    // few in thousands are, so the sample is fixed rather than left to chance.
    const [scored] = fc
      .sample(madeByCommands(texts, NOW), { numRuns: 4000, seed: 20261206 })
      .filter((complaint) => complaint.earlier_satisfaction !== null && ['new', 'triaged', 'assigned'].includes(complaint.status));
    expect(scored).toBeDefined();
    const unfollowed = { ...scored!, followed_up_at: null, satisfaction: null };
    expect(brokenRule(unfollowed, NOW)).toBe('earlier_satisfaction is given but followed_up_at is empty');
  });
});
