import { describe, expect, it } from 'vitest';
import { checkFilter, matchSpellings, type SpeltField } from '../../src/domain/filter.js';
import { UsageError } from '../../src/errors.js';

// Local-time expectations, so the tests hold in any time zone.
const now = new Date(2026, 10, 23, 15, 45);

describe('checkFilter', () => {
  it('with no flags keeps only the order', () => {
    expect(checkFilter({}, now, 'newest first')).toEqual({ order: 'newest first' });
    expect(checkFilter({ overdue: false }, now, 'by id')).toEqual({ order: 'by id' });
  });

  it('reads a comma list of statuses without regard to case or spaces', () => {
    expect(checkFilter({ status: 'new, Triaged,ASSIGNED' }, now, 'newest first').statuses).toEqual(['new', 'triaged', 'assigned']);
  });

  it('reads a list of statuses written with the commas of Chinese text', () => {
    expect(checkFilter({ status: 'new，triaged、closed' }, now, 'newest first').statuses).toEqual(['new', 'triaged', 'closed']);
  });

  it('reads open, as the report counts complaints, as every status still to be answered', () => {
    expect(checkFilter({ status: 'Open' }, now, 'newest first').statuses).toEqual(['new', 'triaged', 'assigned']);
    expect(checkFilter({ status: 'new, open, closed' }, now, 'newest first').statuses).toEqual(['new', 'triaged', 'assigned', 'closed']);
  });

  it('reads done as every status of a complaint answered, and not a withdrawn one', () => {
    expect(checkFilter({ status: 'done' }, now, 'newest first').statuses).toEqual(['resolved', 'closed', 'rejected']);
  });

  it.each(['opened', 'new,', 'new,,closed'])('refuses the statuses %j, listing the choices', (status) => {
    const attempt = () => checkFilter({ status }, now, 'newest first');
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(/^--status: '.*' is not one of new, triaged, assigned, resolved, closed, rejected, withdrawn, open, done$/);
  });

  it('trims cause, category and assignee', () => {
    expect(checkFilter({ cause: ' cold food ', category: ' product', assignee: 'Sam ' }, now, 'newest first')).toEqual({
      order: 'newest first',
      cause: 'cold food',
      category: 'product',
      assignee: 'Sam',
    });
  });

  it.each([
    [{ cause: ' ' }, '--cause cannot be empty'],
    [{ category: '' }, '--category cannot be empty'],
    [{ assignee: '  ' }, '--assignee cannot be empty'],
  ])('refuses an empty text filter %j', (flags, message) => {
    expect(() => checkFilter(flags, now, 'newest first')).toThrow(new UsageError(message));
  });

  it('covers whole local days from --since to --until', () => {
    expect(checkFilter({ since: '2026-11-01', until: '2026-11-30' }, now, 'newest first')).toEqual({
      order: 'newest first',
      since: new Date(2026, 10, 1).toISOString(),
      until: new Date(2026, 11, 1).toISOString(),
    });
  });

  it('covers a single day when --since and --until name the same day', () => {
    const filter = checkFilter({ since: '2026-11-20', until: '2026-11-20' }, now, 'newest first');
    expect(filter.since).toBe(new Date(2026, 10, 20).toISOString());
    expect(filter.until).toBe(new Date(2026, 10, 21).toISOString());
  });

  it('takes times and relative times as given', () => {
    const filter = checkFilter({ since: '2w', until: '2026-11-23 09:00' }, now, 'newest first');
    expect(filter.since).toBe(new Date(2026, 10, 9, 15, 45).toISOString());
    expect(filter.until).toBe(new Date(2026, 10, 23, 9, 0).toISOString());
  });

  it.each([
    ['2026-11-02', '2026-11-01'],
    ['2026-11-20 10:00', '2026-11-20 10:00'],
    ['today', 'yesterday'],
  ])('refuses --since %j with --until %j, which is not after it', (since, until) => {
    expect(() => checkFilter({ since, until }, now, 'newest first')).toThrow(
      new UsageError(`--until (${until}) is not after --since (${since}); give a later --until`),
    );
  });

  it('refuses a --since or --until that is not a date, naming the flag', () => {
    expect(() => checkFilter({ since: 'soon' }, now, 'newest first')).toThrow(/^--since: 'soon' is not a date; use .*, or a month: YYYY-MM, 'this month', 'last month'$/);
    expect(() => checkFilter({ until: '2026-02-30' }, now, 'newest first')).toThrow(/^--until: '2026-02-30' is no day of the calendar; check the month and the day$/);
  });

  it('asks for complaints overdue at this moment', () => {
    expect(checkFilter({ overdue: true }, now, 'newest first').overdueAt).toBe(now.toISOString());
  });

  it('reads --limit as a whole number of at least 1', () => {
    expect(checkFilter({ limit: '20' }, now, 'newest first').limit).toBe(20);
    expect(() => checkFilter({ limit: '0' }, now, 'newest first')).toThrow(
      new UsageError(`--limit: '0' is not a whole number from 1 to 1000000000`),
    );
    expect(() => checkFilter({ limit: 'all' }, now, 'newest first')).toThrow(UsageError);
  });
});

