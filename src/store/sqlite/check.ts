import { STATUSES } from '../../domain/lifecycle.js';
import type { Findings } from '../logbook.js';
import { USUAL_DAMAGE, type Db } from './open.js';
import { t } from '../../language/messages.js';
import { miscountedFollowUps, recountFollowUpsWaiting } from './follow-ups-waiting.js';
import { rewriteRemediesGiven, unmatchedRemediesGiven } from './remedies-given.js';
import { miscountedDays, miscountedMonths, recountKeptFigures } from './report.js';

// The events that bring a complaint into the logbook: typed at the till, or read from a CSV file.
const FIRST_EVENTS = ['logged', 'imported'] as const;

const BROKEN_RULE = /^(CHECK constraint failed|NULL value in|non-\w+ value in)/;

/**
 * What SQLite's integrity check finds: damage to the file, and rows that break the schema's
 * rules (a record to put right, not a damaged file), which integrity_check tests each row against too.
 */
export function integrityOf(db: Db): Pick<Findings, 'damage' | 'brokenRules'> {
  try {
    const verdict = db.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>;
    const messages = verdict.map((row) => row.integrity_check).filter((message) => message !== 'ok');
    return { brokenRules: messages.filter((message) => BROKEN_RULE.test(message)), damage: messages.filter((message) => !BROKEN_RULE.test(message)) };
  } catch (error) {
    if (!isDamage(error)) throw error;
    return { brokenRules: [], damage: [damageSaid(error)] };
  }
}

// SQLite's usual words for damage in the language spoken; anything more particular as it says it.
function damageSaid(error: unknown): string {
  const { message } = error as Error;
  return message === USUAL_DAMAGE ? t('check.fileDamaged') : message;
}

/**
 * Looks the logbook over: SQLite's integrity and foreign-key checks, then what the schema cannot
 * enforce. A file too damaged to read is reported as damage rather than thrown.
 */
export function checkLogbook(db: Db): Findings {
  const findings: Findings = { complaints: 0, events: 0, damage: [], brokenRules: [], orphans: [], withoutFirstEvent: [], unknownStatuses: [], miscountedDays: [], miscountedMonths: [], miscountedFollowUps: [], unmatchedRemedies: [] };
  Object.assign(findings, integrityOf(db));
  // Reading on through a damaged file would only add noise (or fail); its damage is the finding.
  if (findings.damage.length > 0) return findings;
  try {
    findings.complaints = db.prepare(`SELECT count(*) FROM complaints`).pluck().get() as number;
    findings.events = db.prepare(`SELECT count(*) FROM events`).pluck().get() as number;
    findings.orphans = db.pragma('foreign_key_check') as Findings['orphans'];
    findings.withoutFirstEvent = db
      .prepare(
        `SELECT id FROM complaints c
          WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.complaint_id = c.id AND e.action IN (SELECT value FROM json_each(?)))
          ORDER BY id`,
      )
      .pluck()
      .all(JSON.stringify(FIRST_EVENTS)) as number[];
    findings.unknownStatuses = db
      .prepare(`SELECT id, status FROM complaints WHERE status NOT IN (SELECT value FROM json_each(?)) ORDER BY id`)
      .all(JSON.stringify(STATUSES)) as Findings['unknownStatuses'];
    findings.miscountedDays = miscountedDays(db);
    findings.miscountedMonths = miscountedMonths(db);
    findings.miscountedFollowUps = miscountedFollowUps(db);
    findings.unmatchedRemedies = unmatchedRemediesGiven(db);
  } catch (error) {
    if (!isDamage(error)) throw error;
    findings.damage.push(damageSaid(error));
  }
  return findings;
}

function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB|IOERR)/.test(code);
}

/**
 * Counts the report's figures of every day and tallies of every month, and the desk's follow-ups
 * waiting, again, and writes again the remedies kept for export that are not those given, in one
 * transaction: they are derived, never entered.
 */
export function recountFigures(db: Db): void {
  db.transaction(() => {
    recountKeptFigures(db);
    recountFollowUpsWaiting(db);
    rewriteRemediesGiven(db);
  }).immediate();
}
