import { Command, CommanderError, Help, Option } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import type { Ctx, Session } from './context.js';
import { Cancelled, Refusal, Unchanged, UsageError, isPromptCancel } from './errors.js';
import { inWords } from './output/store-errors.js';
import { firstSettings } from './domain/config.js';
import { decideColor, inert, shellLine, shownOnOneLine } from './output/terminal.js';
import { displayWidth, fitWidthInMiddle, stdoutColumns, wrapLongLines, wrapToWidth } from './output/width.js';
import { chosenLanguage, languageNamed } from './language/choice.js';
import { speak, spoken, t, type Language, type MessageKey } from './language/messages.js';
import { logbookAddress, waitingFile } from './store/location.js';
import { computerSettingsFile, readComputerSettings } from './store/this-computer.js';
import type { Logbook } from './store/logbook.js';
import { LogbookProblem, NoLogbook } from './store/errors.js';
import type { Access } from './store/open.js';
import { listedTerm, registerCommands } from './commands/index.js';

const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Runs one command line (without `node` and the script) and returns the exit code. */
export async function run(argv: readonly string[], ctx: Ctx): Promise<number> {
  let logbook: Logbook | undefined;
  // One command is one moment: every time it records (logged, occurred, event) agrees.
  const moment = ctx.now();
  const givenAt = ctx.givenAt ?? performance.now();
  await speak(chosenLanguage(languageSetting(ctx), ctx.env));
  const session = newSession(ctx, { moment, givenAt }, () => logbook, (opened) => (logbook = opened));
  let program: Command | undefined;
  // Ctrl-C (or a kill) while a command writes, an import above all: the logbook is closed as at
  // any end, its write rolled back and the draft of a new one thrown away, rather than left on
  // disk holding customers' details; then the signal ends the process as it would have. (At a
  // question, Ctrl-C is a key the prompt reads.) Not process.exit, which waits for the reading
  // thread, blocked reading a terminal or a pipe still open. A server's connection may not close
  // while a statement runs (an import's COPY waits for its rows): after a moment the process ends
  // anyway, which the server takes as the end of the transaction too.
  const interrupted = (signal: NodeJS.Signals) => {
    const end = () => {
      process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
      process.kill(process.pid, signal);
    };
    setTimeout(end, 1000).unref();
    void Promise.resolve(logbook?.close()).finally(end);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    refuseUnreadableWords(argv);
    program = await buildProgram(session, argv);
    await program.parseAsync(argv, { from: 'user' });
    // Said once the command is done: a refusal says it in its own one line (withWhatWaits).
    if (sentWhatWaited.has(session)) await (await import('./commands/sync.js')).tellHeldBack(session);
    return 0;
  } catch (error) {
    return report(await withWhatWaits(withUsage(error, program, argv), session), ctx, argv);
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
    await logbook?.close();
  }
}

// The sessions that sent the complaints kept on this computer before a command of their own.
const sentWhatWaited = new WeakSet<Session>();

/** The program, with the commands `argv` names filled in (commands/index.ts). */
async function buildProgram(session: Session, argv: readonly string[]): Promise<Command> {
  const program = new Command('complaints')
    .description(t('cli.description'))
    .version(VERSION, '-V, --version', t('cli.version'))
    .option('--db <file>', t('cli.db'))
    .option('--no-color', t('cli.noColor'))
    .addOption(new Option('--no-input', t('cli.noInput')))
    .helpOption('-h, --help', t('cli.help'))
    .showSuggestionAfterError(true)
    .configureHelp({
      styleTitle: (title) => HELP_TITLES[title]?.() ?? title,
      // Commander counts characters; a Chinese character takes two columns and has no spaces to break at.
      displayWidth,
      // A command not filled in has no arguments or options to show yet.
      subcommandTerm: (command) => placeholdersSpoken(listedTerm(command) ?? new Help().subcommandTerm(command)),
      argumentTerm: (argument) => placeholderSpoken(argument.name()),
      optionTerm: (option) => placeholdersSpoken(option.flags),
      boxWrap: (text, width) => (width < 40 ? text : wrapToWidth(text, width)),
      commandUsage(command) {
        return placeholdersSpoken(Help.prototype.commandUsage.call(this, command));
      },
      // Commander puts a space after the usage title; a full-width colon (用法：) has its own.
      formatHelp(command, helper) {
        return Help.prototype.formatHelp.call(this, command, helper).replace(/^(\S*：) /, '$1');
      },
      optionDescription(option) {
        // Commander quotes a default given as text ("4", "cause"); a person reads it as typed.
        return Help.prototype.optionDescription
          .call(this, option)
          .replace(/ \(default: (.*)\)$/s, (_all, value: string) => t('cli.default', { value: value.replace(/^"(.*)"$/s, '$1') }));
      },
    })
    .exitOverride()
    .configureOutput({
      // As wide as commander makes its part of a help page: the terminal's width, else 80.
      writeOut: (text) => session.stdout.write(wrapLongLines(text, stdoutColumns())),
      writeErr: (text) => session.stderr.write(text),
      // Errors are printed once, in our own one-line form, by report().
      outputError: () => {},
    })
    .hook('preAction', (_program, action) => {
      refuseOptionGivenTwice(action, argv);
      const globals = action.optsWithGlobals<{ db?: string; color: boolean; input: boolean }>();
      Object.assign(session, settle(session, globals));
    });
  await registerCommands(program, session, argv);
  return program;
}

