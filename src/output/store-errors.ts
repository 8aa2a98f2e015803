import { Refusal } from '../errors.js';
import { BackupExists, BackupFailed, BackupOnItself, LogbookProblem, NoLogbook, NotFound, type Trouble } from '../store/errors.js';
import { complaintRef } from './terminal.js';

/** What a logbook reported, in words for a person with what to do next; undefined for anything else. */
export function inWords(error: unknown): Refusal | undefined {
  if (error instanceof NotFound) return new Refusal(`there is no complaint ${complaintRef(error.id)}; 'complaints list' shows them`);
  if (error instanceof NoLogbook) {
    return new Refusal(`no logbook at ${error.where}; the first 'complaints log' creates it, or give the logbook's file with --db`);
  }
  if (error instanceof LogbookProblem) return new Refusal(problemInWords(error.where, error.trouble));
  if (error instanceof BackupOnItself) return new Refusal(`${error.file} is the logbook itself; write the backup to another file`);
  if (error instanceof BackupExists) return new Refusal(`${error.file} exists already; choose a new name or add --force to replace it`);
  if (error instanceof BackupFailed) return new Refusal(error.message);
  return undefined;
}

function problemInWords(path: string, trouble: Trouble): string {
  switch (trouble.kind) {
    case 'a folder':
      return `${path} is a folder, not a database file; give a file with --db`;
    case 'unreadable':
      return `cannot read the database ${path}: ${trouble.code}`;
    case 'empty':
      return `${path} is an empty file, not a complaints database; remove it or choose another --db`;
    case 'not a database':
      return `${path} is not a complaints database (not an SQLite file); choose another --db`;
    case 'another program':
      return `${path} is an SQLite database of another program, not a complaints database; choose another --db`;
    case 'damaged':
      return `${path} is damaged${trouble.detail === null ? '' : ` (${trouble.detail})`}; restore it from a backup`;
    case 'newer':
      return `${path} was written by a newer version of complaints (schema ${trouble.schema}); upgrade complaints to open it`;
    case 'cannot create':
      return `cannot create the database ${path}: ${trouble.reason}; choose another place with --db`;
    case 'cannot write':
      return trouble.folderToo
        ? `cannot open the database ${path} for writing (${trouble.code}); check its permissions and its folder's, or choose another --db`
        : `cannot open the database ${path} for writing (${trouble.code}); check its permissions or choose another --db`;
    case 'needs update':
      return `${path} must first be updated for this version of complaints (schema ${trouble.from} to ${trouble.to}), which needs write access to it and its folder (${trouble.code}); nothing was changed; copy it to a folder you can write to, or check its permissions`;
    case 'changes beside it':
      return `${path} cannot be read without writing: its latest changes are still in ${trouble.wal}; open it once where it can be written, or copy both files to a folder you can write to`;
    case 'half-done write':
      return `${path} holds a write that a stopped process left half done, which only a process that can write it can roll back; open it once where it can be written`;
    case 'busy':
      return `the database ${path} is busy with another till; try again`;
    case 'update failed':
      return `could not bring ${path} up to date (migration ${trouble.migration}: ${trouble.reason}); nothing was changed${trouble.keptIn === null ? '' : `; the logbook as it was is kept in ${trouble.keptIn}`}`;
    case 'other tables':
      return `${path} holds the tables of another program, not a complaints logbook; give an empty database or another --db`;
    case 'unreachable':
      return `cannot reach the logbook's server ${path} (${trouble.detail}); check the network and that the server is running`;
    case 'login refused':
      return `the server ${path} refused the login (${trouble.detail}); check the user name and the password in ~/.pgpass or PGPASSWORD`;
    case 'no database':
      return `the server has no database for ${path} (${trouble.detail}); create it first (createdb), or check the name in --db`;
    case 'not allowed':
      return `the logbook ${path} does not allow this to its user (${trouble.detail}); ask whoever runs the server`;
  }
}
