import type { Command } from 'commander';
import type { Session } from '../context.js';
import { COMPUTER_SETTING_KEYS, SETTING_KEYS } from '../domain/config.js';
import { t } from '../language/messages.js';
import { examples } from './examples.js';

/** What a command's module adds to its command: arguments, options, help text and action. */
export type Register = (command: Command, session: Session) => void;

interface CommandEntry {
  /** The command as `complaints --help` lists it: its name, then its usage there. */
  term: string;
  describe?: () => string;
  /** A command only the completion scripts call: in no help page. */
  hidden?: true;
  load: () => Promise<Register>;
}

/**
 * Every command, in the order of the workflow, as `complaints --help` lists them. Each is made
 * with its name and description only; its module is run, and fills it in, only when a command
 * line names it, so that a command runs its own code and no other (all of them took ~55 ms of
 * every command's start-up). A test holds each `term` to what the filled-in command shows.
 */
const COMMANDS: readonly CommandEntry[] = [
  { term: 'log [options] [text...]', describe: () => t('log.description'), load: async () => (await import('./log.js')).registerLog },
  { term: 'triage [options] [id]', describe: () => t('triage.description'), load: async () => (await import('./triage.js')).registerTriage },
  { term: 'assign [options] <id> [person]', describe: () => t('assign.description'), load: async () => (await import('./assign.js')).registerAssign },
  { term: 'resolve [options] <id>', describe: () => t('resolve.description'), load: async () => (await import('./resolve.js')).registerResolve },
  { term: 'approve [options] <id>', describe: () => t('approve.description'), load: async () => (await import('./approve.js')).registerApprove },
  { term: 'follow-up [options] [id]', describe: () => t('followUp.description'), load: async () => (await import('./follow-up.js')).registerFollowUp },
  { term: 'note [options] <id> <text...>', describe: () => t('note.description'), load: async () => (await import('./note.js')).registerNote },
  { term: 'undo [options] [id]', describe: () => t('undo.description'), load: async () => (await import('./undo.js')).registerUndo },
  { term: 'list [options]', describe: () => t('list.description'), load: async () => (await import('./list.js')).registerList },
  { term: 'show [options] <id>', describe: () => t('show.description'), load: async () => (await import('./show.js')).registerShow },
  { term: 'report [options]', describe: () => t('report.description'), load: async () => (await import('./report.js')).registerReport },
  { term: 'actions [options]', describe: () => t('actions.description'), load: async () => (await import('./actions.js')).registerActions },
  { term: 'export [options]', describe: () => t('export.description'), load: async () => (await import('./export.js')).registerExport },
  { term: 'import [options] <file>', describe: () => t('import.description'), load: async () => (await import('./import.js')).registerImport },
  { term: 'sync [options]', describe: () => t('sync.description'), load: async () => (await import('./sync.js')).registerSync },
  { term: 'causes [options]', describe: () => t('causes.description'), load: async () => (await import('./causes.js')).registerCauses },
  {
    term: 'config [options]',
    describe: () => t('config.description', { shop: SETTING_KEYS.join(', '), computer: COMPUTER_SETTING_KEYS.join(', ') }),
    load: async () => (await import('./config.js')).registerConfig,
  },
  { term: 'backup [options] <file>', describe: () => t('backup.description'), load: async () => (await import('./backup.js')).registerBackup },
  { term: 'check [options]', describe: () => t('check.description'), load: async () => (await import('./check.js')).registerCheck },
  { term: 'forget [options] <customer>', describe: () => t('forget.description'), load: async () => (await import('./forget.js')).registerForget },
  { term: 'setup-roles [options]', describe: () => t('setupRoles.description'), load: async () => (await import('./setup-roles.js')).registerSetupRoles },
  { term: 'help [command]', describe: () => t('help.description'), load: async () => (await import('./help.js')).registerHelp },
  { term: 'completion <shell>', describe: () => t('completion.description'), load: async () => (await import('./completion.js')).registerCompletion },
  { term: '__complete [words...]', hidden: true, load: async () => (await import('./completion.js')).registerComplete },
];

const nameOf = (entry: CommandEntry) => entry.term.split(' ')[0]!;

// The commands made but not yet filled in, and how to fill each in.
const unfilled = new WeakMap<Command, () => Promise<void>>();

/**
 * Makes every command on `program`, fills in those `argv` names, and makes the bare program the
 * desk. Any word of `argv` that is a command's name counts: the command to run is among them, and
 * another (a description that says "list") costs only the loading of its module.
 */
export async function registerCommands(program: Command, session: Session, argv: readonly string[]): Promise<void> {
  for (const entry of COMMANDS) {
    const command = program.command(nameOf(entry), { hidden: entry.hidden ?? false });
    if (entry.describe) command.description(entry.describe());
    unfilled.set(command, async () => {
      unfilled.delete(command);
      (await entry.load())(command, session);
    });
  }
  await Promise.all(program.commands.filter((command) => argv.includes(command.name())).map(fillIn));
  registerDesk(program, session);
}

/** Fills in every command of `program` not yet filled in: for what needs them all, such as completion. */
export async function fillInEveryCommand(program: Command): Promise<void> {
  await Promise.all(program.commands.map(fillIn));
}

async function fillIn(command: Command): Promise<void> {
  await unfilled.get(command)?.();
}

/** How `complaints --help` lists one of its commands, filled in or not; undefined for a subcommand of one. */
export function listedTerm(command: Command): string | undefined {
  if (command.parent?.parent !== null) return undefined;
  return COMMANDS.find((entry) => nameOf(entry) === command.name())?.term;
}

/**
 * `complaints` with no command: today's desk; with an id, that complaint. Made after the commands,
 * so that only the bare program takes stray words (to name them as an unknown command) and the
 * commands do not.
 */
function registerDesk(program: Command, session: Session): void {
  program
    .allowExcessArguments(true)
    .addHelpText(
      'after',
      examples(
        'complaints  # the desk: what to triage, what is overdue, whom to call back',
        'complaints 12  # one complaint; at a terminal, then its next step',
        'complaints log "soup was cold" --customer "Ann Lee" --wants refund',
        'complaints triage 12 --category product --cause "cold food"',
        'complaints assign 12 Sam && complaints resolve 12 --remedy refund --cost 4.50',
        'complaints follow-up 12 --satisfaction 4',
        'complaints list --overdue',
      ),
    )
    .action(async (_options: unknown, command: Command) => (await import('./desk.js')).runDeskOrComplaint(command.args, session));
}
