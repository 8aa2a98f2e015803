import { describe, expect, it } from 'vitest';
import { inWords } from '../../src/output/store-errors.js';
import { asProblem } from '../../src/store/postgres/connection.js';

const URL = 'postgres://till@shop.example/complaints';
/** An error as the driver gives one the server sent, with its SQLSTATE. */
const serverError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('a server error as the problem it is with the logbook', () => {
  it.each([
    ['25006', 'cannot execute INSERT in a read-only transaction', { kind: 'read only' }],
    ['53300', 'too many connections for database "complaints"', { kind: 'busy' }],
    ['53100', 'could not extend file: No space left on device', { kind: 'disk full' }],
    ['40P01', 'deadlock detected', { kind: 'busy' }],
    ['57P03', 'the database system is shutting down', { kind: 'unreachable', detail: '57P03' }],
    ['57P01', 'terminating connection due to administrator command', { kind: 'unreachable', detail: '57P01' }],
    ['08P01', 'invalid message format', { kind: 'unreachable', detail: 'invalid message format' }],
  ])('%s (%s) is %j', (code, message, trouble) => {
    expect(asProblem(serverError(code, message), URL)).toMatchObject({ trouble });
  });

  it('says a connection cut as a change was committed may have recorded it, rather than that the server could not be reached', () => {
    const cut = (error: Error) => Object.assign(error, { atCommit: true });
    expect(asProblem(cut(serverError('ECONNRESET', 'read ECONNRESET')), URL)).toMatchObject({ trouble: { kind: 'cut at commit' } });
    expect(asProblem(cut(new Error('Connection terminated unexpectedly')), URL)).toMatchObject({ trouble: { kind: 'cut at commit' } });
    expect(asProblem(serverError('ECONNRESET', 'read ECONNRESET'), URL)).toMatchObject({ trouble: { kind: 'unreachable' } });
    // A refusal at the commit (a serialization failure) is what it is.
    expect(asProblem(cut(serverError('40001', 'could not serialize access')), URL)).toMatchObject({ trouble: { kind: 'busy' } });
  });

  it('says why the server went away in words, not in the server\'s own', () => {
    expect(inWords(asProblem(serverError('57P01', 'terminating connection due to administrator command'), URL))!.message).toBe(
      `cannot reach the logbook's server ${URL} (the server was stopped by its administrator); check the network and that the server is running`,
    );
  });

  it('leaves an error it has no words for as it is', () => {
    const unknown = serverError('XX000', 'internal error');
    expect(asProblem(unknown, URL)).toBe(unknown);
  });
});
