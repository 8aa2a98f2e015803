#!/usr/bin/env node
// Launcher only: the program is built into dist/ by `npm install` (the prepare script). Both are
// CommonJS, which Node loads faster than ES modules (see scripts/build.js).
const { run } = require('../dist/cli.js');

// Everything the tool creates (the logbook, its journal, backups, exports) holds customers'
// details, so it is private to the user whatever their umask says.
process.umask(0o077);

// `complaints list | head` closes the pipe early; that ends the output, not in an error.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
});

const now = process.env.COMPLAINTS_NOW ? () => new Date(process.env.COMPLAINTS_NOW) : () => new Date();
run(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  stdinIsTTY: Boolean(process.stdin.isTTY),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
  now,
}).then((code) => {
  process.exitCode = code;
});
