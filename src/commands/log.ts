import type { Command } from 'commander';
import { hostname } from 'node:os';
import type { Session } from '../context.js';
import { newLogbookSettings, whereLogged } from '../domain/config.js';
import { newUid } from '../domain/identity.js';
import { completeComplaint, described, draftComplaint, type LogDraft, type LogInput } from '../domain/intake.js';
import { Cancelled, Refusal, isPromptCancel } from '../errors.js';
import { LogbookProblem } from '../store/errors.js';
import { notMadeYet, waitingFile, type LogbookAddress } from '../store/location.js';
import { computerSettingsFile, readComputerSettings } from '../store/this-computer.js';
import type { WaitingComplaint } from '../store/waiting.js';
import { toRecord } from '../domain/record.js';
import { localMinute } from '../domain/when.js';
import { EARLIER_SHOWN, earlierNote } from '../output/earlier.js';
import { WANTS, choicesListed } from '../domain/validate.js';
import { remedyShown, typedNames } from '../language/labels.js';
import { complaintRef, shellLine } from '../output/terminal.js';
import { localTime } from '../language/dates.js';
import { spoken, t } from '../language/messages.js';
import { atOption, happenedAt, jsonOption, printJson, settingsOf, tellIfOverdue, tellNext, thisPlace } from './common.js';
import { examples } from './examples.js';

interface LogOptions extends Omit<LogInput, 'description'> {
  at?: string;
  json?: boolean;
}

export function registerLog(command: Command, session: Session): void {
  command
    .argument('[text...]', t('log.textArgument'))
    .option('--customer <name>', t('log.customerOption'))
    .option('--contact <phone-or-email>', t('log.contactOption'))
    .option('--channel <channel>', t('log.channelOption'))
    .option('--about <thing>', t('log.aboutOption'))
    .option('--wants <remedy>', t('log.wantsOption', { remedies: choicesListed(WANTS, typedNames(remedyShown)) }))
    .option('--suggestion <text>', t('log.suggestionOption'))
    .option('--staff <name>', t('log.staffOption'))
    .option('--till <name>', t('log.tillOption'))
    .option('--branch <name>', t('log.branchOption'))
    .addOption(atOption())
    .addOption(jsonOption())
    .addHelpText(
      'after',
      examples(
        'complaints log  # at the till: asks for what is missing',
        'complaints log "soup was cold" --customer "Ann Lee" --contact "0712 345678" --about "tomato soup" --wants refund',
        'complaints log "汤又是凉的" --customer "王芳" --contact "wang.fang@example.com" --about "番茄汤" --wants refund',
        'complaints log "rude on the phone" --channel phone --at "yesterday" --no-input',
      ),
    )
    .action((text: string[], options: LogOptions) => runLog(text.join(' '), options, session));
}

export async function runLog(text: string, options: LogOptions, session: Session): Promise<void> {
  const occurredAt = happenedAt(session, options.at);
  const where = whereLogged(options, readComputerSettings(computerSettingsFile(session.env)), hostname());
  const typed = { ...options, ...where, description: text };
  // With no one to ask, a complaint that says nothing is refused before a logbook is made for it;
  // so is a channel the logbook about to be made will not list.
  if (!session.canPrompt) described(draftComplaint(typed, notMadeYet(session.address) ? newLogbookSettings(spoken()).channels : undefined));
  // Everything read of the shared logbook before the complaint is sent is within reach or not: a
  // connection cut while the settings were read lost the complaint, neither sent nor kept.
  const reach = () =>
    unlessOutOfReach(session, async () => {
      const opened = await session.logbook('add');
      return { opened, settings: await settingsOf(opened) };
    });
  // A logbook file not made yet is made once the complaint is said, with the lists a new one
  // has: one cancelled at a question leaves none behind.
  const makesLogbook = session.canPrompt && typed.description.trim() === '' && notMadeYet(session.address);
  let reached = makesLogbook ? undefined : await reach();
  const opened = () => (typeof reached === 'object' ? reached : undefined);
  const channels = makesLogbook ? newLogbookSettings(spoken()).channels : opened()?.settings.channels;
  let draft = draftComplaint(typed, channels);
  const asked = draft.description === null && session.canPrompt;
  if (asked) {
    const { askForComplaint } = await import('../prompts/log.js');
    // Earlier subjects are only offered: out of reach, none are.
    const logbook = opened()?.opened;
    const abouts = logbook === undefined ? [] : await unlessOutOfReach(session, () => logbook.usedValues('about'));
    const known = { abouts: typeof abouts === 'string' ? [] : abouts, channels: channels ?? [] };
    const answers = { ...draft };
    try {
      draft = await askForComplaint(answers, known, session);
    } catch (error) {
      // Cancelled once the customer's words were typed: given back as the command that logs them.
      if (isPromptCancel(error) && answers.description !== null) throw new Cancelled(t('log.cancelled', { command: logCommand(answers, occurredAt, session.address) }));
      throw error;
    }
  }
  if (makesLogbook) reached = await reach();
  const { opened: logbook, settings } = opened() ?? { opened: undefined, settings: undefined };
  const uid = newUid();
  const loggedAt = session.now();
  const waiting = { uid, draft: described(draft), occurredAt: occurredAt.toISOString(), loggedAt: loggedAt.toISOString() };
  if (logbook === undefined || settings === undefined) return keepForLater(session, waiting, typeof reached === 'string' ? reached : 'out of reach', options.json);
  const complaint = await keepingAnswers(asked, draft, occurredAt, session, () =>
    unlessOutOfReach(session, () => logbook.log(completeComplaint(draft, occurredAt, loggedAt, settings['response-hours'], uid), thisPlace(session))),
  );
  if (typeof complaint === 'string') return keepForLater(session, waiting, complaint, options.json);

  // Logged: a connection cut now costs the note only, not a refusal that would have the complaint logged again.
  const earlier = await unlessOutOfReach(session, () => logbook.earlierByCustomer(complaint, complaint.id, EARLIER_SHOWN));
  if (typeof earlier !== 'string' && earlier.count > 0) session.tell(earlierNote(complaint, earlier));

  if (options.json) return printJson(session, toRecord(complaint));
  session.print(t('log.logged', { id: complaintRef(complaint.id), respondBy: localTime(complaint.respond_by) }));
  // Logged after the fact, a complaint may be due an answer already: the till is to know now.
  tellIfOverdue(session, complaint, complaint.respond_by);
  tellNext(session, complaint);
}

