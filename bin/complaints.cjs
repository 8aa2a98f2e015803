#!/usr/bin/env node
// Launcher only: the program is built into dist/ by `npm install` (the prepare script). Both are
// CommonJS, which Node loads faster than ES modules (see scripts/build.js).

// A version asked for on its own needs none of the program: answered here, it takes 1.07× a bare
// `node -e 0` rather than 1.37× (the program loaded, commander's options built). Asked for
// among other options, commander answers as for any command line.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
  return;
}

// On Node 20 a program read through the kept cache (vm.Script) holds ~15 MB more than Node's own
// loading holds: an export of 100,000 complaints peaked at 89 MB rather than 74 MB. An export or
// import, whose start-up is nothing beside its work and whose peak memory has a target, is
// loaded as Node loads it.
const LOADED_AS_NODE_DOES = ['export', 'import'];

const COMMANDS = ['log', 'triage', 'assign', 'resolve', 'approve', 'follow-up', 'note', 'undo', 'list', 'show', 'report', 'actions', 'export', 'import', 'sync', 'causes', 'config', 'backup', 'check', 'forget', 'setup-roles', 'help', 'completion', '__complete'];

// Everything the tool creates (the logbook, its journal, backups, exports) holds customers'
// details, so it is private to the user whatever their umask says.
process.umask(0o077);

// The program is kept as compiled for the next run, so that a command need not compile it again:
// by Node itself from 22.1, by ./compile-cache.cjs before. The cache is kept in the user's own
// cache folder, as the tool's other files are kept in theirs (store/location.ts), not in the
// shared temporary folder where another user could leave code in it for this program to run.
// NODE_COMPILE_CACHE chooses another folder, NODE_DISABLE_COMPILE_CACHE turns it off; if the
// folder cannot be written, the program runs without it.
if (!process.env.NODE_DISABLE_COMPILE_CACHE) {
  const { join } = require('node:path');
  const { enableCompileCache } = require('node:module');
  const command = commandRun(args);
  // Each command keeps what its own first run compiled, rather than whatever command ran first
  // (`log` read back an import's in 96.6 ms, its own in 94.0 ms, 30 runs in turn).
  const ownCache = () =>
    join(process.env.XDG_CACHE_HOME || join(process.env.HOME || require('node:os').homedir(), '.cache'), 'complaints', 'compiled', command);
  if (enableCompileCache) {
    // Node has already taken NODE_COMPILE_CACHE's folder, when set.
    if (!process.env.NODE_COMPILE_CACHE) enableCompileCache(ownCache());
  } else if (!LOADED_AS_NODE_DOES.includes(command)) {
    require('./compile-cache.cjs').keepCompiled(join(__dirname, '..', 'dist'), process.env.NODE_COMPILE_CACHE || ownCache());
  }
}

/**
 * The command a command line runs, as far as can be told without the program: its first word
 * that is neither an option nor --db's file, if it names a command; else the desk (a complaint's
 * number, nothing, or a word that is no command). A test holds COMMANDS to the program's.
 */
function commandRun(words) {
  for (let at = 0; at < words.length; at++) {
    if (words[at] === '--db') at++;
    else if (!words[at].startsWith('-')) return COMMANDS.includes(words[at]) ? words[at] : 'desk';
  }
  return 'desk';
}

// `complaints list | head` closes the pipe early; that ends the output, not in an error.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

const { run } = require('../dist/cli.js');
const now = process.env.COMPLAINTS_NOW ? () => new Date(process.env.COMPLAINTS_NOW) : () => new Date();
run(args, {
  // Made when first read (src/cli.ts says why).
  get stdin() {
    return process.stdin;
  },
  get stdinIsTTY() {
    return Boolean(process.stdin.isTTY);
  },
  stdout: process.stdout,
  stderr: process.stderr,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  now,
  // The process was started to run this command: an undo reads the logbook as it stood then.
  givenAt: 0,
}).then((code) => {
  process.exitCode = code;
});
