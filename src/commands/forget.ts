import type { Command } from 'commander';
import type { Session } from '../context.js';
import { Refusal, UsageError } from '../errors.js';
import type { ForgetBy } from '../domain/forget.js';
import { requiredText } from '../domain/validate.js';
import { counted } from '../output/plural.js';
import { complaintRef, oneLine } from '../output/terminal.js';
import { examples, refuseUnlessManager } from './common.js';

interface ForgetOptions {
  contact?: boolean;
  dryRun?: boolean;
  yes?: boolean;
}

export function registerForget(program: Command, session: Session): void {
  program
    .command('forget')
    .description("erase a customer's name and contact from every complaint and its timeline (when they ask to be forgotten)")
    .argument('<customer>', "the customer's name as logged (any capitals), or their phone or email with --contact")
    .option('--contact', 'match a phone number or email address instead of a name')
    .option('--dry-run', 'say how many complaints would be touched; change nothing')
    .option('--yes', 'erase without asking (needed when not at a terminal)')
    .addHelpText(
      'after',
      examples(
        'complaints forget "Ann Lee" --dry-run',
        'complaints forget "Ann Lee"                 # at a terminal: asks before erasing',
        'complaints forget "0712 345678" --contact --yes',
      ) +
        '\nThe complaints themselves stay (what happened, causes, remedies, costs), so the counts and\n' +
        "reports do not change; each gets a 'forgotten' event on its timeline that names the fields\n" +
        'erased but not what they held. The erasure cannot be undone, and backups made before it still\n' +
        'hold the details. Text written about the customer (descriptions, notes) is not rewritten; forget\n' +
        'lists the complaints whose text still mentions them.\n',
    )
    .action((customer: string, options: ForgetOptions) => runForget(customer, options, session));
}

export async function runForget(customerText: string, options: ForgetOptions, session: Session): Promise<void> {
  const by: ForgetBy = options.contact ? 'contact' : 'customer';
  const wanted = requiredText(customerText, options.contact ? 'the contact to forget' : 'the customer to forget');
  if (!options.dryRun && !options.yes && !session.canPrompt) {
    throw new UsageError('forget erases for good and cannot ask for confirmation here; add --yes (or try --dry-run first)');
  }
  const logbook = await session.logbook(options.dryRun ? 'read' : 'change');
  if (!options.dryRun) await refuseUnlessManager(logbook, 'erase customers');
  const matching = await logbook.complaintsOf(wanted, by);
  if (matching.length === 0) throw nobodyFound(wanted, by);
  if (options.dryRun) {
    session.print(`Would erase the customer's name and contact from ${countOf(matching)}: ${refs(matching)}.`);
    return session.tell('nothing was changed; run it again without --dry-run to erase');
  }
  if (!options.yes) {
    const { confirmErasure } = await import('../prompts/forget.js');
    if (!(await confirmErasure(matching.length, session))) return session.tell('Nothing was erased.');
  }

  const erasure = await logbook.forget(wanted, by, session.now().toISOString());
  // Another till may have erased them since the count above.
  if (erasure.ids.length === 0) throw nobodyFound(wanted, by);
  session.print(`Erased the customer's name and contact from ${countOf(erasure.ids)}: ${refs(erasure.ids)}.`);
  const mentioned = await logbook.complaintsMentioning(erasure.values);
  if (mentioned.length > 0) {
    session.tell(`note: the text of ${refs(mentioned)} still mentions them; forget erases the customer and contact, not what was written`);
  }
  session.tell('note: backups made before now still hold these details; replace them with a new backup');
}

function nobodyFound(wanted: string, by: ForgetBy): Refusal {
  return by === 'contact'
    ? new Refusal(`no complaint has the contact '${oneLine(wanted)}'; check it, or leave out --contact to match a name`)
    : new Refusal(`no complaint has the customer '${oneLine(wanted)}'; check the spelling, or add --contact to match a phone or email`);
}

function countOf(ids: readonly number[]): string {
  return counted(ids.length, 'complaint');
}

function refs(ids: readonly number[]): string {
  return ids.map(complaintRef).join(', ');
}
