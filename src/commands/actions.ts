import type { Command } from 'commander';
import type { Session } from '../context.js';
import { DEFAULT_WEEKS, MOST_WEEKS } from '../domain/action-effect.js';
import { spellingsOf } from '../domain/spelling.js';
import { requiredText, wholeNumber } from '../domain/validate.js';
import { actionsTable } from '../output/actions.js';
import { counted } from '../output/plural.js';
import { withoutTrailingSpace } from '../output/table.js';
import { painter } from '../output/terminal.js';
import { judgeActions } from '../report/judge-actions.js';
import { examples, jsonOption, printJson } from './common.js';

interface ActionsOptions {
  weeks: string;
  cause?: string;
  limit: string;
  json?: boolean;
}

/** How many actions are listed unless --limit says. */
const LISTED = 20;

export function registerActions(program: Command, session: Session): void {
  program
    .command('actions')
    .description('did the corrective actions work? each with its cause’s complaints week by week before and after it, and a verdict')
    .option('--weeks <n>', `how many weeks before and after each action to compare (1-${MOST_WEEKS})`, String(DEFAULT_WEEKS))
    .option('--cause <text>', 'only the actions taken for this cause (capitals and extra spaces do not matter)')
    .option('--limit <n>', 'how many actions to show, the latest first', String(LISTED))
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
A corrective action is what resolve --action recorded, for the complaint's cause, when the
complaint was resolved. Its cause's complaints (all but those rejected) are counted in each of
the weeks (seven days from the moment the action was recorded) before and after it; a week
before the logbook's first complaint is not counted (shown as ·).

The verdict: too early until that many whole weeks have passed; otherwise fewer or more only
when chance alone would give so large a difference between the weekly rates less than one time
in twenty (an exact binomial test of the complaints after the action among all those counted, p
below 0.05), and no change when it would not: over four weeks, 4 complaints a week falling to 1
is fewer; 3 falling to 1 may still be chance.
${examples(
  'complaints actions',
  'complaints actions --cause "cold food" --weeks 8',
  "complaints actions --json | jq '[.actions[] | {id, verdict}]'",
)}`,
    )
    .action((options: ActionsOptions) => runActions(options, session));
}

export async function runActions(options: ActionsOptions, session: Session): Promise<void> {
  const weeks = wholeNumber(options.weeks, 1, MOST_WEEKS, '--weeks');
  const limit = wholeNumber(options.limit, 1, 1_000_000, '--limit');
  const typedCause = options.cause === undefined ? undefined : requiredText(options.cause, '--cause');
  const logbook = await session.logbook('read');
  const causes = typedCause === undefined ? undefined : spellingsOf(typedCause, await logbook.causesInUse());
  // One more than shown, to know whether there are earlier ones.
  const recorded = await logbook.recordedActions(causes, limit + 1);
  const actions = await judgeActions(logbook, recorded.slice(0, limit), weeks, session.now());
  const more = recorded.length > limit;
  if (options.json) return printJson(session, { weeks, actions, more });
  if (actions.length === 0) {
    return session.tell(
      typedCause === undefined
        ? 'No corrective actions yet; they are recorded when a complaint is resolved: complaints resolve <id> --action …'
        : `No corrective actions for the cause "${typedCause}"; 'complaints causes' lists the causes in use`,
    );
  }
  const table = actionsTable(actions, weeks, painter(session.color));
  session.print(withoutTrailingSpace(table.toString()));
  session.tell(`${counted(weeks, 'week')} before and after each action${more ? '; earlier ones not shown (--limit)' : ''}`);
}
