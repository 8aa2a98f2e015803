import type { Command, Option } from 'commander';
import type { Session } from '../context.js';
import { COMPUTER_SETTING_KEYS, SETTING_KEYS } from '../domain/config.js';
import type { ComplaintFilter } from '../domain/filter.js';
import { STATUSES, statusesFor } from '../domain/lifecycle.js';
import { NATURES } from '../domain/nature.js';
import { DIMENSIONS } from '../domain/pareto.js';
import { REMEDIES, SEVERITIES, oneOf } from '../domain/validate.js';
import { t } from '../language/messages.js';
import { SHELLS, completionScript } from '../output/completion-scripts.js';
import { logbookAddress } from '../store/location.js';
import type { Logbook } from '../store/logbook.js';
import { settingsOf } from './common.js';
import { examples } from './examples.js';
import { fillInEveryCommand } from './index.js';
import { REPORT_FORMATS } from './report.js';

/** How many complaint ids are offered: the latest of those a step applies to. */
const OFFERED_IDS = 50;

export function registerCompletion(command: Command, session: Session): void {
  command
    .argument('<shell>', SHELLS.join(', '))
    .addHelpText(
      'after',
      `
${t('completion.help')}
${examples(
  'complaints completion bash > ~/.complaints.bash && echo "source ~/.complaints.bash" >> ~/.bashrc',
  'complaints completion zsh > ~/.complaints.zsh && echo "source ~/.complaints.zsh" >> ~/.zshrc  # after compinit',
  'mkdir -p ~/.config/fish/completions && complaints completion fish > ~/.config/fish/completions/complaints.fish',
)}`,
    )
    .action((shell: string) => void session.stdout.write(completionScript(oneOf(shell, SHELLS, t('completion.shell')))));
}

/** The hidden command the completion scripts call with the words typed so far. */
export function registerComplete(command: Command, session: Session): void {
  command
    .argument('[words...]')
    .allowUnknownOption()
    .helpOption(false)
    .action(async (words: string[]) => {
      const program = command.parent!;
      await fillInEveryCommand(program);
      for (const candidate of await candidates(program, words, session)) session.print(candidate);
    });
}

/** What may be typed as the last of `words` (the words after `complaints`, the last one partly typed), that begin with it. */
async function candidates(program: Command, words: readonly string[], session: Session): Promise<string[]> {
  const typed = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const wanted = await wantedAfter(program, before, session);
  return wanted.filter((candidate) => candidate.startsWith(typed));
}

/** Every candidate for the word after `before`, from the program's own commands and options, and the logbook. */
async function wantedAfter(program: Command, before: readonly string[], session: Session): Promise<string[]> {
  let command = program;
  let positional = 0;
  let db: string | undefined;
  for (let at = 0; at < before.length; at++) {
    const word = before[at]!;
    const option = word.startsWith('-') ? optionOf(command, word) ?? optionOf(program, word) : undefined;
    if (option !== undefined) {
      // An option's value is the next word, unless it was given as --flag=value.
      if (takesValue(option) && !word.includes('=')) {
        if (at === before.length - 1) return valuesOf(option, command, session, db);
        if (option.long === '--db') db = before[at + 1];
        at++;
      }
      continue;
    }
    if (word.startsWith('-')) continue;
    const sub = command.commands.find((candidate) => candidate.name() === word);
    if (sub !== undefined && positional === 0) command = sub;
    else positional++;
  }
  return [...(await positionalValues(command, positional, session, db)), ...optionsOf(command, program)];
}

function optionOf(command: Command, word: string): Option | undefined {
  const flag = word.split('=')[0];
  return (command.options as Option[]).find((option) => option.long === flag || option.short === flag);
}

function takesValue(option: Option): boolean {
  return option.required || option.optional;
}

