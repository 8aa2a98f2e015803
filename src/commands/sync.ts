import type { Command } from 'commander';
import type { Session } from '../context.js';
import type { Complaint } from '../domain/complaint.js';
import { completeComplaint } from '../domain/intake.js';
import { counted } from '../output/plural.js';
import { idRange } from '../output/terminal.js';
import type { Logbook } from '../store/logbook.js';
import { waitingFile } from '../store/location.js';
import { examples, settingsOf } from './common.js';

export function registerSync(program: Command, session: Session): void {
  program
    .command('sync')
    .description('send the complaints this computer kept while the shared logbook was out of reach (any command that reaches it sends them too)')
    .addHelpText('after', examples('complaints sync'))
    .action(() => runSync(session));
}

async function runSync(session: Session): Promise<void> {
  const { shown } = session.address;
  if (session.address.engine !== 'postgres') return session.print(`Nothing to send: ${shown} is a file on this computer.`);
  // Opening the logbook sends what waits for it (sendWaitingComplaints), and says what it sent.
  await session.logbook('add');
  session.print(`Nothing waits to be sent to ${shown}.`);
}

/**
 * Logs in `logbook` the complaints this computer kept while it was out of reach, completed with
 * the shop's settings as `log` completes one, oldest first; says on stderr what was sent. A
 * complaint that arrived before (its uid is there) is not logged twice.
 */
export async function sendWaitingComplaints(session: Session, logbook: Logbook): Promise<Complaint[]> {
  const { sendWaiting } = await import('../store/waiting.js');
  const responseHours = (await settingsOf(logbook))['response-hours'];
  const sent = await sendWaiting(waitingFile(session.env), session.address.shown, (waiting) =>
    logbook.log(completeComplaint(waiting.draft, new Date(waiting.occurredAt), new Date(waiting.loggedAt), responseHours, waiting.uid)),
  );
  if (sent.length > 0) {
    session.tell(`Sent ${counted(sent.length, 'complaint')} kept on this computer while ${session.address.shown} was out of reach: ${idRange(sent.map((c) => c.id))}.`);
  }
  return sent;
}
