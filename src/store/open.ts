import { NoLogbook } from './errors.js';
import { isMissing } from './folders.js';
import type { LogbookAddress } from './location.js';
import type { Logbook } from './logbook.js';
import type { UidsSeen } from './sqlite/uids-seen.js';

/**
 * What a command does with the logbook, which decides how it is opened and what a logbook that
 * does not exist means (a mistyped --db must not look like an empty logbook, nor leave one behind):
 * - 'read': reads only; a missing one is refused.
 * - 'add': writes; a missing one is created (the first complaint or setting).
 * - 'import': as 'add', but a missing SQLite logbook is made under another name and put in place
 *   only once the import is done, so that a refused file leaves no logbook behind.
 * - 'change': writes what the logbook holds; a missing one is refused, having nothing to change.
 * - 'dry-run': reads only; a missing one reads as a new, empty logbook, and nothing is created.
 */
export type Access = 'read' | 'add' | 'import' | 'change' | 'dry-run';

/**
 * An empty set of uids on disk, for a dry run to find one a file gives twice whatever the
 * logbook's engine (it is SQLite's, as a scratch file: src/store/sqlite/uids-seen.ts).
 */
export async function openUidsSeen(): Promise<UidsSeen> {
  const { UidsSeen } = await import('./sqlite/uids-seen.js');
  return new UidsSeen();
}

/** The settings a logbook starts with when this command makes it, by key: the defaults of its maker's language. */
export type FirstSettings = Readonly<Record<string, string>>;

/**
 * The logbook at `address`, opened for `access` and brought up to date. Throws NoLogbook when
 * there is none and `access` does not make one. The engine is loaded only here, when a command
 * first needs the logbook, so that commands that never do (--help, --version) do not pay for it,
 * and a till on one engine never loads the other.
 */
export async function openLogbook(address: LogbookAddress, access: Access, firstSettings: FirstSettings = {}): Promise<Logbook> {
  if (address.engine === 'postgres') {
    // pg asks, as it loads, whether it runs in a Cloudflare Worker: from `navigator` where Node
    // has one (21 and later), else by making a fetch Response, which loads all of Node's fetch
    // (~25 ms of every command on Node 20). Node 20 is given the `navigator` later Nodes have.
    (globalThis as { navigator?: { userAgent: string } }).navigator ??= { userAgent: `Node.js/${process.versions.node.split('.')[0]}` };
    const { openPostgresLogbook } = await import('./postgres/open.js');
    return openPostgresLogbook(address, access, firstSettings);
  }
  const where = address.file;
  const { openDatabase, openDraftLogbook, openEmptyLogbook, openForReading, openOrMakeDatabase } = await import('./sqlite/open.js');
  const { SqliteLogbook } = await import('./sqlite/logbook.js');
  if (access === 'import' && isMissing(where)) {
    const draft = openDraftLogbook(where, undefined, firstSettings);
    return new SqliteLogbook(draft.db, draft.draft, draft);
  }
  const missing = access !== 'import' && isMissing(where);
  if (missing && access !== 'add' && access !== 'dry-run') throw new NoLogbook(where);
  if (access === 'add') {
    const { db, madeNow } = openOrMakeDatabase(where, undefined, firstSettings);
    return new SqliteLogbook(db, where, undefined, madeNow);
  }
  const reads = access === 'read' || access === 'dry-run';
  return new SqliteLogbook(missing ? openEmptyLogbook(undefined, firstSettings) : reads ? openForReading(where) : openDatabase(where, undefined, firstSettings), where);
}
