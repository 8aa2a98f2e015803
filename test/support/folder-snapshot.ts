import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Everything in a folder, so nothing changed, appeared or vanished goes unseen: each file as a
 * digest of its bytes, which compares as one string and names the file that differs (the test
 * runner compares a Buffer element by element).
 */
export function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .sort()
      .map((name) => {
        const path = join(dir, name);
        const stat = statSync(path);
        // A pipe is not read: that would wait for a writer.
        if (!stat.isFile()) return [name, stat.isDirectory() ? 'folder' : 'not a file'];
        return [name, createHash('sha256').update(readFileSync(path)).digest('hex')];
      }),
  );
}
