import type { Command } from 'commander';
import type { Session } from '../context.js';
import { UsageError } from '../errors.js';
import { t } from '../language/messages.js';
import { examples } from './examples.js';

/** The group role the tills' logins are made members of, unless --role names another. */
const TILL_ROLE = 'complaints_till';

export function registerSetupRoles(command: Command, session: Session): void {
  command
    .option('--role <name>', t('setupRoles.roleOption'), TILL_ROLE)
    .addHelpText(
      'after',
      examples(
        "complaints setup-roles > tills.sql  # then, on the server: sudo -u postgres psql -v ON_ERROR_STOP=1 complaints -f tills.sql",
        'complaints setup-roles --role tills',
      ),
    )
    .action((options: { role: string }) => runSetupRoles(options.role, session));
}

async function runSetupRoles(roleText: string, session: Session): Promise<void> {
  const role = roleText.trim();
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) {
    throw new UsageError(t('setupRoles.badRole', { role: roleText, example: TILL_ROLE }));
  }
  const roleSql = await (await session.logbook('read')).tillRoleSql(role);
  if (roleSql === undefined) {
    // On stderr: what is printed for a shared logbook is SQL, often sent straight to psql.
    return session.tell(t('setupRoles.nothingForFile', { logbook: session.address.shown }));
  }
  // What it is for, as SQL comments, in the language spoken: the owner reads it before running it.
  const header = t('setupRoles.sqlHeader', { schema: roleSql.schema, role }).split('\n').map((line) => `-- ${line}`.trimEnd());
  session.stdout.write(`${header.join('\n')}\n${roleSql.sql}`);
}
