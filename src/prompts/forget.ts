import select from '@inquirer/select';
import type { Session } from '../context.js';
import { counted } from '../output/plural.js';
import { promptStreams } from './ask.js';

/** Asks before an erasure that cannot be undone; the safe answer is the default. */
export async function confirmErasure(complaints: number, session: Session): Promise<boolean> {
  return select(
    {
      message: `Erase this customer's name and contact from ${counted(complaints, 'complaint')}? This cannot be undone.`,
      choices: [
        { name: 'No, keep them', value: false },
        { name: 'Yes, erase them', value: true },
      ],
      default: false,
    },
    promptStreams(session),
  );
}
