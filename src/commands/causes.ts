import type { Command } from 'commander';
import type { Session } from '../context.js';
import { spellingToKeep, spellingsOf } from '../domain/spelling.js';
import { requiredText } from '../domain/validate.js';
import { Refusal } from '../errors.js';
import { newTable, withoutTrailingSpace } from '../output/table.js';
import { counted } from '../output/plural.js';
import { oneLine, painter } from '../output/terminal.js';
import type { CauseRename } from '../store/logbook.js';
import { examples, jsonOption, printJson, refuseUnlessManager } from './common.js';

export function registerCauses(program: Command, session: Session): void {
  const causes = program
    .command('causes')
    .description('list the causes in use and how many complaints each has; merge two spellings with rename')
    .addOption(jsonOption())
    .addHelpText(
      'after',
      examples('complaints causes', 'complaints causes --json', 'complaints causes rename "cold foood" "cold food"'),
    )
    .action((options: { json?: boolean }) => runCauses(options, session));

  causes
    .command('rename')
    .description("give every complaint with cause OLD the cause NEW, noted on each one's timeline, so a Pareto table is not split by spellings")
    .argument('<old>', 'the cause as spelt now; capitals and extra spaces do not matter')
    .argument('<new>', 'the cause to use instead; if another cause in use is spelt the same but for capitals and spaces, that spelling is kept')
    .addHelpText(
      'after',
      `
Exit status: 0 renamed; 1 no complaint has the cause OLD; 2 NEW is empty.
${examples(
  'complaints causes rename "cold foood" "cold food"      # merge a misspelling into the cause in use',
  'complaints causes rename "wait" "long wait at the till"',
)}`,
    )
    .action((oldText: string, newText: string) => runRenameCause(oldText, newText, session));
}

export async function runCauses(options: { json?: boolean }, session: Session): Promise<void> {
  const counts = await (await session.logbook('read')).causeCounts();
  if (options.json) return printJson(session, counts);
  if (counts.length === 0) return session.tell(`No causes yet; they are given at triage: complaints triage <id> --category … --cause …`);
  const table = newTable(['cause', 'complaints'], painter(session.color), ['left', 'right']);
  for (const { cause, count } of counts) table.push([oneLine(cause), String(count)]);
  session.print(withoutTrailingSpace(table.toString()));
  session.tell('merge two spellings with: complaints causes rename OLD NEW');
}

export async function runRenameCause(oldText: string, newText: string, session: Session): Promise<void> {
  const old = requiredText(oldText, 'the cause to rename');
  const typed = requiredText(newText, 'the new cause');
  const logbook = await session.logbook('change');
  await refuseUnlessManager(logbook, 'rename causes');
  const rename = await logbook.renameCause(session.now().toISOString(), (inUse) => planRename(old, typed, inUse));
  const from = rename.from.map((spelling) => `"${oneLine(spelling)}"`).join(', ');
  const to = `"${oneLine(rename.to)}"`;
  const complaints = counted(rename.changed, 'complaint');
  session.print(rename.changed === 0 ? `Nothing to change: the cause is spelt ${to} already.` : `Renamed ${from} to ${to} on ${complaints}.`);
}

/**
 * Every spelling of `old` in use (matched as triage matches causes) goes over to `typed`, spelt
 * as another cause in use with the same key if there is one: renaming into it merges the two.
 */
function planRename(old: string, typed: string, inUse: readonly string[]): CauseRename {
  const from = spellingsOf(old, inUse);
  if (from.length === 0) throw new Refusal(`no complaint has the cause "${oneLine(old)}"; 'complaints causes' lists the causes in use`);
  return { from, to: spellingToKeep(typed, inUse.filter((cause) => !from.includes(cause))) };
}