/** The long options a command takes, and the program's own when no command is chosen yet. */
function optionsOf(command: Command, program: Command): string[] {
  const own = (command.options as Option[]).filter((option) => !option.hidden && option.long !== undefined).map((option) => option.long!);
  return command === program ? own : [...own, '--help'];
}

/** The commands, subcommands or arguments that may come next. */
async function positionalValues(command: Command, positional: number, session: Session, db: string | undefined): Promise<string[]> {
  const subcommands = command.createHelp().visibleCommands(command).map((sub) => sub.name());
  if (positional === 0 && subcommands.length > 0) return subcommands;
  const argument = command.registeredArguments[Math.min(positional, command.registeredArguments.length - 1)]?.name();
  switch (`${command.name()} ${argument}`) {
    case 'completion shell':
      return [...SHELLS];
    case 'get key':
    case 'set key':
      return [...SETTING_KEYS, ...COMPUTER_SETTING_KEYS];
    case 'assign person':
      return fromLogbook(session, db, (logbook) => logbook.usedValues('assignee'));
    case 'rename old':
    case 'rename new':
      return fromLogbook(session, db, (logbook) => logbook.causesInUse());
  }
  if (argument !== 'id') return [];
  const offered = idsFor(command.name());
  return fromLogbook(session, db, async (logbook) =>
    (await logbook.list({ ...offered, order: 'newest first', limit: OFFERED_IDS })).map(({ id }) => String(id)),
  );
}

/** Which complaints a command takes, as the next step for them; any, for the others. */
function idsFor(command: string): Pick<ComplaintFilter, 'statuses' | 'awaitingApproval'> {
  switch (command) {
    // Triage applies to any complaint, but the ones waiting for it are those still new.
    case 'triage':
      return { statuses: ['new'] };
    case 'assign':
    case 'resolve':
    case 'follow-up':
      return { statuses: statusesFor(command) };
    case 'approve':
      return { awaitingApproval: true };
    default:
      return {};
  }
}

/** The values an option takes: its fixed choices, or those in use in the logbook. */
async function valuesOf(option: Option, command: Command, session: Session, db: string | undefined): Promise<string[]> {
  switch (option.long) {
    case '--status':
      return [...STATUSES];
    case '--by':
      return [...DIMENSIONS];
    case '--format':
      return command.name() === 'report' ? [...REPORT_FORMATS] : [];
    case '--severity':
      return [...SEVERITIES];
    case '--nature':
      return [...NATURES];
    case '--channel':
      return fromLogbook(session, db, async (logbook) => (await settingsOf(logbook)).channels);
    case '--remedy':
    case '--wants':
      return [...REMEDIES];
    case '--satisfaction':
      return ['1', '2', '3', '4', '5'];
    case '--cause':
      return fromLogbook(session, db, (logbook) => logbook.causesInUse());
    case '--category':
      return fromLogbook(session, db, async (logbook) => (await settingsOf(logbook)).categories);
    case '--assignee':
      return fromLogbook(session, db, (logbook) => logbook.usedValues('assignee'));
    case '--about':
      return fromLogbook(session, db, (logbook) => logbook.usedValues('about'));
    case '--staff':
      return fromLogbook(session, db, (logbook) => logbook.usedValues('staff'));
    case '--till':
      return fromLogbook(session, db, (logbook) => logbook.spellingsInUse('till'));
    case '--branch':
      return fromLogbook(session, db, (logbook) => logbook.spellingsInUse('branch'));
    default:
      return [];
  }
}

/**
 * What `read` finds in the logbook the words name (--db, else as for any command), opened to read
 * only: a logbook that does not exist is not made, and complaints a till kept offline are not sent.
 * Nothing when it cannot be read: completing never fails aloud.
 */
async function fromLogbook(session: Session, db: string | undefined, read: (logbook: Logbook) => Promise<string[]>): Promise<string[]> {
  try {
    if (db !== undefined) session.address = logbookAddress(db, session.env);
    return await read(await session.logbook('dry-run'));
  } catch {
    return [];
  }
}
