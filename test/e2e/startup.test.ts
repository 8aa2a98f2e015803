import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, environment, tempLogbook } from './harness.js';

const DIST = join(dirname(BIN), '..', 'dist');

/** The sources the program was built from, as its source map names them ("src/cli.ts", "node_modules/chalk/…"). */
function sourcesOf(file: string): string[] {
  const { sources } = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
  return sources.map((source) => source.replace(/^(\.\.\/)+/, ''));
}

// The version asked for among other options: commander answers it once the program is loaded,
// as it would any command line. Asked for alone, the launcher answers it (tested below).
const PROGRAM_VERSION = ['--no-color', '--version'];

/**
 * The modules of the program run before any command runs, watched as `complaints --no-color
 * --version` runs, and the packages of node_modules among them. The build wraps each module that
 * is not run as the program starts in a function named by its source ("src/commands/log.ts",
 * "node_modules/pg/lib/index.js"), run when it is first imported: V8's coverage of the run says
 * which of those ran.
 */
function ranAtStartUp(args = PROGRAM_VERSION): { modules: string[]; packages: string[] } {
  const coverage = mkdtempSync(join(tmpdir(), 'complaints-coverage-'));
  const { stdout } = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...environment(tempLogbook()), NODE_V8_COVERAGE: coverage } });
  expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  const scripts = readdirSync(coverage).flatMap((file) => (JSON.parse(readFileSync(join(coverage, file), 'utf8')) as V8Coverage).result);
  const modules = scripts
    .filter((script) => script.url === pathToFileURL(join(DIST, 'cli.js')).href)
    .flatMap((script) => script.functions)
    .filter((run) => /^(src|node_modules)\//.test(run.functionName) && run.ranges[0]!.count > 0)
    .map((run) => run.functionName);
  const packages = modules.flatMap((module) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(module)?.[1] ?? []);
  return { modules, packages: [...new Set(packages)] };
}

/** What NODE_V8_COVERAGE writes: each script's functions, each with how often its ranges ran. */
interface V8Coverage {
  result: Array<{ url: string; functions: Array<{ functionName: string; ranges: Array<{ count: number }> }> }>;
}

