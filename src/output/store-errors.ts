import { Refusal } from '../errors.js';
import { BackupExists, BackupFailed, BackupOnItself, NoLogbook, NotFound } from '../store/errors.js';
import { complaintRef } from './terminal.js';

/** What a logbook reported, in words for a person with what to do next; undefined for anything else. */
export function inWords(error: unknown): Refusal | undefined {
  if (error instanceof NotFound) return new Refusal(`there is no complaint ${complaintRef(error.id)}; 'complaints list' shows them`);
  if (error instanceof NoLogbook) {
    return new Refusal(`no logbook at ${error.where}; the first 'complaints log' creates it, or give the logbook's file with --db`);
  }
  if (error instanceof BackupOnItself) return new Refusal(`${error.file} is the logbook itself; write the backup to another file`);
  if (error instanceof BackupExists) return new Refusal(`${error.file} exists already; choose a new name or add --force to replace it`);
  if (error instanceof BackupFailed) return new Refusal(error.message);
  return undefined;
}
