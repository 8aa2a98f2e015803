// Builds dist/ as one CommonJS file for the program and one for the import's reading thread.
// What a command does not use stays unevaluated in it: esbuild wraps each module reached through
// import() (a command, a catalogue, the PostgreSQL client) in a function run when first imported.
// One file rather than the forty-odd of a split build (each command's own pieces, shared pieces
// per set of commands): on Node 20 with the compile cache, 30–40 runs of each in turn, `log`
// 96.2 → 90.5 ms, `list --limit 5` 95.0 → 90.3 ms, the week's report 101 → 91 ms, the desk 96 →
// 91 ms beside `node -e 0` at 61 ms; on Node 26 `log` 70 → 65 ms, the report 76 → 66 ms; and no
// slower without a cache. CommonJS, as Node 20 takes ~28 ms more to start an ES module entry than
// a CommonJS one (an empty file of each, measured). Types are checked separately by `npm run
// typecheck`.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compiledCatalogue, isCatalogue } from './catalogues.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Each language's catalogue becomes a module of functions, evaluated only when it is the language in use. */
const catalogues = {
  name: 'catalogues',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, ({ path }) =>
      isCatalogue(path) ? { contents: compiledCatalogue(path), loader: 'js', resolveDir: ROOT } : undefined,
    );
  },
};

/**
 * commander loads child_process at start-up (~6 ms of every command, with the sockets and
 * datagrams it brings) for subcommands that are programs of their own, which this one has none
 * of. It gets a stand-in that loads child_process only if ever used.
 */
const childProcessWhenUsed = {
  name: 'child-process-when-used',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, ({ importer }) =>
      importer.includes('/node_modules/commander/') ? { path: 'child_process', namespace: 'when-used' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'when-used' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, name) => require('node:child_process')[name] });",
      loader: 'js',
    }));
  },
};

/**
 * better-sqlite3 finds its compiled addon through the `bindings` package, which tries a dozen
 * folders and reads the call stack to know where it was called from; its own dozen small files
 * are then loaded one by one. Bundled, with the addon required from where its build puts it (an
 * install from source and a prebuilt download both leave it in build/Release), a `list --limit 5`
 * or `log` starts ~5 ms sooner (100 runs of each in turn: 130.8 -> 126.2 ms, 137.5 -> 131.8 ms).
 */
const sqliteAddonDirect = {
  name: 'sqlite-addon-direct',
  setup(build) {
    build.onResolve({ filter: /^bindings$/ }, ({ importer }) =>
      importer.includes('/node_modules/better-sqlite3/') ? { path: 'bindings', namespace: 'sqlite-addon' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'sqlite-addon' }, () => ({
      contents: "module.exports = (addon) => require(require.resolve('better-sqlite3/build/Release/' + addon));",
      loader: 'js',
    }));
  },
};

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
rmSync(DIST, { recursive: true, force: true });
await build({
  // The import's reading thread is an entry of its own, started from beside it in dist/.
  entryPoints: { cli: 'src/cli.ts', 'import-reader': 'src/workers/import-reader.ts' },
  outdir: DIST,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // pg is bundled (loading its thirty-odd files one by one took ~30 ms of each command on a shared
  // logbook), all but the optional bindings it asks for only when told to (pg-native) or inside a
  // Cloudflare Worker. better-sqlite3's JavaScript is bundled too; its addon stays where npm built it.
  external: ['pg-native', 'pg-cloudflare'],
  plugins: [catalogues, childProcessWhenUsed, sqliteAddonDirect],
  // An import() left as one (of a module not bundled) would fail where the launcher's cache runs
  // the program (vm.Script, on Node 20): any is made a require().
  supported: { 'dynamic-import': false },
  // The few modules that ask where they are (the migrations, package.json, the reading thread)
  // are told from the file they are built into.
  define: { 'import.meta.url': '__moduleUrl' },
  banner: { js: "var __moduleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// The root package.json says its .js files are ES modules; dist/'s are not.
writeFileSync(`${DIST}package.json`, '{ "type": "commonjs" }\n');
