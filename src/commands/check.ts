import type { Command } from 'commander';
import type { Session } from '../context.js';
import { Refusal } from '../errors.js';
import { rulesAt } from '../domain/record-rules.js';
import { counted } from '../output/plural.js';
import { complaintRef, oneLine } from '../output/terminal.js';
import type { Findings, Logbook } from '../store/logbook.js';
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
  const logbook = await session.logbook(options.recount ? 'change' : 'read');
  if (options.recount) {
    await logbook.recount();
    session.tell("Counted the report's figures of each day again from the complaints.");
  }
  const findings = await logbook.check();
  const problems = [...describeProblems(findings), ...(findings.damage.length > 0 ? [] : await brokenRecords(logbook, session.now()))];
  if (problems.length === 0) {
    return session.print(`ok: ${counted(findings.complaints, 'complaint')}, ${counted(findings.events, 'event')}, integrity ok`);
  }
  problems.forEach((line) => session.print(line));
  const found = counted(problems.length, 'problem');
  throw new Refusal(
    findings.damage.length > 0
      ? `${session.address.shown} is damaged (${found}, listed above); restore it from a backup`
      : `${session.address.shown} has ${found} (listed above)`,
  );
}

/**
 * A line for each complaint that breaks a rule of the lifecycle, as import refuses them: one let
 * in by a version before imports were checked, or a logbook mended by hand.
 */
async function brokenRecords(logbook: Logbook, now: Date): Promise<string[]> {
  const broken = rulesAt(now);
  const lines: string[] = [];
  for await (const batch of logbook.complaints({ order: 'by id' })) {
    for (const complaint of batch) {
      const rule = broken(complaint);
      if (rule !== null) lines.push(`broken rule: complaint ${complaintRef(complaint.id)}: ${rule}`);
    }
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
