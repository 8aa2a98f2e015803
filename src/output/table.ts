import type { ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import type { Complaint } from '../domain/complaint.js';
import { OPEN_STATUSES, isOverdue } from '../domain/lifecycle.js';
import { complaintRef, localTime, oneLine } from './terminal.js';

type Align = 'left' | 'right';

/** Rows of one-line cells, shown in columns as wide as their widest cell and two spaces. */
export interface TextTable {
  push(...rows: string[][]): void;
  toString(): string;
}

// Two spaces after every cell, the last one's too (withoutTrailingSpace drops those).
const GAP = 2;
// A line of printable ASCII is as many columns wide as it has characters: most cells are ids,
// times and statuses, and measuring them as string-width does costs more than the rest of a table.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * A table with the house style: coloured headings only when colour is on, no borders inside.
 * Laid out here rather than by cli-table3, whose layout compares every cell with every other
 * (for spans this never uses): 1,215 overdue complaints took it 2 s, 30,000 follow-ups due
 * longer than two minutes.
 */
export function newTable(head: string[], paint: ChalkInstance, align: readonly Align[] = []): TextTable {
  const rows = [head.map((h) => paint.bold(h))];
  return {
    push: (...more) => void rows.push(...more),
    toString() {
      const cells = rows.map((row) => head.map((_, column) => row[column] ?? ''));
      const measured = cells.map((row) => row.map(displayWidth));
      const widths = head.map((_, column) => measured.reduce((widest, row) => Math.max(widest, row[column]!), 0));
      return cells
        .map((row, index) =>
          row
            .map((cell, column) => {
              const blank = ' '.repeat(widths[column]! - measured[index]![column]!);
              return (align[column] === 'right' ? blank + cell : cell + blank) + ' '.repeat(GAP);
            })
            .join(''),
        )
        .join('\n');
    },
  };
}

/** How many columns of a terminal `text` takes: CJK characters two, colour codes none. */
export function displayWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
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

/** Tables pad the last column too; trailing blanks only get in the way of diff and grep. */
export function withoutTrailingSpace(text: string): string {
  return text.replace(/[ \t]+$/gm, '');
}
