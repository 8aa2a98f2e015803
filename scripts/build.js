// Builds dist/ as one bundle (plus a chunk per lazily loaded part), because loading dozens of
// small modules one by one was most of a short command's start-up time. The bundle is CommonJS:
// Node 20 takes ~28 ms more to start an ES module entry than a CommonJS one (an empty file of
// each, measured), and loads each further ES module more slowly. esbuild splits code only into ES
// modules, so the build splits first and then turns each piece into CommonJS. Types are checked
// separately by `npm run typecheck`.
import { build } from 'esbuild';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compiledCatalogue, isCatalogue } from './catalogues.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Each language's catalogue becomes a chunk of functions, loaded only when it is the language in use. */
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
const SPLIT = `${DIST}split/`;
rmSync(DIST, { recursive: true, force: true });
await build({
  // The import's reading thread is an entry of its own, started from beside it in dist/.
  entryPoints: { cli: 'src/cli.ts', 'import-reader': 'src/workers/import-reader.ts' },
  outdir: SPLIT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // pg is bundled (loading its thirty-odd files one by one took ~30 ms of each command on a shared
  // logbook), all but the optional bindings it asks for only when told to (pg-native) or inside a
  // Cloudflare Worker. better-sqlite3's JavaScript is bundled too; its addon stays where npm built it.
  external: ['pg-native', 'pg-cloudflare'],
  plugins: [catalogues, childProcessWhenUsed, sqliteAddonDirect],
  logLevel: 'warning',
});

// The root package.json says its .js files are ES modules; dist/'s are not. Said before the pieces
// are turned, or esbuild would give each `import()` of a piece Node's reading of an ES module
// importing CommonJS, in which the default export is the whole module.
writeFileSync(`${DIST}package.json`, '{ "type": "commonjs" }\n');

// Each piece becomes CommonJS in dist/, its `import()`s plain `require()`s. The few that ask
// where they are (import.meta.url) are told from __filename; the others are not given the line.
const pieces = readdirSync(SPLIT)
  .filter((name) => name.endsWith('.js'))
  .map((name) => SPLIT + name);
const asking = pieces.filter((piece) => readFileSync(piece, 'utf8').includes('import.meta.url'));
const toCommonJs = (entryPoints, asks) =>
  build({
    entryPoints,
    outdir: DIST,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    supported: { 'dynamic-import': false },
    ...(asks && {
      define: { 'import.meta.url': '__moduleUrl' },
      banner: { js: "var __moduleUrl = require('node:url').pathToFileURL(__filename).href;" },
    }),
    logLevel: 'warning',
  });
await toCommonJs(asking, true);
await toCommonJs(pieces.filter((piece) => !asking.includes(piece)), false);
rmSync(SPLIT, { recursive: true });
