import { Command, Help } from 'commander';
import { describe, expect, it } from 'vitest';
import { fillInEveryCommand, listedTerm, registerCommands } from '../../src/commands/index.js';
import type { Session } from '../../src/context.js';

// Commands are made bare and filled in by their own modules only when a command line names them;
// `complaints --help` lists each by the term kept beside it, which must be what the command shows.

async function program(argv: readonly string[]): Promise<Command> {
  const made = new Command('complaints');
  // Making and filling in commands reads nothing of the session; their actions do, and none runs here.
  await registerCommands(made, {} as Session, argv);
  return made;
}

const optionCount = (command: Command) => command.options.length + command.commands.length + command.registeredArguments.length;

describe('the commands of the program', () => {
  it('are listed by terms that are what each command shows once filled in', async () => {
    const made = await program([]);
    await fillInEveryCommand(made);
    expect(made.commands.length).toBeGreaterThan(20);
    for (const command of made.commands) {
      expect({ command: command.name(), term: listedTerm(command) }).toEqual({ command: command.name(), term: new Help().subcommandTerm(command) });
    }
  });

  it('are filled in only when the command line names them', async () => {
    const made = await program(['--db', 'shop.db', 'list', '--status', 'new']);
    const filled = made.commands.filter((command) => optionCount(command) > 0).map((command) => command.name());
    expect(filled).toEqual(['list']);
  });

  it('leave the subcommands of a command to their own terms', async () => {
    const made = await program(['config']);
    const set = made.commands.find((command) => command.name() === 'config')!.commands.find((command) => command.name() === 'set')!;
    expect(listedTerm(set)).toBeUndefined();
  });
});
