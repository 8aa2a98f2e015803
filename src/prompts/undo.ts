import select from '@inquirer/select';
import type { Session } from '../context.js';
import { t } from '../language/messages.js';
import { promptStreams, promptTheme } from './ask.js';

/** Asks before an undo, naming the change; keeping it is the default. */
export async function confirmUndo(change: string, session: Session): Promise<boolean> {
  return select(
    {
      message: t('undoPrompt.confirm', { change }),
      theme: promptTheme(session),
      choices: [
        { name: t('undoPrompt.keep'), value: false },
        { name: t('undoPrompt.undo'), value: true },
      ],
      default: false,
    },
    promptStreams(session),
  );
}
