import { t } from '../language/messages.js';

/**
 * Help text that leads with examples, in the shape every command uses. The lines are command
 * lines as typed (a test runs each as printed), so they are not translated; only the heading is.
 */
export function examples(...lines: string[]): string {
  return `\n${t('common.examples')}\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}
