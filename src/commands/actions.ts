import type { Command } from 'commander';
import type { Session } from '../context.js';
import { DEFAULT_WEEKS, MOST_WEEKS } from '../domain/action-effect.js';
import { spellingsOf } from '../domain/spelling.js';
import { requiredText, wholeNumber } from '../domain/validate.js';
import { t } from '../language/messages.js';
import { actionsForJson, actionsTable } from '../output/actions.js';
import { withoutTrailingSpace } from '../output/table.js';
import { painter } from '../output/paint.js';
import { judgeActions } from '../report/judge-actions.js';
import { jsonOption, printJson } from './common.js';
import { examples } from './examples.js';

interface ActionsOptions {
  weeks: string;
  cause?: string;
  limit: string;
  json?: boolean;
}

/** How many actions are listed unless --limit says. */
const LISTED = 20;

export function registerActions(command: Command, session: Session): void {
  command
    .option('--weeks <n>', t('actions.optionWeeks', { most: MOST_WEEKS }), String(DEFAULT_WEEKS))
    .option('--cause <cause>', t('actions.optionCause'))
    .option('--limit <n>', t('actions.optionLimit'), String(LISTED))
    .addOption(jsonOption())
    .addHelpText(
      'after',
      `
${t('actions.helpText')}
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
  if (options.json) return printJson(session, { weeks, actions: actionsForJson(actions), more });
  if (actions.length === 0) {
    return session.tell(
      typedCause === undefined ? t('actions.noneYet') : t('actions.noneForCause', { cause: typedCause }),
    );
  }
  const table = actionsTable(actions, weeks, painter(session.color));
  session.print(withoutTrailingSpace(table.toString()));
  session.tell(t(more ? 'actions.comparedEarlierNotShown' : 'actions.compared', { count: weeks }));
}
