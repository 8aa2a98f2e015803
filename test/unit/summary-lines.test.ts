import { describe, expect, it } from 'vitest';
import { SUMMARY_FIGURES, type Report, type Summary } from '../../src/domain/summary.js';
import { summaryLines } from '../../src/output/report/parts.js';

const NONE = Object.fromEntries(SUMMARY_FIGURES.map(({ key }) => [key, 0])) as unknown as Summary;
const reportOf = (summary: Partial<Summary>, previous: Partial<Summary>): Report =>
  ({ summary: { ...NONE, ...summary }, previous: { ...NONE, ...previous }, currency: 'CNY' }) as Report;

describe("the summary's lines", () => {
  it('mark as bad news more remedies waiting for approval, and more of their cost, as more remedy cost is', () => {
    const lines = summaryLines(reportOf({ awaitingApproval: 2, proposedCost: 188, remedyCost: 40 }, { awaitingApproval: 1, proposedCost: 88, remedyCost: 20 }));
    const tone = (label: RegExp) => lines.find((line) => label.test(line.label))!.good;
    expect([tone(/^awaiting approval$/), tone(/^proposed, not yet given$/), tone(/^remedy cost$/)]).toEqual([false, false, false]);
  });
});
