import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Refusal } from '../errors.js';
import { removeAbandonedDrafts } from '../store/folders.js';
import { systemReason } from '../language/labels.js';
import { t } from '../language/messages.js';

// A draft's name after the hidden file's: the process, a random part, .partial.
const OUTPUT_DRAFT = /^(\d+)\.[0-9a-f]{12}\.partial$/;

/**
 * Writes `path` by way of a temporary file beside it (the same file system, so the rename is
 * atomic), renamed over it only when complete: a failed export or report leaves no half-written
 * file. Drafts of writes to `path` stopped by force (kill -9) are removed, as they hold the
 * customers' details an export does.
 */
export async function replaceWhenComplete(path: string, write: (file: NodeJS.WritableStream) => Promise<void>): Promise<void> {
  const hidden = join(dirname(path), `.${basename(path)}`);
  removeAbandonedDrafts(hidden, OUTPUT_DRAFT);
  const temporary = `${hidden}.${process.pid}.${randomBytes(6).toString('hex')}.partial`;
  try {
    await write(createWriteStream(temporary, { flags: 'wx', mode: 0o600 }));
    await rename(temporary, path);
  } catch (error) {
    // Where it could not be made (a file on the way, ENOTDIR), removing it fails too; the first failure is the one to tell.
    await rm(temporary, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new Refusal(t('files.cannotWrite', { path, reason: systemReason(code) }));
  }
}

/** Writes `text` to `path` as replaceWhenComplete does. */
export async function writeWhenComplete(path: string, text: string): Promise<void> {
  await replaceWhenComplete(path, (file) => pipeline(Readable.from([text]), file));
}
