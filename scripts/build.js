// Builds dist/ as one bundle (plus a chunk per lazily loaded part), because loading dozens of
// small modules one by one was most of a short command's start-up time. Types are checked
// separately by `npm run typecheck`.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
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

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
await build({
  // The import's reading thread is an entry of its own, started from beside it in dist/.
  entryPoints: { cli: 'src/cli.ts', 'import-reader': 'src/workers/import-reader.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  // better-sqlite3 is loaded from node_modules as installed: it is native. pg is bundled (loading
  // its thirty-odd files one by one took ~30 ms of each command on a shared logbook), all but the
  // optional bindings it asks for only when told to (pg-native) or inside a Cloudflare Worker.
  external: ['better-sqlite3', 'pg-native', 'pg-cloudflare'],
  // Bundled CommonJS packages (commander, string-width) call require(); ESM has none of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [catalogues, childProcessWhenUsed],
  logLevel: 'warning',
});
