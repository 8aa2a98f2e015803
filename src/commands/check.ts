import type { Command } from 'commander';
import type { Session } from '../context.js';
import { Refusal } from '../errors.js';
import { rulesAt } from '../domain/record-rules.js';
import { t } from '../language/messages.js';
import { complaintRef, oneLine } from '../output/terminal.js';
import type { Findings, Logbook } from '../store/logbook.js';
import { refuseUnlessManager } from './common.js';
import { examples } from './examples.js';

export function registerCheck(command: Command, session: Session): void {
  command
    .option('--recount', t('check.recountOption'))
    .addHelpText(
      'after',
      examples(
        'complaints check',
        'complaints check --db ~/backups/complaints-2026-11-23.db  # is the backup sound?',
        'complaints check && complaints backup ~/backups/complaints.db --force  # copy it only when it is sound',
        'complaints check --recount  # when it says the figures do not add up',
      ) +
        `\n${t('check.helpAfter')}\n`,
    )
    .action((options: { recount?: boolean }) => runCheck(options, session));
}

export async function runCheck(options: { recount?: boolean }, session: Session): Promise<void> {
  const logbook = await session.logbook(options.recount ? 'change' : 'read');
  if (options.recount) {
    await refuseUnlessManager(logbook, t('check.recountWhat'));
    await logbook.recount();
    session.tell(t('check.recounted'));
  }
  const findings = await logbook.check();
  const problems = [...describeProblems(findings), ...(findings.damage.length > 0 ? [] : await brokenRecords(logbook, session.now()))];
  if (problems.length === 0) {
    return session.print(t('check.ok', { complaints: findings.complaints, events: findings.events }));
  }
  problems.forEach((line) => session.print(line));
  const found = { logbook: session.address.shown, count: problems.length };
  throw new Refusal(findings.damage.length > 0 ? t('check.damaged', found) : t('check.problems', found));
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
      if (rule !== null) lines.push(t('check.brokenRuleOf', { ref: complaintRef(complaint.id), rule }));
    }
  }
  return lines;
}

function describeProblems(findings: Findings): string[] {
  return [
    ...findings.damage.map((message) => t('check.damage', { message: oneLine(message) })),
    ...findings.brokenRules.map((message) => t('check.brokenRule', { message: oneLine(message) })),
    ...findings.orphans.map((orphan) =>
      t('check.missingRow', { table: oneLine(orphan.table), rowid: orphan.rowid, parent: oneLine(orphan.parent) }),
    ),
    ...findings.withoutFirstEvent.map((id) => t('check.withoutFirstEvent', { ref: complaintRef(id) })),
    ...findings.unknownStatuses.map(({ id, status }) => t('check.unknownStatus', { ref: complaintRef(id), status: oneLine(status) })),
    ...miscounted(findings.miscountedDays, 'check.miscountedDay', 'check.miscountedDays'),
    ...miscounted(findings.miscountedMonths, 'check.miscountedMonth', 'check.miscountedMonths'),
    ...miscounted(findings.miscountedFollowUps, 'check.miscountedFollowUpMonth', 'check.miscountedFollowUpMonths'),
    ...miscounted(findings.unmatchedRemedies.map((id) => complaintRef(id)), 'check.unmatchedRemedies', 'check.unmatchedRemediesMany'),
  ];
}

/** One line for all the miscounted days, months or complaints, however many: they have one cause and one remedy. */
function miscounted(
  which: readonly string[],
  one: 'check.miscountedDay' | 'check.miscountedMonth' | 'check.miscountedFollowUpMonth' | 'check.unmatchedRemedies',
  many: 'check.miscountedDays' | 'check.miscountedMonths' | 'check.miscountedFollowUpMonths' | 'check.unmatchedRemediesMany',
): string[] {
  if (which.length === 0) return [];
  return [
    which.length === 1
      ? t(one, { which: which[0]! })
      : t(many, { count: which.length, first: which[0]!, last: which[which.length - 1]! }),
  ];
}
