import select from '@inquirer/select';
import type { Session } from '../context.js';
import { promptStreams } from './ask.js';

/** Asks before an undo, naming the change; keeping it is the default. */
export async function confirmUndo(change: string, session: Session): Promise<boolean> {
  return select(
    {
      message: `Undo ${change}?`,
      choices: [
        { name: 'No, keep it', value: false },
        { name: 'Yes, undo it', value: true },
      ],
      default: false,
    },
    promptStreams(session),
  );
}
