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
        return [name, statSync(path).isDirectory() ? 'folder' : createHash('sha256').update(readFileSync(path)).digest('hex')];
      }),
  );
}
