import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { newTable, withoutTrailingSpace } from '../../src/output/table.js';

const plain = new Chalk({ level: 0 });
const coloured = new Chalk({ level: 1 });
const stripColour = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

describe('newTable', () => {
  it('makes each column as wide as its widest cell and two spaces, Chinese counting double', () => {
    const table = newTable(['id', 'cause', 'count'], plain, ['right', 'left', 'right']);
    table.push(['#1', '汤太凉', '12'], ['#100', 'cold soup', '3']);
    expect(table.toString()).toBe(
      ['  id  cause      count  ', '  #1  汤太凉        12  ', '#100  cold soup      3  '].join('\n'),
    );
    expect(withoutTrailingSpace(table.toString()).split('\n')[0]).toBe('  id  cause      count');
  });

  it('leaves colour codes out of the widths, so coloured and plain tables line up the same', () => {
    const rows = [
      ['#1', 'late', '2026-11-23 10:00 !'],
      ['#22', '', ''],
    ];
    const plainTable = newTable(['id', 'status', 'respond by'], plain);
    const colouredTable = newTable(['id', 'status', 'respond by'], coloured);
    plainTable.push(...rows);
    colouredTable.push(...rows.map(([id, status, due]) => [id!, coloured.red(status!), coloured.red(due!)]));
    expect(colouredTable.toString()).toContain('\x1b[1mid\x1b[22m');
    expect(stripColour(colouredTable.toString())).toBe(plainTable.toString());
  });

  it('lays out thirty thousand rows, one a line, as a day of follow-ups due can be', () => {
    // cli-table3, which this replaced, compared every cell with every other: it did not finish.
    const table = newTable(['id', 'complaint'], plain);
    for (let i = 1; i <= 30_000; i++) table.push([`#${i}`, i % 2 ? 'soup was cold' : '汤是冷的']);
    const lines = table.toString().split('\n');
    expect(lines).toHaveLength(30_001);
    expect(lines[30_000]).toBe('#30000  汤是冷的       ');
  });
});
