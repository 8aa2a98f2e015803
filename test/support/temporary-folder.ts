import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The tests make thousands of temporary logbooks. Pointing TMPDIR (which os.tmpdir() and the
// binaries the tests start both read) at one folder for the run lets the run remove them all.
export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'complaints-tests-'));
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
