import { describe, expect, it } from 'vitest';
import { pareto, type Tally } from '../../src/domain/pareto.js';
import type { Report } from '../../src/domain/summary.js';
import { vitalFewLine } from '../../src/output/report/parts.js';

const reportOf = (counts: Record<string, number>): Report =>
  ({ by: 'cause', pareto: pareto(Object.entries(counts).map(([key, count]): Tally => ({ key, count }))) }) as Report;

describe('the line under the vital few', () => {
  it('says nothing of ties when none falls at the rule', () => {
    expect(vitalFewLine(reportOf({ 'cold food': 6, 'slow service': 3, 'rude staff': 1 }))).toBe(
      'The vital few, up to the row that reaches 80 %: 2 of 3 causes, 90.00 % of 10 complaints.',
    );
  });

  it('says all the causes are the vital few when they are, and the only one when there is one', () => {
    expect(vitalFewLine(reportOf({ 'cold food': 3, 'slow service': 2 }))).toBe(
      'The vital few, up to the row that reaches 80 %: all 2 causes, 100.00 % of 5 complaints.',
    );
    expect(vitalFewLine(reportOf({ 'cold food': 3 }))).toBe('The vital few, up to the row that reaches 80 %: 1 cause, 100.00 % of 3 complaints.');
  });

  it('names the rows below the rule with as many as the last of the vital few, up to three and how many more', () => {
    // 20 of one cause and ten of one each: four of the ten reach 80 %, six fall below with as many.
    const counts = Object.fromEntries([['cold food', 20], ...'abcdefghij'.split('').map((letter) => [`cause ${letter}`, 1])]);
    expect(vitalFewLine(reportOf(counts))).toBe(
      'The vital few, up to the row that reaches 80 %: 5 of 11 causes, 80.00 % of 30 complaints.' +
        ' Below the rule, cause e, cause f, cause g and 3 more have as many complaints (1) as cause d: between ties the rule falls by name alone.',
    );
  });

  it('says of remedies tied at the rule that they were given as often, as the rows count remedies', () => {
    const report = { ...reportOf({ refund: 10, compensation: 2, replacement: 2, apology: 1 }), by: 'remedy' } as Report;
    expect(vitalFewLine(report)).toContain(' Below the rule, replacement was given as often (2) as compensation: between ties the rule falls by name alone.');
  });

  it('cuts a long tied cause to a terminal line, and names it whole where the page wraps it', () => {
    const long = 'the queue at the door with nobody to seat the guests for forty minutes';
    const counts = { 'cold food': 3, 'a short one': 1, [long]: 1 };
    expect(vitalFewLine(reportOf(counts))).toContain('Below the rule, the queue at the door with nobody to se… has as many');
    expect(vitalFewLine(reportOf(counts), Infinity)).toContain(`Below the rule, ${long} has as many`);
  });
});
