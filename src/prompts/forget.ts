import select from '@inquirer/select';
import type { Session } from '../context.js';
import { t } from '../language/messages.js';
import { promptStreams, promptTheme } from './ask.js';

/** Asks before an erasure that cannot be undone; the safe answer is the default. */
export async function confirmErasure(complaints: number, session: Session): Promise<boolean> {
  return select(
    {
      message: t('forget.confirm', { count: complaints }),
      theme: promptTheme(session),
      choices: [
        { name: t('forget.keep'), value: false },
        { name: t('forget.erase'), value: true },
      ],
      default: false,
    },
    promptStreams(session),
  );
}
