import { accessSync, constants } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Env } from '../context.js';
import { UsageError } from '../errors.js';
import { isMissing } from './folders.js';
import { systemReason } from '../language/labels.js';
import { t } from '../language/messages.js';

/**
 * Where the logbook is kept: a file, for the SQLite logbook of one till, or a PostgreSQL database
 * that several tills share. `shown` is how messages name it: a URL without its password.
 */
export type LogbookAddress = EngineAddress & {
  /** Whether --db or COMPLAINTS_DB named it, rather than it being the default place: a command given back to run again names it too. */
  named: boolean;
};

/** A logbook's address for its engine, and as shown. */
type EngineAddress = ({ engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string }) & { shown: string };

const POSTGRES_URL = /^postgres(ql)?:\/\//i;
// Any other URL (postgress://, mysql://, file://) is a slip, not a file to make: a till that made
// one would log where no other till looks.
const OTHER_URL = /^(?<scheme>[a-z][a-z0-9+.-]+):\/\//i;
// A PostgreSQL URL short of its two slashes is no file name either: taken for one, a till logged
// into folders named after it, its password among them.
const POSTGRES_SLIP = /^(?<scheme>postgres(ql)?):(?!\/\/)/i;

/** Where the logbook lives: `--db`, else `$COMPLAINTS_DB`, else the file in the XDG data folder. */
export function logbookAddress(flag: string | undefined, env: Env): LogbookAddress {
  const address = givenAddress(flag, env);
  if (address.engine === 'postgres') refuseUnfitPgEnvironment(env);
  return address;
}

// A space or line break at either end is a slip of copying (an address pasted into a variable):
// kept, a URL was taken for a file, and folders named after it were made.
function givenAddress(flag: string | undefined, env: Env): LogbookAddress {
  if (flag !== undefined) {
    if (flag.trim() === '') throw new UsageError(t('store.dbEmpty'));
    return { ...addressOf(atHome(flag.trim(), env), '--db'), named: true };
  }
  const fromEnvironment = env.COMPLAINTS_DB?.trim();
  if (fromEnvironment) return { ...addressOf(atHome(fromEnvironment, env), 'COMPLAINTS_DB'), named: true };
  const dataHome = baseFolder(env.XDG_DATA_HOME, env, '.local', 'share');
  return { ...addressOf(join(dataHome, 'complaints', 'complaints.db'), t('store.defaultPlace')), named: false };
}

/**
 * The user's home folder: $HOME when it names one from the root, else the account's own. An
 * empty or relative HOME (HOME="" in a service's environment) put the logbook, and folders made
 * for it, wherever the command happened to be run.
 */
export function homeFolder(env: Env): string {
  if (env.HOME && isAbsolute(env.HOME)) return env.HOME;
  const own = homedir();
  return isAbsolute(own) ? own : userInfo().homedir;
}

/**
 * An XDG base folder: `given` when it names one from the root (the specification has a relative
 * one ignored), else `under` the home folder.
 */
export function baseFolder(given: string | undefined, env: Env, ...under: string[]): string {
  return given && isAbsolute(given) ? given : join(homeFolder(env), ...under);
}

/**
 * A path as its writer meant it: `~/shop.db` in the home folder. The shell leaves the ~ as it is
 * within quotes, after `--db=` and in a variable; taken as written it made a folder named ~ in
 * whatever folder the command was run from.
 */
export function atHome(path: string, env: Env): string {
  return path === '~' || path.startsWith('~/') ? join(homeFolder(env), path.slice(1)) : path;
}

/** The shared logbook `given` names, as it is shown (without its password); a file or any other address is refused. */
export function sharedLogbookShown(given: string, from: string): string {
  // Trimmed, as --db is (givenAddress).
  const address = given.trim();
  if (address === '') throw new UsageError(t('validate.emptyFlag', { what: from }));
  // Named by its scheme only, as addressOf names it: the rest may hold a password.
  const slip = POSTGRES_SLIP.exec(address)?.groups?.scheme;
  if (slip !== undefined) throw new UsageError(t('store.postgresUrlSlashes', { from, scheme: slip }));
  if (!POSTGRES_URL.test(address)) throw new UsageError(t('store.notShared', { from, given: otherScheme(address) ?? address }));
  return withoutPassword(address, from);
}

