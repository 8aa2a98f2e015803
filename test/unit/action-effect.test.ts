import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionWeeks, judgeAction, twoSidedBinomialP } from '../../src/domain/action-effect.js';

describe('the verdict on a corrective action', () => {
  it('is fewer when the cause clearly came back less often', () => {
    expect(judgeAction([5, 4, 6, 5], [1, 0, 2, 1], 4)).toEqual({ verdict: 'fewer', p: expect.closeTo(0.001544, 6) });
  });

  it('is more when it clearly came back more often', () => {
    expect(judgeAction([2, 3, 2, 3], [6, 7, 5, 8], 4).verdict).toBe('more');
  });

  it('is no change when the difference is what chance gives for such counts', () => {
    // Three complaints before and one after: a drop, but one chance makes every other month.
    expect(judgeAction([1, 1, 0, 1], [0, 1, 0, 0], 4)).toEqual({ verdict: 'no change', p: expect.closeTo(0.625, 12) });
    expect(judgeAction([3, 4, 3, 4], [3, 4, 3, 4], 4)).toEqual({ verdict: 'no change', p: expect.closeTo(1, 12) });
  });

  it('is no change, with no chance to give, when the cause was never seen on either side', () => {
    expect(judgeAction([0, 0, 0, 0], [0, 0, 0, 0], 4)).toEqual({ verdict: 'no change', p: null });
  });

  it('is too early until as many whole weeks have passed as are compared', () => {
    expect(judgeAction([5, 5, 5, 5], [0, 0, 0], 4)).toEqual({ verdict: 'too early', p: null });
    expect(judgeAction([5, 5, 5, 5], [], 4)).toEqual({ verdict: 'too early', p: null });
  });

  it('is too early when no week before the action was counted', () => {
    expect(judgeAction([], [0, 0, 0, 0], 4)).toEqual({ verdict: 'too early', p: null });
  });

  it('weighs the weeks counted on each side, when fewer were counted before the action', () => {
    // 20 in two weeks before, 12 in four after: 10 a week fell to 3, though 20 against 12 alone
    // would be no change.
    expect(judgeAction([10, 10], [3, 3, 3, 3], 4).verdict).toBe('fewer');
    expect(judgeAction([3, 3], [3, 3, 3, 3], 4)).toMatchObject({ verdict: 'no change' });
  });
});

describe('the exact binomial test', () => {
  // Values of scipy.stats.binomtest(k, n, p).pvalue, the two-sided test R's binom.test also gives.
  it.each([
    [8, 28, 0.5, 0.035698138177394],
    [3, 10, 0.5, 0.34375],
    [1, 4, 0.5, 0.625],
    [2, 20, 0.3, 0.052627948729727],
    [400, 1000, 0.5, 2.728464156066e-10],
  ])('gives %i of %i at %f a two-sided p of %f', (k, n, share, p) => {
    expect(twoSidedBinomialP(k, n, share)).toBeCloseTo(p, 12);
  });

  it('sums the same outcomes as summing every outcome, only faster', () => {
    // The plain definition: each outcome's chance from its own logarithm, those no likelier than k added.
    const everyOutcome = (k: number, n: number, share: number) => {
      const logFactorial = [0];
      for (let x = 1; x <= n; x++) logFactorial.push(logFactorial[x - 1]! + Math.log(x));
      const logChance = (x: number) => logFactorial[n]! - logFactorial[x]! - logFactorial[n - x]! + x * Math.log(share) + (n - x) * Math.log1p(-share);
      const limit = logChance(k) + Math.log1p(1e-7);
      let p = 0;
      for (let x = 0; x <= n; x++) if (logChance(x) <= limit) p += Math.exp(logChance(x));
      return Math.min(1, p);
    };
    const trial = fc
      .record({ n: fc.integer({ min: 0, max: 600 }), weeksAfter: fc.integer({ min: 1, max: 26 }), weeksBefore: fc.integer({ min: 1, max: 26 }), at: fc.double({ min: 0, max: 1, noNaN: true }) })
      .map(({ n, weeksAfter, weeksBefore, at }) => ({ k: Math.round(at * n), n, share: weeksAfter / (weeksAfter + weeksBefore) }));
    fc.assert(
      fc.property(trial, ({ k, n, share }) => {
        const expected = everyOutcome(k, n, share);
        const p = twoSidedBinomialP(k, n, share);
        expect(Math.abs(p - expected)).toBeLessThanOrEqual(expected * 1e-12 + Number.MIN_VALUE);
      }),
      { numRuns: 500 },
    );
  });

  it('stays a probability for thousands of complaints', () => {
    expect(twoSidedBinomialP(5000, 10000, 0.5)).toBeCloseTo(1, 8);
    expect(twoSidedBinomialP(4000, 10000, 0.5)).toBeGreaterThanOrEqual(0);
    expect(twoSidedBinomialP(4000, 10000, 0.5)).toBeLessThan(1e-80);
  });
});

describe('the weeks an action is judged by', () => {
  const recorded = new Date('2026-10-01T09:00:00.000Z');
  const longAgo = new Date('2025-01-01T00:00:00.000Z');

  it('are seven days at a time back and forward from the moment it was recorded', () => {
    const weeks = actionWeeks(recorded, 2, new Date('2026-11-23T10:00:00.000Z'), longAgo);
    expect(weeks).toEqual({
      before: [
        { since: '2026-09-17T09:00:00.000Z', until: '2026-09-24T09:00:00.000Z' },
        { since: '2026-09-24T09:00:00.000Z', until: '2026-10-01T09:00:00.000Z' },
      ],
      after: [
        { since: '2026-10-01T09:00:00.000Z', until: '2026-10-08T09:00:00.000Z' },
        { since: '2026-10-08T09:00:00.000Z', until: '2026-10-15T09:00:00.000Z' },
      ],
    });
  });

  it('after it, are only the whole weeks that have passed', () => {
    expect(actionWeeks(recorded, 4, new Date('2026-10-15T08:59:59.999Z'), longAgo).after).toHaveLength(1);
    expect(actionWeeks(recorded, 4, new Date('2026-10-15T09:00:00.000Z'), longAgo).after).toHaveLength(2);
  });

  it('before it, leave out the weeks begun before the logbook’s first complaint, wholly or in part', () => {
    expect(actionWeeks(recorded, 4, recorded, new Date('2026-09-17T09:00:00.001Z')).before).toEqual([
      { since: '2026-09-24T09:00:00.000Z', until: '2026-10-01T09:00:00.000Z' },
    ]);
    expect(actionWeeks(recorded, 4, recorded, new Date('2026-09-17T09:00:00.000Z')).before).toEqual([
      { since: '2026-09-17T09:00:00.000Z', until: '2026-09-24T09:00:00.000Z' },
      { since: '2026-09-24T09:00:00.000Z', until: '2026-10-01T09:00:00.000Z' },
    ]);
  });
});
