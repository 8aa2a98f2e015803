import { exampleShown } from '../language/examples.js';
import { t } from '../language/messages.js';
import { displayWidth } from '../output/width.js';

// A comment is lined up with the others of its page, unless its command is so long that the
// others would be pushed off an 80-column terminal: that one follows its command.
const LONGEST_ALIGNED = 52;

/**
 * Help text that leads with examples, in the shape every command uses. Each line is a command line
 * as typed (a test runs each as printed), written `command  # comment`, in English; it is shown
 * in the language spoken (language/examples.ts), its comment lined up with the page's others.
 */
export function examples(...lines: string[]): string {
  const shown = lines.map((line) => {
    const [command, comment] = exampleShown(line).split('  # ');
    return { command: command!, comment, width: displayWidth(command!) };
  });
  const aligned = shown.filter(({ comment, width }) => comment !== undefined && width <= LONGEST_ALIGNED);
  const column = Math.max(0, ...aligned.map(({ width }) => width)) + 2;
  const printed = shown.map(({ command, comment, width }) =>
    comment === undefined ? command : `${command}${' '.repeat(width <= LONGEST_ALIGNED ? column - width : 2)}# ${comment}`,
  );
  return `\n${t('common.examples')}\n${printed.map((line) => `  $ ${line}`).join('\n')}\n`;
}