/** `mysql://…` for a URL of another kind than PostgreSQL's, without the rest, which may hold a password. */
function otherScheme(given: string): string | undefined {
  const scheme = OTHER_URL.exec(given)?.groups?.scheme;
  return scheme === undefined ? undefined : `${scheme}://…`;
}

function addressOf(given: string, from: string): EngineAddress {
  if (!POSTGRES_URL.test(given)) {
    // Named by its scheme only: the rest may hold a password.
    const scheme = OTHER_URL.exec(given)?.groups?.scheme;
    if (scheme !== undefined) throw new UsageError(t('store.notPostgresUrl', { from, scheme }));
    const slip = POSTGRES_SLIP.exec(given)?.groups?.scheme;
    if (slip !== undefined) throw new UsageError(t('store.postgresUrlSlashes', { from, scheme: slip }));
    // SQLite's name for a database held in memory, gone when the command ends with what it logged.
    if (given === ':memory:') throw new UsageError(t('store.inMemory', { from }));
    return { engine: 'sqlite', file: given, shown: given };
  }
  return { engine: 'postgres', url: given, shown: withoutPassword(given, from) };
}

function refuseUnknownSslmode(sslmode: string, from: string): void {
  if (!SSL_MODES.includes(sslmode)) throw new UsageError(t('store.unknownSslmode', { from, sslmode, modes: SSL_MODES.join(', ') }));
}

// libpq refuses a timeout that is not a number; taken as the default, the till would wait other
// than it was told. Node's timers stop at about 24 days: one longer fired at once, and a server
// that was there looked out of reach.
const LONGEST_TIMEOUT_SECONDS = 2_147_483;

function refuseUnlessSeconds(timeout: string, from: string): void {
  if (!/^\d+$/.test(timeout.trim()) || Number(timeout) > LONGEST_TIMEOUT_SECONDS) {
    throw new UsageError(t('store.connectTimeoutNotSeconds', { from, timeout }));
  }
}

/** The settings libpq's variables give a PostgreSQL logbook, refused as the URL's would be. */
function refuseUnfitPgEnvironment(env: Env): void {
  if (env.PGSSLMODE !== undefined && env.PGSSLMODE !== '') refuseUnknownSslmode(env.PGSSLMODE, 'PGSSLMODE');
  if (env.PGCONNECT_TIMEOUT !== undefined && env.PGCONNECT_TIMEOUT !== '') refuseUnlessSeconds(env.PGCONNECT_TIMEOUT, 'PGCONNECT_TIMEOUT');
}

// The settings a URL may give: libpq's (those the driver does not use change nothing, as for
// psql when the server does not ask), and the driver's own. Any other is a slip, which the
// driver would pass over in silence: sslmod=require would connect unencrypted.
const CONNECTION_SETTINGS: ReadonlySet<string> = new Set([
  ...['host', 'hostaddr', 'port', 'dbname', 'user', 'password', 'passfile', 'require_auth', 'channel_binding', 'connect_timeout'],
  ...['client_encoding', 'options', 'application_name', 'fallback_application_name', 'keepalives', 'keepalives_idle'],
  ...['keepalives_interval', 'keepalives_count', 'tcp_user_timeout', 'replication', 'gssencmode', 'sslmode', 'requiressl'],
  ...['sslnegotiation', 'sslcompression', 'sslcert', 'sslkey', 'sslkeylogfile', 'sslpassword', 'sslcertmode', 'sslrootcert', 'sslcrl'],
  ...['sslcrldir', 'sslsni', 'requirepeer', 'ssl_min_protocol_version', 'ssl_max_protocol_version', 'min_protocol_version'],
  ...['max_protocol_version', 'krbsrvname', 'gsslib', 'gssdelegation', 'service', 'target_session_attrs', 'load_balance_hosts'],
  ...['ssl', 'uselibpqcompat', 'statement_timeout', 'query_timeout', 'lock_timeout', 'idle_in_transaction_session_timeout'],
]);

// libpq's, and pg's own no-verify: any other is a slip that would otherwise be read as 'require'.
const SSL_MODES = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'];

/**
 * A PostgreSQL URL as it may be shown: without a password, whether given before the host or as
 * a parameter. A URL that cannot be read is refused without repeating it, as it may hold one.
 */
