import { Option, type Command } from 'commander';
import type { Env, Session } from '../context.js';
import { atHome } from '../store/location.js';
import { hostname } from 'node:os';
import { readSettings, whereLogged, type Settings } from '../domain/config.js';
import { checkFilter, inAnyOrder, type ComplaintFilter, type FilterFlags, type NamedNothing, type TypedFilter } from '../domain/filter.js';
import { STATUSES, isOverdue } from '../domain/lifecycle.js';
import { spellingKey } from '../domain/spelling.js';
import { StepBeforePrevious } from '../domain/steps.js';
import { localMinute, parsePast, parseRespondBy } from '../domain/when.js';
import { choicesListed, requiredText } from '../domain/validate.js';
import type { Complaint, Recording } from '../domain/complaint.js';
import { Refusal, UsageError } from '../errors.js';
import { writeLines } from '../output/lines.js';
import { nextCommand } from '../output/next.js';
import { stdoutColumns } from '../output/width.js';
import { LIST_COLUMNS, complaintTable, type ComplaintTableColumns, type ShownComplaints } from '../output/table.js';
import { painter } from '../output/paint.js';
import { complaintRef, oneLine } from '../output/terminal.js';
import { localTime } from '../language/dates.js';
import { NotFound } from '../store/errors.js';
import type { Decide, Logbook, Places } from '../store/logbook.js';
import { holdsDatabase, placeToWrite } from '../store/folders.js';
import { placesAsSpelt } from '../store/spelt-filter.js';
import { computerSettingsFile, readComputerSettings } from '../store/this-computer.js';
import { statusShown, systemReason, typedNames } from '../language/labels.js';
import { t } from '../language/messages.js';

export function atOption(): Option {
  return new Option('--at <when>', t('common.atOption'));
}

export function jsonOption(): Option {
  return new Option('--json', t('common.jsonOption'));
}

/**
 * Refuses the --json of `listing` (config, causes) given to one of its commands that prints no
 * JSON (config set, causes rename): commander hands it to the listing, and a script asking for
 * JSON got a line of text.
 */
export function refuseJsonOf(listing: Command, command: string): void {
  if ((listing.opts() as { json?: boolean }).json === true) throw new UsageError(t('common.noJson', { command, listing: listing.name() }));
}

/** When a recorded step happened: `--at`, else now; never in the future. */
export function happenedAt(session: Session, at: string | undefined): Date {
  return at === undefined ? session.now() : parsePast(at, session.now(), '--at');
}

/** When a step happened, and the respond-by it sets, if any: +4h or tomorrow counts from the step, entered after the fact or not. */
export function stepTimes(session: Session, options: { at?: string; respondBy?: string }): { at: string; respondBy: string | null } {
  const happened = happenedAt(session, options.at);
  return { at: happened.toISOString(), respondBy: options.respondBy === undefined ? null : parseRespondBy(options.respondBy, happened).toISOString() };
}

/** The till this computer is: 'config set till', else the computer's name. */
export function thisTill(session: Session): string {
  return thisPlace(session).till;
}

/** The till this computer is, and the branch it stands in ('config set branch'), if any. */
export function thisPlace(session: Session): { till: string; branch: string | null } {
  const { till, branch = null } = whereLogged({}, readComputerSettings(computerSettingsFile(session.env)), hostname());
  return { till, branch };
}

/**
 * logbook.change for a step dated `atGiven` (--at), or now. A step taken now that would come
 * before the complaint's step before it means this computer's clock is behind the one that took
 * that step: said so, rather than asking for an --at that this clock then takes for the future.
 */
export async function changeAt(logbook: Logbook, session: Session, id: number, atGiven: string | undefined, decide: Decide): Promise<Complaint> {
  try {
    return await logbook.change(id, recordingNow(session), decide);
  } catch (error) {
    if (atGiven !== undefined || !(error instanceof StepBeforePrevious)) throw error;
    const { previous } = error;
    throw new Refusal(t('steps.clockBehind', { now: localMinute(error.at), id, was: previous.was, previousAt: localMinute(previous.at) }));
  }
}