describe('what every command runs at start-up', () => {
  const { modules, packages } = ranAtStartUp();

  it('is watched as the program runs', () => {
    expect(modules).toContain('src/commands/index.ts');
    expect(packages).toContain('commander');
  });

  it('is none of the program for the version asked for alone, which reads the same', () => {
    for (const alone of [['--version'], ['-V']]) expect(ranAtStartUp(alone)).toEqual({ modules: [], packages: [] });
    const asked = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: environment(tempLogbook()) });
    const { version } = JSON.parse(readFileSync(join(DIST, '..', 'package.json'), 'utf8')) as { version: string };
    for (const args of [['--version'], ['-V'], PROGRAM_VERSION]) expect(asked(args)).toMatchObject({ status: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('leaves the SQLite driver to the commands that open the logbook', () => {
    // Loading it costs ~17 ms, a third of what `--version` may take beside `node -e 0`. Its addon
    // is loaded from node_modules; its JavaScript is bundled, and watched with the parts below.
    expect(packages).not.toContain('better-sqlite3');
  });

  it('leaves the prompts, the progress bar, the CSV writer, the PostgreSQL client, colours and dates to the commands that use them', () => {
    const wholeBuild = sourcesOf(join(DIST, 'cli.js'));
    // pg is bundled; a till on a logbook file must not pay for running it (~30 ms). Colours and
    // dates (chalk, date-fns: ~10 ms) are for the commands that print them, not for an error or --version.
    const lazyParts = ['node_modules/better-sqlite3/', 'node_modules/@inquirer/', 'node_modules/cli-progress/', 'src/output/csv.ts', 'node_modules/pg/', 'node_modules/pg-copy-streams/', 'node_modules/chalk/', 'node_modules/date-fns/'];
    for (const lazy of lazyParts) {
      // In the build, so that its absence at start-up means something.
      expect(wholeBuild.some((source) => source.startsWith(lazy))).toBe(true);
      expect(modules.filter((module) => module.startsWith(lazy))).toEqual([]);
    }
  });

  it("runs no command's own code: each is run when a command line names it", () => {
    // Every command's module run and made took ~55 ms of each command's start-up.
    const commands = readdirSync(join(DIST, '..', 'src', 'commands')).filter((file) => !['index.ts', 'examples.ts'].includes(file));
    expect(commands).toContain('log.ts');
    for (const command of commands) expect(modules).not.toContain(`src/commands/${command}`);
    // Watched so, a command's module is seen when it runs.
    const book = tempLogbook();
    const coverage = mkdtempSync(join(tmpdir(), 'complaints-coverage-'));
    spawnSync(process.execPath, [BIN, '--db', book.db, 'log', 'soup was cold', '--no-input'], { env: { ...environment(book), NODE_V8_COVERAGE: coverage } });
    expect(readdirSync(coverage).map((file) => readFileSync(join(coverage, file), 'utf8')).join('')).toContain('"functionName":"src/commands/log.ts"');
  });

  it('loads no child_process, and no crypto, for a command that needs neither', () => {
    // commander asks for child_process at start-up, for subcommands that are programs of their own;
    // the build gives it a stand-in that loads it only when used (with the sockets it brings,
    // ~6 ms). crypto (~9 ms) is for an import that hashes uids; a complaint logged takes its
    // random uid from the system without it (~5 ms of log's start-up).
    const builtins = ['child_process', 'crypto'];
    const watch = `process.on('exit', () => process.stderr.write(${JSON.stringify(builtins)}.filter((name) => process.moduleLoadList.includes('NativeModule ' + name)).map((name) => name + ' loaded\\n').join('')));`;
    const book = tempLogbook();
    book.ok(['log', '汤是凉的', '--no-input']);
    const logged = ['--db', book.db, 'log', 'soup was cold', '--no-input', '--json'];
    for (const args of [PROGRAM_VERSION, ['--db', book.db, 'list'], ['--db', book.db], ['--db', book.db, 'show', '1'], logged, ['--db', book.db, 'nonsense']]) {
      // The harness's environment: the runner's own settings and locale (a language set to
      // Chinese, say) would word the refusal differently.
      const { stderr } = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(watch)}`, BIN, ...args], {
        encoding: 'utf8',
        env: environment(book),
      });
      expect({ args, stderr }).toEqual({ args, stderr: args.includes('nonsense') ? "complaints: unknown command 'nonsense'; see 'complaints --help'\n" : '' });
    }
  });

  it('makes no grapheme segmenter and compiles no emoji pattern to print ASCII and Chinese', () => {
    // Each cost ~25 and ~45 ms of every command when string-width was evaluated at start-up.
    const watch = `const Made = Intl.Segmenter; let segmenters = 0;
      Intl.Segmenter = class extends Made { constructor(...given) { super(...given); segmenters++; } };
      let emoji = 0;
      globalThis.RegExp = new Proxy(RegExp, { construct(target, given) { if (String(given[0]).includes('RGI_Emoji')) emoji++; return Reflect.construct(target, given); } });
      process.on('exit', () => process.stderr.write('segmenters ' + segmenters + ', emoji patterns ' + emoji + '\\n'));`;
    const book = tempLogbook();
    book.ok(['log', '汤是凉的，还很咸！', '--customer', '王芳', '--no-input']);
    book.ok(['log', 'Soup was cold (again) and the bread was stale, and nobody came to the table for twenty minutes', '--no-input']);
    book.ok(['log', 'Charged £4.50 — twice – for one “soup of the day”', '--customer', 'Zoë Brontë', '--no-input']);
    // A list cuts long text short with …; the report and the desk have their dashes.
    for (const args of [PROGRAM_VERSION, ['--db', book.db], ['--db', book.db, 'list'], ['--db', book.db, 'show', '1'], ['--db', book.db, 'show', '3'], ['--db', book.db, 'report']]) {
      const { status, stderr } = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(watch)}`, BIN, ...args], {
        encoding: 'utf8',
        env: environment(book),
      });
      expect({ args, status, stderr }).toEqual({ args, status: 0, stderr: 'segmenters 0, emoji patterns 0\n' });
    }
  });

  it('keeps the program as compiled in the user\'s own cache folder, private to them', () => {
    const book = tempLogbook();
    const run = () => spawnSync(process.execPath, [BIN, ...PROGRAM_VERSION], { encoding: 'utf8', env: environment(book) });
    expect(run()).toMatchObject({ status: 0, stderr: '' });
    const folder = join(book.dir, '.cache', 'complaints', 'compiled');
    const madeFolders = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isDirectory());
    for (const made of [join(book.dir, '.cache', 'complaints'), folder, ...madeFolders.map((entry) => join(entry.parentPath, entry.name))]) {
      expect(statSync(made).mode & 0o777).toBe(0o700);
    }
    const kept = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(kept).not.toEqual([]);
    for (const file of kept) expect(statSync(join(file.parentPath, file.name)).mode & 0o777).toBe(0o600);
  });

  it('keeps a cache for each command, and knows the commands the program has', () => {
    const book = tempLogbook();
    book.ok(['log', 'soup was cold', '--no-input']);
    const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: environment(book) });
    for (const args of [['--db', book.db, 'list'], ['--db', book.db, 'log', 'tea was cold', '--no-input'], ['--db', book.db, '1'], ['--db', book.db, 'export']]) {
      expect(run(args)).toMatchObject({ status: 0 });
    }
    const kept = readdirSync(join(book.dir, '.cache', 'complaints', 'compiled')).sort();
    // On Node 20 an export is loaded as Node loads it, keeping nothing (the launcher says why).
    expect(kept).toEqual('enableCompileCache' in Module ? ['desk', 'export', 'list', 'log'] : ['desk', 'list', 'log']);
    const launcher = readFileSync(BIN, 'utf8');
    const known = Function(`return ${/^const COMMANDS = (\[.*\]);$/m.exec(launcher)![1]}`)() as string[];
    // The commands as the program's help lists them, and the one for completion it does not list.
    const listed = [...run(['--help']).stdout.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((match) => match[1]);
    expect(known).toEqual([...listed, '__complete']);
  });

  // Node 22.1 and later keep their own cache; on Node 20 the launcher keeps it with this, tried
  // here on whichever Node runs the tests.
  it('keeps its own cache where Node has none: read, not made again; mended when damaged or of an earlier build', () => {
    const book = tempLogbook();
    const folder = join(book.dir, 'compiled');
    const load = `require(${JSON.stringify(join(dirname(BIN), 'compile-cache.cjs'))}).keepCompiled(${JSON.stringify(DIST)}, ${JSON.stringify(folder)});
      process.stdout.write(typeof require(${JSON.stringify(join(DIST, 'cli.js'))}).run);`;
    const loadProgram = () => spawnSync(process.execPath, ['-e', load], { encoding: 'utf8' });
    expect(loadProgram()).toMatchObject({ status: 0, stdout: 'function', stderr: '' });
    const [kept] = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.startsWith('cli.js-'))
      .map((entry) => entry.parentPath);
    const caches = () => new Map(readdirSync(kept!).map((name) => [name, readFileSync(join(kept!, name))]));
    const made = caches();
    expect([...made.keys()]).toContain(`cli.js-${statSync(join(DIST, 'cli.js')).size}-${Math.trunc(statSync(join(DIST, 'cli.js')).mtimeMs)}`);
    expect(loadProgram()).toMatchObject({ status: 0, stdout: 'function' });
    expect(caches()).toEqual(made);
    const [cli] = [...made.keys()].filter((name) => name.startsWith('cli.js-'));
    writeFileSync(join(kept!, cli!), 'not what V8 compiled');
    writeFileSync(join(kept!, 'cli.js-1000-1'), 'of a build since replaced');
    expect(loadProgram()).toMatchObject({ status: 0, stdout: 'function', stderr: '' });
    const mended = caches();
    expect([...mended.keys()].sort()).toEqual([...made.keys()].sort());
    expect(String(mended.get(cli!))).not.toBe('not what V8 compiled');
    expect(loadProgram()).toMatchObject({ status: 0, stdout: 'function' });
    expect(caches()).toEqual(mended);
  });

  it('runs as well when the cache folder cannot be made', () => {
    const book = tempLogbook();
    const notAFolder = join(book.dir, 'cache-is-a-file');
    writeFileSync(notAFolder, '');
    const { status, stdout, stderr } = spawnSync(process.execPath, [BIN, ...PROGRAM_VERSION], {
      encoding: 'utf8',
      env: environment(book, { XDG_CACHE_HOME: notAFolder }),
    });
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
