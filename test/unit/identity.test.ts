import { describe, expect, it } from 'vitest';
import { contentUid, isContentUid, newUid, parseUid } from '../../src/domain/identity.js';

describe('a new complaint’s uid', () => {
  it('is a UUID of version 4, variant 10xx, as a file carries it', () => {
    const uid = newUid();
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseUid(uid.toUpperCase(), 'uid')).toBe(uid);
  });

  it('is another for every complaint, its 122 random bits spread over all sixteen digits', () => {
    const uids = Array.from({ length: 20_000 }, newUid);
    expect(new Set(uids).size).toBe(uids.length);
    // Each random hex digit of 20,000 uids is each of the sixteen values ~1,250 times; a source
    // that was not random (zeros, a repeated block) would leave some digit at one value.
    const randomDigits = [...Array(32).keys()].filter((at) => at !== 12 && at !== 16);
    for (const at of randomDigits) {
      const seen = new Set(uids.map((uid) => uid.replaceAll('-', '')[at]));
      expect(seen.size, `digit ${at}`).toBe(16);
    }
  });

  it('is not shaped as one made from a complaint’s content (version 8), so the two never meet', () => {
    expect(contentUid(1, '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', '汤是凉的')[14]).toBe('8');
    expect(newUid()[14]).toBe('4');
  });
});

describe('isContentUid', () => {
  it('tells the uid made for a row that came without one from a uid logged at a till', () => {
    expect(isContentUid(contentUid(7, '2026-11-20T12:30:00.000Z', '2026-11-20T12:30:00.000Z', '汤是凉的'))).toBe(true);
    expect(Array.from({ length: 100 }, newUid).some(isContentUid)).toBe(false);
  });
});
