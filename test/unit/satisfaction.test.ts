import { describe, expect, it } from 'vitest';
import { parseSatisfaction, parseScores, scoresKept, withScoreKept } from '../../src/domain/satisfaction.js';
import { UsageError } from '../../src/errors.js';

describe('parseSatisfaction', () => {
  it.each([
    ['5', 5],
    [' 3 ', 3],
    ['03', 3],
    ['４', 4],
    ['五', 5],
    ['两', 2],
    // In stars or points, as a customer rates a shop online.
    ['5星', 5],
    ['五颗星', 5],
    ['4分', 4],
    ['１ 星', 1],
    ['五星好评', 5],
    ['4星好评', 4],
    ['好评', 5],
    ['中评', 3],
    ['差评', 1],
    // Out of five, as show prints it.
    ['4/5', 4],
    ['４／５', 4],
    ['五 / 5', 5],
    // The words of a five-point scale.
    ['非常满意', 5],
    ['满意', 4],
    ['一般', 3],
    ['不满意', 2],
    ['非常不满意', 1],
    ['十分满意', 5],
    ['特别满意', 5],
    ['比较满意', 4],
    ['挺满意', 4],
    ['还算满意', 4],
    ['还行', 3],
    ['比较不满意', 2],
    ['很不满意', 1],
  ])('reads %j as %i', (typed, value) => {
    expect(parseSatisfaction(typed, '--satisfaction')).toBe(value);
  });

  it.each(['0', '6', '-1', '2.5', '', 'good', '六', '五五', '6星', '0分', '星', '满意满意', '3.5分', '6/5', '4/10', '/5', '好评好评', '六星好评', '星好评'])('refuses %j, saying what a satisfaction is', (typed) => {
    expect(() => parseSatisfaction(typed, '--satisfaction')).toThrow(
      new UsageError(`--satisfaction: '${typed}' is not a satisfaction from 1 (very unhappy) to 5 (very happy); 5星, 4分 and 满意 are read too`),
    );
  });
});

describe('earlier scores', () => {
  it('are kept oldest first as export writes them, and read back as numbers', () => {
    expect(withScoreKept(withScoreKept(null, 2), 3)).toBe('2; 3');
    expect(scoresKept('2; 3')).toEqual([2, 3]);
    expect(scoresKept(null)).toEqual([]);
  });

  it.each([
    ['2; 3', '2; 3'],
    ['2,3', '2; 3'],
    ['２、３', '2; 3'],
    ['2 满意', '2; 4'],
    [' ; ', null],
  ])('are read from a file as %j', (cell, kept) => {
    expect(parseScores(cell, 'earlier_satisfaction')).toBe(kept);
  });

  it.each(['2; 7', 'abc', '2.5', '0'])('refuse %j, naming the column and the score', (cell) => {
    expect(() => parseScores(cell, 'earlier_satisfaction')).toThrow(UsageError);
    expect(() => parseScores(cell, 'earlier_satisfaction')).toThrow(/^earlier_satisfaction: '.+' is not a satisfaction from 1/);
  });
});
