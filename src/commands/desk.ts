import { existsSync } from 'node:fs';
import type { Session } from '../context.js';
import { waitingFile } from '../store/location.js';
import { followUpCutoff } from '../domain/lifecycle.js';
import { endOfToday } from '../domain/when.js';
import { INVISIBLE } from '../domain/spelling.js';
import { UsageError } from '../errors.js';
import { spoken, t } from '../language/messages.js';
import { DESK_SHOWN, deskSummary } from '../output/desk.js';
import { painter } from '../output/paint.js';
import { stdoutColumns } from '../output/width.js';
import { settingsOf, whereThisComputerStands } from './common.js';

/** A complaint's id in place of a command: `complaints 12` (or #12, or full-width digits). */
const ID = /^\s*[#＃]?[0-9０-９]+\s*$/;

/** `complaints` with no command: today's desk; with an id, that complaint (commands/complaint.ts). */
export async function runDeskOrComplaint(words: readonly string[], session: Session): Promise<void> {
  const [unknown] = words;
  if (unknown !== undefined && ID.test(unknown.replace(INVISIBLE, ''))) {
    // As show refuses more than one id, rather than showing the first and passing over the rest.
    if (words.length > 1) throw new UsageError(t('cli.tooManyArgumentsUsage', { name: 'complaints', expected: 1, got: words.length, usage: `complaints ${t('common.placeholderId')}` }));
    return (await import('./complaint.js')).runComplaint(unknown, session);
  }
  if (unknown !== undefined) throw new UsageError(t('desk.unknownCommand', { command: unknown }));
  await runDesk(session);
}

/**
 * The desk of this computer's branch when it has one (config set branch), else of every branch:
 * a till sees what waits where it stands, the back office sees the whole shop.
 */
export async function runDesk(session: Session): Promise<void> {
  const logbook = await session.logbook('read');
  const settings = await settingsOf(logbook);
  const { branch, within } = await whereThisComputerStands(session, logbook);
  const now = session.now();
  const moments = { now: now.toISOString(), endOfToday: endOfToday(now).toISOString(), followUpDueBefore: followUpCutoff(now, settings['follow-up-days']).toISOString() };
  const waiting = await logbook.desk(moments, DESK_SHOWN, within);
  // "3 hours ago" in Chinese needs date-fns's words for it, loaded only then.
  const locale = spoken() === 'zh-CN' ? (await import('date-fns/locale/zh-CN')).zhCN : undefined;
  session.print(deskSummary({ shop: settings.shop, branch, currency: settings.currency }, waiting, now, painter(session.color), stdoutColumns(), locale));
  // Only a till that has kept complaints has the file; the rest pay one look for it.
  if (existsSync(waitingFile(session.env))) await (await import('./sync.js')).tellWaitingElsewhere(session);
}
