import type { Command } from 'commander';
import type { Session } from '../context.js';
import { UsageError } from '../errors.js';
import { examples } from './common.js';

/** The group role the tills' logins are made members of, unless --role names another. */
const TILL_ROLE = 'complaints_till';

export function registerSetupRoles(program: Command, session: Session): void {
  program
    .command('setup-roles')
    .description("print the SQL giving a shared logbook's tills a role that logs and handles complaints but cannot forget customers, rename causes, change settings or delete anything")
    .option('--role <name>', 'the name of the tills\' role', TILL_ROLE)
    .addHelpText(
      'after',
      examples(
        "complaints setup-roles > tills.sql     # then, as the logbook's owner: psql complaints -f tills.sql",
        'complaints setup-roles --role tills',
      ),
    )
    .action((options: { role: string }) => runSetupRoles(options.role, session));
}

async function runSetupRoles(roleText: string, session: Session): Promise<void> {
  const role = roleText.trim();
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) {
    throw new UsageError(`--role: '${roleText}' is not a role name this makes; use lower-case letters, digits and _, such as ${TILL_ROLE}`);
  }
  const sql = await (await session.logbook('read')).tillRoleSql(role);
  if (sql === undefined) {
    return session.print(`Nothing to set up: ${session.address.shown} is a file; its mode (private to its user) says who may use it.`);
  }
  session.stdout.write(sql);
}
