import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterEach, expect, it } from 'vitest';
import { run } from '../../src/cli.js';
import { openDatabase } from '../../src/store/sqlite/open.js';

// The commands run in-process so that their stdout can be a reader that stops taking bytes.

const NOW = '2026-11-23T10:00:00.000Z';
let folder: string | undefined;
afterEach(() => {
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
});

function logbookOf(rows: number, description: string): string {
  folder = mkdtempSync(join(tmpdir(), 'complaints-slow-reader-'));
  const file = join(folder, 'complaints.db');
  const db = openDatabase(file);
  try {
    const insert = db.prepare(`INSERT INTO complaints (logged_at, occurred_at, status, description) VALUES (@at, @at, 'new', @description)`);
    db.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run({ at: NOW, description: `${i} ${description}` });
    })();
  } finally {
    db.close();
  }
  return file;
}

/** A reader that takes the first chunk and then nothing, until let go. */
function stalledReader() {
  const received: Buffer[] = [];
  let held: (() => void) | undefined;
  let stalled = false;
  let firstChunk!: () => void;
  const first = new Promise<void>((resolve) => (firstChunk = resolve));
  const stream = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      received.push(chunk);
      if (received.length === 1) {
        stalled = true;
        held = done;
        firstChunk();
      } else if (stalled) throw new Error('written to while stalled');
      else done();
    },
  });
  const letGo = () => {
    stalled = false;
    held?.();
  };
  const bytesTaken = () => received.reduce((sum, chunk) => sum + chunk.length, 0) + stream.writableLength;
  return { stream, first, letGo, bytesTaken, text: () => Buffer.concat(received).toString('utf8') };
}

function runWith(stdout: Writable, args: string[]): Promise<number> {
  return run(args, {
    stdin: Readable.from([]),
    stdout,
    stderr: new Writable({ write: (_chunk, _encoding, done) => done() }),
    stdinIsTTY: false,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    env: {},
    now: () => new Date(NOW),
  });
}

it('export stops reading the logbook while its reader takes nothing, and finishes once it reads again', async () => {
  const rows = 4_000;
  const file = logbookOf(rows, '汤是凉的, "cold", '.repeat(60));
  const reader = stalledReader();
  // The CSV waiting to be written is held in Buffers: their total shows how much was read ahead.
  const buffersBefore = process.memoryUsage().arrayBuffers;
  const exporting = runWith(reader.stream, ['--db', file, 'export']);
  await reader.first;
  // However many turns of the event loop go by, nothing more may pile up than a chunk or two.
  for (let turn = 0; turn < 200; turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(reader.bytesTaken()).toBeLessThan(512 * 1024);
  expect(process.memoryUsage().arrayBuffers - buffersBefore).toBeLessThan(1024 * 1024);

  reader.letGo();
  expect(await exporting).toBe(0);
  const csv = reader.text();
  expect(Buffer.byteLength(csv)).toBeGreaterThan(10 * 512 * 1024);
  expect(csv.split('\r\n').length - 2).toBe(rows);
});

// A list shows 40 characters of each description: it takes more rows than export to fill a pipe.
it.each([
  ['list', 12_000, (text: string) => text.trimEnd().split('\n').length - 1],
  ['list --json', 4_000, (text: string) => (JSON.parse(text) as unknown[]).length],
])('%s stops reading the logbook while its reader takes nothing, and finishes once it reads again', async (command, rows, counted) => {
  const file = logbookOf(rows, '汤是凉的, "cold", '.repeat(60));
  const reader = stalledReader();
  const listing = runWith(reader.stream, ['--db', file, ...command.split(' ')]);
  await reader.first;
  for (let turn = 0; turn < 200; turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(reader.bytesTaken()).toBeLessThan(512 * 1024);

  reader.letGo();
  expect(await listing).toBe(0);
  expect(Buffer.byteLength(reader.text())).toBeGreaterThan(2 * 512 * 1024);
  expect(counted(reader.text())).toBe(rows);
});

it('list stops quietly with exit 0 when its reader leaves early, as `| head` does', async () => {
  const file = logbookOf(4_000, 'the soup was cold '.repeat(10));
  const received: Buffer[] = [];
  const leaving = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      received.push(chunk);
      this.destroy();
      done();
    },
  });
  expect(await runWith(leaving, ['--db', file, 'list'])).toBe(0);
  expect(received).toHaveLength(1);
});
