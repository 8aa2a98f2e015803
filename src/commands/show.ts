import type { Command } from 'commander';
import type { Session } from '../context.js';
import { toRecord, toTimelineRecord } from '../domain/record.js';
import { parseId } from '../domain/validate.js';
import { t } from '../language/messages.js';
import { describeComplaint } from '../output/show.js';
import { painter } from '../output/paint.js';
import { NotFound } from '../store/errors.js';
import { jsonOption, printJson, settingsOf } from './common.js';
import { examples } from './examples.js';

export function registerShow(command: Command, session: Session): void {
  command
    .argument('<id>', t('steps.idArgument'))
    .addOption(jsonOption())
    .addHelpText('after', examples('complaints show 12', 'complaints show "#12" --json | jq .timeline'))
    .action((id: string, options: { json?: boolean }) => runShow(id, options, session));
}

export async function runShow(idText: string, options: { json?: boolean }, session: Session): Promise<void> {
  const id = parseId(idText);
  const logbook = await session.logbook('read');
  const complaint = await logbook.find(id);
  if (complaint === undefined) throw new NotFound(id);
  const events = await logbook.timeline(id);
  if (options.json) return printJson(session, { ...toRecord(complaint), timeline: events.map(toTimelineRecord) });
  const { currency } = await settingsOf(logbook);
  session.print(describeComplaint(complaint, events, currency, session.now(), painter(session.color)));
}
