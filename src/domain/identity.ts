import { UsageError } from '../errors.js';
import { t } from '../language/messages.js';

// A complaint's uid is what makes it the same complaint in another logbook, whatever its number
// there: an export carries it, and an import that meets it again skips the complaint rather than
// adding it twice.

// Loaded on first use: imported, it cost every command that reads complaints ~9 ms at start-up,
// though only an import of rows without uids hashes.
let crypto: typeof import('node:crypto') | undefined;

const UID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The uid of a complaint that came without one (logged before uids, or in a CSV file made by
 * hand): made from its number where it came from, when it was logged and happened, and what was
 * said, so that the same row imported twice, or a file exported before uids were kept, is
 * recognised, while two complaints alike but for their numbers (two tables complaining of cold
 * soup at noon) are not taken for one.
 */
export function contentUid(id: number, loggedAt: string, occurredAt: string, description: string): string {
  crypto ??= process.getBuiltinModule('node:crypto');
  const digest = crypto.hash('sha256', JSON.stringify([id, loggedAt, occurredAt, description]), 'buffer');
  // Shaped as an RFC 9562 UUID of version 8 (made by the application's own rule), variant 10xx.
  digest[6] = (digest[6]! & 0x0f) | 0x80;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A uid as written in a file: a UUID, in any capitals. */
export function parseUid(text: string, column: string): string {
  const uid = text.trim().toLowerCase();
  if (!UID.test(uid)) throw new UsageError(t('identity.notAUid', { column, text }));
  return uid;
}
