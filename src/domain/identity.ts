import { closeSync, openSync, readSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { t } from '../language/messages.js';

// A complaint's uid is what makes it the same complaint in another logbook, whatever its number
// there: an export carries it, and an import that meets it again skips the complaint rather than
// adding it twice.

// Loaded on first use: imported, it cost every command that reads complaints ~9 ms at start-up,
// though only an import of rows without uids hashes, and `log` ~5 ms for the 16 random bytes of a
// new uid (newUid).
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
  // Version 8: made by the application's own rule.
  return asUuid(digest, 0x80);
}

/**
 * Whether `uid` was made by contentUid (its version, 8): the row it was made for came without
 * one, and may be a complaint the logbook numbers alike though its uid there is another.
 */
export function isContentUid(uid: string): boolean {
  return uid[14] === '8';
}

/** The uid of a complaint logged now: an RFC 9562 UUID of version 4, from the system's random source. */
export function newUid(): string {
  return asUuid(systemRandomBytes(16), 0x40);
}

/** The first 16 bytes as a UUID of the given version (its high nibble), variant 10xx. */
function asUuid(bytes: Buffer, version: number): string {
  bytes[6] = (bytes[6]! & 0x0f) | version;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Read from the kernel's random source where there is one, as node:crypto does, without loading it. */
function systemRandomBytes(count: number): Buffer {
  const bytes = Buffer.alloc(count);
  try {
    const source = openSync('/dev/urandom', 'r');
    try {
      if (readSync(source, bytes) === count) return bytes;
    } finally {
      closeSync(source);
    }
  } catch {
    // No such device (Windows): node:crypto's source below.
  }
  crypto ??= process.getBuiltinModule('node:crypto');
  return crypto.randomBytes(count);
}

/** A uid as written in a file: a UUID, in any capitals. */
export function parseUid(text: string, column: string): string {
  const uid = text.trim().toLowerCase();
  if (!UID.test(uid)) throw new UsageError(t('identity.notAUid', { column, text }));
  return uid;
}
