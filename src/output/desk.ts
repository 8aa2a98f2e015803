import type { ChalkInstance } from 'chalk';
import { format } from 'date-fns/format';
import { formatDistanceStrict } from 'date-fns/formatDistanceStrict';
import type { Complaint, Waiting } from '../domain/complaint.js';
import { formatMoney } from '../domain/money.js';
import type { Excerpt } from '../domain/summary.js';
import { complaintRef, inert, localTime, oneLine, shellLine } from './terminal.js';

/** How many of each kind the desk shows; it says how many more there are. */
export const DESK_SHOWN = 5;

/** Today's desk in a few lines: what to triage, what is overdue, whom to call back; of one branch when `branch` names it. */
export function deskSummary(
  { shop, branch }: { shop: string; branch: string | undefined },
  waiting: Waiting,
  now: Date,
  paint: ChalkInstance,
): string {
  const where = branch === undefined ? inert(shop) : `${inert(shop)}, ${inert(branch)}`;
  const lines = [paint.bold(`${where} — ${format(now, 'EEE d MMM yyyy, HH:mm')}`)];
  const heading = (total: number, title: string, next: string) => lines.push('', `${paint.bold(String(total))} ${title}  ${paint.dim(next)}`);
  const section = (title: string, { shown, total }: Excerpt<Complaint>, describe: (c: Complaint) => string, next: string) => {
    if (total === 0) return;
    heading(total, title, next);
    for (const c of shown) lines.push(`  ${complaintRef(c.id).padEnd(6)} ${describe(c)}`);
    if (total > shown.length) lines.push(paint.dim(`  … and ${total - shown.length} more`));
  };
  const ago = (iso: string) => formatDistanceStrict(new Date(iso), now, { addSuffix: true });
  section(
    'new to triage',
    waiting.toTriage,
    (c) => `${oneLine(c.description, 50)}${c.customer ? ` — ${oneLine(c.customer, 20)}` : ''} (${ago(c.occurred_at)})`,
    'complaints triage',
  );
  section(
    'awaiting approval',
    waiting.awaitingApproval,
    (c) => `${c.proposed_remedy} ${formatMoney(c.proposed_cost_minor ?? 0)}${c.assignee ? ` by ${oneLine(c.assignee, 12)}` : ''}: ${oneLine(c.description, 40)}`,
    'complaints approve <id>',
  );
  section(
    'overdue',
    waiting.overdue,
    (c) => `${paint.red(`due ${localTime(c.respond_by)}`)} ${c.status}${c.assignee ? ` to ${oneLine(c.assignee, 12)}` : ''}: ${oneLine(c.description, 40)}`,
    branch === undefined ? 'complaints list --overdue' : shellLine(['complaints', 'list', '--overdue', '--branch', branch]),
  );
  section(
    waiting.followUpsDue.total === 1 ? 'follow-up due' : 'follow-ups due',
    waiting.followUpsDue,
    (c) => `resolved ${ago(c.resolved_at ?? c.occurred_at)}, call ${[oneLine(c.customer, 20), oneLine(c.contact, 20)].filter(Boolean).join(' on ')}`,
    'complaints follow-up <id> --satisfaction 1-5',
  );
  // No one to call, but each still to be closed or reopened: counted here, listed by follow-up.
  const noContact = waiting.followUpsDueNoContact;
  if (noContact > 0) heading(noContact, `${noContact === 1 ? 'follow-up' : 'follow-ups'} due with no contact recorded`, 'complaints follow-up');
  if (lines.length === 1) lines.push('', "Nothing waiting. Log a complaint with 'complaints log'.");
  return lines.join('\n');
}
