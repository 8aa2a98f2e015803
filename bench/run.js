// Measures `complaints` against the floors it cannot beat: a bare `node -e 0` for start-up and the
// sqlite3 shell on a plain table for bulk work. Every figure is a whole process, as the owner meets it.
// The PostgreSQL column runs the same against a throwaway server (the one the tests start), with
// psql on a plain table as the anchor; --no-postgres leaves it out. The targets printed are the
// raised ones (start-up near node -e 0, reports from kept tallies, lists beside export); the README
// keeps the first run against the targets before them.
// Usage: node bench/run.js [--sizes 10000,100000,1000000,10000000] [--runs 5] [--no-postgres]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, copyFileSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateLogbook } from './generate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'complaints.cjs');
const SQLITE = '/usr/bin/sqlite3';
const TIME = '/usr/bin/time';

const { values } = parseArgs({
  options: {
    // 10M shows whether the reports and the desk stay flat; a quick run leaves it out with --sizes.
    sizes: { type: 'string', default: '10000,100000,1000000,10000000' },
    runs: { type: 'string', default: '5' },
    postgres: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const sizes = values.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
const runs = Number(values.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: node bench/run.js [--sizes 10000,100000,1000000,10000000] [--runs 5]');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'complaints-bench-'));
// The moment every command is run at, so that "overdue" means the same to the report and the anchors.
const NOW = '2026-11-23T12:00:00.000Z';
// A private home so no real logbook or configuration can leak into the figures.
const env = {
  ...process.env,
  COMPLAINTS_NOW: NOW,
  TZ: 'Europe/London',
  NO_COLOR: '1',
  XDG_DATA_HOME: join(work, 'data'),
  XDG_CONFIG_HOME: join(work, 'config'),
  HOME: work,
};
delete env.COMPLAINTS_DB;
const devNull = openSync('/dev/null', 'w');

const haveSqlite = existsSync(SQLITE);
const PSQL = '/usr/bin/psql';
const havePsql = existsSync(PSQL);
const haveTime = existsSync(TIME);
if (!haveSqlite) console.error(`notice: ${SQLITE} not found (apt-get install -y sqlite3); skipping the sqlite3 anchors.`);
if (!haveTime) console.error(`notice: ${TIME} not found (apt-get install -y time); peak memory not measured.`);

/** Runs one process to completion; returns wall seconds and, when wrapped in `time -v`, peak RSS in MB. */
function once(command, args, { discardStdout = true, measureMemory = false } = {}) {
  const [file, argv] = measureMemory && haveTime ? [TIME, ['-v', command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, argv, {
    env,
    cwd: work,
    stdio: ['ignore', discardStdout ? devNull : 'pipe', 'pipe'],
    maxBuffer: 1 << 28,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const stderr = result.stderr?.toString() ?? '';
  if (result.error || result.status !== 0) {
    throw new Error(`${[command, ...args].join(' ')} failed (${result.error?.message ?? `exit ${result.status}`}):\n${stderr}`);
  }
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return { seconds, peakMB: rss ? Number(rss[1]) / 1024 : undefined, stdout: result.stdout?.toString() };
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The median wall time (and the highest peak memory) of `n` runs of one command. */
function measure(command, args, n = runs, options = {}) {
  return summarise(Array.from({ length: n }, () => once(command, args, options)));
}

function summarise(results) {
  const peaks = results.map((r) => r.peakMB).filter((m) => m !== undefined);
  return { seconds: median(results.map((r) => r.seconds)), peakMB: peaks.length ? Math.max(...peaks) : undefined };
}

/**
 * The median of `n` runs of each of `commands` ([command, args] pairs), run in turn: a shared
 * machine's speed drifts from one minute to the next, and a ratio of times measured side by side
 * drifts far less than one of times measured minutes apart.
 */
function measureInTurn(commands, n = runs, options = {}) {
  const results = commands.map(() => []);
  for (let run = 0; run < n; run++) commands.forEach(([command, args], index) => results[index].push(once(command, args, options)));
  return results.map(summarise);
}

// A short command's time swings by a third on a shared machine from one second to the next, so
// each is run more often, in turn with `node -e 0`.
const SHORT_RUNS = Math.max(runs, 11);
function measureBesideNode(args) {
  const [bare, ours] = measureInTurn([[process.execPath, ['-e', '0']], [process.execPath, [cli, ...args]]], SHORT_RUNS);
  return { ours, bare };
}

/** Our command, and the sqlite3 shell's anchors when the shell is there, run in turn. */
function measureBesideShell(args, anchors, options = {}) {
  const [ours, ...shell] = measureInTurn([[process.execPath, [cli, ...args]], ...(haveSqlite ? anchors.map((a) => [SQLITE, a]) : [])], runs, options);
  return { ours, shell };
}

/** One line for a short command against `node -e 0` run beside it. */
function recordBesideNode(size, what, args, target) {
  const { ours, bare } = measureBesideNode(args);
  record(size, what, ours, bare, 'node -e 0', target);
  return ours;
}

const complaints = (db, ...args) => ['--db', db, ...args];

/** Imports `csv` into a new logbook `db` and, in turn, the shell into a new plain table, `runs` times; the last of each is kept. */
function measureImports(csv, db, plain) {
  const ours = [];
  const shell = [];
  for (let run = 0; run < runs; run++) {
    for (const file of [db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) rmSync(file, { force: true });
    ours.push(once(process.execPath, [cli, ...complaints(db, 'import', csv)], { measureMemory: true }));
    if (!haveSqlite) continue;
    rmSync(plain, { force: true });
    shell.push(once(SQLITE, [plain, `.import --csv ${csv} t`]));
  }
  return { imported: summarise(ours), sqliteImport: haveSqlite ? summarise(shell) : undefined };
}

// ISO week 2026-W47 in Europe/London (GMT in November), and the all-time range the report is asked
// for (the generated history goes back five years at 1,000,000 complaints).
const WEEK = { since: '2026-11-16T00:00:00.000Z', until: '2026-11-23T00:00:00.000Z' };
const ALL_TIME = { since: '2000-01-01T00:00:00.000Z', until: '2027-01-01T00:00:00.000Z' };
const ALL_TIME_FLAGS = ['--since', '2000-01-01', '--until', '2026-12-31'];
const groupBy = ({ since, until }) =>
  `SELECT cause, count(*) FROM t WHERE occurred_at >= '${since}' AND occurred_at < '${until}' ` +
  `AND status <> 'rejected' GROUP BY cause ORDER BY 2 DESC`;

/**
 * Everything the report counts, as the shell would count it on the plain table (where a cell not
 * given is '', not NULL) in as few passes as it can: the tally (its '' row is the untriaged), the
 * summary's figures, the median hours to resolve. Shown for scale beside the target's GROUP BY,
 * which counts the tally only.
 */
const sameFigures = (span) => {
  const inPeriod = `occurred_at >= '${span.since}' AND occurred_at < '${span.until}'`;
  const open = `status IN ('new', 'triaged', 'assigned')`;
  const late = `(respond_by <> '' AND respond_by < '${NOW}')`;
  return [
    groupBy(span),
    `SELECT count(*), count(*) FILTER (WHERE status IN ('resolved', 'closed')), count(*) FILTER (WHERE ${open}),
            count(*) FILTER (WHERE ${open} AND ${late}), count(*) FILTER (WHERE status = 'rejected'),
            count(*) FILTER (WHERE status <> 'rejected' AND (resolved_at <> '' OR ${late})),
            count(*) FILTER (WHERE status <> 'rejected' AND resolved_at <> '' AND resolved_at <= respond_by),
            count(*) FILTER (WHERE followed_up_at <> ''), avg(NULLIF(satisfaction, '')), total(cost)
       FROM t WHERE ${inPeriod}`,
    `WITH hours AS MATERIALIZED (SELECT (julianday(resolved_at) - julianday(occurred_at)) * 24 AS h FROM t
                                  WHERE ${inPeriod} AND resolved_at <> ''),
          n AS (SELECT count(*) AS c FROM hours)
     SELECT avg(h) FROM (SELECT h FROM hours ORDER BY h LIMIT 2 - (SELECT c FROM n) % 2 OFFSET ((SELECT c FROM n) - 1) / 2)`,
  ].join(';\n');
};

const weekBySize = [];
/** One line of the table: `ours` against `anchor`; `rateRows` turns times into rows per second. */
function record(size, what, ours, anchor, anchorName, target, { rateRows, memoryLimitMB } = {}) {
  const ratio = anchor === undefined ? undefined : rateRows ? anchor.seconds / ours.seconds : ours.seconds / anchor.seconds;
  let meets = ratio === undefined ? 'n/a' : rateRows ? ratio >= target : ratio <= target;
  if (memoryLimitMB !== undefined && ours.peakMB !== undefined && meets !== 'n/a') meets = meets && ours.peakMB <= memoryLimitMB;
  printRow({
    size,
    what,
    ours: rateRows ? `${fmtRate(rateRows / ours.seconds)} (${fmtTime(ours.seconds)})` : fmtTime(ours.seconds),
    anchor: anchor === undefined ? 'skipped' : `${anchorName} ${rateRows ? `${fmtRate(rateRows / anchor.seconds)} (${fmtTime(anchor.seconds)})` : fmtTime(anchor.seconds)}`,
    ratio: ratio === undefined ? '–' : `${ratio.toFixed(2)}×`,
    target: `${rateRows ? '≥' : '≤'} ${target}×${memoryLimitMB ? `, ≤ ${memoryLimitMB} MB` : ''}`,
    memory: ours.peakMB === undefined ? '' : `${ours.peakMB.toFixed(0)} MB${anchor?.peakMB ? ` (${anchorName} ${anchor.peakMB.toFixed(0)} MB)` : ''}`,
    meets: meets === 'n/a' ? 'n/a' : meets ? 'yes' : 'NO',
  });
}

const fmtTime = (s) => (s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`);
const fmtRate = (r) => `${Math.round(r).toLocaleString('en-GB')} rows/s`;

const COLUMNS = [
  ['size', 'rows'], ['what', 'measure'], ['ours', 'complaints'], ['anchor', 'anchor'],
  ['ratio', 'ratio'], ['target', 'target'], ['meets', 'meets'], ['memory', 'peak memory'],
];
const WIDTHS = [9, 30, 30, 40, 7, 18, 5, 0];
const line = (cells) => cells.map((c, i) => String(c).padEnd(WIDTHS[i])).join('  ').trimEnd();
const printRow = (row) => console.log(line(COLUMNS.map(([key]) => (key === 'size' ? row.size.toLocaleString('en-GB') : row[key]))));

/**
 * A throwaway PostgreSQL, started as the tests start theirs (test/support/postgres-server.ts,
 * bundled here for plain Node), or undefined when --no-postgres.
 */
async function startPostgres() {
  if (!values.postgres) return undefined;
  const { build } = await import('esbuild');
  // Inside node_modules, so that the bundle's own imports (pg, the server's binaries) resolve.
  const outfile = join(root, 'node_modules', '.cache', 'complaints-bench', 'postgres-server.mjs');
  await build({ entryPoints: [join(root, 'test', 'support', 'postgres-server.ts')], bundle: true, platform: 'node', format: 'esm', outfile, packages: 'external', logLevel: 'warning' });
  const { startThrowawayServer } = await import(outfile);
  return startThrowawayServer();
}

/** The URL of a logbook in `schema` of the server at `server`. */
function inSchema(server, schema) {
  const url = new URL(server);
  url.searchParams.set('options', `-c search_path=${schema}`);
  // libpq (psql) reads a space in a URL as %20 only, not as the + URLSearchParams writes.
  return url.toString().replace(/\+/g, '%20');
}

/** The column names of the CSV's header row (the generator's, which never quotes one). */
function headerOf(csv) {
  const fd = openSync(csv, 'r');
  try {
    const start = Buffer.alloc(4096);
    return start.subarray(0, readSync(fd, start)).toString('utf8').split(/\r?\n/)[0].split(',');
  } finally {
    closeSync(fd);
  }
}

/** Runs `sql` on the server with psql, failing loudly. */
const psql = (url, sql) => once(PSQL, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url, '-c', sql]);

/** The plain table psql's anchors work on: every column of the CSV as text, in the CSV's order. */
const PLAIN_TABLE = (columns) => `CREATE TABLE t (${columns.map((c) => `"${c}" text`).join(', ')})`;

/** The PostgreSQL figures for one size: the logbook in schema logbook_N, the plain table in plain_N. */
function benchPostgres(server, size, csv) {
  const logbook = inSchema(server.url, `logbook_${size}`);
  const plain = inSchema(server.url, `plain_${size}`);
  const columns = headerOf(csv);
  const ours = [];
  const shell = [];
  for (let run = 0; run < runs; run++) {
    psql(server.url, `DROP SCHEMA IF EXISTS logbook_${size} CASCADE; CREATE SCHEMA logbook_${size}`);
    ours.push(once(process.execPath, [cli, ...complaints(logbook, 'import', csv)]));
    psql(server.url, `DROP SCHEMA IF EXISTS plain_${size} CASCADE; CREATE SCHEMA plain_${size}`);
    psql(plain, PLAIN_TABLE(columns));
    shell.push(once(PSQL, ['-X', '-q', plain, '-c', `\\copy t FROM '${csv}' CSV HEADER`]));
  }
  psql(plain, 'ANALYZE t');
  record(size, 'import (PostgreSQL)', summarise(ours), summarise(shell), '\\copy FROM', 0.25, { rateRows: size });

  recordBesideNode(size, 'log (PostgreSQL)', complaints(logbook, 'log', 'soup was cold', '--no-input'), 3);
  const pgGroupBy = (span) => [PSQL, ['-X', '-q', '-A', '-t', plain, '-c', groupBy(span)]];
  const week = recordBesideNode(size, 'report week (PostgreSQL)', complaints(logbook, 'report', '--week', '2026-W47', '--format', 'json'), 3);
  printInfoRow(size, 'report week (PostgreSQL)', week, measure(...pgGroupBy(WEEK)), 'psql GROUP BY');
  const [allTime, allTimeShell] = measureInTurn([[process.execPath, [cli, ...complaints(logbook, 'report', ...ALL_TIME_FLAGS, '--format', 'json')]], pgGroupBy(ALL_TIME)]);
  record(size, 'report all time (PostgreSQL)', allTime, allTimeShell, 'psql GROUP BY', 1.5);
  const [exported, copied] = measureInTurn(
    [[process.execPath, [cli, ...complaints(logbook, 'export')]], [PSQL, ['-X', '-q', plain, '-c', '\\copy (SELECT * FROM t) TO STDOUT CSV HEADER']]],
    runs,
    { measureMemory: true },
  );
  record(size, 'export (PostgreSQL)', exported, copied, '\\copy TO', 2.5, { memoryLimitMB: 200 });
  psql(server.url, `DROP SCHEMA logbook_${size} CASCADE; DROP SCHEMA plain_${size} CASCADE`);
}

const began = process.hrtime.bigint();
console.log(`complaints benchmark: sizes ${sizes.join(', ')}; median of ${runs} runs, each in turn with its anchors (short commands: ${SHORT_RUNS} runs beside node -e 0); ${new Date().toISOString()}`);
console.log(`node ${process.version}; ${haveSqlite ? spawnSync(SQLITE, ['--version']).stdout.toString().split(' ').slice(0, 1).join('') : 'no sqlite3'}; work folder ${work}`);
const postgres = havePsql ? await startPostgres() : undefined;
if (values.postgres && !havePsql) console.error(`notice: ${PSQL} not found (apt-get install -y postgresql-client); skipping the PostgreSQL column.`);
if (postgres) console.log(`PostgreSQL: ${once(PSQL, ['-X', '-A', '-t', postgres.url, '-c', 'SHOW server_version'], { discardStdout: false }).stdout.trim()} (throwaway, fsync off), psql ${spawnSync(PSQL, ['--version']).stdout.toString().trim().split(' ').at(-3)}`);
console.log(line(COLUMNS.map(([, title]) => title)));

try {
  for (const size of sizes) {
    const csv = join(work, `logbook-${size}.csv`);
    const db = join(work, `logbook-${size}.db`);
    const plain = join(work, `plain-${size}.db`);
    const t0 = process.hrtime.bigint();
    await generateLogbook(csv, size);
    console.error(`(generated ${size} complaints, ${(statSync(csv).size / 1e6).toFixed(1)} MB, in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s)`);

    // The generator's writes reach the disk before anything is timed, so the first import does
    // not share the disk with them.
    spawnSync('sync');
    // Import first: the logbook it builds is what every later figure reads.
    const { imported, sqliteImport } = measureImports(csv, db, plain);
    record(size, 'import', imported, sqliteImport, '.import', 0.5, { rateRows: size, memoryLimitMB: 200 });

    // Start-up figures run on a copy, because `log` writes; against the real history so a lookup that
    // grows with the logbook (e.g. "complained before") shows.
    const scratch = join(work, `scratch-${size}.db`);
    copyFileSync(db, scratch);
    recordBesideNode(size, '--version', ['--version'], 1.25);
    recordBesideNode(size, 'log --no-input', complaints(scratch, 'log', 'soup was cold', '--no-input'), 1.5);
    recordBesideNode(size, 'list --limit 5', complaints(scratch, 'list', '--limit', '5'), 1.5);
    // The desk, the owner's first screen at the till: what waits is counted from indexes, only the few shown read.
    recordBesideNode(size, 'desk', complaints(scratch), 2);
    rmSync(scratch, { force: true });

    const week = recordBesideNode(size, 'report one week', complaints(db, 'report', '--week', '2026-W47', '--format', 'json'), 2);
    const sqliteWeek = haveSqlite ? measure(SQLITE, [plain, groupBy(WEEK)]) : undefined;
    if (sqliteWeek) printInfoRow(size, 'report one week', week, sqliteWeek, 'GROUP BY');

    const allTime = measureBesideShell(complaints(db, 'report', ...ALL_TIME_FLAGS, '--format', 'json'), [
      [plain, groupBy(ALL_TIME)],
      [plain, sameFigures(ALL_TIME)],
    ]);
    record(size, 'report all time', allTime.ours, allTime.shell[0], 'GROUP BY', 0.5);
    if (haveSqlite) printInfoRow(size, 'report all time', allTime.ours, allTime.shell[1], 'same figures');
    if (haveSqlite) checkSameCounts(db, plain);
    weekBySize.push({ size, seconds: week.seconds });

    const exported = measureBesideShell(complaints(db, 'export'), [['-csv', '-header', plain, 'SELECT * FROM t']], { measureMemory: true });
    record(size, 'export', exported.ours, exported.shell[0], 'sqlite3 -csv', 1.5, { memoryLimitMB: 100 });

    // Listing everything, beside exporting the same rows in turn: asked for at 1M; at 10M it would
    // take most of an hour.
    if (size <= 1_000_000) {
      const everything = (...args) => [process.execPath, [cli, ...complaints(db, ...args)]];
      const [exportedAgain, listedJson, listed] = measureInTurn([everything('export'), everything('list', '--json'), everything('list')], runs, { measureMemory: true });
      record(size, 'list --json, everything', listedJson, exportedAgain, 'export', 1.5, { memoryLimitMB: 200 });
      record(size, 'list, everything', listed, exportedAgain, 'export', 2, { memoryLimitMB: 200 });
    }

    // The shared logbook's column stops at 1M: loading 10M into PostgreSQL five times would take hours here.
    if (postgres && size <= 1_000_000) benchPostgres(postgres, size, csv);
    for (const file of [csv, db, plain]) rmSync(file, { force: true });
  }
} finally {
  await postgres?.stop();
  closeSync(devNull);
  rmSync(work, { recursive: true, force: true });
}

/** A figure is only worth having if both sides counted the same rows: warns when they differ. */
function checkSameCounts(db, plain) {
  const report = JSON.parse(once(process.execPath, [cli, ...complaints(db, 'report', ...ALL_TIME_FLAGS, '--format', 'json')], { discardStdout: false }).stdout);
  const anchor = once(SQLITE, [plain, `SELECT count(*) FROM t WHERE cause <> '' AND status <> 'rejected'`], { discardStdout: false }).stdout.trim();
  if (String(report.total) !== anchor) console.error(`warning: the all-time report counts ${report.total} triaged complaints, the plain table ${anchor}.`);
}

/** A figure shown for scale only, with no target: the one-week report's GROUP BY, the report's same figures. */
function printInfoRow(size, what, ours, anchor, anchorName) {
  const row = {
    size,
    what: `${what} (info)`,
    ours: fmtTime(ours.seconds),
    anchor: `${anchorName} ${fmtTime(anchor.seconds)}`,
    ratio: `${(ours.seconds / anchor.seconds).toFixed(2)}×`,
    target: 'none',
    meets: '',
    memory: '',
  };
  printRow(row);
}

if (weekBySize.length > 1) {
  const [first, last] = [weekBySize[0], weekBySize.at(-1)];
  console.log(`One-week report at ${last.size.toLocaleString('en-GB')} rows is ${(last.seconds / first.seconds).toFixed(2)}× its time at ${first.size.toLocaleString('en-GB')} (target: flat, within noise).`);
}
console.log(`Targets are information, not a pass/fail. Finished in ${(Number(process.hrtime.bigint() - began) / 1e9).toFixed(0)} s.`);
