import type { Command } from 'commander';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type { Session } from '../context.js';
import type { Complaint } from '../domain/complaint.js';
import { csvRecordReader } from '../domain/csv-records.js';
import {
  REQUIRED_COLUMNS,
  checkEncoding,
  checkHeader,
  rowReader,
  type RowReader,
} from '../domain/csv-row.js';
import { requiredText } from '../domain/validate.js';
import { Refusal, UsageError } from '../errors.js';
import { startProgress } from '../output/progress.js';
import { causesInUse } from '../store/complaints.js';
import { alreadyHeld, heldIds, importComplaints } from '../store/import.js';
import { examples } from './common.js';

interface ImportOptions {
  dryRun?: boolean;
  newIds?: boolean;
}

export function registerImport(program: Command, session: Session): void {
  program
    .command('import')
    .description('add the complaints in a CSV file as export writes it: every one of them or, if any row is wrong, none')
    .argument('<file>', 'the CSV file, UTF-8 with or without a byte order mark')
    .option('--dry-run', 'check the whole file and say what it would add, writing nothing')
    .option('--new-ids', "number the complaints after the logbook's last one instead of keeping the file's ids")
    .addHelpText(
      'after',
      `
The first row names the columns, in any order, as export writes them ('complaints export
--help' lists them). Required: ${REQUIRED_COLUMNS.join(', ')}; any other
column may be left out, and an empty cell means not given. Times are ISO 8601 (local time when
no zone is given), cost a decimal such as 4.50, satisfaction 1-5, ids whole numbers, each once.
The ' that export puts before a cell starting with = + - @, a tab or a carriage return is
removed. Causes are matched to the spellings already in use, as at triage. Every complaint keeps
its times and, unless --new-ids, its id; its timeline begins with 'imported'.

Exit status: 0 imported (or, with --dry-run, would import); 2 the file is not a valid CSV of
complaints (the message names the line; nothing is written); 1 the file cannot be read, or the
logbook already has some of its ids (see --new-ids).
${examples(
  'complaints import complaints.csv --dry-run',
  'complaints import complaints.csv',
  'complaints --db new-shop.db import old-shop.csv',
  'complaints import from-the-other-till.csv --new-ids',
)}`,
    )
    .action((file: string, options: ImportOptions) => runImport(file, options, session));
}

export async function runImport(fileText: string, options: ImportOptions, session: Session): Promise<void> {
  const file = requiredText(fileText, 'the file to import');
  const cannotRead = (error: unknown) =>
    new Refusal(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)}); check the name and that it is a file`);
  const fd = openToRead(file, cannotRead);
  const ids = await refusingWholeFile(file, async () => {
    const fileBytes = fstatSync(fd).size;
    const db = await session.db();
    const progress = await startProgress(session, options.dryRun ? 'Checking' : 'Importing', () => fileBytes);
    const readAll = (knownCauses: readonly string[], take: (complaint: Complaint) => void) => {
      // The first row names the columns; each later one is checked as it is parsed.
      let read: RowReader | undefined;
      const reader = csvRecordReader((cells, line, bytesRead) => {
        progress.advance(bytesRead);
        if (read === undefined) read = rowReader(checkHeader(cells, line), knownCauses, session.now());
        else take(read(cells, line));
      }, checkEncoding);
      // Read a piece at a time, so that a file of any size takes the memory of one piece.
      const piece = Buffer.allocUnsafe(PIECE_BYTES);
      for (let length = readPiece(fd, piece, cannotRead); length > 0; length = readPiece(fd, piece, cannotRead)) {
        reader.push(piece.subarray(0, length));
      }
      reader.end();
      if (read === undefined) {
        throw new UsageError(`the file is empty; it needs a header row naming the columns, such as ${REQUIRED_COLUMNS.join(',')}`);
      }
    };
    try {
      if (!options.dryRun) {
        const { newIds = false } = options;
        return importComplaints(db, { newIds, recordedAt: session.now().toISOString(), source: basename(file), fileBytes }, readAll);
      }
      const inFile: number[] = [];
      readAll(causesInUse(db), (complaint) => inFile.push(complaint.id));
      const held = options.newIds ? [] : heldIds(db, inFile);
      if (held.length > 0) throw alreadyHeld(held);
      return inFile;
    } finally {
      progress.stop();
    }
  }).finally(() => closeSync(fd));
  const count = `${ids.length} ${ids.length === 1 ? 'complaint' : 'complaints'}`;
  if (ids.length === 0) return session.print(`Nothing to import: ${file} has a header but no complaints.`);
  if (options.dryRun) {
    const as = options.newIds ? "with new ids after the logbook's last one" : `as ${idRange(ids)}`;
    return session.print(`Would import ${count} from ${file} ${as}; nothing was written (--dry-run).`);
  }
  session.print(`Imported ${count} from ${file} as ${idRange(ids)}.`);
  session.tell(`next: complaints list, or complaints causes to check the spellings of causes`);
}

const PIECE_BYTES = 1024 * 1024;

/** The file opened for reading; a folder is refused here, before the logbook is opened, as a file that cannot be opened is. */
function openToRead(file: string, cannotRead: (error: unknown) => Error): number {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    return fd;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    throw cannotRead(error);
  }
}

/** Fills `piece` from the file where the last read ended; 0 at its end. */
function readPiece(fd: number, piece: Buffer, cannotRead: (error: unknown) => Error): number {
  try {
    return readSync(fd, piece, 0, piece.length, null);
  } catch (error) {
    throw cannotRead(error);
  }
}

/** A bad file is the user's input to fix: one line naming the line and the reason, and the promise that nothing changed. */
async function refusingWholeFile<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`${error.message}; nothing was imported from ${file}`);
    throw error;
  }
}

function idRange(ids: readonly number[]): string {
  // Not Math.min(...ids): a large file would pass more arguments than a call can take.
  const low = ids.reduce((a, b) => Math.min(a, b));
  const high = ids.reduce((a, b) => Math.max(a, b));
  return low === high ? `#${low}` : `#${low}–#${high}`;
}
