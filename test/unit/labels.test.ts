import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WEEK_STARTS } from '../../src/domain/config.js';
import { STATUSES } from '../../src/domain/lifecycle.js';
import { NATURES } from '../../src/domain/nature.js';
import { REMEDIES, SEVERITIES, oneOf } from '../../src/domain/validate.js';
import { natureShown, remedyShown, severityShown, statusShown, typedNames, weekStartShown } from '../../src/language/labels.js';

const chinese = JSON.parse(readFileSync(new URL('../../src/language/zh-CN.json', import.meta.url), 'utf8')) as Record<string, string>;

const FAMILIES = [
  { family: 'status', values: STATUSES, shown: statusShown },
  { family: 'nature', values: NATURES, shown: natureShown },
  { family: 'severity', values: SEVERITIES, shown: severityShown },
  { family: 'remedy', values: REMEDIES, shown: remedyShown },
  { family: 'weekStart', values: WEEK_STARTS, shown: weekStartShown },
] as const;

describe('a value typed by its Chinese label', () => {
  const cases = FAMILIES.flatMap(({ family, values, shown }) =>
    values.map((value) => ({ family, value, values: values as readonly string[], label: chinese[`${family}.${value}`]!, namesOf: typedNames(shown as (value: string) => string) })),
  );

  it.each(cases)('takes $label for the $family $value in English too, as a till speaking English shares the logbook', ({ value, values, label, namesOf }) => {
    expect(label).toBeTruthy();
    expect(oneOf(label, values, '--flag', namesOf)).toBe(value);
  });
});
