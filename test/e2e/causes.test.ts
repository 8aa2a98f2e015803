import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runComparing, tempLogbook, type Logbook } from './harness.js';

const NOW = '2026-11-23T10:00:00.000Z';

/** Complaints #1-#5 with causes cold food (2), cold foood, long wait and 菜太咸, and #6 not triaged. */
function logbookWithCauses(): Logbook {
  const book = tempLogbook(NOW);
  const causes = ['cold food', 'cold foood', 'long wait', 'cold food', '菜太咸', ''];
  const file = join(book.dir, 'complaints.csv');
  writeFileSync(
    file,
    [
      'id,logged_at,occurred_at,status,description,category,cause',
      ...causes.map((cause, i) => `${i + 1},${NOW},${NOW},${cause ? 'triaged' : 'new'},complaint ${i + 1},${cause ? 'product' : ''},${cause}`),
      '',
    ].join('\r\n'),
  );
  book.ok(['import', file]);
  return book;
}

function causesOf(book: Logbook): Array<{ cause: string; count: number }> {
  return JSON.parse(book.ok(['causes', '--json']));
}

function timelineOf(book: Logbook, id: number): Array<{ action: string; changes: Record<string, unknown> }> {
  return JSON.parse(book.ok(['show', String(id), '--json'])).timeline;
}

describe('causes', () => {
  it('lists the causes in use with their counts, the most common first, ties by name', () => {
    const book = logbookWithCauses();
    const result = book.run(['causes']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      ['cause       complaints', 'cold food            2', 'cold foood           1', 'long wait            1', '菜太咸               1', ''].join('\n'),
    );
    expect(result.stderr).toBe('merge two spellings with: complaints causes rename OLD NEW\n');
  });

  it('prints each cause and its count with --json', () => {
    expect(causesOf(logbookWithCauses())).toEqual([
      { cause: 'cold food', count: 2 },
      { cause: 'cold foood', count: 1 },
      { cause: 'long wait', count: 1 },
      { cause: '菜太咸', count: 1 },
    ]);
  });

  it('says on stderr that there are none yet, and prints [] with --json', () => {
    const book = tempLogbook(NOW);
    book.ok(['log', 'cold soup']);
    expect(book.run(['causes'])).toMatchObject({
      code: 0,
      stdout: '',
      stderr: 'No causes yet; they are given at triage: complaints triage <id> --category … --cause …\n',
    });
    expect(causesOf(book)).toEqual([]);
  });
});

describe('causes rename', () => {
  it('merges a misspelling into the cause in use, noting it on the timeline of each complaint it changes', () => {
    const book = logbookWithCauses();
    expect(book.run(['causes', 'rename', '  COLD  FOOOD ', 'Cold Food'])).toEqual({
      code: 0,
      stdout: 'Renamed "cold foood" to "cold food" on 1 complaint.\n',
      // Merged: said so, with how to take one back apart, as no rename can.
      stderr: 'note: "cold food" was in use already: this complaint now counts with its own; renaming back would take its own along too (correct one with complaints triage ID --cause …)\n',
    });
    expect(causesOf(book)).toEqual([
      { cause: 'cold food', count: 3 },
      { cause: 'long wait', count: 1 },
      { cause: '菜太咸', count: 1 },
    ]);
    expect(timelineOf(book, 2).at(-1)).toEqual({
      at: NOW,
      recorded_at: NOW,
      action: 'cause-renamed',
      changes: { cause: 'cold food', previous_cause: 'cold foood' },
      undone: false,
    });
    expect(timelineOf(book, 1).map((event) => event.action)).toEqual(['imported']);
  });

  it('gives a cause new capitals when nothing else is spelt that way', () => {
    const book = logbookWithCauses();
    expect(book.run(['causes', 'rename', 'cold food', 'Cold food'])).toEqual({ code: 0, stdout: 'Renamed "cold food" to "Cold food" on 2 complaints.\n', stderr: '' });
    expect(causesOf(book)[0]).toEqual({ cause: 'Cold food', count: 2 });
    expect(timelineOf(book, 4).at(-1)!.changes).toEqual({ cause: 'Cold food', previous_cause: 'cold food' });
  });

  it('tidies the new cause before using it', () => {
    const book = logbookWithCauses();
    book.ok(['causes', 'rename', 'long wait', '  long   wait at the till ']);
    expect(JSON.parse(book.ok(['show', '3', '--json'])).cause).toBe('long wait at the till');
  });

  it('changes nothing when the cause is spelt that way already', () => {
    const book = logbookWithCauses();
    const result = runComparing(book, ['causes', 'rename', 'Long Wait', 'long wait']);
    expect(result).toMatchObject({ code: 0, unchanged: true, stdout: 'Nothing to change: the cause is spelt "long wait" already.\n' });
  });

  it('refuses a cause no complaint has, with exit 1, changing nothing', () => {
    const book = logbookWithCauses();
    const result = runComparing(book, ['causes', 'rename', 'cold drinks', 'cold food']);
    expect(result).toMatchObject({ code: 1, unchanged: true, stdout: '' });
    expect(result.stderr).toBe(`complaints: no complaint has the cause "cold drinks"; 'complaints causes' lists the causes in use\n`);
  });

  it('refuses an empty new cause, with exit 2, changing nothing', () => {
    const book = logbookWithCauses();
    const result = runComparing(book, ['causes', 'rename', 'cold foood', '   ']);
    expect(result).toMatchObject({ code: 2, unchanged: true, stdout: '' });
    expect(result.stderr).toBe('complaints: the new cause cannot be empty\n');
  });

  it('refuses a rename without both causes, with exit 2', () => {
    const result = runComparing(logbookWithCauses(), ['causes', 'rename', 'cold foood']);
    expect(result).toMatchObject({ code: 2, unchanged: true });
    expect(result.stderr).toMatch(/^complaints: missing required argument 'new'; use: complaints causes rename \[options\] <old> <new>\n$/);
  });
});

