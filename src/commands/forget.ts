import type { Command } from 'commander';
import type { Session } from '../context.js';
import { Refusal, UsageError } from '../errors.js';
import type { ForgetBy } from '../domain/forget.js';
import { requiredText } from '../domain/validate.js';
import { t } from '../language/messages.js';
import { idRuns, oneLine } from '../output/terminal.js';
import { recordingNow, refuseUnlessManager } from './common.js';
import { examples } from './examples.js';

interface ForgetOptions {
  contact?: boolean;
  dryRun?: boolean;
  yes?: boolean;
}

export function registerForget(command: Command, session: Session): void {
  command
    .argument('<customer>', t('forget.customer'))
    .option('--contact', t('forget.contact'))
    .option('--dry-run', t('forget.dryRun'))
    .option('--yes', t('forget.yes'))
    .addHelpText(
      'after',
      examples(
        'complaints forget "Ann Lee" --dry-run',
        'complaints forget "Ann Lee"  # at a terminal: asks before erasing',
        'complaints forget "0712 345678" --contact --yes',
      ) + `\n${t('forget.help')}\n`,
    )
    .action((customer: string, options: ForgetOptions) => runForget(customer, options, session));
}

export async function runForget(customerText: string, options: ForgetOptions, session: Session): Promise<void> {
  const by: ForgetBy = options.contact ? 'contact' : 'customer';
  const wanted = requiredText(customerText, t(options.contact ? 'forget.contactToForget' : 'forget.customerToForget'));
  if (!options.dryRun && !options.yes && !session.canPrompt) {
    throw new UsageError(t('forget.cannotConfirm'));
  }
  const logbook = await session.logbook(options.dryRun ? 'read' : 'change');
  if (!options.dryRun) await refuseUnlessManager(logbook, t('forget.what'));
  const { ids: matching, values } = await logbook.wouldErase(wanted, by);
  if (matching.length === 0) throw nobodyFound(wanted, by);
  if (options.dryRun) {
    session.print(t('forget.wouldErase', { count: matching.length, ids: idRuns(matching) }));
    // The complaints whose text would still mention them: those it would not erase.
    const mentioned = (await logbook.complaintsMentioning(values)).filter((id) => !matching.includes(id));
    if (mentioned.length > 0) session.tell(t('forget.stillMentioned', { ids: idRuns(mentioned) }));
    // A till's login may see what forgetting would erase, but not erase it: the hint says who may.
    return session.tell((await logbook.mayManage()) ? t('forget.nothingChanged') : t('common.notManager', { what: t('forget.what') }));
  }
  if (!options.yes) {
    const { confirmErasure } = await import('../prompts/forget.js');
    if (!(await confirmErasure(wanted, matching, session))) return session.tell(t('forget.nothingErased'));
  }

  const erasure = await logbook.forget(wanted, by, recordingNow(session));
  // Another till may have erased them since the count above.
  if (erasure.ids.length === 0) throw nobodyFound(wanted, by);
  session.print(t('forget.erased', { count: erasure.ids.length, ids: idRuns(erasure.ids) }));
  const mentioned = await logbook.complaintsMentioning(erasure.values);
  if (mentioned.length > 0) {
    session.tell(t('forget.stillMentioned', { ids: idRuns(mentioned) }));
  }
  session.tell(t('forget.backups'));
}

function nobodyFound(wanted: string, by: ForgetBy): Refusal {
  return by === 'contact'
    ? new Refusal(t('forget.noContact', { contact: oneLine(wanted) }))
    : new Refusal(t('forget.noCustomer', { customer: oneLine(wanted) }));
}
