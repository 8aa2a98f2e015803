import select from '@inquirer/select';
import type { Session } from '../context.js';
import { t } from '../language/messages.js';
import { idRuns, oneLine } from '../output/terminal.js';
import { promptStreams, promptTheme } from './ask.js';

/**
 * Asks before an erasure that cannot be undone, naming whom and which complaints, as the dry run
 * does; the safe answer is the default.
 */
export async function confirmErasure(who: string, complaints: readonly number[], session: Session): Promise<boolean> {
  return select(
    {
      message: t('forget.confirm', { who: oneLine(who), count: complaints.length, ids: idRuns(complaints) }),
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
