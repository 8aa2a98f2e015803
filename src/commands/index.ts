import type { Command } from 'commander';
import type { Session } from '../context.js';
import { registerActions } from './actions.js';
import { registerApprove } from './approve.js';
import { registerAssign } from './assign.js';
import { registerBackup } from './backup.js';
import { registerCauses } from './causes.js';
import { registerCheck } from './check.js';
import { registerCompletion } from './completion.js';
import { registerConfig } from './config.js';
import { registerDesk } from './desk.js';
import { registerExport } from './export.js';
import { registerFollowUp } from './follow-up.js';
import { registerForget } from './forget.js';
import { registerImport } from './import.js';
import { registerList } from './list.js';
import { registerLog } from './log.js';
import { registerNote } from './note.js';
import { registerReport } from './report.js';
import { registerResolve } from './resolve.js';
import { registerSetupRoles } from './setup-roles.js';
import { registerShow } from './show.js';
import { registerSync } from './sync.js';
import { registerTriage } from './triage.js';
import { registerUndo } from './undo.js';

/** Every command, in the order of the workflow, as `complaints --help` lists them. */
export function registerCommands(program: Command, session: Session): void {
  for (const register of [
    registerLog,
    registerTriage,
    registerAssign,
    registerResolve,
    registerApprove,
    registerFollowUp,
    registerNote,
    registerUndo,
    registerList,
    registerShow,
    registerReport,
    registerActions,
    registerExport,
    registerImport,
    registerSync,
    registerCauses,
    registerConfig,
    registerBackup,
    registerCheck,
    registerForget,
    registerSetupRoles,
    registerCompletion,
  ]) {
    register(program, session);
  }
  registerDesk(program, session);
}
