import { t } from '../language/messages.js';

// Facts a logbook reports when it cannot do what was asked, whichever engine keeps it; the words
// for a person are chosen where they are shown (src/commands, src/cli.ts).

/** There is no complaint with this id. */
export class NotFound extends Error {
  constructor(readonly id: number) {
    super(t('store.noComplaint', { id }));
  }
}

/** Complaints of a file whose numbers other complaints of the logbook have. */
export class IdsTaken extends Error {
  constructor(readonly ids: readonly number[]) {
    super(t('store.idsTaken', { ids: ids.map((id) => `#${id}`).join(t('common.listSeparator')) }));
  }
}

/** A uid a file gives two complaints: a file no logbook wrote. */
export class UidTwice extends Error {
  constructor(readonly uid: string) {
    super(t('store.uidTwice', { uid }));
  }
}

/** Nothing is where the logbook was looked for, and the command does not make one. */
export class NoLogbook extends Error {
  constructor(
    readonly where: string,
    /** Where the logbook would be: a file on this computer, or a database on a server. */
    readonly kind: 'file' | 'server' = 'file',
  ) {
    super(t('store.noLogbook', { where }));
  }
}

/** A backup was asked to be written onto the logbook itself, under whatever name. */
export class BackupOnItself extends Error {
  constructor(readonly file: string) {
    super(t('store.backupOnItself', { file }));
  }
}

/** A backup was given a folder's name rather than a file's. */
export class BackupIsFolder extends Error {
  constructor(readonly file: string) {
    super(t('store.backupIsFolder', { file }));
  }
}

/** A backup was given the name of something that is not an ordinary file: a device, a pipe, or a link to one. */
export class BackupNotAFile extends Error {
  constructor(readonly file: string) {
    super(t('store.backupNotAFile', { file }));
  }
}

/** A backup would replace a file, and replacing was not asked for. */
export class BackupExists extends Error {
  constructor(readonly file: string) {
    super(t('store.backupExists', { file }));
  }
}

/** A backup was written of a logbook found damaged: the copy is kept, a copy being better than none, and is damaged too. */
export class BackupOfDamaged extends Error {
  constructor(
    readonly logbook: string,
    readonly file: string,
    readonly detail: string,
  ) {
    super(t('store.backupOfDamaged', { logbook, file, detail }));
  }
}

/** A backup could not be written; `reason` is the engine's message or the system's error code. */
export class BackupFailed extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(t('store.backupFailed', { file, reason }));
  }
}

/** Why a logbook cannot be used, as the engine found it; the words for it are chosen where it is shown. */
export type Trouble =
  | { kind: 'a folder' }
  | { kind: 'not a file' }
  | { kind: 'unreadable'; code: string }
  | { kind: 'empty' }
  | { kind: 'not a database' }
  | { kind: 'another program' }
  | { kind: 'damaged'; detail: string | null }
  | { kind: 'newer'; schema: number }
  | { kind: 'cannot create'; reason: string }
  | { kind: 'made meanwhile' }
  | { kind: 'cannot write'; code: string; folderToo: boolean }
  | { kind: 'needs update'; from: number; to: number; code: string }
  | { kind: 'changes beside it'; wal: string }
  | { kind: 'half-done write' }
  | { kind: 'disk full' }
  | { kind: 'disk failed'; code: string }
  | { kind: 'busy' }
  | { kind: 'read only' }
  | { kind: 'update failed'; migration: string; reason: string; keptIn: string | null }
  // A logbook on a PostgreSQL server; `detail` is the server's or the driver's own words.
  | { kind: 'other tables' }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'cut at commit' }
  | { kind: 'login refused'; detail: string }
  | { kind: 'no ssl' }
  | { kind: 'no database'; detail: string }
  | { kind: 'no schema' }
  | { kind: 'not allowed'; detail: string }
  | { kind: 'update needs owner'; from: number; to: number }
  | { kind: 'making needs owner' };

/** The logbook at `where` cannot be used, for the reason `trouble` gives. */
export class LogbookProblem extends Error {
  constructor(
    readonly where: string,
    readonly trouble: Trouble,
  ) {
    super(`${where}: ${trouble.kind}`);
  }
}
