import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountShown, formatMoney, parseMoney, toUnits } from '../../src/domain/money.js';
import { UsageError } from '../../src/errors.js';

// The largest amount accepted: 100 000 000 000.00 in minor units, where doubles still hold cents exactly.
const LARGEST = 10_000_000_000_000;
const amounts = fc.integer({ min: 0, max: LARGEST });

describe('parseMoney', () => {
  it.each([
    ['12.50', 1250],
    ['12.5', 1250],
    ['12', 1200],
    ['12,50', 1250],
    ['12,5', 1250],
    ['0', 0],
    ['0.05', 5],
    ['0.5', 50],
    ['007.10', 710],
    ['  4.50 ', 450],
    ['100000000000', LARGEST],
    // Full-width digits and point, as a Chinese input method types them.
    ['１２.５０', 1250],
    ['１２．５', 1250],
    // Yuan, as a Chinese shop writes them.
    ['¥12.50', 1250],
    ['￥１２.５', 1250],
    ['¥ 8', 800],
    ['12.50元', 1250],
    ['３元', 300],
    // Grouped in thousands, as amounts are shown.
    ['1,000', 100000],
    ['1,280.5', 128050],
    ['¥51,971.17', 5197117],
    ['12,345,678.00元', 1234567800],
    ['１，２８０.５０', 128050],
    // As an amount is said at a Chinese till: 块 for 元, then jiao (毛, 角) and fen.
    ['20块', 2000],
    ['20块钱', 2000],
    ['12.5块', 1250],
    ['20块5', 2050],
    ['20块5毛', 2050],
    ['２０元５角３分', 2053],
    ['5毛', 50],
    ['5毛钱', 50],
    ['8毛5', 85],
    ['3角2分', 32],
    ['20块5毛5', 2055],
    ['20块53分', 2053],
    // In numerals, as said: the yuan up to 99.
    ['五块', 500],
    ['二十块', 2000],
    ['两块五', 250],
    ['十五块五毛', 1550],
    ['两块零五分', 205],
    ['五毛', 50],
    // Hundreds and more, with or without the word for yuan; a last digit is said for the place
    // below (一百五 is 150); the numerals of receipts too.
    ['一百块', 10000],
    ['一百五', 15000],
    ['一百五十块五', 15050],
    ['两百零五元', 20500],
    ['二十', 2000],
    ['一千零十块', 101000],
    ['一万五', 1500000],
    ['壹佰元整', 10000],
    ['100元整', 10000],
    ['两千三百块钱', 230000],
    ['1.5万', 1500000],
    ['1万', 1000000],
    ['2千', 200000],
    ['3.5千元', 350000],
    ['1.23456万', 1234560],
    ['５百块', 50000],
    ['RMB 88', 8800],
    ['100rmb', 10000],
    ['CNY12.50', 1250],
    ['¥1.5万', 1500000],
    ['￥2千', 200000],
    ['¥一百五', 15000],
    ['RMB一百五', 15000],
    ['1.5万rmb', 1500000],
    ['1万5', 1500000],
    ['2千5', 250000],
    ['1万5千', 1500000],
    ['一万5', 1500000],
    ['1万五', 1500000],
    ['15万5', 15500000],
    ['2千5块', 250000],
  ])('reads %j as %i minor units', (text, minor) => {
    expect(parseMoney(text, '--cost')).toBe(minor);
  });

  it.each(['-1', '-0.50', '1.234', '', ' ', 'abc', '£12', '$5', '12 EUR', '¥12元元', '元', '¥', '¥-3', '1e3', '1 000', '+5', 'NaN', 'Infinity', '1,000,50', '1,00,000', '10,00.00', '1,0000', ',100', '12.', '块', '20块50', '20块5元', '5分', '20块钱钱', '-20块', '毛', '20块55', '五五块', '百块', '一百零', '五五', '一百块块', '整', '12，50', '１２，５', '12，50元', '¥1，280，50', '1.2345678万', '1.5万万', '万', '.5万', '1.5万5', 'RMB', 'rmb-5', '5 RMB RMB', '¥', '¥¥5', '100万5', '5万5万'])(
    'refuses %j, saying what an amount looks like',
    (text) => {
      expect(() => parseMoney(text, '--cost')).toThrow(
        new UsageError(`--cost: '${text}' is not an amount; use a number such as 12.50 (or ¥12.50, 12.50元, 12块5, 一百五, 1.5万; not negative)`),
      );
    },
  );

  it.each(['100000000000.01', '99999999999999999999'])('refuses %j as too large', (text) => {
    expect(() => parseMoney(text, '--cost')).toThrow(new UsageError(`--cost: '${text}' is too large an amount`));
  });
});

