import { describe, expect, it } from 'vitest';
import { summarise, type PeriodFigures } from '../../src/domain/summary.js';

const figures: PeriodFigures = {
  logged: 0, resolved: 0, open: 0, overdue: 0, rejected: 0, help: 0, question: 0, venting: 0, due: 0, answeredInTime: 0,
  medianHoursToResolve: null, followedUp: 0, averageSatisfaction: null, remedyCostMinor: 0, awaitingApproval: 0, proposedCostMinor: 0,
};
const withinTarget = (answeredInTime: number, due: number) => summarise({ ...figures, answeredInTime, due }).withinResponseTarget;

describe('summarise: the share answered within the response target', () => {
  it('is to two decimals', () => {
    expect(withinTarget(87, 100)).toBe(0.87);
    expect(withinTarget(2, 3)).toBe(0.67);
    expect(withinTarget(5, 5)).toBe(1);
    expect(withinTarget(0, 5)).toBe(0);
    expect(withinTarget(0, 0)).toBeNull();
  });

  it('is never all or none when some were late, or some in time', () => {
    expect(withinTarget(299_992, 300_000)).toBe(0.99);
    expect(withinTarget(8, 300_000)).toBe(0.01);
  });
});
