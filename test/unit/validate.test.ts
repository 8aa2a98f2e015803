import fc from 'fast-check';
import Nzh from 'nzh';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/domain/config.js';
import { spellingKey } from '../../src/domain/spelling.js';
import {
  causeGiven,
  nameChecked,
  NAME_MOST,
  numberInChinese,
  oneOf,
  optionalText,
  parseId,
  REMEDIES,
  requiredText,
  SEVERITIES,
  WANTS,
  wholeNumber,
} from '../../src/domain/validate.js';
import { UsageError } from '../../src/errors.js';

describe('the choices', () => {
  it('offers the decided severities, remedies and wants', () => {
    expect(SEVERITIES).toEqual(['low', 'medium', 'high', 'critical']);
    const remedies = ['refund', 'replacement', 'repair', 'discount', 'compensation', 'apology', 'explanation', 'none'];
    expect(REMEDIES).toEqual(remedies);
    expect(WANTS).toEqual(remedies);
  });
});

describe('oneOf', () => {
  it.each([
    ['phone', 'phone'],
    ['PHONE', 'phone'],
    ['  Phone ', 'phone'],
    ['In-Person', 'in-person'],
    ['ＰＨＯＮＥ', 'phone'],
  ])('matches %j to %j without regard to case or surrounding spaces', (typed, choice) => {
    expect(oneOf(typed, DEFAULT_SETTINGS.channels, '--channel')).toBe(choice);
  });

  it.each([
    ['Home  Goods', 'home goods'],
    ['pa\u0302tisserie', 'pâtisserie'],
  ])('matches %j to %j, a choice of more words or with an accent, however it was spaced or typed', (typed, choice) => {
    expect(oneOf(typed, ['home goods', 'pâtisserie'], '--category')).toBe(choice);
  });

  it('finds what comparing spelling keys finds, for a choice as it is or typed any other way', () => {
    const choices = ['home goods', 'pâtisserie', ...DEFAULT_SETTINGS.channels];
    const typed = fc.oneof(
      fc.constantFrom(...choices),
      fc.constantFrom(...choices).map((choice) => ` ${choice.toUpperCase().normalize('NFD')}  `),
      fc.string(),
    );
    fc.assert(
      fc.property(typed, (text) => {
        const byKey = choices.find((choice) => spellingKey(choice) === spellingKey(text));
        if (byKey === undefined) expect(() => oneOf(text, choices, '--category')).toThrow(UsageError);
        else expect(oneOf(text, choices, '--category')).toBe(byKey);
      }),
    );
  });

  it.each(['fax', '', 'in person', 'phones'])('refuses %j, listing the choices', (typed) => {
    expect(() => oneOf(typed, DEFAULT_SETTINGS.channels, '--channel')).toThrow(
      new UsageError(`--channel: '${typed}' is not one of in-person, phone, email, web, social, other`),
    );
  });
});

describe('parseId', () => {
  it.each([
    ['12', 12],
    ['#12', 12],
    [' #7 ', 7],
    ['007', 7],
    ['1', 1],
    ['999999999999999', 999_999_999_999_999],
    ['＃１２', 12],
    // Pasted from a chat app, with characters that show as nothing.
    ['15\u200b', 15],
    ['1\u200d5', 15],
    ['\ufeff#15', 15],
  ])('reads %j as complaint %i', (typed, id) => {
    expect(parseId(typed)).toBe(id);
  });

  it.each(['0', '#0', '-1', '1.5', '1e3', 'abc', '#', '', '\u200b', '# 12', '##12', '12#', '1000000000000000'])(
    'refuses %j, showing what an id looks like',
    (typed) => {
      expect(() => parseId(typed)).toThrow(new UsageError(`'${typed}' is not a complaint id; use a number such as 12 or #12`));
    },
  );
});

describe('requiredText', () => {
  it('trims what was typed', () => {
    expect(requiredText('  Sam Lee \n', '--assignee')).toBe('Sam Lee');
  });

  it.each(['', '   ', '\t\n', '\u3000', '\u200b', '\u202e', ' \u200d\ufeff ', '\u0301'])('refuses %j as empty, naming what was asked', (typed) => {
    expect(() => requiredText(typed, '--assignee')).toThrow(new UsageError('--assignee cannot be empty'));
  });

  it('keeps a zero-width joiner or a combining mark among what shows', () => {
    expect(requiredText('👩\u200d🍳 e\u0301', '--assignee')).toBe('👩\u200d🍳 e\u0301');
  });
});

