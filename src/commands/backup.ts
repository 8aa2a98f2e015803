import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import type { Session } from '../context.js';
import { Refusal } from '../errors.js';
import { requiredText } from '../domain/validate.js';
import { backupTo, isSameFile } from '../store/backup.js';
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
  // Replacing the logbook with its own copy would lose what other tills write meanwhile.
  if (isSameFile(file, session.dbPath)) throw new Refusal(`${file} is the logbook itself; write the backup to another file`);
  if (existsSync(file) && !options.force) throw new Refusal(`${file} exists already; choose a new name or add --force to replace it`);
  const pages = await backupTo(await session.db('read'), file);
  session.print(`Backed up ${session.dbPath} to ${file} (${pages} pages).`);
}
