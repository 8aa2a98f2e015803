import type { ChalkInstance } from 'chalk';
import type { Complaint, TimelineEvent } from '../domain/complaint.js';
import { isOverdue } from '../domain/lifecycle.js';
import { formatMoney } from '../domain/money.js';
import { complaintRef, inert, localTime, oneLine } from './terminal.js';

/** One complaint for a person: what was said, where it stands, and its timeline. */
export function describeComplaint(c: Complaint, events: readonly TimelineEvent[], now: Date, paint: ChalkInstance): string {
  const late = isOverdue(c.status, c.respond_by, now);
  const fields: Array<[string, string | null]> = [
    ['status', c.status + (late ? paint.red(' (overdue)') : '')],
    ['occurred', localTime(c.occurred_at)],
    ['logged', c.logged_at === c.occurred_at ? null : localTime(c.logged_at)],
    ['customer', c.customer],
    ['contact', c.contact],
    ['channel', c.channel],
    ['about', c.about],
    ['wants', c.wants],
    ['suggestion', c.suggestion],
    ['taken by', c.staff],
    ['category', c.category],
    ['cause', c.cause],
    ['severity', c.severity],
    ['rejected because', c.reject_reason],
    ['assignee', c.assignee],
    ['respond by', c.respond_by === null ? null : localTime(c.respond_by)],
    ['resolved', c.resolved_at === null ? null : localTime(c.resolved_at)],
    ['remedy', remediesText(c)],
    ['cost', costText(c)],
    ['root cause', c.root_cause],
    ['action', c.action],
    ['followed up', c.followed_up_at === null ? null : localTime(c.followed_up_at)],
    ['satisfaction', c.satisfaction === null ? null : `${c.satisfaction}/5`],
  ];
  const width = Math.max(...fields.map(([label]) => label.length));
  const lines = [
    paint.bold(`Complaint ${complaintRef(c.id)}`),
    ...indent(inert(c.description)),
    '',
    ...fields
      .filter((field): field is [string, string] => field[1] !== null)
      .map(([label, value]) => `${paint.dim(label.padEnd(width))}  ${label === 'status' ? value : oneLine(value)}`),
    '',
    paint.bold('Timeline'),
    ...events.map((event) => timelineLine(event, paint)),
  ];
  return lines.join('\n');
}

/** The remedy, or every remedy given in turn when there were several. */
function remediesText(c: Complaint): string | null {
  return c.remedies.length > 1 ? c.remedies.map((given) => given.remedy).join(', then ') : c.remedy;
}

/** What the remedies cost, and when there were several, what each one cost. */
function costText(c: Complaint): string | null {
  if (c.cost_minor === null) return null;
  if (c.remedies.length < 2) return formatMoney(c.cost_minor);
  const each = c.remedies.map((given) => (given.cost_minor === null ? '0.00' : formatMoney(given.cost_minor)));
  return `${formatMoney(c.cost_minor)} (${each.join(' + ')})`;
}

function indent(text: string): string[] {
  return text.split('\n').map((line) => `  ${line}`);
}

function timelineLine(event: TimelineEvent, paint: ChalkInstance): string {
  const entered = event.recorded_at.slice(0, 16) === event.at.slice(0, 16) ? '' : paint.dim(` (entered ${localTime(event.recorded_at)})`);
  const details = Object.entries(event.changes)
    // The status shows in the action, and a step's own time (resolved_at = at) in the line's time.
    .filter(([key, value]) => key !== 'status' && key !== 'description' && value !== event.at)
    .map(([key, value]) => `${key === 'cost_minor' ? 'cost' : key.replace(/_/g, ' ')}: ${describeValue(key, value)}`)
    .join(', ');
  return `  ${localTime(event.at)}  ${event.action}${details ? ' — ' + details : ''}${entered}`;
}

function describeValue(key: string, value: unknown): string {
  if (value === null) return '(cleared)';
  if (key === 'cost_minor' && typeof value === 'number') return formatMoney(value);
  if (key.endsWith('_at') || key === 'respond_by') return localTime(String(value));
  return oneLine(String(value), 80);
}
