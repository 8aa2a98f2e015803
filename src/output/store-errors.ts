import { join } from 'node:path';
import { Refusal } from '../errors.js';
import { systemReason } from '../language/labels.js';
import { t } from '../language/messages.js';
import { BackupExists, BackupFailed, BackupIsFolder, BackupNotAFile, BackupOfDamaged, BackupOnItself, LogbookProblem, NoLogbook, NotFound, type Trouble } from '../store/errors.js';
import { complaintRef } from './terminal.js';

/** What a logbook reported, in words for a person with what to do next; undefined for anything else. */
export function inWords(error: unknown): Refusal | undefined {
  if (error instanceof NotFound) return new Refusal(t('store.notFoundHint', { ref: complaintRef(error.id) }));
  if (error instanceof NoLogbook) return new Refusal(t('store.noLogbookHint', { where: error.where, kind: error.kind }));
  if (error instanceof LogbookProblem) return new Refusal(problemInWords(error.where, error.trouble));
  if (error instanceof BackupOnItself) return new Refusal(t('store.backupOnItselfHint', { file: error.file }));
  if (error instanceof BackupIsFolder) return new Refusal(t('store.backupIsFolderHint', { file: error.file, suggestion: join(error.file, 'complaints.db') }));
  if (error instanceof BackupNotAFile) return new Refusal(t('files.notAFile', { path: error.file }));
  if (error instanceof BackupExists) return new Refusal(t('store.backupExistsHint', { file: error.file }));
  if (error instanceof BackupOfDamaged) return new Refusal(error.message);
  if (error instanceof BackupFailed) return new Refusal(t('store.backupFailed', { file: error.file, reason: systemReason(error.reason) }));
  return undefined;
}

function problemInWords(path: string, trouble: Trouble): string {
  switch (trouble.kind) {
    case 'a folder':
      return t('store.aFolder', { path });
    case 'not a file':
      return t('store.notAFile', { path });
    case 'unreadable':
      return t('store.unreadable', { path, code: systemReason(trouble.code) });
    case 'empty':
      return t('store.emptyFile', { path });
    case 'not a database':
      return t('store.notADatabase', { path });
    case 'another program':
      return t('store.anotherProgram', { path });
    case 'damaged':
      return trouble.detail === null ? t('store.damaged', { path }) : t('store.damagedDetail', { path, detail: trouble.detail });
    case 'newer':
      return t('store.newer', { path, schema: trouble.schema });
    case 'cannot create':
      return t('store.cannotCreate', { path, reason: systemReason(trouble.reason) });
    case 'made meanwhile':
      return t('store.madeMeanwhile', { path });
    case 'cannot write':
      return t(trouble.folderToo ? 'store.cannotWriteFolderToo' : 'store.cannotWrite', { path, code: systemReason(trouble.code) });
    case 'needs update':
      return t('store.needsUpdate', { path, from: trouble.from, to: trouble.to, code: systemReason(trouble.code) });
    case 'making needs owner':
      return t('store.makingNeedsOwner', { path });
    case 'update needs owner':
      return t('store.updateNeedsOwner', { path, from: trouble.from, to: trouble.to });
    case 'changes beside it':
      return t('store.changesBesideIt', { path, wal: trouble.wal });
    case 'half-done write':
      return t('store.halfDoneWrite', { path });
    case 'disk full':
      return t('store.diskFull', { path });
    case 'disk failed':
      return t('store.diskFailed', { path, code: trouble.code });
    case 'busy':
      return t('store.busy', { path });
    case 'read only':
      return t('store.readOnlyServer', { path });
    case 'update failed':
      return trouble.keptIn === null
        ? t('store.updateFailed', { path, migration: trouble.migration, reason: trouble.reason })
        : t('store.updateFailedKept', { path, migration: trouble.migration, reason: trouble.reason, keptIn: trouble.keptIn });
    case 'other tables':
      return t('store.otherTables', { path });
    case 'unreachable':
      return t('store.unreachable', { path, detail: systemReason(trouble.detail) });
    case 'cut at commit':
      return t('store.cutAtCommit', { path });
    case 'login refused':
      return t('store.loginRefused', { path, detail: trouble.detail });
    case 'no ssl':
      return t('store.noSsl', { path });
    case 'no database':
      return t('store.noDatabase', { path });
    case 'no schema':
      return t('store.noSchema', { path });
    case 'not allowed':
      return t('store.notAllowed', { path, detail: trouble.detail });
  }
}
