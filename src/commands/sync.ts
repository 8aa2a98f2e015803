import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import type { Session } from '../context.js';
import { EARLIER_SHOWN, earlierNote } from '../output/earlier.js';
import type { Complaint } from '../domain/complaint.js';
import { completeComplaint } from '../domain/intake.js';
import { channelFor } from '../domain/validate.js';
import { t } from '../language/messages.js';
import { complaintRef, idRuns } from '../output/terminal.js';
import { Refusal } from '../errors.js';
import { LogbookProblem } from '../store/errors.js';
import type { Logbook } from '../store/logbook.js';
import { sharedLogbookShown, waitingFile } from '../store/location.js';
import { settingsOf, thisPlace } from './common.js';
import { examples } from './examples.js';

export function registerSync(command: Command, session: Session): void {
  command
    .option('--from <address>', t('sync.from'))
    .addHelpText('after', `
${t('sync.help')}
${examples('complaints sync', "complaints sync --from 'postgres://till@192.168.1.50/complaints'")}`)
    .action((options: { from?: string }) => (options.from === undefined ? runSync(session) : sendFrom(options.from, session)));
}

// The commands that sent complaints (opening the logbook sends what waits): a sync that finds
// them sent by another says so. By session, as one process may run several commands.
const sending = new WeakSet<Session>();
// Why the complaints waiting were held back, by session: a logbook busy, or a server set read-only.
const heldBackBy = new WeakMap<Session, 'busy' | 'read only'>();

async function runSync(session: Session): Promise<void> {
  const { shown } = session.address;
  if (session.address.engine !== 'postgres') {
    await tellWaitingElsewhere(session);
    return session.print(t('sync.nothingForFile', { logbook: shown }));
  }
  const { countWaiting } = await import('../store/waiting.js');
  const file = waitingFile(session.env);
  const waiting = countWaiting(file, shown);
  // Opening the logbook sends what waits for it (sendWaitingComplaints), and says what it sent.
  await session.logbook('add').catch(async (error: unknown) => {
    throw await sendCutOff(error, session, shown);
  });
  await tellWaitingElsewhere(session);
  if (waiting === 0) return session.print(t('sync.nothingWaits', { logbook: shown }));
  const left = countWaiting(file, shown);
  if (left > 0) throw stillWaiting(session, left);
  // Another sync (or command) of this computer sent them while this one waited its turn.
  if (!sending.has(session)) session.print(t('sync.sentMeanwhile', { logbook: shown }));
}

/**
 * Sends the complaints this computer keeps for the shared logbook at `address` to this one (a
 * shared logbook or a file): those kept for an address mistyped, or for a server since moved,
 * could otherwise only ever be sent there.
 */
async function sendFrom(address: string, session: Session): Promise<void> {
  const from = sharedLogbookShown(address, '--from');
  const { countWaiting } = await import('../store/waiting.js');
  const file = waitingFile(session.env);
  if (countWaiting(file, from) === 0) {
    await tellWaitingElsewhere(session);
    return session.print(t('sync.nothingWaitsFor', { logbook: from }));
  }
  const logbook = await session.logbook('add');
  await sendWaitingComplaints(session, logbook, from).catch(async (error: unknown) => {
    throw await sendCutOff(error, session, from);
  });
  const left = countWaiting(file, from);
  if (left > 0) throw stillWaiting(session, left);
}

/**
 * Logs in `logbook` the complaints this computer kept while the logbook `keptFor` names was out
 * of reach (by default the one it is), completed with the shop's settings as `log` completes
 * one, oldest first; says on stderr what was sent. A complaint that arrived before (its uid is
 * there) is not logged twice. While the logbook is busy numbering (an import), the rest wait for
 * a later command, which this one does not wait for.
 */
