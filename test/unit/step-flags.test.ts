import { describe, expect, it } from 'vitest';
import { checkFollowUp } from '../../src/commands/follow-up.js';
import { checkResolve } from '../../src/commands/resolve.js';
import { checkTriage } from '../../src/commands/triage.js';
import { DEFAULT_SETTINGS } from '../../src/domain/config.js';
import { UsageError } from '../../src/errors.js';

// Each step command reads its flags into the typed values the domain's step takes, before
// anything is opened or written.

describe('checkTriage', () => {
  const known = ['Cold food', 'Late delivery'];

  it('matches category and severity to their choices and the cause to the first spelling in use', () => {
    expect(checkTriage({ category: 'Product', cause: '  COLD   food ', severity: 'HIGH' }, DEFAULT_SETTINGS, known)).toEqual({
      nature: 'valid',
      category: 'product',
      cause: 'Cold food',
      severity: 'high',
    });
  });

  it('leaves out what was not given, so the complaint keeps it', () => {
    expect(checkTriage({}, DEFAULT_SETTINGS, known)).toEqual({ nature: 'valid', category: null, cause: null, severity: null });
  });

  it('takes a new cause tidied', () => {
    expect(checkTriage({ cause: ' rude  staff ' }, DEFAULT_SETTINGS, known)).toMatchObject({ cause: 'rude staff' });
  });

  it('accepts only the configured categories', () => {
    const settings = { ...DEFAULT_SETTINGS, categories: ['food', 'drink'] };
    expect(checkTriage({ category: 'Drink' }, settings, known)).toMatchObject({ category: 'drink' });
    expect(() => checkTriage({ category: 'product' }, settings, known)).toThrow(
      new UsageError(`--category: 'product' is not one of food, drink`),
    );
  });

  it('refuses a severity that is not a choice', () => {
    expect(() => checkTriage({ severity: 'urgent' }, DEFAULT_SETTINGS, known)).toThrow(
      new UsageError(`--severity: 'urgent' is not one of low, medium, high, critical`),
    );
  });

  it('refuses an empty cause', () => {
    expect(() => checkTriage({ cause: '  ' }, DEFAULT_SETTINGS, known)).toThrow(new UsageError('--cause cannot be empty'));
  });

  it('rejects with the reason given, trimmed', () => {
    expect(checkTriage({ reject: true, reason: ' not our shop ' }, DEFAULT_SETTINGS, known)).toEqual({
      nature: 'unfounded',
      reason: 'not our shop',
    });
    expect(checkTriage({ nature: 'Unfounded', reason: 'not ours' }, DEFAULT_SETTINGS, known)).toEqual({ nature: 'unfounded', reason: 'not ours' });
  });

  it.each(['help', 'question', 'venting'])('judges a complaint %s, unclassified', (nature) => {
    expect(checkTriage({ nature }, DEFAULT_SETTINGS, known)).toEqual({ nature });
    expect(() => checkTriage({ nature, cause: 'cold food' }, DEFAULT_SETTINGS, known)).toThrow(
      new UsageError(`--nature ${nature} does not go with --category, --cause or --severity: only a valid complaint is classified`),
    );
    expect(() => checkTriage({ nature, reason: 'why' }, DEFAULT_SETTINGS, known)).toThrow(
      new UsageError('--reason goes with --reject (or --nature unfounded)'),
    );
  });

  it('refuses a nature that does not exist, and --reject with another nature', () => {
    expect(() => checkTriage({ nature: 'rude' }, DEFAULT_SETTINGS, known)).toThrow(
      new UsageError(`--nature: 'rude' is not one of valid, help, question, venting, unfounded`),
    );
    expect(() => checkTriage({ nature: 'help', reject: true, reason: 'x' }, DEFAULT_SETTINGS, known)).toThrow(
      new UsageError('--reject means --nature unfounded, not help; give one of them'),
    );
  });

  it('refuses to reject without a reason', () => {
    expect(() => checkTriage({ reject: true }, DEFAULT_SETTINGS, known)).toThrow(
      new UsageError('--reject needs --reason saying why the complaint is not upheld'),
    );
    expect(() => checkTriage({ reject: true, reason: ' ' }, DEFAULT_SETTINGS, known)).toThrow(
      new UsageError('--reason cannot be empty'),
    );
  });

  it.each([{ category: 'product' }, { cause: 'cold food' }, { severity: 'low' }])(
    'refuses to reject and classify at once (%j)',
    (classification) => {
      expect(() => checkTriage({ reject: true, reason: 'not ours', ...classification }, DEFAULT_SETTINGS, known)).toThrow(
        new UsageError('--reject does not go with --category, --cause or --severity: only a valid complaint is classified'),
      );
    },
  );

  it('refuses a reason without --reject', () => {
    expect(() => checkTriage({ reason: 'why' }, DEFAULT_SETTINGS, known)).toThrow(new UsageError('--reason goes with --reject (or --nature unfounded)'));
  });
});

