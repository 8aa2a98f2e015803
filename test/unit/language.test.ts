import { describe, expect, it } from 'vitest';
import { writtenIn } from '../../src/output/language.js';

describe('writtenIn', () => {
  it.each([
    ['汤太凉', 'zh-CN'],
    ['外卖包装破损，汤汁洒了', 'zh-CN'],
    ['cold 汤 again', 'zh-CN'],
    ['湯が冷たかった', 'ja'],
    ['スープ', 'ja'],
    ['국이 차가웠다', 'ko'],
    ['國이 차가웠다', 'ko'],
  ])('marks %s as %s', (text, lang) => {
    expect(writtenIn(text)).toBe(lang);
  });

  it.each(['cold food', 'Élodie', '', '¥12 · 5 %'])('leaves %j unmarked: it reads in the page’s language', (text) => {
    expect(writtenIn(text)).toBeNull();
  });
});
