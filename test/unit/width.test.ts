import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, fitWidthInMiddle, wrapLongLines, wrapToWidth } from '../../src/output/width.js';
import { awkwardText } from '../support/awkward-text.js';

describe('displayWidth', () => {
  it('measures any text as string-width does, colour codes and all', () => {
    fc.assert(
      fc.property(awkwardText(['\x1b', '\x9b', '[', '1', 'm', '\t', '\r', '\n']), (text) => {
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 1_000 },
    );
  });

  it('measures each unit of the Basic Multilingual Plane as string-width does, beside letters and beside itself', () => {
    const wrong: string[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const char = String.fromCharCode(unit);
      const text = `a${char}${char}汤${char}`;
      if (displayWidth(text) !== stringWidth(text)) wrong.push(unit.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('counts an emoji sequence as the two columns a terminal gives it, and Chinese characters two each', () => {
    expect(displayWidth('👨‍🍳 chef error')).toBe(13);
    expect(displayWidth('🍲️')).toBe(2);
    expect(displayWidth('汤太凉')).toBe(6);
    expect(displayWidth('cafe\u0301')).toBe(4);
  });
});

describe('fitWidthInMiddle', () => {
  it('keeps text that fits, and cuts longer text to its start and end either side of …, never wider than max', () => {
    fc.assert(
      fc.property(awkwardText([]).filter((text) => !text.includes('…')), fc.integer({ min: 1, max: 40 }), (text, max) => {
        const cut = fitWidthInMiddle(text, max);
        if (stringWidth(text) <= max) {
          expect(cut).toBe(text);
        } else {
          expect(stringWidth(cut)).toBeLessThanOrEqual(max);
          const [start = '', end = ''] = cut.split('…');
          expect(text.startsWith(start) && text.endsWith(end)).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('tells apart two long causes that begin the same way', () => {
    const [one, two] = ['锅底里发现异物（疑似塑料片），顾客要求后厨全面检查卫生流程并给出书面说明和整改时间表', '锅底里发现异物（疑似塑料片），顾客要求退款并投诉到市场监管局'];
    expect(fitWidthInMiddle(one, 40)).toBe('锅底里发现异物（疑似…面说明和整改时间表');
    expect(fitWidthInMiddle(two, 40)).toBe('锅底里发现异物（疑似…并投诉到市场监管局');
  });
});

describe('wrapToWidth', () => {
  it('breaks between Han characters and at spaces, never after an opening mark nor before a closing one', () => {
    const wrapped = wrapToWidth('顾客要求的补救措施：refund（退款）、replacement（换货）、repair（维修）', 24).split('\n');
    expect(wrapped).toEqual(['顾客要求的补救措施：', 'refund（退款）、', 'replacement（换货）、', 'repair（维修）']);
    expect(wrapped.every((line) => displayWidth(line) <= 24)).toBe(true);
  });

  it('keeps an opening mark with the word after it, Han or not', () => {
    expect(wrapToWidth('无法读取文件（ENOENT）请检查', 12)).toBe('无法读取文件\n（ENOENT）请\n检查');
  });

  it('loses no character but the spaces it breaks at, whatever the text', () => {
    fc.assert(
      fc.property(awkwardText(['（', '）', '「', '」', '“', '、']), fc.integer({ min: 1, max: 40 }), (text, width) => {
        const withoutSpaces = (s: string) => s.replace(/\s+/g, '');
        expect(withoutSpaces(wrapToWidth(text, width))).toBe(withoutSpaces(text));
      }),
    );
  });
});

describe('wrapLongLines', () => {
  it('leaves a paragraph whose lines fit as it is', () => {
    const text = 'Exit status: 0 done;\n1 refused.\n\n  $ complaints export --status resolved,closed --since 2026-01-01 --bom --out for-excel.csv\n';
    expect(wrapLongLines(text, 40)).toBe(text);
  });

  it('wraps again a paragraph with a line too wide, at its indent, joining Chinese lines without a space', () => {
    expect(wrapLongLines('Columns:\n  id, logged_at, occurred_at, status, channel,\n  customer\nnext', 30)).toBe(
      'Columns:\n  id, logged_at, occurred_at,\n  status, channel, customer\nnext',
    );
    expect(wrapLongLines('投诉本身会保留，所以统计和报告都不变；\n每条投诉的时间线上会多一条记录。', 24)).toBe('投诉本身会保留，所以统计\n和报告都不变；每条投诉的\n时间线上会多一条记录。');
  });

  it('wraps each line of a list of terms on its own, under its meaning, leaving the others as they are', () => {
    const natures = 'Natures:\n  valid      the shop failed, by fault or by mistake, and the customer was harmed\n  help       the customer needs help\n';
    expect(wrapLongLines(natures, 50)).toBe(
      'Natures:\n  valid      the shop failed, by fault or by\n             mistake, and the customer was harmed\n  help       the customer needs help\n',
    );
  });
});