/** A change entered now, at this till (where a later `undo` finds it). */
export function recordingNow(session: Session): Recording {
  return { at: session.now().toISOString(), ...thisPlace(session) };
}

/** The complaint as it stands, or NotFound. */
export async function complaintOrNotFound(logbook: Logbook, id: number): Promise<Complaint> {
  const complaint = await logbook.find(id);
  if (complaint === undefined) throw new NotFound(id);
  return complaint;
}

export async function settingsOf(logbook: Logbook): Promise<Settings> {
  return readSettings(await logbook.settings());
}

/** The filter flags as checkFilter reads them, a week given to --since or --until (上周) as the logbook's shop counts weeks. */
export async function checkFilterIn(logbook: Logbook, flags: FilterFlags, now: Date, order: ComplaintFilter['order']): Promise<TypedFilter> {
  const weekStart = flags.since === undefined && flags.until === undefined ? undefined : (await settingsOf(logbook))['week-start'];
  return checkFilter(flags, now, order, weekStart);
}

/** The hint after a step: what takes the complaint on from where it stands now. */
export function tellNext(session: Session, complaint: Pick<Complaint, 'id' | 'status' | 'nature' | 'proposed_remedy'>): void {
  const next = nextCommand(complaint);
  if (next !== null) session.tell(t('common.next', { command: next }));
}

/** Says so when a respond-by given with the step has passed already: the complaint is overdue as recorded. */
export function tellIfOverdue(session: Session, complaint: Pick<Complaint, 'id' | 'status' | 'respond_by'>, respondByGiven: string | null): void {
  if (respondByGiven !== null && isOverdue(complaint.status, complaint.respond_by, session.now())) {
    session.tell(t('common.overdueAlready', { ref: complaintRef(complaint.id), respondBy: localTime(complaint.respond_by) }));
  }
}

/** Says so when a respond-by given with the step stands in place of one missed: the report counts the complaint late. */
export function tellIfDeadlineMissed(session: Session, complaint: Pick<Complaint, 'id' | 'missed_respond_by'>, respondByGiven: string | null): void {
  if (respondByGiven !== null && complaint.missed_respond_by !== null) {
    session.tell(t('common.deadlineMissed', { ref: complaintRef(complaint.id), missed: localTime(complaint.missed_respond_by) }));
  }
}

export function printJson(session: Session, value: unknown): void {
  session.print(JSON.stringify(value, null, 2));
}

/** The filters `list` and `export` share. */
export function withFilterOptions(command: Command): Command {
  return command
    .option('--status <status>', t('common.filterStatus', { statuses: choicesListed(STATUSES, typedNames(statusShown)) }))
    .option('--cause <cause>', t('common.filterCause'))
    .option('--category <category>', t('common.filterCategory'))
    .option('--channel <channel>', t('common.filterChannel'))
    .option('--assignee <person>', t('common.filterAssignee'))
    .option('--customer <customer>', t('common.filterCustomer'))
    .option('--till <name>', t('common.filterTill'))
    .option('--branch <name>', t('common.filterBranch'))
    .option('--since <when>', t('common.filterSince'))
    .option('--until <when>', t('common.filterUntil'))
    .option('--overdue', t('common.filterOverdue'))
    .option('--limit <n>', t('common.filterLimit'));
}

/**
 * The complaints `filter` matches, one a line under a heading, read from the logbook as they are
 * written out (so that a million of them hold one at a time), after the lines `above` it; how many
 * there were, nothing written when none.
 */
