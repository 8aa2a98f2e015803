import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';

export interface Account {
  uid: number;
  gid: number;
}

/**
 * Whom to run the binary as where a file or folder must be read-only for it. Root ignores
 * permission bits (CI runs the tests as root), so as root it runs as `nobody`; anyone else runs
 * it as themselves, for whom chmod is enough. Undefined: as the test itself.
 */
export const UNPRIVILEGED: Account | undefined = process.getuid?.() === 0 ? nobody() : undefined;

function nobody(): Account {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * Lets the unprivileged account through the private temporary folders down to `folder` (to
 * pass through, not to list them), so that it reaches what the test makes readable for it.
 */
export function letThrough(folder: string): void {
  if (!UNPRIVILEGED) return;
  for (let place = folder; place.startsWith(tmpdir()); place = dirname(place)) chmodSync(place, statSync(place).mode | 0o001);
}

/** Makes `folder` writable by the unprivileged account, as its own folder would be. */
export function giveFolder(folder: string): void {
  if (UNPRIVILEGED) chownSync(folder, UNPRIVILEGED.uid, UNPRIVILEGED.gid);
}
