import type { Command } from 'commander';
import { closeSync, fstatSync, openSync } from 'node:fs';
import { basename } from 'node:path';
import type { Session } from '../context.js';
import { atHome } from '../store/location.js';
import { parseEncoding } from '../domain/csv/encoding.js';
import { REQUIRED_COLUMNS } from '../domain/csv/header.js';
import { IdSpan } from '../domain/id-span.js';
import { ChoicesOfRows, FROM_STANDARD_INPUT, importedIdentities, type ImportedRows } from '../domain/imported-rows.js';
import type { AddedChoices } from '../domain/csv/import-row.js';
import { requiredText } from '../domain/validate.js';
import { Refusal, UsageError } from '../errors.js';
import { startProgress } from '../output/progress.js';
import { idRange } from '../output/terminal.js';
import { t } from '../language/messages.js';
import { IdsTaken, UidTwice } from '../store/errors.js';
import type { Imported, Logbook } from '../store/logbook.js';
import { cannotRead, readImportFile } from '../workers/import-reading.js';
import { refuseUnlessManager, settingsOf, thisPlace } from './common.js';
import { examples } from './examples.js';

interface ImportOptions {
  dryRun?: boolean;
  newIds?: boolean;
  encoding?: string;
}

export function registerImport(command: Command, session: Session): void {
  command
    .argument('<file>', t('import.file'))
    .option('--dry-run', t('import.dryRun'))
    .option('--new-ids', t('import.newIds'))
    .option('--encoding <name>', t('import.encoding'))
    .addHelpText(
      'after',
      `
${t('import.help', { required: REQUIRED_COLUMNS.join(', ') })}
${examples(
  'complaints import complaints.csv --dry-run',
  'complaints import complaints.csv',
  'complaints --db new-shop.db import old-shop.csv',
  'complaints import from-the-other-till.csv --new-ids',
  'complaints import saved-by-excel.csv --encoding gbk',
  'complaints export --status closed | complaints --db closed.db import -',
)}`,
    )
    .action((file: string, options: ImportOptions) => runImport(file, options, session));
}

/** The file name that stands for standard input, as it does for most tools. */
const STANDARD_INPUT = '-';

export async function runImport(fileText: string, options: ImportOptions, session: Session): Promise<void> {
  const given = requiredText(fileText, t('import.fileToImport'));
  const encoding = parseEncoding(options.encoding ?? 'utf-8');
  // The file as messages name it, and as the timeline records it: in the same words in any language.
  const file = given === STANDARD_INPUT ? t('import.standardInput') : atHome(given, session.env);
  const source = given === STANDARD_INPUT ? FROM_STANDARD_INPUT : basename(given);
  // Standard input is read by the reading thread from its descriptor, as a file is.
  const fd = given === STANDARD_INPUT ? 0 : openToRead(file);
  // The categories and channels the file has and the shop's lists do not: added to the lists
  // when a complaint added holds one.
  const choicesAdded: AddedChoices = { categories: [], channels: [] };
  let mayImport = true;
  let madeByImport = false;
  const { added, alreadyThere, choicesAdded: heldChoices } = await refusingWholeFile(file, async () => {
    const fileBytes = fstatSync(fd).size;
    const logbook = await session.logbook(options.dryRun ? 'dry-run' : 'import');
    madeByImport = logbook.isDraft;
    const settings = await settingsOf(logbook);
    // A file writes history no step of a till's took: resolved complaints, their remedies at any
    // cost (approval-above), ratings, additions to the shop's lists. Its dry run is anyone's.
    if (options.dryRun) mayImport = await logbook.mayManage();
    else await refuseUnlessManager(logbook, t('import.what'));
    const progress = await startProgress(session, t(options.dryRun ? 'import.checking' : 'import.importing'), () => fileBytes);
    const settingsWithRows = (held: AddedChoices) =>
      new Map(
        (['categories', 'channels'] as const)
          .filter((key) => held[key].length > 0)
          .map((key) => [key, [...settings[key], ...held[key]].join(',')]),
      );
    const readFile = (knownCauses: readonly string[]) =>
      readImportFile(fd, file, {
        context: {
          knownCauses,
          categories: settings.categories,
          channels: settings.channels,
          added: choicesAdded,
          responseHours: settings['response-hours'],
          now: session.now(),
        },
        encoding,
        advance: (bytes) => progress.advance(bytes),
      });
    const newIds = Boolean(options.newIds);
    try {
      if (options.dryRun) {
        return await wouldImport(logbook, readFile(await logbook.causesInUse()), newIds, choicesAdded);
      }
      return await logbook.importComplaints(
        { newIds, recordedAt: session.now().toISOString(), source, fileBytes, ...thisPlace(session), choicesAdded, settingsWithRows },
        readFile,
      );
    } finally {
      progress.stop();
    }
  }).finally(() => given !== STANDARD_INPUT && closeSync(fd));

  // A till's login may see what the file holds, but not import it: the dry run's hint says who may.
  if (!mayImport) session.tell(t('common.notManager', { what: t('import.what') }));
  if (added.count === 0) {
    return session.print(alreadyThere === 0 ? t('import.nothingInFile', { file }) : t('import.nothingNew', { count: alreadyThere, file }));
  }
  // Numbers with gaps between them are not said as a run: #1–#5000000000 would read as five billion.
  const run = added.highest - added.lowest + 1 === added.count;
  const ids = run ? idRange(added) : t('import.idsBetween', { lowest: added.lowest, highest: added.highest });
  const said = { count: added.count, file, ids, already: alreadyThere };
  for (const key of ['categories', 'channels'] as const) {
    const list = heldChoices[key].join(t('common.listSeparator'));
    if (list !== '') session.tell(t(options.dryRun ? 'import.wouldAddChoices' : 'import.addedChoices', { key, list }));
  }
  if (options.dryRun) return session.print(t(options.newIds ? 'import.wouldImportNewIds' : 'import.wouldImport', said));
  // Said as the first step recorded in a new logbook says it, once the import has made it.
  if (madeByImport) session.tell(t('store.madeNew', { file: session.address.shown }));
  session.print(t('import.imported', said));
  session.tell(t('import.next'));
}

