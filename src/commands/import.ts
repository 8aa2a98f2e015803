import type { Command } from 'commander';
import { closeSync, fstatSync, openSync } from 'node:fs';
import { basename } from 'node:path';
import type { Session } from '../context.js';
import { REQUIRED_COLUMNS } from '../domain/csv/header.js';
import { importedIdentities, type ImportedRows } from '../domain/imported-rows.js';
import { requiredText } from '../domain/validate.js';
import { Refusal, UsageError } from '../errors.js';
import { counted } from '../output/plural.js';
import { startProgress } from '../output/progress.js';
import { idRange } from '../output/terminal.js';
import { IdsTaken, UidTwice } from '../store/errors.js';
import type { Imported, Logbook } from '../store/logbook.js';
import { cannotRead, readImportFile } from '../workers/import-reading.js';
import { examples, settingsOf } from './common.js';

interface ImportOptions {
  dryRun?: boolean;
  newIds?: boolean;
}

export function registerImport(program: Command, session: Session): void {
  program
    .command('import')
    .description('add the complaints in a CSV file as export writes it: every one of them or, if any row is wrong, none')
    .argument('<file>', 'the CSV file, UTF-8 with or without a byte order mark; - reads standard input')
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
removed. Causes are matched to the spellings already in use, as at triage, and categories to
the shop's. Each row must be a complaint the commands could have made (resolved after it
happened, nothing in the future, a closed one followed up, …); what a command would fill in is
filled in the same way (respond_by, severity). Every complaint keeps its times and, unless
--new-ids, its id; its timeline begins with 'imported'.

A complaint the logbook has already (the same uid, which export writes; for a file without
uids, the same id, times and description) is left as it is, so importing a file twice adds its
complaints once.

Exit status: 0 imported (or, with --dry-run, would import); 2 the file is not a valid CSV of
complaints (the message names the line and the rule; nothing is written); 1 the file cannot be
read, or other complaints of the logbook have some of its ids (see --new-ids).
${examples(
  'complaints import complaints.csv --dry-run',
  'complaints import complaints.csv',
  'complaints --db new-shop.db import old-shop.csv',
  'complaints import from-the-other-till.csv --new-ids',
  'complaints export --status closed | complaints --db closed.db import -',
)}`,
    )
    .action((file: string, options: ImportOptions) => runImport(file, options, session));
}

/** The file name that stands for standard input, as it does for most tools. */
const STANDARD_INPUT = '-';

export async function runImport(fileText: string, options: ImportOptions, session: Session): Promise<void> {
  const given = requiredText(fileText, 'the file to import');
  const file = given === STANDARD_INPUT ? 'standard input' : given;
  // Standard input is read by the reading thread from its descriptor, as a file is.
  const fd = given === STANDARD_INPUT ? 0 : openToRead(file);
  const { ids, alreadyThere } = await refusingWholeFile(file, async () => {
    const fileBytes = fstatSync(fd).size;
    const logbook = await session.logbook(options.dryRun ? 'dry-run' : 'add');
    const settings = await settingsOf(logbook);
    const progress = await startProgress(session, options.dryRun ? 'Checking' : 'Importing', () => fileBytes);
    const readFile = (knownCauses: readonly string[]) =>
      readImportFile(fd, file, {
        context: { knownCauses, categories: settings.categories, responseHours: settings['response-hours'], now: session.now() },
        advance: (bytes) => progress.advance(bytes),
      });
    const newIds = Boolean(options.newIds);
    try {
      if (options.dryRun) return await wouldImport(logbook, readFile(await logbook.causesInUse()), newIds);
      return await logbook.importComplaints({ newIds, recordedAt: session.now().toISOString(), source: basename(file), fileBytes }, readFile);
    } finally {
      progress.stop();
    }
  }).finally(() => given !== STANDARD_INPUT && closeSync(fd));

  const there = alreadyThere === 0 ? '' : `; ${counted(alreadyThere, 'complaint was', 'complaints were')} in the logbook already and ${options.dryRun ? 'would be' : 'were'} left as ${alreadyThere === 1 ? 'it is' : 'they are'}`;
  if (ids.length === 0) {
    return session.print(
      alreadyThere === 0
        ? `Nothing to import: ${file} has a header but no complaints.`
        : `Nothing to import: ${alreadyThere === 1 ? 'the complaint' : `all ${alreadyThere} complaints`} in ${file} ${alreadyThere === 1 ? 'is' : 'are'} in the logbook already.`,
    );
  }
  const count = counted(ids.length, 'complaint');
  if (options.dryRun) {
    const as = options.newIds ? "with new ids after the logbook's last one" : `as ${idRange(ids)}`;
    return session.print(`Would import ${count} from ${file} ${as}${there}; nothing was written (--dry-run).`);
  }
  session.print(`Imported ${count} from ${file} as ${idRange(ids)}${there}.`);
  session.tell(`next: complaints list, or complaints causes to check the spellings of causes`);
}

/** What an import would do, read and checked the same way, writing nothing. */
async function wouldImport(logbook: Logbook, batches: AsyncIterable<ImportedRows>, newIds: boolean): Promise<Imported> {
  const inFile: Array<{ id: number; uid: string }> = [];
  for await (const rows of batches) inFile.push(...importedIdentities(rows));
  const uids = inFile.map(({ uid }) => uid);
  const seen = new Set<string>();
  for (const uid of uids) {
    if (seen.has(uid)) throw new UidTwice(uid);
    seen.add(uid);
  }
  const there = await logbook.heldUids(uids);
  const toAdd = inFile.filter(({ uid }) => !there.has(uid)).map(({ id }) => id);
  const taken = newIds ? [] : await logbook.heldIds(toAdd);
  if (taken.length > 0) throw new IdsTaken(taken);
  return { ids: toAdd, alreadyThere: inFile.length - toAdd.length };
}

/** The file opened for reading; a folder is refused here, before the logbook is opened, as a file that cannot be opened is. */
function openToRead(file: string): number {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('a folder'), { code: 'EISDIR' });
    return fd;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    throw cannotRead(file, error);
  }
}

/** A bad file is the user's input to fix: one line naming the line and the reason, and the promise that nothing changed. */
async function refusingWholeFile<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`${error.message}; nothing was imported from ${file}`);
    if (error instanceof IdsTaken) throw idsTaken(error.ids);
    if (error instanceof UidTwice) throw new UsageError(`${error.message}; each complaint has a uid of its own; nothing was imported from ${file}`);
    throw error;
  }
}

/** The file's numbers are the logbook's for other complaints: a file from another till, to number anew. */
function idsTaken(ids: readonly number[]): Refusal {
  const shown = ids.slice(0, 5).map((id) => `#${id}`).join(', ');
  const more = ids.length > 5 ? ` and ${ids.length - 5} more` : '';
  return new Refusal(
    `the logbook has other complaints numbered ${shown}${more}; add --new-ids to number the file's complaints after the last one, or import into an empty logbook; nothing was imported`,
  );
}
