import type { Command } from 'commander';
import { statSync } from 'node:fs';
import type { Session } from '../context.js';
import { UsageError } from '../errors.js';
import { atHome } from '../store/location.js';
import { requiredText } from '../domain/validate.js';
import { t } from '../language/messages.js';
import { sizeShown } from '../output/terminal.js';
import { examples } from './examples.js';

export function registerBackup(command: Command, session: Session): void {
  command
    .argument('<file>', t('backup.fileArgument'))
    .option('--force', t('backup.forceOption'))
    .addHelpText(
      'after',
      examples(
        'complaints backup ~/backups/complaints-$(date +%F).db',
        'complaints backup ~/backups/complaints.db --force  # replace the copy made last time',
      ),
    )
    .action((file: string, options: { force?: boolean }) => runBackup(file, options, session));
}

export async function runBackup(fileText: string, options: { force?: boolean }, session: Session): Promise<void> {
  const file = atHome(requiredText(fileText, t('backup.fileName')), session.env);
  // Elsewhere '-' is standard output or input; a backup is a database file, written in place.
  if (file === '-') throw new UsageError(t('backup.notToStdout'));
  // A server's address taken as a path made folders named after it, its password among them; not repeated here for that reason.
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(file)) throw new UsageError(t('backup.notToAddress'));
  await (await session.logbook('read')).backup(file, Boolean(options.force));
  session.print(t('backup.done', { logbook: session.address.shown, file, size: sizeShown(statSync(file).size) }));
}