/**
 * What an import would do, read and checked the same way, writing nothing: the logbook is asked
 * about each batch as it comes, and only the file's uids are kept (on disk), to find one given
 * twice once the file is read. A bad row anywhere is said before a uid given twice, and both
 * before ids another complaint has, as the import says them.
 */
async function wouldImport(logbook: Logbook, batches: AsyncIterable<ImportedRows>, newIds: boolean, choicesAdded: AddedChoices): Promise<Imported> {
  const { openUidsSeen } = await import('../store/open.js');
  const seen = await openUidsSeen();
  let twice: string | undefined;
  const added = new IdSpan();
  const taken: number[] = [];
  let alreadyThere = 0;
  const choicesOfAdded = new ChoicesOfRows();
  try {
    for await (const rows of batches) {
      const identities = importedIdentities(rows);
      const there = await logbook.heldAlready(identities);
      for (const [row, { uid }] of identities.entries()) if (!there.has(uid)) choicesOfAdded.note(rows, row);
      // As the import skips a row whose uid the logbook holds, however often the file gives it.
      const toAdd = identities.filter(({ uid }) => !there.has(uid));
      seen.add(toAdd.map(({ uid }) => uid));
      alreadyThere += identities.length - toAdd.length;
      for (const { id } of toAdd) added.add(id);
      if (!newIds) taken.push(...(await logbook.heldIds(toAdd.map(({ id }) => id))));
    }
    twice = seen.firstGivenAgain();
  } finally {
    seen.close();
  }
  if (twice !== undefined) throw new UidTwice(twice);
  if (taken.length > 0) throw new IdsTaken(taken.sort((a, b) => a - b));
  return { added, alreadyThere, choicesAdded: choicesOfAdded.heldOf(choicesAdded) };
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
    if (error instanceof UsageError) throw new UsageError(t('import.refused', { problem: error.message, file }));
    if (error instanceof IdsTaken) throw idsTaken(error.ids);
    if (error instanceof UidTwice) throw new UsageError(t('import.uidTwice', { problem: error.message, file }));
    throw error;
  }
}

/** The file's numbers are the logbook's for other complaints: a file from another till, to number anew. */
function idsTaken(ids: readonly number[]): Refusal {
  const shown = ids.slice(0, 5).map((id) => `#${id}`).join(t('common.listSeparator'));
  return new Refusal(t('import.idsTaken', { ids: shown, more: Math.max(0, ids.length - 5) }));
}
