import type { Command } from 'commander';
import type { Session } from '../context.js';
import { requiredText } from '../domain/validate.js';
import { examples } from './common.js';

export function registerBackup(program: Command, session: Session): void {
  program
    .command('backup')
    .description('copy the logbook to a file, consistently, even while others are writing')
    .argument('<file>', 'where to write the copy (missing folders are made)')
    .option('--force', 'replace the file if it exists')
    .addHelpText(
      'after',
      examples(
        'complaints backup ~/backups/complaints-$(date +%F).db',
        'complaints backup ~/backups/complaints.db --force    # replace the copy made last time',
      ),
    )
    .action((file: string, options: { force?: boolean }) => runBackup(file, options, session));
}

export async function runBackup(fileText: string, options: { force?: boolean }, session: Session): Promise<void> {
  const file = requiredText(fileText, 'the backup file name');
  const pages = await (await session.logbook('read')).backup(file, Boolean(options.force));
  session.print(`Backed up ${session.address.shown} to ${file} (${pages} pages).`);
}