describe('nameChecked', () => {
  it('takes a name of up to NAME_MOST characters, counting each Chinese character or emoji as one', () => {
    expect(nameChecked('汤'.repeat(NAME_MOST), '--customer')).toBe('汤'.repeat(NAME_MOST));
    expect(nameChecked('😀'.repeat(NAME_MOST), '--customer')).toHaveLength(2 * NAME_MOST);
  });

  it('refuses one longer, saying how long it is', () => {
    expect(() => nameChecked('汤'.repeat(NAME_MOST + 1), '--customer')).toThrow(`--customer: ${NAME_MOST + 1} characters; a name may have at most ${NAME_MOST}`);
  });

  it('counts a cause as typed, without the punctuation ending it', () => {
    expect(causeGiven(`${'汤'.repeat(NAME_MOST)}。`, '--cause')).toBe('汤'.repeat(NAME_MOST));
  });
});

describe('optionalText', () => {
  it('trims what was typed', () => {
    expect(optionalText('  cold soup ')).toBe('cold soup');
  });

  it('keeps the line breaks of text pasted from Windows or an old Mac as line breaks, without a carriage return', () => {
    expect(optionalText('第一行\r\n第二行\r第三行\n第四行\r\n')).toBe('第一行\n第二行\n第三行\n第四行');
    expect(requiredText('soup\r\nwas cold', 'the note')).toBe('soup\nwas cold');
  });

  it.each([undefined, '', '   ', '\u200b'])('treats %j as not given', (typed) => {
    expect(optionalText(typed)).toBeNull();
  });
});

describe('wholeNumber', () => {
  it.each([
    ['1', 1],
    ['5', 5],
    [' 3 ', 3],
    ['03', 3],
    ['４', 4],
    ['五', 5],
    ['两', 2],
  ])('reads %j as %i', (typed, value) => {
    expect(wholeNumber(typed, 1, 5, '--satisfaction')).toBe(value);
  });

  it.each(['0', '6', '-1', '2.5', '1e0', '', ' ', 'three', '0x3', '+3', '六', '五五'])('refuses %j, giving the range', (typed) => {
    expect(() => wholeNumber(typed, 1, 5, '--satisfaction')).toThrow(
      new UsageError(`--satisfaction: '${typed}' is not a whole number from 1 to 5`),
    );
  });

  it('includes both ends of the range', () => {
    expect(wholeNumber('0', 0, 90, '--days')).toBe(0);
    expect(wholeNumber('90', 0, 90, '--days')).toBe(90);
  });
});

describe('numberInChinese', () => {
  it.each([
    ['零', 0],
    ['五', 5],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['一百零五', 105],
    ['两百', 200],
    ['一千零十', 1010],
    // A last digit said for the place below the one before it, as at a till.
    ['一百五', 150],
    ['两千三', 2300],
    ['一万五', 15000],
    ['三万二千五', 32500],
    ['一万零五', 10005],
    // As cheques and receipts write them.
    ['壹佰伍拾', 150],
    ['贰仟零伍', 2005],
    ['玖仟玖佰玖拾玖萬玖仟玖佰玖拾玖', 99_999_999],
  ])('reads %j as %i', (written, number) => {
    expect(numberInChinese(written)).toBe(number);
  });

  it.each(['', '五五', '百', '一百零', '十十', '百一', '一万万', '二百千', '零五零', '一二三', '十两百', '一百零五十', '一千零百', 'x'])('reads no number in %j', (written) => {
    expect(numberInChinese(written)).toBeUndefined();
  });

  // nzh writes numbers in Chinese as they are written, everyday and formal; what it writes is read back.
  it('reads back any number below 100,000,000 as it is written, everyday or on a receipt', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (number) => {
        expect(numberInChinese(Nzh.cn.encodeS(number))).toBe(number);
        expect(numberInChinese(Nzh.cn.encodeB(number))).toBe(number);
        expect(numberInChinese(Nzh.cn.encodeS(number, { tenMin: false }))).toBe(number);
      }),
      { numRuns: 2000 },
    );
  });
});
