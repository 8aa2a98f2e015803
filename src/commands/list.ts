import type { Command } from 'commander';
import type { Session } from '../context.js';
import { checkFilter, type FilterFlags } from '../domain/filter.js';
import { toRecord } from '../domain/record.js';
import { complaintTable } from '../output/table.js';
import { painter } from '../output/terminal.js';
import { listComplaints } from '../store/complaints.js';
import { examples, filterAsSpelt, jsonOption, printJson, withFilterOptions } from './common.js';

interface ListOptions extends FilterFlags {
  json?: boolean;
}

export function registerList(program: Command, session: Session): void {
  withFilterOptions(program.command('list').description('list complaints, newest first'))
    .addOption(jsonOption())
    .addHelpText(
      'after',
      examples(
        'complaints list --status new,triaged',
        'complaints list --overdue',
        'complaints list --cause "cold food" --since 4w',
        'complaints list --assignee Sam --json | jq length',
      ),
    )
    .action((options: ListOptions) => runList(options, session));
}

export async function runList(options: ListOptions, session: Session): Promise<void> {
  const db = await session.db();
  const complaints = listComplaints(db, filterAsSpelt(db, checkFilter(options, session.now(), 'newest first')));
  if (options.json) return printJson(session, complaints.map(toRecord));
  if (complaints.length === 0) return session.tell('No complaints match.');
  session.print(complaintTable(complaints, session.now(), painter(session.color)));
}