/**
 * Node reads the command line as UTF-8: typed at a terminal set to another encoding (a GB18030
 * locale), Chinese arrives as replacement characters, and would be recorded so, its words lost.
 */
function refuseUnreadableWords(argv: readonly string[]): void {
  if (argv.some((word) => word.includes('\uFFFD'))) throw new UsageError(t('cli.notUtf8'));
}

/**
 * An option given twice is refused, rather than the last one silently taken: `--customer 甲
 * --customer 乙` is two answers to one question. Words after `--` are text; the completion
 * scripts' hidden command is given the words typed so far, whatever they are.
 */
function refuseOptionGivenTwice(action: Command, argv: readonly string[]): void {
  if (action.name() === '__complete') return;
  const end = argv.indexOf('--');
  const words = end === -1 ? argv : argv.slice(0, end);
  for (let command: Command | null = action; command !== null; command = command.parent) {
    for (const option of command.options) {
      const isIt = (word: string) => word === option.short || (option.long !== undefined && (word === option.long || word.startsWith(`${option.long}=`)));
      if (words.filter(isIt).length > 1) throw new UsageError(t('cli.optionGivenTwice', { name: option.long ?? option.short ?? '' }));
    }
  }
}

/** Commander's placeholders in a usage line or an option's flags (`[options]`, `<id>`, `--at <when>`), in the language spoken. */
function placeholdersSpoken(text: string): string {
  return text.replace(/([<[])([a-z][a-z-]*)(\.\.\.)?([>\]])/g, (_all, open: string, name: string, more = '', close: string) => `${open}${placeholderSpoken(name)}${more}${close}`);
}

function placeholderSpoken(name: string): string {
  // A message's choices are named without hyphens.
  return t('cli.placeholder', { name, key: name.replace(/-/g, '_') });
}

/**
 * This computer's language setting, if any. A settings file that cannot be read leaves the
 * language to the locale: the commands that need the till say what is wrong with it, and one that
 * does not (a backup checked as another user, say) still runs.
 */
function languageSetting(ctx: Ctx): Language | undefined {
  try {
    return languageNamed(readComputerSettings(computerSettingsFile(ctx.env), ['language']).language ?? '');
  } catch {
    return undefined;
  }
}

/**
 * A shared logbook that cannot be used (out of reach, a login refused, no logbook at the address)
 * is said to be so with how many complaints this computer keeps for it meanwhile, which the desk
 * and every other command would have sent.
 */
async function withWhatWaits(error: unknown, session: Session): Promise<unknown> {
  const { address, env } = session;
  if (address.engine !== 'postgres' || !(error instanceof LogbookProblem || error instanceof NoLogbook)) return error;
  if (!existsSync(waitingFile(env))) return error;
  const { countWaiting } = await import('./store/waiting.js');
  let count: number;
  try {
    count = countWaiting(waitingFile(env), address.shown);
  } catch {
    // The file of waiting complaints unusable is for the command that keeps or sends them to say.
    return error;
  }
  return count === 0 ? error : new Refusal(t('sync.waitingMeanwhile', { message: inWords(error)!.message, count }));
}

