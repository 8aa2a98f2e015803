import { format } from 'date-fns/format';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { dayAndTimeShown, dayInYearShown, dayShown } from '../../src/language/dates.js';
import { speak } from '../../src/language/messages.js';

// Any day from year 1 to 9999: the years a logbook can hold, and far more.
const anyMoment = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });

describe('days and times in headings, in English', () => {
  it("are written as date-fns's format writes them with its English patterns", () => {
    fc.assert(
      fc.property(anyMoment, (moment) => {
        expect(dayShown(moment)).toBe(format(moment, 'EEE d MMM yyyy'));
        expect(dayInYearShown(moment)).toBe(format(moment, 'EEE d MMM'));
        expect(dayAndTimeShown(moment)).toBe(format(moment, 'EEE d MMM yyyy, HH:mm'));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('days and times in headings, in Chinese', () => {
  afterAll(() => speak('en'));

  it('name the year, month and day, then the day of the week', async () => {
    await speak('zh-CN');
    const monday = new Date(2026, 10, 23, 9, 30);
    expect(dayShown(monday)).toBe('2026年11月23日 周一');
    expect(dayInYearShown(monday)).toBe('11月23日 周一');
    expect(dayAndTimeShown(monday)).toBe('2026年11月23日 周一 09:30');
    expect(dayAndTimeShown(new Date(2027, 0, 3, 0, 5))).toBe('2027年1月3日 周日 00:05');
  });
});
