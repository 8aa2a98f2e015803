import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UidsSeen } from '../../src/store/sqlite/uids-seen.js';

describe('the uids a dry run has seen', () => {
  it('names the first uid given again, of batches added in turn, as a Set in memory would', () => {
    // Few distinct uids, so that some are given twice, within a batch and across batches.
    const uid = fc.constantFrom('u1', 'u2', 'u3', 'U1', '汤是凉的', 'u1 ', '');
    fc.assert(
      fc.property(fc.array(fc.array(uid, { maxLength: 6 }), { maxLength: 6 }), (batches) => {
        const seen = new UidsSeen();
        const oracle = new Set<string>();
        let expected: string | undefined;
        try {
          for (const batch of batches) {
            for (const given of batch) {
              if (oracle.has(given)) expected ??= given;
              oracle.add(given);
            }
            seen.add(batch);
          }
          expect(seen.firstGivenAgain()).toBe(expected);
        } finally {
          seen.close();
        }
      }),
    );
  });
});
