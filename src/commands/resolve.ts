import type { Command } from 'commander';
import type { Session } from '../context.js';
import { formatMoney } from '../domain/money.js';
import { checkResolve, resolve, type ResolveFlags } from '../domain/steps.js';
import { REMEDIES, parseId } from '../domain/validate.js';
import { complaintRef } from '../output/terminal.js';
import { atOption, examples, happenedAt, tellNext } from './common.js';

interface ResolveOptions extends ResolveFlags {
  at?: string;
}

export function registerResolve(program: Command, session: Session): void {
  program
    .command('resolve')
    .description('record the remedy given, what it cost, the root cause and the action taken')
    .argument('<id>', 'the complaint, e.g. 12 or #12')
    .option('--remedy <remedy>', REMEDIES.join(', '))
    .option('--cost <amount>', 'what the remedy cost the shop, e.g. 12.50')
    .option('--root-cause <text>', 'why it really happened')
    .option('--action <text>', 'the corrective action taken so it does not happen again')
    .option('--note <text>', 'anything else worth keeping')
    .addOption(atOption())
    .addHelpText(
      'after',
      examples(
        'complaints resolve 12 --remedy refund --cost 4.50',
        'complaints resolve 12 --remedy replacement --cost 4.50 --root-cause "soup kettle thermostat" --action "thermostat replaced"',
      ),
    )
    .action((id: string, options: ResolveOptions) => runResolve(id, options, session));
}

export async function runResolve(idText: string, options: ResolveOptions, session: Session): Promise<void> {
  const id = parseId(idText);
  const resolution = checkResolve(options);
  const at = happenedAt(session, options.at).toISOString();
  const logbook = await session.logbook('change');
  const complaint = await logbook.change(id, session.now().toISOString(), (current, previous) => resolve(current, previous, resolution, at));
  const cost = resolution.cost_minor === null ? '' : ` costing ${formatMoney(resolution.cost_minor)}`;
  session.print(`Resolved ${complaintRef(id)} with ${resolution.remedy}${cost}.`);
  tellNext(session, complaint);
}
