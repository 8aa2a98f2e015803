import type { Command } from 'commander';
import type { Session } from '../context.js';
import { Cancelled, UsageError, isPromptCancel } from '../errors.js';
import type { Complaint } from '../domain/complaint.js';
import type { Settings } from '../domain/config.js';
import { spellingToKeep } from '../domain/spelling.js';
import { NATURES, natureMeaning, type Nature } from '../domain/nature.js';
import { SEVERITIES, causeGiven, choicesListed, oneOf, parseId, requiredText } from '../domain/validate.js';
import { costInCurrency, triage, type TriageDecision } from '../domain/steps.js';
import { nextStatus, type Status } from '../domain/lifecycle.js';
import { weekName, weekOf } from '../domain/period.js';
import { complaintRef, oneLine } from '../output/terminal.js';
import { displayWidth, padToWidth } from '../output/width.js';
import { natureShown, severityShown, statusShown, typedNames } from '../language/labels.js';
import { t } from '../language/messages.js';
import { localTime } from '../language/dates.js';
import { atOption, changeAt, complaintOrNotFound, settingsOf, stepTimes, tellIfDeadlineMissed, tellIfOverdue, tellNext } from './common.js';
import { examples } from './examples.js';

interface TriageOptions extends TriageFlags {
  respondBy?: string;
  at?: string;
}

export function registerTriage(command: Command, session: Session): void {
  command
    .argument('[id]', t('triage.idArgument'))
    .option('--nature <nature>', t('triage.natureOption', { natures: choicesListed(NATURES, typedNames(natureShown)) }))
    .option('--category <category>', t('triage.categoryOption'))
    .option('--cause <cause>', t('triage.causeOption'))
    .option('--severity <level>', t('triage.severityOption', { severities: choicesListed(SEVERITIES, typedNames(severityShown)) }))
    .option('--reject', t('triage.rejectOption'))
    .option('--reason <text>', t('triage.reasonOption'))
    .option('--respond-by <when>', t('triage.respondByOption'))
    .addOption(atOption())
    .addHelpText(
      'after',
      examples(
        'complaints triage  # at a terminal: walk the new complaints',
        'complaints triage 12 --category product --cause "cold food" --severity high',
        'complaints triage 13 --reject --reason "bought elsewhere"',
        'complaints triage 13 --nature venting  # answered, not counted among the causes',
      ),
    )
    // The natures as typed after --nature, each with what it means.
    .addHelpText('after', `${t('triage.naturesHeading')}\n${naturesListed()}`)
    .action((id: string | undefined, options: TriageOptions) => runTriage(id, options, session));
}

/** Each nature as typed after --nature, in the language spoken first (有效投诉（valid）), with what it means. */
function naturesListed(): string {
  const terms = NATURES.map((nature) => choicesListed([nature], typedNames(natureShown)));
  const width = Math.max(...terms.map(displayWidth));
  return NATURES.map((nature, index) => `  ${padToWidth(terms[index]!, width)}  ${natureMeaning(nature)}`).join('\n');
}

export async function runTriage(idText: string | undefined, options: TriageOptions, session: Session): Promise<void> {
  const id = idText === undefined ? undefined : parseId(idText);
  const { at, respondBy } = stepTimes(session, options);
  const flagsGiven = ['nature', 'category', 'cause', 'severity', 'reject', 'reason'].some((k) => k in options);
  const logbook = await session.logbook('change');
  const settings = await settingsOf(logbook);
  const record = async (complaintId: number, flags: TriageFlags): Promise<Complaint> => {
    const decision = checkTriage(flags, settings, await logbook.causesInUse());
    let before: Complaint | undefined;
    const complaint = await changeAt(logbook, session, complaintId, options.at, (current, previous) => {
      before = current;
      return triage(current, previous, decision, at, respondBy);
    }).catch(costInCurrency(settings.currency));
    // A deadline said in words (周五前, 月底) is shown as it was read.
    session.print(judgedLine(complaint) + (respondBy === null ? '' : t('triage.respondBy', { respondBy: localTime(respondBy) })));
    tellIfOverdue(session, complaint, respondBy);
    tellIfDeadlineMissed(session, complaint, respondBy);
    if (before !== undefined) tellIfReportChanged(session, before, complaint, settings);
    return complaint;
  };

  if (id !== undefined && flagsGiven && session.canPrompt) {
    const complaint = await complaintOrNotFound(logbook, id);
    if (classificationMissing(options, complaint)) {
      // The flags given are checked, and the step allowed, before anything is asked.
      const known = { categories: settings.categories, causes: await logbook.causesInUse() };
      checkTriage(options, settings, known.causes);
      nextStatus(complaint, 'triage');
      const { askClassification } = await import('../prompts/triage.js');
      return tellNext(session, await record(id, await askClassification(complaint, options, known, session)));
    }
  }
  if (id !== undefined && (flagsGiven || !session.canPrompt)) {
    if (!flagsGiven) throw new UsageError(t('triage.needsFlags', { id: complaintRef(id), natures: choicesListed(NATURES, typedNames(natureShown)) }));
    return tellNext(session, await record(id, options));
  }
  if (id === undefined && !session.canPrompt) {
    const waiting = await logbook.count({ statuses: ['new'], order: 'by id' });
    throw new UsageError(t('triage.giveId', { count: waiting }));
  }
  if (id === undefined && flagsGiven) throw new UsageError(t('triage.flagsWithoutId'));

  // At a terminal: ask about the one complaint named, or walk every new one in turn.
  const queue = id === undefined ? await logbook.list({ statuses: ['new'], order: 'by id' }) : [await complaintOrNotFound(logbook, id)];
  if (queue.length === 0) return session.tell(t('triage.nothingNew'));
  const { askTriage } = await import('../prompts/triage.js');
  const done: number[] = [];
  for (const [index, complaint] of queue.entries()) {
    let answer: Awaited<ReturnType<typeof askTriage>>;
    try {
      answer = await askTriage(complaint, { index, of: queue.length }, { categories: settings.categories, causes: await logbook.causesInUse() }, session);
    } catch (error) {
      // Each answer is recorded as it is given; say which ones stand.
      if (isPromptCancel(error) && done.length > 0) {
        throw new Cancelled(t('triage.cancelled', { ids: done.map(complaintRef).join(t('common.listSeparator')) }));
      }
      throw error;
    }
    if (answer === 'stop') break;
    if (answer !== 'skip') {
      await record(complaint.id, answer);
      done.push(complaint.id);
    }
  }
}

