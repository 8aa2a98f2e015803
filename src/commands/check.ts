import type { Command } from 'commander';
import type { Session } from '../context.js';
import { Refusal } from '../errors.js';
import { brokenRule } from '../domain/record-rules.js';
import { counted } from '../output/plural.js';
import { complaintRef, oneLine } from '../output/terminal.js';
import { checkLogbook, recountFigures, type Findings } from '../store/check.js';
import { eachComplaint } from '../store/complaints.js';
import type { Db } from '../store/open.js';
import { examples } from './common.js';

export function registerCheck(program: Command, session: Session): void {
  program
    .command('check')
    .description('check the logbook for damage and for records that do not add up')
    .option('--recount', "count the report's figures of each day again from the complaints first (nothing else is changed)")
    .addHelpText(
      'after',
      examples(
        'complaints check',
        'complaints check --db ~/backups/complaints-2026-11-23.db              # is the backup sound?',
        'complaints check && complaints backup ~/backups/complaints.db --force  # copy it only when it is sound',
        'complaints check --recount                                             # when it says the figures do not add up',
      ) +
        '\nPrints "ok: …" and exits 0 when all is well; otherwise prints one line per problem on stdout\n' +
        'and exits 1 with a summary on stderr.\n',
    )
    .action((options: { recount?: boolean }) => runCheck(options, session));
}

export async function runCheck(options: { recount?: boolean }, session: Session): Promise<void> {
  const db = await session.db(options.recount ? 'change' : 'read');
  if (options.recount) {
    recountFigures(db);
    session.tell("Counted the report's figures of each day again from the complaints.");
  }
  const findings = checkLogbook(db);
  const problems = [...describeProblems(findings), ...(findings.damage.length > 0 ? [] : brokenRecords(db, session.now()))];
  if (problems.length === 0) {
    return session.print(`ok: ${counted(findings.complaints, 'complaint')}, ${counted(findings.events, 'event')}, integrity ok`);
  }
  problems.forEach((line) => session.print(line));
  const found = counted(problems.length, 'problem');
  throw new Refusal(
    findings.damage.length > 0
      ? `${session.dbPath} is damaged (${found}, listed above); restore it from a backup`
      : `${session.dbPath} has ${found} (listed above)`,
  );
}

/**
 * A line for each complaint that breaks a rule of the lifecycle, as import refuses them: one let
 * in by a version before imports were checked, or a logbook mended by hand.
 */
function brokenRecords(db: Db, now: Date): string[] {
  const lines: string[] = [];
  for (const complaint of eachComplaint(db, { order: 'by id' })) {
    const rule = brokenRule(complaint, now);
    if (rule !== null) lines.push(`broken rule: complaint ${complaintRef(complaint.id)}: ${rule}`);
  }
  return lines;
}

function describeProblems(findings: Findings): string[] {
  return [
    ...findings.damage.map((message) => `damage: ${oneLine(message)}`),
    ...findings.brokenRules.map((message) => `broken rule: ${oneLine(message)}`),
    ...findings.orphans.map(
      (orphan) => `missing row: ${oneLine(orphan.table)} row ${orphan.rowid} refers to a ${oneLine(orphan.parent)} row that is not there`,
    ),
    ...findings.withoutFirstEvent.map((id) => `complaint ${complaintRef(id)} has no 'logged' or 'imported' event: its timeline does not say how it came in`),
    ...findings.unknownStatuses.map(
      ({ id, status }) => `complaint ${complaintRef(id)} has the status '${oneLine(status)}', which is not one complaints knows`,
    ),
    ...miscounted(findings.miscountedDays),
  ];
}

/** One line for all the miscounted days, however many: they have one cause and one remedy. */
function miscounted(days: readonly string[]): string[] {
  if (days.length === 0) return [];
  const which = days.length === 1 ? `the day ${days[0]}` : `${days.length} days (${days[0]} to ${days[days.length - 1]})`;
  return [`the report's figures for ${which} do not add up to their complaints; \`complaints check --recount\` counts them again`];
}