export async function writeComplaintTable(
  session: Session,
  logbook: Logbook,
  filter: ComplaintFilter,
  { above = [], columns = LIST_COLUMNS }: { above?: readonly string[]; columns?: ComplaintTableColumns } = {},
): Promise<number> {
  const complaints: ShownComplaints = {
    listed: (reads) => logbook.listed(filter, reads),
    sampling:
      filter.limit === undefined ? { count: () => logbook.count(filter), sampled: (sampling) => logbook.sampled(inAnyOrder(filter), sampling) } : undefined,
  };
  // Cut to the terminal only: a file or a pipe gets each description as far as a list ever shows it.
  const table = await complaintTable(complaints, session.now(), painter(session.color), columns, session.stdoutIsTTY ? stdoutColumns() : undefined);
  if (table.rows > 0) await writeLines(session.stdout, following(above, table.lines));
  return table.rows;
}

async function* following(first: readonly string[], then: AsyncIterable<string[]>): AsyncGenerator<readonly string[]> {
  yield first;
  yield* then;
}

/** The file an `--out` names: none for '-', which stands for standard output, as it does for most tools. */
export function outputFile(out: string | undefined, env: Env): string | undefined {
  if (out === undefined || out === '-') return undefined;
  return atHome(requiredText(out, '--out'), env);
}

/**
 * Refuses `out`, before anything is read, when it is the logbook's own file, which writing the
 * output would replace (a slip of `--out shop.db`), a folder, or a device or a pipe.
 */
export function refuseUnfitOutput(logbook: Logbook, out: string | undefined): void {
  if (out === undefined) return;
  if (logbook.isOwnFile(out)) throw new Refusal(t('common.outputOnLogbook', { file: out }));
  const place = placeToWrite(out);
  if (typeof place === 'object') throw new Refusal(t('files.cannotWrite', { path: out, reason: systemReason(place.cannot) }));
  if (place === 'folder') throw new Refusal(t('files.isFolder', { path: out }));
  // The output is renamed into place: /dev/null or a pipe would become a file.
  if (place === 'not a file') throw new Refusal(t('files.notAFile', { path: out }));
  // An export typed for a backup (--out shop.db) would leave another logbook, or its backup, a CSV.
  if (place === 'file' && holdsDatabase(out)) throw new Refusal(t('common.outputOnDatabase', { file: out }));
}

/**
 * The branch this computer stands in (config set branch), and the places a read keeps to for it:
 * the desk and the follow-ups due of a till are its branch's, the back office's (no branch) the
 * whole shop's.
 */
export async function whereThisComputerStands(session: Session, logbook: Logbook): Promise<{ branch: string | undefined; within: Places }> {
  const { branch } = readComputerSettings(computerSettingsFile(session.env));
  return { branch, within: await placesAsSpelt(logbook, { branch }) };
}

// How many spellings in use a filter that found nothing names, to choose from.
const IN_USE_NAMED = 10;

/**
 * Says of a filter given (--category 菜品, --branch) that no complaint has its value, naming those
 * in use: an empty list or an all-zero report otherwise reads as a quiet week, not a typing slip.
 */
export function tellNamedNothing(session: Session): NamedNothing {
  return (field, typed, inUse) => {
    const flag = `--${field}`;
    if (inUse.length === 0) return session.tell(t('filter.noneHasAny', { flag }));
    // One spelling of each, in an order that does not depend on the engine.
    const distinct = [...new Map([...inUse].sort().map((spelling) => [spellingKey(spelling), spelling])).values()];
    const named = distinct.slice(0, IN_USE_NAMED).join(t('common.listSeparator')) + (distinct.length > IN_USE_NAMED ? t('filter.andMore', { more: distinct.length - IN_USE_NAMED }) : '');
    session.tell(t('filter.noneHas', { flag, typed: oneLine(typed), inUse: oneLine(named) }));
  };
}

/**
 * Refuses, before anything changes, what only whoever manages the logbook may do (Logbook.mayManage).
 * `what` is what is refused, as a verb phrase in the language spoken ("rename causes", "重命名原因").
 */
export async function refuseUnlessManager(logbook: Logbook, what: string): Promise<void> {
  if (!(await logbook.mayManage())) throw new Refusal(t('common.notManager', { what }));
}
