// Node 20 has no compile cache of its own (module.enableCompileCache came in 22.1), so it compiles
// the program afresh on every run: ~20–25 ms of a short command's CPU profile. This keeps V8's
// code cache for each file of the build, as Node 22.1 and later do for themselves.
//
// Written here rather than taken from v8-compile-cache: that package hashes every file it loads
// with node:crypto (loading it costs ~7 ms of each command, all the cache would save on some),
// keeps its cache in the shared temporary folder, and saves what V8 compiled before the program
// ran, not the functions compiled while it did.

const Module = require('node:module');
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { basename, dirname, join, sep } = require('node:path');
const { Script } = require('node:vm');

/**
 * Files under `build` are compiled with what a run before kept in `folder`, and what any run
 * compiles afresh is kept there when it ends. The cache is never needed: a file that is missing,
 * unreadable or refused by V8 means compiling as if there were none.
 */
function keepCompiled(build, folder) {
  // Each copy of the program installed keeps its own caches, in a folder named from where it is,
  // under V8's version's, whose caches no other version reads.
  const kept = join(folder, `v8-${process.versions.v8}`, nameOf(build));
  const compileAsNode = Module.prototype._compile;
  const compiledAfresh = [];
  Module.prototype._compile = function compileFromCache(content, filename) {
    if (!filename.startsWith(build + sep)) return compileAsNode.call(this, content, filename);
    const cacheFile = join(kept, cacheName(filename));
    const script = new Script(Module.wrap(content), { filename, cachedData: readIfThere(cacheFile) });
    if (script.cachedDataRejected !== false) compiledAfresh.push({ script, cacheFile });
    const moduleFunction = script.runInThisContext({ displayErrors: true });
    return moduleFunction.call(this.exports, this.exports, Module.createRequire(filename), this, filename, dirname(filename));
  };
  process.on('exit', () => {
    if (compiledAfresh.length === 0) return;
    try {
      makePrivateFolders(kept);
      forgetEarlierBuilds(kept, build);
      for (const { script, cacheFile } of compiledAfresh) {
        // Written whole under another name, then renamed: a run starting meanwhile reads the old
        // cache or the new one, never half of one.
        const partial = `${cacheFile}.${process.pid}`;
        writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
        renameSync(partial, cacheFile);
      }
    } catch {
      // A folder that cannot be written costs the next run its compiling, nothing else.
    }
  });
}

/**
 * A file's cache is named by the file's size and time of change, so that a rebuilt program is never
 * run from an earlier build's cache: V8 checks only that the source's length matches.
 */
function cacheName(file) {
  const { size, mtimeMs } = statSync(file);
  return `${basename(file)}-${size}-${Math.trunc(mtimeMs)}`;
}

/** The caches of files the build no longer has as they were, removed as a new build's are written. */
function forgetEarlierBuilds(kept, build) {
  const current = new Set(readdirSync(build).map((name) => cacheName(join(build, name))));
  for (const name of readdirSync(kept)) if (!current.has(name)) rmSync(join(kept, name), { force: true });
}

/** A short, stable name for a folder's path (FNV-1a, in hexadecimal). */
function nameOf(path) {
  let hash = 0x811c9dc5;
  for (let at = 0; at < path.length; at++) hash = Math.imul(hash ^ path.charCodeAt(at), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function readIfThere(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Each missing folder down to `folder`, 0700, one at a time (Node 20's recursive mkdir can spin for ever under /proc). */
function makePrivateFolders(folder) {
  const parent = dirname(folder);
  try {
    statSync(folder);
    return;
  } catch {
    if (parent !== folder) makePrivateFolders(parent);
  }
  try {
    mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
}

module.exports = { keepCompiled };
