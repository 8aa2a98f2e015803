import type { ChalkInstance } from 'chalk';
import type { JudgedAction, Verdict } from '../domain/action-effect.js';
import { localMinute } from '../domain/when.js';
import { t } from '../language/messages.js';
import { newTable, type TextTable } from './table.js';
import { complaintRef, oneLine } from './terminal.js';

/** The widest an action's text is shown in the table before it is cut with …. */
const ACTION_WIDTH = 40;

/** The actions as a table, a row each: the complaint, when, the cause and action, the weeks' counts and the verdict. */
export function actionsTable(actions: readonly JudgedAction[], weeks: number, paint: ChalkInstance): TextTable {
  const head = ['#', t('actions.columnRecorded'), t('actions.columnCause'), t('actions.columnAction'), t('actions.columnBefore', { weeks }), t('actions.columnAfter'), t('actions.columnVerdict')];
  const table = newTable(head, paint, ['right']);
  for (const action of actions) {
    table.push([
      complaintRef(action.id),
      localMinute(action.recordedAt),
      oneLine(action.cause),
      oneLine(action.action, ACTION_WIDTH),
      weeklyCounts(action.before),
      weeklyCounts(action.after),
      paintVerdict(action, paint),
    ]);
  }
  return table;
}

/** A count a week, · for a week not counted, each after the other with `space`. */
/**
 * The actions as `actions --json` gives them: the chance behind each verdict to six significant
 * figures, what a reader of it needs, without the noise of the sum that made it (0.007999999999999997).
 */
export function actionsForJson(actions: readonly JudgedAction[]): JudgedAction[] {
  return actions.map((action) => ({ ...action, p: action.p === null ? null : Number(action.p.toPrecision(6)) }));
}

export function weeklyCounts(counts: ReadonlyArray<number | null>, space = ' '): string {
  return counts.map((count) => (count === null ? '·' : String(count))).join(space);
}

/**
 * A verdict as a person reads it: the value itself in English (fewer, no change), 减少, 无变化 in
 * Chinese. An action none of whose weeks before was counted (the logbook begins after it) stays
 * too early for ever once its weeks after are all counted: said so, rather than to wait.
 */
export function verdictShown({ verdict, before, after }: Pick<JudgedAction, 'verdict' | 'before' | 'after'>): string {
  if (verdict === 'too early' && after.length === before.length && before.every((count) => count === null)) return t('actions.verdictNothingBefore');
  return t(VERDICT_SHOWN[verdict]);
}

const VERDICT_SHOWN = {
  fewer: 'actions.verdictFewer',
  'no change': 'actions.verdictNoChange',
  more: 'actions.verdictMore',
  'too early': 'actions.verdictTooEarly',
} as const satisfies Record<Verdict, string>;

function paintVerdict(action: JudgedAction, paint: ChalkInstance): string {
  if (action.verdict === 'fewer') return paint.green(verdictShown(action));
  if (action.verdict === 'more') return paint.red(verdictShown(action));
  return verdictShown(action);
}