describe('formatMoney', () => {
  it.each([
    [1250, '12.50'],
    [5, '0.05'],
    [50, '0.50'],
    [0, '0.00'],
    [100, '1.00'],
    [LARGEST, '100000000000.00'],
    [-1250, '-12.50'],
    [-5, '-0.05'],
  ])('writes %i minor units as %j', (minor, text) => {
    expect(formatMoney(minor)).toBe(text);
  });
});

describe('amountShown', () => {
  it.each([
    [128050, 'CNY', '¥1,280.50'],
    [5197117, 'CNY', '¥51,971.17'],
    [99999, 'CNY', '¥999.99'],
    [LARGEST, 'CNY', '¥100,000,000,000.00'],
    [5, 'EUR', 'EUR 0.05'],
    [123456789, 'EUR', 'EUR 1,234,567.89'],
    [100000, '', '1,000.00'],
    [-128050, 'CNY', '¥-1,280.50'],
  ])('shows %i minor units in %j as %j', (minor, currency, text) => {
    expect(amountShown(minor, currency)).toBe(text);
  });

  it('shows any amount so that it reads back as the same amount', () => {
    fc.assert(
      fc.property(amounts, fc.constantFrom('CNY', ''), (minor, currency) => {
        expect(parseMoney(amountShown(minor, currency), '--cost')).toBe(minor);
      }),
    );
  });
});

describe('toUnits', () => {
  it.each([
    [1250, 12.5],
    [1, 0.01],
    [0, 0],
    [LARGEST, 100_000_000_000],
  ])('turns %i minor units into %d currency units', (minor, units) => {
    expect(toUnits(minor)).toBe(units);
  });

  it('gives the nearest number to the exact amount for any amount in range', () => {
    fc.assert(
      fc.property(amounts, (minor) => {
        expect(toUnits(minor)).toBe(minor / 100);
      }),
    );
  });
});

describe('money properties', () => {
  it('reads back any amount it writes', () => {
    fc.assert(
      fc.property(amounts, (minor) => {
        expect(parseMoney(formatMoney(minor), '--cost')).toBe(minor);
      }),
    );
  });

  it('reads back any amount written with a decimal comma or one decimal place', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: LARGEST / 10 }), (tenths) => {
        const minor = tenths * 10;
        const oneDecimal = formatMoney(minor).slice(0, -1);
        expect(parseMoney(oneDecimal, '--cost')).toBe(minor);
        expect(parseMoney(oneDecimal.replace('.', ','), '--cost')).toBe(minor);
      }),
    );
  });

  it('refuses any negative amount', () => {
    fc.assert(
      fc.property(amounts, (minor) => {
        expect(() => parseMoney(`-${formatMoney(minor)}`, '--cost')).toThrow(UsageError);
      }),
    );
  });

  it('refuses any amount with more than two decimals', () => {
    fc.assert(
      fc.property(amounts, fc.stringMatching(/^\d{1,4}$/), (minor, extraDigits) => {
        expect(() => parseMoney(`${formatMoney(minor)}${extraDigits}`, '--cost')).toThrow(UsageError);
      }),
    );
  });

  it('refuses any amount above the largest', () => {
    fc.assert(
      fc.property(fc.integer({ min: LARGEST + 1, max: Number.MAX_SAFE_INTEGER }), (minor) => {
        expect(() => parseMoney(formatMoney(minor), '--cost')).toThrow(UsageError);
      }),
    );
  });
});