/** The session before the global options are known; settle() fills in what they decide. */
function newSession(ctx: Ctx, { moment, givenAt }: { moment: Date; givenAt: number }, opened: () => Logbook | undefined, keep: (logbook: Logbook) => void): Session {
  const session: Session = {
    // Read only when asked for: process.stdin, made, costs ~4 ms of a command's start (Node's
    // streams or its terminal module loaded) that only a prompt or `import -` reads from.
    get stdin() {
      return ctx.stdin;
    },
    get stdinIsTTY() {
      return ctx.stdinIsTTY;
    },
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    stdoutIsTTY: ctx.stdoutIsTTY,
    stderrIsTTY: ctx.stderrIsTTY,
    env: ctx.env,
    now: () => moment,
    sinceGiven: () => (performance.now() - givenAt) / 1000,
    color: false,
    canPrompt: false,
    address: { engine: 'sqlite', file: '', shown: '', named: false },
    async logbook(access: Access) {
      const existing = opened();
      if (existing) return existing;
      const { openLogbook } = await import('./store/open.js');
      const logbook = await openLogbook(session.address, access, firstSettings(spoken()));
      keep(logbook);
      // Said, so that a mistyped --db is seen at once rather than taken for the shop's logbook.
      if (logbook.madeNow) session.tell(t('store.madeNew', { file: session.address.shown }));
      // Complaints this till kept while the shared logbook was out of reach go first.
      // Not into a draft: what waits would be lost with it were the import refused.
      if (session.address.engine === 'postgres' && access !== 'dry-run' && !logbook.isDraft && existsSync(waitingFile(ctx.env))) {
        const { sendWaitingComplaints } = await import('./commands/sync.js');
        await sendWaitingComplaints(session, logbook);
        // log and sync, which open the logbook to add to it, say themselves what still waits.
        if (access !== 'add') sentWhatWaited.add(session);
      }
      return logbook;
    },
    print: (line) => void ctx.stdout.write(line + '\n'),
    // What is said on stderr names paths and words from the command line too, which may hold escapes.
    tell: (line) => void ctx.stderr.write(inert(line) + '\n'),
  };
  return session;
}

