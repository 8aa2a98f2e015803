import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Everything in a folder, byte for byte, so nothing changed, appeared or vanished goes unseen. */
export function snapshot(dir: string): Record<string, Buffer | 'folder'> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .sort()
      .map((name) => {
        const path = join(dir, name);
        return [name, statSync(path).isDirectory() ? 'folder' : readFileSync(path)];
      }),
  );
}
