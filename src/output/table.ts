import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { Complaint } from '../domain/complaint.js';
import { OPEN_STATUSES, isOverdue } from '../domain/lifecycle.js';
import { complaintRef, localTime, oneLine } from './terminal.js';

/** A table with the house style: coloured headings only when colour is on, no borders inside. */
export function newTable(head: string[], paint: ChalkInstance, align?: Array<'left' | 'right'>): Table.Table {
  return new Table({
    head: head.map((h) => paint.bold(h)),
    style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 2 },
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '',
      'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '',
    },
    ...(align ? { colAligns: align } : {}),
  });
}

/** Complaints one a line, for `list` and the follow-ups due. */
export function complaintTable(complaints: readonly Complaint[], now: Date, paint: ChalkInstance): string {
  const table = newTable(
    ['id', 'occurred', 'status', 'customer', 'about', 'cause', 'assignee', 'respond by', 'complaint'],
    paint,
  );
  for (const c of complaints) {
    const late = isOverdue(c.status, c.respond_by, now);
    table.push([
      complaintRef(c.id),
      localTime(c.occurred_at),
      c.status,
      oneLine(c.customer, 20),
      oneLine(c.about, 20),
      oneLine(c.cause, 20),
      oneLine(c.assignee, 12),
      !OPEN_STATUSES.includes(c.status) ? '' : late ? paint.red(`${localTime(c.respond_by)} !`) : localTime(c.respond_by),
      oneLine(c.description, 40),
    ]);
  }
  return withoutTrailingSpace(table.toString());
}

/** cli-table3 pads the last column too; trailing blanks only get in the way of diff and grep. */
export function withoutTrailingSpace(text: string): string {
  return text.replace(/[ \t]+$/gm, '');
}
