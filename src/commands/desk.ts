import type { Command } from 'commander';
import { subDays } from 'date-fns/subDays';
import type { Session } from '../context.js';
import { UsageError } from '../errors.js';
import { deskSummary } from '../output/desk.js';
import { painter } from '../output/terminal.js';
import { desk } from '../store/complaints.js';
import { settingsOf } from './common.js';

/** `complaints` with no command: today's desk. */
export function registerDesk(program: Command, session: Session): void {
  program
    .argument('[command]', 'a command (see below); none shows the desk: what to triage, what is overdue, whom to call back')
    .action(async (unknown: string | undefined) => {
      if (unknown !== undefined) throw new UsageError(`unknown command '${unknown}'; see 'complaints --help'`);
      await runDesk(session);
    });
}

export async function runDesk(session: Session): Promise<void> {
  const db = await session.db();
  const settings = settingsOf(db);
  const now = session.now();
  const waiting = desk(db, now.toISOString(), subDays(now, settings['follow-up-days']).toISOString());
  session.print(deskSummary(settings.shop, waiting, now, painter(session.color)));
}