export async function sendWaitingComplaints(session: Session, logbook: Logbook, keptFor = session.address.shown): Promise<Complaint[]> {
  const { sendWaiting } = await import('../store/waiting.js');
  const settings = await settingsOf(logbook);
  const sent: Complaint[] = [];
  // Those a send cut off (a till switched off) had delivered before it could strike them off.
  const arrivedBefore: number[] = [];
  const unlisted: Array<{ id: number; channel: string }> = [];
  try {
    await sendWaiting(waitingFile(session.env), keptFor, async (waiting) => {
      // Typed while the shop's channels could not be read: spelt as the list spells it, or kept as typed.
      const typed = waiting.draft.channel;
      const channel = typed === null ? null : (channelFor(typed, settings.channels) ?? typed);
      const draft = { ...waiting.draft, channel };
      const complaint = completeComplaint(draft, new Date(waiting.occurredAt), new Date(waiting.loggedAt), settings['response-hours'], waiting.uid);
      const there = (await logbook.heldAlready([{ id: 0, ...complaint }])).has(complaint.uid);
      const logged = await logbook.log(complaint, thisPlace(session)).catch((error: unknown) => heldBack(error, session));
      if (logged !== undefined && there) arrivedBefore.push(logged.id);
      else if (logged !== undefined) sent.push(logged);
      if (logged !== undefined && channel !== null && !settings.channels.includes(channel)) unlisted.push({ id: logged.id, channel });
      return logged;
    });
  } finally {
    // Said even when the connection is cut half-way: those sent have their numbers.
    const ids = sent.map((c) => c.id).sort((a, b) => a - b);
    if (ids.length > 0) session.tell(t('sync.sent', { count: ids.length, logbook: session.address.shown, ids: idRuns(ids) }));
    if (arrivedBefore.length > 0) {
      session.tell(t('sync.arrivedBefore', { count: arrivedBefore.length, ids: idRuns(arrivedBefore.sort((a, b) => a - b)) }));
    }
    for (const { id, channel } of unlisted) session.tell(t('sync.unlistedChannel', { id: complaintRef(id), channel }));
  }
  if (sent.length > 0 || arrivedBefore.length > 0) sending.add(session);
  // As log says of a complaint it logs: the till is to know whom it served before.
  for (const complaint of sent) {
    const earlier = await logbook.earlierByCustomer(complaint, complaint.id, EARLIER_SHOWN);
    if (earlier.count > 0) session.tell(earlierNote(complaint, earlier, complaintRef(complaint.id)));
  }
  return sent;
}

/**
 * Says which shared logbooks other than this one (or other addresses of it) complaints kept on
 * this computer wait for: a till moved to a logbook file, or given another address, would
 * otherwise never hear of them.
 */
export async function tellWaitingElsewhere(session: Session): Promise<void> {
  const file = waitingFile(session.env);
  if (!existsSync(file)) return;
  const { waitingElsewhere } = await import('../store/waiting.js');
  for (const other of waitingElsewhere(file, session.address.shown)) session.tell(t('sync.waitingElsewhere', other));
}

function heldBack(error: unknown, session: Session): undefined {
  if (!(error instanceof LogbookProblem) || (error.trouble.kind !== 'busy' && error.trouble.kind !== 'read only')) throw error;
  heldBackBy.set(session, error.trouble.kind);
  return undefined;
}

/**
 * Says how many complaints kept on this computer a send held back left waiting, after a command
 * that opened the logbook to do something else: it went on with its own step, and the till is
 * to know that those complaints are not in the shared logbook yet.
 */
export async function tellHeldBack(session: Session): Promise<void> {
  const why = heldBackBy.get(session);
  if (why === undefined) return;
  const { countWaiting } = await import('../store/waiting.js');
  const count = countWaiting(waitingFile(session.env), session.address.shown);
  if (count > 0) session.tell(t(why === 'read only' ? 'sync.heldBackReadOnly' : 'sync.heldBack', { logbook: session.address.shown, count }));
}

/**
 * A sync whose connection was cut as a complaint was being saved, as what to do about it: sync
 * again, as each complaint arrives once however often a send is cut off. (A step cut off so may
 * have been recorded or not, to be looked at before it is done again: that advice, given for a
 * sync, would have complaints logged twice by hand.) Any other error as it is.
 */
async function sendCutOff(error: unknown, session: Session, keptFor: string): Promise<unknown> {
  if (!(error instanceof LogbookProblem) || error.trouble.kind !== 'cut at commit') return error;
  const { countWaiting } = await import('../store/waiting.js');
  return new Refusal(t('sync.cutOff', { logbook: session.address.shown, count: countWaiting(waitingFile(session.env), keptFor) }));
}

/** Why complaints still wait after a send: the logbook busy, or its server read-only. */
function stillWaiting(session: Session, count: number): Refusal {
  return new Refusal(t(heldBackBy.get(session) === 'read only' ? 'sync.readOnly' : 'sync.busy', { logbook: session.address.shown, count }));
}
