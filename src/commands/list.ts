import type { Command } from 'commander';
import type { Session } from '../context.js';
import type { FilterFlags } from '../domain/filter.js';
import { jsonArray, writeChunks } from '../output/lines.js';
import { checkFilterIn, jsonOption, tellNamedNothing, withFilterOptions, writeComplaintTable } from './common.js';
import { examples } from './examples.js';
import { filterAsSpelt } from '../store/spelt-filter.js';
import { t } from '../language/messages.js';

interface ListOptions extends FilterFlags {
  json?: boolean;
}

export function registerList(command: Command, session: Session): void {
  withFilterOptions(command)
    .addOption(jsonOption())
    .addHelpText(
      'after',
      examples(
        'complaints list --status new,triaged',
        'complaints list --overdue',
        'complaints list --cause "cold food" --since 4w',
        'complaints list --customer "Ann Lee"',
        'complaints list --assignee Sam --json | jq length',
      ),
    )
    .action((options: ListOptions) => runList(options, session));
}

export async function runList(options: ListOptions, session: Session): Promise<void> {
  const logbook = await session.logbook('read');
  const typed = await checkFilterIn(logbook, options, session.now(), 'newest first');
  // A withdrawn complaint (its logging undone) is listed only when asked for by status.
  const filter = await filterAsSpelt(logbook, typed.statuses === undefined ? { ...typed, standing: true } : typed, tellNamedNothing(session));
  // Complaints are read as they are written out, so that listing a million holds one at a time.
  if (options.json) {
    return writeChunks(session.stdout, jsonArray(logbook.jsonElements(filter)));
  }
  if ((await writeComplaintTable(session, logbook, filter)) === 0) session.tell(t('list.noneMatch'));
}
