import type { Command } from 'commander';
import type { Session } from '../context.js';
import { spellingToKeep, spellingsOf } from '../domain/spelling.js';
import { causeGiven, requiredText } from '../domain/validate.js';
import { Refusal } from '../errors.js';
import { t } from '../language/messages.js';
import { newTable, withoutTrailingSpace } from '../output/table.js';
import { oneLine } from '../output/terminal.js';
import { painter } from '../output/paint.js';
import type { CauseRename } from '../store/logbook.js';
import { jsonOption, printJson, recordingNow, refuseJsonOf, refuseUnlessManager } from './common.js';
import { examples } from './examples.js';

export function registerCauses(command: Command, session: Session): void {
  const causes = command
    .addOption(jsonOption())
    .addHelpText(
      'after',
      examples('complaints causes', 'complaints causes --json', 'complaints causes rename "cold foood" "cold food"'),
    )
    .action((options: { json?: boolean }) => runCauses(options, session));

  causes
    .command('rename')
    .description(t('causes.rename.description'))
    .argument('<old>', t('causes.rename.old'))
    .argument('<new>', t('causes.rename.new'))
    .addHelpText(
      'after',
      `
${t('causes.rename.help')}
${examples(
  'complaints causes rename "cold foood" "cold food"  # merge a misspelling into the cause in use',
  'complaints causes rename "wait" "long wait at the till"',
)}`,
    )
    .action((oldText: string, newText: string) => {
      refuseJsonOf(causes, 'causes rename');
      return runRenameCause(oldText, newText, session);
    });
}

export async function runCauses(options: { json?: boolean }, session: Session): Promise<void> {
  const counts = await (await session.logbook('read')).causeCounts();
  if (options.json) return printJson(session, counts);
  if (counts.length === 0) return session.tell(t('causes.none'));
  const table = newTable([t('causes.cause'), t('causes.complaints')], painter(session.color), ['left', 'right']);
  for (const { cause, count } of counts) table.push([oneLine(cause), String(count)]);
  session.print(withoutTrailingSpace(table.toString()));
  session.tell(t('causes.mergeHint'));
}

export async function runRenameCause(oldText: string, newText: string, session: Session): Promise<void> {
  const old = requiredText(oldText, t('causes.rename.oldLabel'));
  const typed = causeGiven(newText, t('causes.rename.newLabel'));
  const logbook = await session.logbook('change');
  await refuseUnlessManager(logbook, t('causes.rename.what'));
  const rename = await logbook.renameCause(recordingNow(session), (inUse) => planRename(old, typed, inUse));
  const quoted = (cause: string) => t('causes.rename.quoted', { cause: oneLine(cause) });
  const from = rename.from.map(quoted).join(t('common.listSeparator'));
  const to = quoted(rename.to);
  session.print(rename.changed === 0 ? t('causes.rename.nothing', { to }) : t('causes.rename.renamed', { from, to, count: rename.changed }));
  // Joined to a cause in use, the complaints are one with its own: no rename takes them apart again.
  if (rename.changed > 0 && rename.merged) session.tell(t('causes.rename.merged', { to, count: rename.changed }));
}

/**
 * Every spelling of `old` in use (matched as triage matches causes) goes over to `typed`, spelt
 * as another cause in use with the same key if there is one: renaming into it merges the two.
 */
function planRename(old: string, typed: string, inUse: readonly string[]): CauseRename {
  const from = spellingsOf(old, inUse);
  if (from.length === 0) throw new Refusal(t('causes.rename.notFound', { cause: oneLine(old) }));
  const others = inUse.filter((cause) => !from.includes(cause));
  const to = spellingToKeep(typed, others);
  return { from, to, merged: others.includes(to) };
}
