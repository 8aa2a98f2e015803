import type { ChalkInstance } from 'chalk';
import { IN_HAND_STATUSES } from '../domain/lifecycle.js';
import { formatDistanceStrict } from 'date-fns/formatDistanceStrict';
import type { Locale } from 'date-fns/locale';
import type { Complaint, Waiting } from '../domain/complaint.js';
import { amountShown } from '../domain/money.js';
import type { Excerpt } from '../domain/summary.js';
import { statusShown } from '../language/labels.js';
import { t } from '../language/messages.js';
import { remedyShown } from '../language/labels.js';
import { complaintRef, inert, oneLine, shellLine } from './terminal.js';
import { dayAndTimeShown, localTime } from '../language/dates.js';

/** How many of each kind the desk shows; it says how many more there are. */
export const DESK_SHOWN = 5;

/**
 * Today's desk in a few lines: what to triage, what is overdue, whom to call back; of one branch
 * when `branch` names it. `locale` words "3 hours ago" in a language other than English.
 */
export function deskSummary(
  { shop, branch, currency }: { shop: string; branch: string | undefined; currency: string },
  waiting: Waiting,
  now: Date,
  paint: ChalkInstance,
  locale?: Locale,
): string {
  const where = branch === undefined ? inert(shop) : t('desk.shopAndBranch', { shop: inert(shop), branch: inert(branch) });
  const lines = [paint.bold(t('desk.heading', { where, when: dayAndTimeShown(now) }))];
  // Each heading is a count, in bold, and what it counts, then the command that deals with them.
  type Heading = 'desk.toTriage' | 'desk.toAssign' | 'desk.awaitingApproval' | 'desk.overdue' | 'desk.dueToday' | 'desk.followUpsDue' | 'desk.followUpsDueNoContact';
  const heading = (total: number, title: Heading, next: string) =>
    lines.push('', `${t(title, { count: total, shown: paint.bold(String(total)) })}  ${paint.dim(next)}`);
  const section = (title: Heading, { shown, total }: Excerpt<Complaint>, describe: (c: Complaint) => string, next: string) => {
    if (total === 0) return;
    heading(total, title, next);
    for (const c of shown) lines.push(`  ${complaintRef(c.id).padEnd(6)} ${describe(c)}`);
    if (total > shown.length) lines.push(paint.dim(`  ${t('report.andMore', { count: total - shown.length })}`));
  };
  // Within the minute is "just now" (刚刚), not "0 seconds ago": a complaint logged while the customer is still there.
  const ago = (iso: string) =>
    Math.abs(now.getTime() - Date.parse(iso)) < 60_000
      ? t('desk.justNow')
      : formatDistanceStrict(new Date(iso), now, { addSuffix: true, ...(locale === undefined ? {} : { locale }) });
  section(
    'desk.toTriage',
    waiting.toTriage,
    (c) => {
      const [description, when] = [oneLine(c.description, 50), ago(c.occurred_at)];
      return c.customer
        ? t('desk.toTriageLineWithCustomer', { description, customer: oneLine(c.customer, 20), ago: when })
        : t('desk.toTriageLine', { description, ago: when });
    },
    'complaints triage',
  );
  section(
    'desk.toAssign',
    waiting.toAssign,
    (c) => (c.respond_by === null ? oneLine(c.description, 50) : t('desk.toAssignLine', { due: localTime(c.respond_by), description: oneLine(c.description, 50) })),
    `complaints assign ${t('common.placeholderId')} ${t('common.placeholderPerson')}`,
  );
  section(
    'desk.awaitingApproval',
    waiting.awaitingApproval,
    (c) => {
      const said = {
        remedy: remedyShown(c.proposed_remedy ?? ''),
        cost: amountShown(c.proposed_cost_minor ?? 0, currency),
        description: oneLine(c.description, 40),
      };
      return c.assignee ? t('desk.approvalLineBy', { ...said, assignee: oneLine(c.assignee, 12) }) : t('desk.approvalLine', said);
    },
    `complaints approve ${t('common.placeholderId')}`,
  );
  // What is late, then what falls due before the day is out: each by its respond-by, and whose it is.
  const dueLine = (c: Complaint, colour: ChalkInstance) => {
    const said = { due: colour(t('desk.due', { time: localTime(c.respond_by) })), status: statusShown(c.status), description: oneLine(c.description, 40) };
    return c.assignee ? t('desk.dueLineTo', { ...said, assignee: oneLine(c.assignee, 12) }) : t('desk.dueLine', said);
  };
  section(
    'desk.overdue',
    waiting.overdue,
    (c) => dueLine(c, paint.red),
    branch === undefined ? 'complaints list --overdue' : shellLine(['complaints', 'list', '--overdue', '--branch', branch]),
  );
  // Some may still be new, some assigned: the complaint itself offers the step its state allows.
  section('desk.dueToday', waiting.dueToday, (c) => dueLine(c, paint.yellow), `complaints ${t('common.placeholderId')}`);
  section(
    'desk.followUpsDue',
    waiting.followUpsDue,
    (c) => {
      const [customer, contact, when] = [oneLine(c.customer, 20), oneLine(c.contact, 20), ago(c.resolved_at ?? c.occurred_at)];
      return customer && contact ? t('desk.followUpLineOn', { ago: when, customer, contact }) : t('desk.followUpLine', { ago: when, who: customer || contact });
    },
    `complaints follow-up ${t('common.placeholderId')} --satisfaction 1-5`,
  );
  // No one to call, but each still to be closed or reopened: counted here, listed by follow-up.
  const noContact = waiting.followUpsDueNoContact;
  if (noContact > 0) heading(noContact, 'desk.followUpsDueNoContact', 'complaints follow-up');
  // In hand and due another day is work too, not nothing.
  const inHandListed = shellLine(['complaints', 'list', '--status', IN_HAND_STATUSES.join(','), ...(branch === undefined ? [] : ['--branch', branch])]);
  if (lines.length === 1) lines.push('', waiting.inHand > 0 ? t('desk.nothingDueToday', { count: waiting.inHand, command: inHandListed }) : t('desk.nothingWaiting'));
  return lines.join('\n');
}
