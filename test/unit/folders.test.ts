import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFolders, removeFoldersMade } from '../../src/store/folders.js';

describe('makeFolders', () => {
  const base = mkdtempSync(join(tmpdir(), 'complaints-folders-'));

  it('makes the folders missing on the way with the mode asked, and says which it made, outermost first', () => {
    const inner = join(base, 'shops', 'east', 'till');
    expect(makeFolders(inner, 0o700)).toEqual([join(base, 'shops'), join(base, 'shops', 'east'), inner]);
    for (const made of [join(base, 'shops'), join(base, 'shops', 'east'), inner]) expect(statSync(made).mode & 0o777).toBe(0o700);
    expect(makeFolders(inner, 0o700)).toEqual([]);
  });

  it('removes those it made, innermost first, up to one no longer empty', () => {
    const made = makeFolders(join(base, 'kept', 'inner', 'most'), 0o700);
    writeFileSync(join(base, 'kept', 'a-file'), '');
    removeFoldersMade(made);
    expect(existsSync(join(base, 'kept', 'inner'))).toBe(false);
    expect(existsSync(join(base, 'kept', 'a-file'))).toBe(true);
  });

  it('throws where a folder cannot be made, a file being in the way', () => {
    writeFileSync(join(base, 'a-file'), '');
    expect(() => makeFolders(join(base, 'a-file', 'sub'), 0o700)).toThrow(expect.objectContaining({ code: 'ENOTDIR' }));
  });

  it('throws under /proc, where a recursive mkdir of Node 20 never returns', () => {
    expect(() => makeFolders('/proc/no-such-process/sub', 0o700)).toThrow();
  });
});