describe('checkResolve', () => {
  it('reads the remedy, cost and texts', () => {
    expect(checkResolve({ remedy: 'Refund', cost: '4.50', rootCause: ' soup left out ', action: ' lids on pots ', note: ' ok ', as: ' 小王 ' })).toEqual({
      remedy: 'refund',
      cost_minor: 450,
      root_cause: 'soup left out',
      action: 'lids on pots',
      note: 'ok',
      by: '小王',
    });
  });

  it('leaves out what was not given', () => {
    expect(checkResolve({ remedy: 'apology', rootCause: '  ' })).toEqual({
      remedy: 'apology',
      cost_minor: null,
      root_cause: null,
      action: null,
      note: null,
      by: null,
    });
  });

  it('needs a remedy, listing the choices', () => {
    expect(() => checkResolve({ cost: '4.50' })).toThrow(
      new UsageError(
        '--remedy is needed: one of refund, replacement, repair, discount, compensation, apology, explanation, none (or --answer for help, a question or venting)',
      ),
    );
    expect(() => checkResolve({ remedy: 'voucher' })).toThrow(UsageError);
  });

  it('reads an answer instead of a remedy, and refuses the two together', () => {
    expect(checkResolve({ answer: ' open till nine ', note: 'called back' })).toEqual({ answer: 'open till nine', note: 'called back' });
    expect(() => checkResolve({ answer: '  ' })).toThrow(new UsageError('--answer cannot be empty'));
    expect(() => checkResolve({ answer: 'x', remedy: 'refund' })).toThrow(
      new UsageError('--answer does not go with --remedy, --cost, --root-cause, --action or --as: an answer is given instead of a remedy'),
    );
  });

  it('refuses a cost that is not an amount', () => {
    expect(() => checkResolve({ remedy: 'refund', cost: '-4' })).toThrow(/^--cost: '-4' is not an amount/);
  });
});

describe('checkFollowUp', () => {
  it('reads the satisfaction and note', () => {
    expect(checkFollowUp({ satisfaction: '4', note: ' happy now ' })).toEqual({ satisfaction: 4, note: 'happy now', reopen: false });
  });

  it('may reopen without a satisfaction', () => {
    expect(checkFollowUp({ reopen: true })).toEqual({ satisfaction: null, note: null, reopen: true });
  });

  it('needs a satisfaction unless reopening', () => {
    expect(() => checkFollowUp({ note: 'called' })).toThrow(
      new UsageError('--satisfaction 1-5 is needed (how happy the customer is now), or --reopen if they are not'),
    );
  });

  it.each(['0', '6', '3.5', 'good'])('refuses a satisfaction of %j', (satisfaction) => {
    expect(() => checkFollowUp({ satisfaction })).toThrow(
      new UsageError(`--satisfaction: '${satisfaction}' is not a satisfaction from 1 (very unhappy) to 5 (very happy); 5星, 4分 and 满意 are read too`),
    );
  });
});
