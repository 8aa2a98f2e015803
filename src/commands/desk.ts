import type { Command } from 'commander';
import type { Session } from '../context.js';
import { followUpCutoff } from '../domain/lifecycle.js';
import { UsageError } from '../errors.js';
import { spoken, t } from '../language/messages.js';
import { DESK_SHOWN, deskSummary } from '../output/desk.js';
import { painter } from '../output/terminal.js';
import { computerSettingsFile, readComputerSettings } from '../store/this-computer.js';
import { examples, settingsOf } from './common.js';
import { runComplaint } from './complaint.js';
import { placesAsSpelt } from '../store/spelt-filter.js';

/** A complaint's id in place of a command: `complaints 12` (or #12, or full-width digits). */
const ID = /^\s*[#＃]?[0-9０-９]+\s*$/;

/**
 * `complaints` with no command: today's desk; with an id, that complaint (commands/complaint.ts). Registered after the commands, so that only the
 * bare program takes stray words (to name them as an unknown command) and the commands do not.
 */
export function registerDesk(program: Command, session: Session): void {
  program
    .allowExcessArguments(true)
    .addHelpText(
      'after',
      examples(
        'complaints                          # the desk: what to triage, what is overdue, whom to call back',
        'complaints 12                       # one complaint; at a terminal, then its next step',
        'complaints log "soup was cold" --customer "Ann Lee" --wants refund',
        'complaints triage 12 --category product --cause "cold food"',
        'complaints assign 12 Sam && complaints resolve 12 --remedy refund --cost 4.50',
        'complaints follow-up 12 --satisfaction 4',
        'complaints list --overdue',
      ),
    )
    .action(async (_options: unknown, command: Command) => {
      const [unknown] = command.args;
      if (unknown !== undefined && ID.test(unknown)) return runComplaint(unknown, session);
      if (unknown !== undefined) throw new UsageError(t('desk.unknownCommand', { command: unknown }));
      await runDesk(session);
    });
}

/**
 * The desk of this computer's branch when it has one (config set branch), else of every branch:
 * a till sees what waits where it stands, the back office sees the whole shop.
 */
export async function runDesk(session: Session): Promise<void> {
  const logbook = await session.logbook('read');
  const settings = await settingsOf(logbook);
  const { branch } = readComputerSettings(computerSettingsFile(session.env));
  const now = session.now();
  const cutoff = followUpCutoff(now, settings['follow-up-days']).toISOString();
  const waiting = await logbook.desk(now.toISOString(), cutoff, DESK_SHOWN, await placesAsSpelt(logbook, { branch }));
  // "3 hours ago" in Chinese needs date-fns's words for it, loaded only then.
  const locale = spoken() === 'zh-CN' ? (await import('date-fns/locale/zh-CN')).zhCN : undefined;
  session.print(deskSummary({ shop: settings.shop, branch }, waiting, now, painter(session.color), locale));
}