function withoutPassword(given: string, from: string): string {
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new UsageError(t('store.unreadableUrl', { from }));
  }
  if (url.hostname === '' && !url.searchParams.has('host')) {
    throw new UsageError(t('store.urlWithoutServer', { from }));
  }
  // The driver reads a % not followed by two hexadecimal digits as itself, so a password spelt
  // so would be sent otherwise than meant and refused as a wrong password.
  if ([url.username, url.password, url.pathname].some(badlyEscaped)) throw new UsageError(t('store.urlBadEscape', { from }));
  for (const name of url.searchParams.keys()) {
    if (!CONNECTION_SETTINGS.has(name)) throw new UsageError(t('store.unknownUrlSetting', { from, name }));
  }
  // Every one given, as a parameter given twice may be read either way.
  for (const sslmode of url.searchParams.getAll('sslmode')) refuseUnknownSslmode(sslmode, from);
  for (const timeout of url.searchParams.getAll('connect_timeout')) refuseUnlessSeconds(timeout, from);
  refuseUnfitCertificates(url.searchParams, from);
  url.password = '';
  url.searchParams.delete('password');
  return readable(url.toString());
}

/**
 * A URL with the characters beyond ASCII it holds escaped (a database named 老王面馆) written as
 * themselves, as the shop typed and reads them; an escaped ASCII character stays escaped, as it
 * may be one that means something in a URL. (sameLogbookKey reads either spelling as one.)
 */
function readable(url: string): string {
  return url.replace(/(?:%[89a-f][0-9a-f])+/gi, (escaped) => {
    try {
      return decodeURIComponent(escaped);
    } catch {
      return escaped;
    }
  });
}

function badlyEscaped(part: string): boolean {
  try {
    decodeURIComponent(part);
    return false;
  } catch {
    return true;
  }
}

/**
 * The certificate files a URL names must be there to be read, and verify-ca needs the authority's
 * (libpq would look in ~/.postgresql, which the driver does not): said here in one line, not as
 * the driver's own words once it tries.
 */
function refuseUnfitCertificates(parameters: URLSearchParams, from: string): void {
  for (const setting of ['sslrootcert', 'sslcert', 'sslkey']) {
    for (const file of parameters.getAll(setting)) {
      try {
        accessSync(file, constants.R_OK);
      } catch (error) {
        throw new UsageError(t('store.certificateUnreadable', { from, setting, file, reason: systemReason((error as NodeJS.ErrnoException).code ?? String(error)) }));
      }
    }
  }
  if (parameters.getAll('sslmode').includes('verify-ca') && !parameters.has('sslrootcert')) {
    throw new UsageError(t('store.verifyCaNeedsRoot', { from }));
  }
}

// What a URL may say that changes how it connects, not which logbook it reaches.
const CONNECTING_ONLY = ['connect_timeout', 'sslmode', 'sslcert', 'sslkey', 'sslrootcert', 'application_name', 'keepalives', 'target_session_attrs'];

/**
 * The logbook a shown PostgreSQL URL reaches, written one way however the URL spells it
 * (postgresql:// or postgres://, the host in any capitals, the default port given or not, a
 * timeout or SSL setting added): what a till's waiting complaints are kept for, so that they are
 * sent whichever spelling reaches the logbook next.
 */
export function sameLogbookKey(shown: string): string {
  let url: URL;
  try {
    url = new URL(shown.replace(/^postgres(ql)?:/i, 'postgres:'));
  } catch {
    return shown;
  }
  url.hostname = url.hostname.toLowerCase();
  if (url.port === '5432') url.port = '';
  for (const name of CONNECTING_ONLY) url.searchParams.delete(name);
  url.searchParams.sort();
  return url.toString();
}

/** Whether the logbook is a file not made yet, which the first command to record something makes. */
export function notMadeYet(address: LogbookAddress): boolean {
  return address.engine === 'sqlite' && isMissing(address.file);
}

/**
 * The file of the complaints this computer logged while a shared logbook was out of reach
 * (store/waiting.ts): in $XDG_STATE_HOME, else ~/.local/state, private to the user.
 */
export function waitingFile(env: Env): string {
  const stateHome = baseFolder(env.XDG_STATE_HOME, env, '.local', 'state');
  return join(stateHome, 'complaints', 'waiting.db');
}