function settle(ctx: Ctx, globals: { db?: string; color: boolean; input: boolean }): Partial<Session> {
  return {
    color: decideColor(globals.color, ctx.env, ctx.stdoutIsTTY),
    // stdin last: where stderr is no terminal, it is not made at all.
    canPrompt: globals.input && !isSet(ctx.env.CI) && ctx.stderrIsTTY && ctx.stdinIsTTY,
    address: logbookAddress(globals.db, ctx.env),
  };
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * What a person meant as text, such as a description of "-5 stars", that the parser took for an
 * unknown option because it starts with a dash: it has a space, a digit after the dash, or a letter
 * no option is spelt with.
 */
function textTakenForOption(error: CommanderError): string | undefined {
  if (error.code !== 'commander.unknownOption') return undefined;
  const taken = /'(.*)'/s.exec(error.message)?.[1];
  return taken !== undefined && /\s|^-+\d|[^\x00-\x7f]/.test(taken) ? taken : undefined;
}

// Commander names the parts of a help page in English; they are said in the language spoken.
const HELP_TITLES: Readonly<Record<string, () => string>> = {
  'Usage:': () => t('cli.usage'),
  'Arguments:': () => t('cli.arguments'),
  'Options:': () => t('cli.options'),
  'Global Options:': () => t('cli.globalOptions'),
  'Commands:': () => t('cli.commands'),
};

// Commander's errors, as its English words them, and the same in the language spoken.
const COMMANDER_ERRORS: ReadonlyArray<readonly [RegExp, MessageKey]> = [
  [/^error: unknown option '(?<name>.*?)'/s, 'cli.unknownOption'],
  [/^error: unknown command '(?<name>.*?)'/s, 'cli.unknownCommand'],
  [/^error: missing required argument '(?<name>.*?)'\nusage: (?<usage>.*)$/s, 'cli.missingArgumentUsage'],
  [/^error: missing required argument '(?<name>.*?)'/s, 'cli.missingArgument'],
  [/^error: option '(?<name>.*?)' argument missing/s, 'cli.optionMissingValue'],
  [/^error: too many arguments for '(?<name>.*?)'\. Expected (?<expected>\d+) arguments? but got (?<got>\d+)\.\nusage: (?<usage>.*)$/s, 'cli.tooManyArgumentsUsage'],
  [/^error: too many arguments for '(?<name>.*?)'\. Expected (?<expected>\d+) arguments? but got (?<got>\d+)\./s, 'cli.tooManyArguments'],
  [/^error: (?:option )?'?(?<name>[^']*?)'? cannot be used with (?:option )?'?(?<other>[^']*?)'?$/s, 'cli.conflictingOptions'],
];

/** Commander's error `message` as one line in the language spoken, its "did you mean" after it. */
function commanderErrorInWords(message: string): string {
  for (const [pattern, key] of COMMANDER_ERRORS) {
    const found = pattern.exec(message);
    if (!found?.groups) continue;
    const suggestion = /\(Did you mean (?<suggestion>.+?)\?\)/.exec(message)?.groups?.suggestion;
    const named = Object.fromEntries(Object.entries(found.groups).map(([part, words]) => [part, placeholdersSpoken(words)]));
    if (key === 'cli.missingArgument' || key === 'cli.missingArgumentUsage') named.name = placeholderSpoken(found.groups.name!);
    return t(key, named) + (suggestion === undefined ? '' : t('cli.didYouMean', { suggestion }));
  }
  // Commander puts its "did you mean" on a second line; errors here are one line.
  return message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
}

// Errors of a command's arguments, which its usage shows how to type.
const ARGUMENT_ERRORS: ReadonlySet<string> = new Set(['commander.missingArgument', 'commander.excessArguments']);

/**
 * A missing or extra argument's error with the usage of the command it is given to (`note 7`
 * lacks its text: complaints note [options] <id> <text...>), so that the one line says what to type.
 */
function withUsage(error: unknown, program: Command | undefined, argv: readonly string[]): unknown {
  if (!(error instanceof CommanderError) || !ARGUMENT_ERRORS.has(error.code) || program === undefined) return error;
  const command = commandTyped(program, argv);
  if (command === program) return error;
  return new CommanderError(error.exitCode, error.code, `${error.message}\nusage: ${command.createHelp().commandUsage(command)}`);
}

/**
 * The command the line runs, named deepest: causes rename, not causes. Its words are read in
 * order, up to the first of a command's own arguments (`config list` is config given `list`, not
 * the list command); before the first command, a word may be the value of an option (--db).
 */
function commandTyped(program: Command, argv: readonly string[]): Command {
  let command = program;
  for (const word of argv) {
    const named = command.commands.find((each) => each.name() === word || each.aliases().includes(word));
    if (named !== undefined) command = named;
    else if (command !== program && !word.startsWith('-')) break;
  }
  return command;
}

/**
 * A refusal as printed: one line, inert, as it may repeat a path or a word of the command line
 * holding escapes or a line break (show $'\e[2J…'). A long word of the command line it repeats
 * is cut in its middle: a 10,000-character --cost was echoed whole, a line of 10,119.
 */
function refusalLine(message: string, argv: readonly string[]): string {
  let shown = message;
  for (const word of new Set(argv.map((given) => (given.startsWith('--') && given.includes('=') ? given.slice(given.indexOf('=') + 1) : given)))) {
    if (word.length > ECHOED_WHOLE && shown.includes(word)) shown = shown.replaceAll(word, fitWidthInMiddle(word, ECHOED_CUT_TO));
  }
  return `complaints: ${shownOnOneLine(shown)}\n`;
}

// A long sentence of a description, or a path deep in folders, is repeated whole: a hint may give
// it back to type again, and a refusal of a file names where it is.
const ECHOED_WHOLE = 500;
const ECHOED_CUT_TO = 80;

/** Turns whatever ended the command into one line on stderr and an exit code. */
function report(error: unknown, ctx: Ctx, argv: readonly string[]): number {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return 0; // --help, --version
    const text = textTakenForOption(error);
    if (text !== undefined) {
      ctx.stderr.write(refusalLine(t('cli.textTakenForOption', { text, line: shellLine([text]) }), argv));
      return 2;
    }
    ctx.stderr.write(refusalLine(commanderErrorInWords(error.message), argv));
    return 2;
  }
  const worded = inWords(error);
  if (worded !== undefined) return report(worded, ctx, argv);
  if (error instanceof Unchanged) {
    ctx.stderr.write(inert(error.message) + '\n');
    return error.exitCode;
  }
  if (error instanceof UsageError || error instanceof Refusal || error instanceof Cancelled) {
    ctx.stderr.write(refusalLine(error.message, argv));
    return error.exitCode;
  }
  if (isPromptCancel(error)) return report(new Cancelled(t('cli.cancelled')), ctx, argv);
  if (isSet(ctx.env.COMPLAINTS_DEBUG)) {
    ctx.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
  } else {
    const message = (error as Error)?.message ?? String(error);
    ctx.stderr.write(refusalLine(t('cli.unexpected', { message: message.split('\n')[0] ?? '' }), argv));
  }
  return 1;
}