/**
 * A complaint answered already (resolved or closed) and judged again differently is counted
 * anew in the report of the week it happened in, which may be a week reviewed already: said so.
 */
function tellIfReportChanged(session: Session, before: Complaint, after: Complaint, settings: Settings): void {
  if (!ANSWERED.has(before.status)) return;
  if (before.nature === after.nature && before.category === after.category && before.cause === after.cause) return;
  const { year, week } = weekOf(new Date(after.occurred_at), settings['week-start']);
  const now = weekOf(session.now(), settings['week-start']);
  if (year === now.year && week === now.week) return;
  session.tell(t('triage.pastReportChanged', { ref: complaintRef(after.id), status: statusShown(before.status), week: weekName(year, week) }));
}

const ANSWERED: ReadonlySet<Status> = new Set(['resolved', 'closed']);

/** The flags of a triage (or the answers at the till), as typed. */
export interface TriageFlags {
  nature?: string;
  category?: string;
  cause?: string;
  severity?: string;
  reject?: boolean;
  reason?: string;
}

/** Reads a triage's flags into the decision the step takes, before anything is opened or written. */
export function checkTriage(flags: TriageFlags, settings: Settings, knownCauses: readonly string[]): TriageDecision {
  const nature = natureOf(flags);
  const classified = flags.category !== undefined || flags.cause !== undefined || flags.severity !== undefined;
  if (nature !== 'valid' && classified) {
    throw new UsageError(t('triage.notClassified', { flag: natureFlag(flags) }));
  }
  if (nature === 'unfounded') {
    if (flags.reason === undefined) throw new UsageError(t('triage.needsReason', { flag: natureFlag(flags) }));
    return { nature, reason: requiredText(flags.reason, '--reason') };
  }
  if (flags.reason !== undefined) throw new UsageError(t('triage.reasonWithoutReject'));
  if (nature !== 'valid') return { nature };
  return {
    nature,
    category: flags.category === undefined ? null : oneOf(flags.category, settings.categories, '--category'),
    cause: flags.cause === undefined ? null : spellingToKeep(causeGiven(flags.cause, '--cause'), knownCauses),
    severity: flags.severity === undefined ? null : oneOf(flags.severity, SEVERITIES, '--severity', typedNames(severityShown)),
  };
}

/** Whether flags that classify a valid complaint leave it without a category or a cause, which the till is then asked for. */
function classificationMissing(flags: TriageFlags, complaint: Complaint): boolean {
  return natureOf(flags) === 'valid' && ((flags.category ?? complaint.category) === null || (flags.cause ?? complaint.cause) === null);
}

/** The nature --nature names, or --reject means; valid when neither is given. */
function natureOf(flags: TriageFlags): Nature {
  const named = flags.nature === undefined ? undefined : oneOf(flags.nature, NATURES, '--nature', typedNames(natureShown));
  if (flags.reject && named !== undefined && named !== 'unfounded') {
    throw new UsageError(t('triage.rejectConflict', { nature: named }));
  }
  return flags.reject ? 'unfounded' : (named ?? 'valid');
}

function natureFlag(flags: TriageFlags): string {
  return flags.reject ? '--reject' : `--nature ${flags.nature ?? 'valid'}`;
}

/** What a triage decided, in a line. */
function judgedLine(complaint: Complaint): string {
  const ref = complaintRef(complaint.id);
  switch (complaint.nature) {
    case 'unfounded':
      return t('triage.rejected', { id: ref });
    case 'valid':
      // A valid complaint always has all three once triaged (steps.triage).
      return t('triage.triagedValid', {
        id: ref,
        category: complaint.category ?? '',
        cause: oneLine(complaint.cause),
        severity: complaint.severity === null ? '' : severityShown(complaint.severity as (typeof SEVERITIES)[number]),
      });
    default:
      return t('triage.triagedOther', { id: ref, nature: complaint.nature === null ? '' : natureShown(complaint.nature) });
  }
}
