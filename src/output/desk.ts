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
import { inert, oneLine, refColumn, shellLine } from './terminal.js';
import { dayAndTimeShown, localTime } from '../language/dates.js';
import { displayWidth } from './width.js';

/** How many of each kind the desk shows; it says how many more there are. */
export const DESK_SHOWN = 5;

// A description's columns on the desk: enough to know the complaint by, however narrow the terminal.
const DESCRIPTION_AT_MOST = 50;
const DESCRIPTION_AT_LEAST = 16;

/**
 * Today's desk in a few lines: what to triage, what is overdue, whom to call back; of one branch
 * when `branch` names it. Each complaint's line fits in `width` columns, its description cut to
 * the room the rest leaves. `locale` words "3 hours ago" in a language other than English.
 */
export function deskSummary(
  { shop, branch, currency }: { shop: string; branch: string | undefined; currency: string },
  waiting: Waiting,
  now: Date,
  paint: ChalkInstance,
  width: number,
  locale?: Locale,
): string {
  const where = branch === undefined ? inert(shop) : t('desk.shopAndBranch', { shop: inert(shop), branch: inert(branch) });
  const lines = [paint.bold(t('desk.heading', { where, when: dayAndTimeShown(now) }))];
  // Each heading is a count, in bold, and what it counts, then the command that deals with them.
  type Heading = 'desk.toTriage' | 'desk.toAssign' | 'desk.awaitingApproval' | 'desk.overdue' | 'desk.dueToday' | 'desk.followUpsDue' | 'desk.followUpsDueNoContact';
  const heading = (total: number, title: Heading, next: string) =>
    lines.push('', `${t(title, { count: total, shown: paint.bold(String(total)) })}  ${paint.dim(next)}`);
  // A line describes its complaint with `said`, which gives the description as much room as the rest leaves.
  type Describe = (c: Complaint, said: (description: string) => string) => string;
  const listed = [waiting.toTriage, waiting.toAssign, waiting.awaitingApproval, waiting.overdue, waiting.dueToday, waiting.followUpsDue];
  const refOf = refColumn(listed.flatMap(({ shown }) => shown.map((c) => c.id)));
  const fitted = (c: Complaint, describe: Describe) => {
    const start = `  ${refOf(c.id)} `;
    const room = width - displayWidth(start + describe(c, () => ''));
    return start + describe(c, (description) => oneLine(description, Math.min(DESCRIPTION_AT_MOST, Math.max(DESCRIPTION_AT_LEAST, room))));
  };
  const section = (title: Heading, { shown, total }: Excerpt<Complaint>, describe: Describe, next: string) => {
    if (total === 0) return;
    heading(total, title, next);
    for (const c of shown) lines.push(fitted(c, describe));
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
    (c, said) => {
      const [description, when] = [said(c.description), ago(c.occurred_at)];
      return c.customer
        ? t('desk.toTriageLineWithCustomer', { description, customer: oneLine(c.customer, 20), ago: when })
        : t('desk.toTriageLine', { description, ago: when });
    },
    'complaints triage',
  );
  section(
    'desk.toAssign',
    waiting.toAssign,
    (c, said) => (c.respond_by === null ? said(c.description) : t('desk.toAssignLine', { due: localTime(c.respond_by), description: said(c.description) })),
    `complaints assign ${t('common.placeholderId')} ${t('common.placeholderPerson')}`,
  );
  section(
    'desk.awaitingApproval',
    waiting.awaitingApproval,
    (c, said) => {
      const proposed = {
        remedy: remedyShown(c.proposed_remedy ?? ''),
        cost: amountShown(c.proposed_cost_minor ?? 0, currency),
        description: said(c.description),
      };
      return c.assignee ? t('desk.approvalLineBy', { ...proposed, assignee: oneLine(c.assignee, 12) }) : t('desk.approvalLine', proposed);
    },
    `complaints approve ${t('common.placeholderId')}`,
  );
  // What is late, then what falls due before the day is out: each by its respond-by, and whose it is.
  const dueLine = (c: Complaint, said: (description: string) => string, colour: ChalkInstance) => {
    const due = { due: colour(t('desk.due', { time: localTime(c.respond_by) })), status: statusShown(c.status), description: said(c.description) };
    return c.assignee ? t('desk.dueLineTo', { ...due, assignee: oneLine(c.assignee, 12) }) : t('desk.dueLine', due);
  };
  section(
    'desk.overdue',
    waiting.overdue,
    (c, said) => dueLine(c, said, paint.red),
    branch === undefined ? 'complaints list --overdue' : shellLine(['complaints', 'list', '--overdue', '--branch', branch]),
  );
  // Some may still be new, some assigned: the complaint itself offers the step its state allows.
  section('desk.dueToday', waiting.dueToday, (c, said) => dueLine(c, said, paint.yellow), `complaints ${t('common.placeholderId')}`);
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
  const inHandListed = shellLine(['complaints', 'list', '--status', IN_HAND_STATUSES.map(statusShown).join(','), ...(branch === undefined ? [] : ['--branch', branch])]);
  if (lines.length === 1) lines.push('', waiting.inHand > 0 ? t('desk.nothingDueToday', { count: waiting.inHand, command: inHandListed }) : t('desk.nothingWaiting'));
  return lines.join('\n');
}
