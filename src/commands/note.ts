import type { Command } from 'commander';
import type { Session } from '../context.js';
import { note } from '../domain/steps.js';
import { parseId, requiredText } from '../domain/validate.js';
import { t } from '../language/messages.js';
import { complaintRef } from '../output/terminal.js';
import { atOption, changeAt, happenedAt } from './common.js';
import { examples } from './examples.js';

export function registerNote(command: Command, session: Session): void {
  command
    .argument('<id>', t('steps.idArgument'))
    .argument('<text...>', t('note.textArgument'))
    .addOption(atOption())
    .addHelpText('after', examples('complaints note 12 "left a voicemail"', 'complaints note 12 called back, customer happy --at "2026-11-23 15:00"'))
    .action((id: string, words: string[], options: { at?: string }) => runNote(id, words.join(' '), options, session));
}

export async function runNote(idText: string, text: string, options: { at?: string }, session: Session): Promise<void> {
  const id = parseId(idText);
  const body = requiredText(text, t('note.theNote'));
  const at = happenedAt(session, options.at).toISOString();
  const logbook = await session.logbook('change');
  await changeAt(logbook, session, id, options.at, (current) => note(current, body, at));
  session.print(t('note.noted', { ref: complaintRef(id) }));
}