describe('filtering by cause', () => {
  it('finds a cause typed in other capitals, in any script, and tidied, in list and export', () => {
    const book = tempLogbook(NOW);
    book.ok(['log', 'the bill was wrong', '--at', '2026-11-20']);
    book.ok(['log', 'no receipt', '--at', '2026-11-21']);
    book.ok(['triage', '1', '--category', 'price', '--cause', 'Qualité du service']);
    book.ok(['triage', '2', '--category', 'price', '--cause', 'no receipt']);
    const listed = JSON.parse(book.ok(['list', '--cause', '  QUALITÉ   DU SERVICE ', '--json']));
    expect(listed.map((c: { id: number }) => c.id)).toEqual([1]);
    const exported = book.ok(['export', '--cause', 'qualité du service']).trimEnd().split('\r\n');
    expect(exported.map((row) => row.split(',')[0])).toEqual(['id', '1']);
  });
});

describe('triage files causes and categories as the logbook spells them', () => {
  it('takes a cause typed in other capitals, spacing or with a combining accent as the cause in use', () => {
    const book = tempLogbook(NOW);
    book.ok(['log', 'the café was shut at noon']);
    book.ok(['log', 'shut again']);
    book.ok(['triage', '1', '--category', 'premises', '--cause', 'café closed']);
    book.ok(['triage', '2', '--category', 'premises', '--cause', 'CAFE\u0301  CLOSED']);
    expect(causesOf(book)).toEqual([{ cause: 'café closed', count: 2 }]);
  });

  it('takes a cause typed full-width by an input method, or an emoji with a variation selector, as the cause in use', () => {
    const book = tempLogbook(NOW);
    for (const text of ['cold soup', 'cold again', 'a stew', 'stew again']) book.ok(['log', text]);
    book.ok(['triage', '1', '--category', 'product', '--cause', 'cold food']);
    book.ok(['triage', '2', '--category', 'product', '--cause', 'ｃｏｌｄ　ｆｏｏｄ']);
    book.ok(['triage', '3', '--category', 'product', '--cause', '🍲 too salty']);
    book.ok(['triage', '4', '--category', 'ｐｒｏｄｕｃｔ', '--cause', '🍲\uFE0F TOO SALTY']);
    expect(causesOf(book)).toEqual([
      { cause: 'cold food', count: 2 },
      { cause: '🍲 too salty', count: 2 },
    ]);
  });

  it('takes a cause ended by the punctuation an input method adds (汤不热。, 服务态度差！) as the cause without it', () => {
    const book = tempLogbook(NOW);
    for (const text of ['汤是凉的', '汤又凉了', '服务员很凶']) book.ok(['log', text]);
    book.ok(['triage', '1', '--category', 'product', '--cause', '汤不热']);
    book.ok(['triage', '2', '--category', 'product', '--cause', '汤不热。']);
    book.ok(['triage', '3', '--category', 'service', '--cause', '服务态度差！']);
    expect(causesOf(book)).toEqual([
      { cause: '汤不热', count: 2 },
      { cause: '服务态度差', count: 1 },
    ]);
  });

  it('takes a Chinese cause typed with spaces between its words, beside a Latin word or with an invisible joiner, as the cause in use', () => {
    const book = tempLogbook(NOW);
    for (const text of ['汤是凉的', '汤又凉了', '屏幕裂了', '屏幕又裂了', '汤还是凉']) book.ok(['log', text]);
    book.ok(['triage', '1', '--category', 'product', '--cause', '汤不热']);
    book.ok(['triage', '2', '--category', 'product', '--cause', '汤 不 热']);
    book.ok(['triage', '3', '--category', 'product', '--cause', 'iPhone 屏幕']);
    book.ok(['triage', '4', '--category', 'product', '--cause', 'iphone屏幕']);
    // Pasted from a chat app with a zero-width joiner, which joins nothing but emoji.
    book.ok(['triage', '5', '--category', 'product', '--cause', '汤\u200d不热']);
    expect(causesOf(book)).toEqual([
      { cause: '汤不热', count: 3 },
      { cause: 'iPhone 屏幕', count: 2 },
    ]);
  });

  it('takes a configured category typed with doubled spaces or a combining accent', () => {
    const book = tempLogbook(NOW);
    book.ok(['config', 'set', 'categories', 'home goods,pâtisserie']);
    book.ok(['log', 'the lamp was broken']);
    book.ok(['log', 'the tart was burnt']);
    book.ok(['triage', '1', '--category', 'Home  Goods', '--cause', 'damaged in transit']);
    book.ok(['triage', '2', '--category', 'PA\u0302TISSERIE', '--cause', 'oven too hot']);
    const categoryOf = (id: number) => JSON.parse(book.ok(['show', String(id), '--json'])).category;
    expect([categoryOf(1), categoryOf(2)]).toEqual(['home goods', 'pâtisserie']);
  });
});
