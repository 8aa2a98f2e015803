import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { t } from '../language/messages.js';
import { examples } from './examples.js';

/**
 * `complaints help [command]`: what `--help` shows, for those who type the word. The bare program
 * is the desk, which turns commander's own help command off.
 */
export function registerHelp(command: Command): void {
  command
    .argument('[command]', t('help.command'))
    .addHelpText('after', examples('complaints help', 'complaints help log'))
    .action((name: string | undefined) => {
      const program = command.parent!;
      const shown = name === undefined ? program : program.createHelp().visibleCommands(program).find((each) => each.name() === name);
      if (shown === undefined) throw new UsageError(t('desk.unknownCommand', { command: name! }));
      shown.outputHelp();
    });
}