/**
 * What `reach` gives, or why the shared logbook cannot take the complaint now: out of reach (the
 * network or the server down), busy (an import numbering its complaints, or the server full of
 * connections), or read-only (a standby, or a server whose disk filled); the complaint then
 * waits on this computer. A logbook file, or any other trouble, is not waited out.
 */
async function unlessOutOfReach<T>(session: Session, reach: () => Promise<T>): Promise<T | WhyKept> {
  try {
    return await reach();
  } catch (error) {
    if (session.address.engine === 'postgres' && error instanceof LogbookProblem) {
      // No server of that name is most often a slip in the address, which the till is told how to mend.
      if (error.trouble.kind === 'unreachable') return error.trouble.detail === 'ENOTFOUND' ? 'no such server' : 'out of reach';
      // Kept, as it may not have arrived: a later send finds it there if it did, and logs it once.
      if (error.trouble.kind === 'cut at commit') return 'out of reach';
      if (error.trouble.kind === 'busy') return 'busy';
      if (error.trouble.kind === 'read only') return 'read only';
    }
    throw error;
  }
}

type WhyKept = 'out of reach' | 'no such server' | 'busy' | 'read only';

const KEPT_BECAUSE = { 'out of reach': 'log.kept', 'no such server': 'log.kept', busy: 'log.keptBusy', 'read only': 'log.keptReadOnly' } as const;

/** Keeps the complaint on this computer until a command reaches the shared logbook again, and says so. */
async function keepForLater(session: Session, complaint: WaitingComplaint, why: WhyKept, json: boolean | undefined): Promise<void> {
  const { keepWaiting } = await import('../store/waiting.js');
  let waiting: number;
  try {
    waiting = keepWaiting(waitingFile(session.env), session.address.shown, complaint);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    // Nothing was kept: the words typed at the till are given back, as when the logbook is busy.
    throw new Refusal(t('log.notKept', { reason: error.message, command: logCommand(complaint.draft, new Date(complaint.occurredAt), session.address) }));
  }
  if (json) return printJson(session, { queued: true, uid: complaint.uid, waiting });
  session.print(t(KEPT_BECAUSE[why], { logbook: session.address.shown, count: waiting }));
  session.tell(why === 'no such server' ? t('log.keptNoSuchServer', { logbook: session.address.shown, host: new URL(session.address.shown).hostname }) : t('log.keptNext'));
}

/**
 * Records the complaint; should another till or an import hold the logbook past the busy timeout
 * after the customer's answers were typed at the prompts, the refusal gives them back as the
 * command that logs them, so that nothing said at the till is lost.
 */
async function keepingAnswers<T>(asked: boolean, draft: LogDraft, occurredAt: Date, session: Session, record: () => Promise<T>): Promise<T> {
  try {
    return await record();
  } catch (error) {
    if (!asked || !(error instanceof LogbookProblem && error.trouble.kind === 'busy')) throw error;
    throw new Refusal(t('log.busy', { logbook: session.address.shown, command: logCommand(draft, occurredAt, session.address) }));
  }
}

/**
 * The command that logs `draft` as it happened at `occurredAt`, as a shell reads it, into the
 * logbook it was meant for: named with --db when --db or COMPLAINTS_DB named it (without its password).
 */
function logCommand(draft: LogDraft, occurredAt: Date, address: LogbookAddress): string {
  const flags = (['customer', 'contact', 'channel', 'about', 'wants', 'suggestion', 'staff', 'till', 'branch'] as const).flatMap((field) =>
    draft[field] === null ? [] : [`--${field}`, draft[field]],
  );
  const db = address.named ? ['--db', address.shown] : [];
  // The words last: after the options' end (--) when they start with a dash, as "-5块…" may.
  const words = draft.description ?? '';
  return shellLine(['complaints', ...db, 'log', ...flags, '--at', localMoment(occurredAt), ...(words.startsWith('-') ? ['--'] : []), words]);
}

/** A moment as --at reads it back and a person reads it, in local time: 2026-11-30 10:00, with its seconds when it has any. */
function localMoment(at: Date): string {
  const seconds = at.getSeconds();
  return seconds === 0 ? localMinute(at) : `${localMinute(at)}:${String(seconds).padStart(2, '0')}`;
}
