import { Option, type Command } from 'commander';
import type { Session } from '../context.js';
import { hostname } from 'node:os';
import { readSettings, whereLogged, type Settings } from '../domain/config.js';
import type { ComplaintFilter } from '../domain/filter.js';
import { STATUSES } from '../domain/lifecycle.js';
import { parsePast } from '../domain/when.js';
import type { Complaint, Recording } from '../domain/complaint.js';
import { Refusal } from '../errors.js';
import { writeLines } from '../output/lines.js';
import { nextCommand } from '../output/next.js';
import { complaintTable } from '../output/table.js';
import { painter } from '../output/terminal.js';
import { NotFound } from '../store/errors.js';
import type { Logbook } from '../store/logbook.js';
import { computerSettingsFile, readComputerSettings } from '../store/this-computer.js';

/** Help text that leads with examples, in the shape every command uses. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

export function atOption(): Option {
  return new Option('--at <when>', 'when it happened, if not now ("YYYY-MM-DD HH:mm", 2h for two hours ago, …; a bare day, or yesterday, means 00:00)');
}

export function jsonOption(): Option {
  return new Option('--json', 'print JSON only');
}

/** When a recorded step happened: `--at`, else now; never in the future. */
export function happenedAt(session: Session, at: string | undefined): Date {
  return at === undefined ? session.now() : parsePast(at, session.now(), '--at');
}

/** The till this computer is: 'config set till', else the computer's name. */
export function thisTill(session: Session): string {
  return whereLogged({}, readComputerSettings(computerSettingsFile(session.env)), hostname()).till;
}

/** A change entered now, at this till (where a later `undo` finds it). */
export function recordingNow(session: Session): Recording {
  return { at: session.now().toISOString(), till: thisTill(session) };
}

/** The complaint as it stands, or NotFound. */
export async function complaintOrNotFound(logbook: Logbook, id: number): Promise<Complaint> {
  const complaint = await logbook.find(id);
  if (complaint === undefined) throw new NotFound(id);
  return complaint;
}

export async function settingsOf(logbook: Logbook): Promise<Settings> {
  return readSettings(await logbook.settings());
}

/** The hint after a step: what takes the complaint on from where it stands now. */
export function tellNext(session: Session, complaint: Pick<Complaint, 'id' | 'status' | 'nature' | 'proposed_remedy'>): void {
  const next = nextCommand(complaint);
  if (next !== null) session.tell(`next: ${next}`);
}

export function printJson(session: Session, value: unknown): void {
  session.print(JSON.stringify(value, null, 2));
}

/** The filters `list` and `export` share. */
export function withFilterOptions(command: Command): Command {
  return command
    .option('--status <status>', `only these statuses, comma-separated: ${STATUSES.join(', ')}`)
    .option('--cause <cause>', 'only this cause')
    .option('--category <category>', 'only this category')
    .option('--assignee <person>', 'only complaints assigned to this person')
    .option('--till <name>', 'only complaints logged at this till')
    .option('--branch <name>', 'only complaints logged at this branch')
    .option('--since <when>', 'only those that happened from then on')
    .option('--until <when>', 'only those that happened before then (a bare date includes that day)')
    .option('--overdue', 'only open complaints past their respond-by time')
    .option('--limit <n>', 'at most this many');
}

/**
 * The complaints `filter` matches, one a line under a heading, read from the logbook as they are
 * written out (so that a million of them hold one at a time), after the lines `above` it; how many
 * there were, nothing written when none.
 */
export async function writeComplaintTable(session: Session, logbook: Logbook, filter: ComplaintFilter, above: readonly string[] = []): Promise<number> {
  const table = await complaintTable(() => logbook.listed(filter), session.now(), painter(session.color));
  if (table.rows > 0) await writeLines(session.stdout, following(above, table.lines));
  return table.rows;
}

async function* following(first: Iterable<string>, then: AsyncIterable<string>): AsyncGenerator<string> {
  yield* first;
  yield* then;
}

/** Refuses, before anything changes, what only whoever manages the logbook may do (Logbook.mayManage). */
export async function refuseUnlessManager(logbook: Logbook, what: string): Promise<void> {
  if (!(await logbook.mayManage())) throw new Refusal(`this login may log and handle complaints but not ${what}; ask whoever manages the logbook`);
}
