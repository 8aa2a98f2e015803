import type { Command } from 'commander';
import type { Session } from '../context.js';
import { Cancelled, UsageError, isPromptCancel } from '../errors.js';
import type { Complaint } from '../domain/complaint.js';
import type { Settings } from '../domain/config.js';
import { spellingToKeep } from '../domain/spelling.js';
import { NATURES, NATURE_MEANINGS, type Nature } from '../domain/nature.js';
import { SEVERITIES, oneOf, parseId, requiredText } from '../domain/validate.js';
import { triage, type TriageDecision } from '../domain/steps.js';
import { parseRespondBy } from '../domain/when.js';
import { complaintRef, oneLine } from '../output/terminal.js';
import { atOption, complaintOrNotFound, examples, happenedAt, recordingNow, settingsOf, tellNext } from './common.js';

interface TriageOptions extends TriageFlags {
  respondBy?: string;
  at?: string;
}

export function registerTriage(program: Command, session: Session): void {
  program
    .command('triage')
    .description('judge a complaint: valid (then its category, cause and severity), help, a question, venting or unfounded')
    .argument('[id]', 'the complaint, e.g. 12 or #12; without it, at a terminal, walks the new ones')
    .option('--nature <nature>', `what kind of complaint: ${NATURES.join(', ')} (default: valid with --category and --cause)`)
    .option('--category <category>', "one of the shop's categories ('complaints config get categories')")
    .option('--cause <cause>', 'what caused it, in a few words; matched to causes already in use')
    .option('--severity <level>', `${SEVERITIES.join(', ')} (default: medium)`)
    .option('--reject', 'the complaint is not upheld: the same as --nature unfounded')
    .option('--reason <text>', 'why it is unfounded (with --reject or --nature unfounded)')
    .option('--respond-by <when>', 'a new respond-by time (e.g. "2026-11-25 12:00" or +2d)')
    .addOption(atOption())
    .addHelpText(
      'after',
      examples(
        'complaints triage                   # at a terminal: walk the new complaints',
        'complaints triage 12 --category product --cause "cold food" --severity high',
        'complaints triage 13 --reject --reason "bought elsewhere"',
        'complaints triage 13 --nature venting   # answered, not counted among the causes',
      ),
    )
    .addHelpText('after', `Natures:\n${NATURES.map((nature) => `  ${nature.padEnd(10)} ${NATURE_MEANINGS[nature]}`).join('\n')}`)
    .action((id: string | undefined, options: TriageOptions) => runTriage(id, options, session));
}

export async function runTriage(idText: string | undefined, options: TriageOptions, session: Session): Promise<void> {
  const id = idText === undefined ? undefined : parseId(idText);
  const at = happenedAt(session, options.at).toISOString();
  const respondBy = options.respondBy === undefined ? null : parseRespondBy(options.respondBy, session.now()).toISOString();
  const flagsGiven = ['nature', 'category', 'cause', 'severity', 'reject', 'reason'].some((k) => k in options);
  const logbook = await session.logbook('change');
  const settings = await settingsOf(logbook);
  const record = async (complaintId: number, flags: TriageFlags): Promise<Complaint> => {
    const decision = checkTriage(flags, settings, await logbook.causesInUse());
    const complaint = await logbook.change(complaintId, recordingNow(session), (current, previous) =>
      triage(current, previous, decision, at, respondBy),
    );
    session.print(judgedLine(complaint));
    return complaint;
  };

  if (id !== undefined && (flagsGiven || !session.canPrompt)) {
    if (!flagsGiven) throw new UsageError(`triaging #${id} needs --category and --cause, or --nature (${NATURES.join(', ')})`);
    return tellNext(session, await record(id, options));
  }
  if (id === undefined && !session.canPrompt) {
    const waiting = await logbook.count({ statuses: ['new'], order: 'by id' });
    throw new UsageError(`give the id of the complaint to triage (${waiting} new: 'complaints list --status new')`);
  }
  if (id === undefined && flagsGiven) throw new UsageError('give the id of the complaint these flags are for');

  // At a terminal: ask about the one complaint named, or walk every new one in turn.
  const queue = id === undefined ? await logbook.list({ statuses: ['new'], order: 'by id' }) : [await complaintOrNotFound(logbook, id)];
  if (queue.length === 0) return session.tell('Nothing to triage: no new complaints.');
  const { askTriage } = await import('../prompts/triage.js');
  const done: number[] = [];
  for (const [index, complaint] of queue.entries()) {
    let answer: Awaited<ReturnType<typeof askTriage>>;
    try {
      answer = await askTriage(complaint, { index, of: queue.length }, { categories: settings.categories, causes: await logbook.causesInUse() }, session);
    } catch (error) {
      // Each answer is recorded as it is given; say which ones stand.
      if (isPromptCancel(error) && done.length > 0) {
        throw new Cancelled(`cancelled; already triaged: ${done.map(complaintRef).join(', ')}`);
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
    throw new UsageError(`${natureFlag(flags)} does not go with --category, --cause or --severity: only a valid complaint is classified`);
  }
  if (nature === 'unfounded') {
    if (flags.reason === undefined) throw new UsageError(`${natureFlag(flags)} needs --reason saying why the complaint is not upheld`);
    return { nature, reason: requiredText(flags.reason, '--reason') };
  }
  if (flags.reason !== undefined) throw new UsageError('--reason goes with --reject (or --nature unfounded)');
  if (nature !== 'valid') return { nature };
  return {
    nature,
    category: flags.category === undefined ? null : oneOf(flags.category, settings.categories, '--category'),
    cause: flags.cause === undefined ? null : spellingToKeep(requiredText(flags.cause, '--cause'), knownCauses),
    severity: flags.severity === undefined ? null : oneOf(flags.severity, SEVERITIES, '--severity'),
  };
}

/** The nature --nature names, or --reject means; valid when neither is given. */
function natureOf(flags: TriageFlags): Nature {
  const named = flags.nature === undefined ? undefined : oneOf(flags.nature, NATURES, '--nature');
  if (flags.reject && named !== undefined && named !== 'unfounded') {
    throw new UsageError(`--reject means --nature unfounded, not ${named}; give one of them`);
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
      return `Rejected ${ref}.`;
    case 'valid':
      return `Triaged ${ref}: ${complaint.category}, cause "${oneLine(complaint.cause)}", ${complaint.severity}.`;
    default:
      return `Triaged ${ref} as ${complaint.nature}: to be answered, not counted among the causes.`;
  }
}