describe('matchSpellings', () => {
  const inUse: Record<SpeltField, string[]> = {
    cause: ['Qualité du service', 'cold food'],
    category: ['Pâtisserie', 'boulangerie', 'pâtisserie'],
    channel: ['美团/大众点评', '电话', '饿了么/美团外卖'],
    assignee: ['Élodie', 'Sam', 'élodie', 'Zo\u00eb'],
    till: ['front', 'Front'],
    branch: ['High Street', '高街'],
  };

  it('matches each typed value to every spelling in use with its key, keeping the other filters', () => {
    const typed = { order: 'by id', since: '2026-11-01T00:00:00.000Z', cause: 'QUALITÉ  DU SERVICE', category: 'PÂTISSERIE', assignee: 'ÉLODIE' } as const;
    expect(matchSpellings(typed, (field) => inUse[field])).toEqual({
      order: 'by id',
      since: '2026-11-01T00:00:00.000Z',
      cause: ['Qualité du service'],
      category: ['Pâtisserie', 'pâtisserie'],
      assignee: ['Élodie', 'élodie'],
    });
  });

  it('finds a channel kept as two names by either, and one shared by two channels by neither', () => {
    expect(matchSpellings({ order: 'by id', channel: '大众点评' }, (field) => inUse[field]).channel).toEqual(['美团/大众点评']);
    expect(matchSpellings({ order: 'by id', channel: '美团/大众点评' }, (field) => inUse[field]).channel).toEqual(['美团/大众点评']);
    expect(matchSpellings({ order: 'by id', channel: '饿了么' }, (field) => inUse[field]).channel).toEqual(['饿了么/美团外卖']);
    expect(matchSpellings({ order: 'by id', channel: '抖音' }, (field) => inUse[field]).channel).toEqual([]);
  });

  it('takes an assignee with an accent typed as a combining mark for the same name typed precomposed', () => {
    expect(matchSpellings({ order: 'by id', assignee: 'ZOE\u0308' }, (field) => inUse[field]).assignee).toEqual(['Zo\u00eb']);
  });

  it('reads a value spelt like nothing in use that lists several as each of them, and a value in use with a comma as itself', () => {
    const withComma = (field: SpeltField) => (field === 'cause' ? ['cold, late', 'cold', 'late', '凉'] : inUse[field]);
    expect(matchSpellings({ order: 'by id', category: 'PÂTISSERIE、boulangerie' }, (field) => inUse[field]).category).toEqual(['Pâtisserie', 'pâtisserie', 'boulangerie']);
    expect(matchSpellings({ order: 'by id', channel: '电话，大众点评' }, (field) => inUse[field]).channel).toEqual(['电话', '美团/大众点评']);
    expect(matchSpellings({ order: 'by id', cause: 'cold, late' }, withComma).cause).toEqual(['cold, late']);
    expect(matchSpellings({ order: 'by id', cause: '凉,  , nothing' }, withComma).cause).toEqual(['凉']);
  });

  it('tells of each value that finds nothing, with the spellings in use', () => {
    const told: unknown[] = [];
    matchSpellings({ order: 'by id', category: '菜品', branch: 'High Street', till: '前台、FRONT', cause: '、' }, (field) => inUse[field], (...said) => told.push(said));
    expect(told).toEqual([
      ['cause', '、', inUse.cause],
      ['category', '菜品', inUse.category],
      ['till', '前台', inUse.till],
    ]);
  });

  it('matches a value spelt like nothing in use to no spelling, so that it finds nothing', () => {
    expect(matchSpellings({ order: 'by id', category: 'viennoiserie', assignee: 'Elodie' }, (field) => inUse[field])).toEqual({
      order: 'by id',
      category: [],
      assignee: [],
    });
  });

  it('asks for the spellings of the fields given only', () => {
    const asked: SpeltField[] = [];
    const filter = matchSpellings({ order: 'newest first', category: 'pâtisserie' }, (field) => {
      asked.push(field);
      return inUse[field];
    });
    expect(asked).toEqual(['category']);
    expect(filter).toEqual({ order: 'newest first', category: ['Pâtisserie', 'pâtisserie'] });
  });
});
