import { beforeAll, describe, expect, it } from 'vitest';
import { atTheTill, tempLogbook } from './harness.js';

// The columns a terminal gives each grapheme these tests write: two for an emoji (with whatever
// joins, tones or selects it) and for a Chinese character or full-width punctuation, none for a
// combining mark on its own, one for anything else. Worked out here rather than by the string-width
// the program uses, so that the test does not take the program's word for it.
function columnsOf(grapheme: string): number {
  if (/\p{Extended_Pictographic}|\p{Script=Han}|[\u3000-\u303f\uff00-\uff60]/u.test(grapheme)) return 2;
  return /^\p{M}+$/u.test(grapheme) ? 0 : 1;
}

const graphemes = (text: string) => [...new Intl.Segmenter().segment(text)].map((s) => s.segment);
const columnsOfLine = (line: string) => graphemes(line).reduce((sum, g) => sum + columnsOf(g), 0);

/** The text of `line` between the display columns where each cell starts; fails where a start falls inside a grapheme. */
function cellsAt(line: string, starts: readonly number[]): string[] {
  const cells = starts.map(() => '');
  let column = 0;
  for (const grapheme of graphemes(line)) {
    const cell = starts.findLastIndex((start) => start <= column);
    if (cell + 1 < starts.length && column + columnsOf(grapheme) > starts[cell + 1]!) {
      throw new Error(`'${grapheme}' in "${line}" runs from column ${column} over the start of a cell at ${starts[cell + 1]}`);
    }
    cells[cell] += grapheme;
    column += columnsOf(grapheme);
  }
  return cells.map((cell) => cell.trimEnd());
}

describe('tables holding Chinese and emoji', () => {
  const book = tempLogbook('2026-11-23T10:00:00.000Z');
  const longDescription = '汤太咸了，服务员态度也不好，等了四十分钟才上菜，下次不来了';

  beforeAll(() => {
    book.ok(['log', 'soup was cold', '--customer', 'Ann Lee', '--at', '2026-11-23 08:00']);
    book.ok(['log', '汤太凉了，第二次了', '--customer', '王小明', '--about', '番茄汤', '--at', '2026-11-23 08:10']);
    book.ok(['log', 'waited 👍🏽', '--customer', 'Zoe\u0308 Ng', '--at', '2026-11-23 08:20']);
    book.ok(['log', longDescription, '--customer', '李娜', '--about', '外卖 🛵', '--at', '2026-11-23 08:30']);
    book.ok(['triage', '1', '--category', 'product', '--cause', '👨‍🍳 chef error']);
    book.ok(['triage', '2', '--category', 'product', '--cause', '🍲️']);
    book.ok(['triage', '3', '--category', 'service', '--cause', 'long wait']);
    book.ok(['triage', '4', '--category', 'service', '--cause', '太咸']);
  }, 60_000);

  it('starts every cell of a list at the column where its heading starts, row after row', () => {
    // The long description is cut to the forty columns a list gives it: nineteen characters and ….
    const [heading, ...rows] = book.ok(['list']).trimEnd().split('\n');
    const names = ['id', 'occurred', 'status', 'customer', 'about', 'cause', 'assignee', 'respond by', 'complaint'];
    const starts = names.map((name) => heading!.indexOf(name));
    expect(cellsAt(heading!, starts)).toEqual(names);
    expect(rows.map((row) => cellsAt(row, starts))).toEqual([
      ['#4', '2026-11-23 08:30', 'triaged', '李娜', '外卖 🛵', '太咸', '', '2026-11-24 08:30', '汤太咸了，服务员态度也不好，等了四十分…'],
      ['#3', '2026-11-23 08:20', 'triaged', 'Zoe\u0308 Ng', '', 'long wait', '', '2026-11-24 08:20', 'waited 👍🏽'],
      ['#2', '2026-11-23 08:10', 'triaged', '王小明', '番茄汤', '🍲️', '', '2026-11-24 08:10', '汤太凉了，第二次了'],
      ['#1', '2026-11-23 08:00', 'triaged', 'Ann Lee', '', '👨‍🍳 chef error', '', '2026-11-24 08:00', 'soup was cold'],
    ]);
  });

});

describe('a list on a terminal', () => {
  it('cuts the complaint’s words to the room the other columns leave, so each line fits the terminal (120 columns)', async () => {
    const book = tempLogbook('2026-11-23T10:00:00.000Z');
    const long = '汤太咸了，服务员态度也不好，等了四十分钟才上菜，下次再也不来了，还要我们退钱';
    book.ok(['log', long, '--customer', '王小明', '--about', '番茄牛腩汤', '--at', '2026-11-23 08:00']);
    book.ok(['triage', '1', '--category', 'service', '--cause', '服务员态度差，上菜也慢', '--at', '2026-11-23 08:30']);
    book.ok(['assign', '1', '张师傅', '--at', '2026-11-23 08:40']);
    const { screen } = await atTheTill(book, ['list']).finished();
    const row = screen.split('\n').find((line) => line.startsWith('#1 '))!;
    expect(columnsOfLine(row)).toBeLessThanOrEqual(120);
    expect(row).toMatch(/汤太咸了[^ ]*…$/);
    // Piped, the words are as long as a list ever shows them.
    expect(book.ok(['list']).split('\n')[1]).toContain('汤太咸了，服务员态度也不好，等了四十分…');
  });

  it('leaves out what the complaint is about and when it happened on an 80-column terminal, so that each line fits with every name filled in', async () => {
    const book = tempLogbook('2026-11-23T10:00:00.000Z');
    book.ok(['log', '奶茶里有异物', '--customer', '欧阳娜娜（老顾客，常来）', '--about', '珍珠奶茶（大杯，少冰）', '--at', '2026-11-23 08:00']);
    book.ok(['triage', '1', '--category', 'product', '--cause', '原料把关不严，吸管破损', '--at', '2026-11-23 08:30']);
    book.ok(['assign', '1', '张师傅（店长）', '--at', '2026-11-23 08:40']);
    const { screen } = await atTheTill(book, ['list'], { columns: 80, env: { LANG: 'zh_CN.UTF-8' } }).finished();
    const lines = screen.split('\n');
    const [heading, row] = [lines.find((line) => line.startsWith('编号 '))!, lines.find((line) => line.startsWith('#1 '))!];
    expect(columnsOfLine(heading)).toBeLessThanOrEqual(80);
    expect(columnsOfLine(row)).toBeLessThanOrEqual(80);
    const names = ['编号', '状态', '顾客', '原因', '负责人', '回复期限', '投诉'];
    expect(heading.split(/ {2,}/)).toEqual(names);
    const cells = cellsAt(row, names.map((name) => columnsOfLine(heading.slice(0, heading.indexOf(name)))));
    expect(cells).toEqual(['#1', '已指派', '欧阳娜…', '原料把关…', '张师傅（…', '2026-11-24 08:00', '奶茶里有异物']);
    // Piped, every column is there.
    expect(book.ok(['list'], { env: { LANG: 'zh_CN.UTF-8' } }).split('\n')[0]).toContain('发生时间');
  });

  it('narrows the columns of names, the widest first, before the complaint’s words, so that each line fits the terminal (110 columns)', async () => {
    const book = tempLogbook('2026-11-23T10:00:00.000Z');
    book.ok(['log', '奶茶里有异物', '--customer', '欧阳娜娜（老顾客，常来）', '--about', '珍珠奶茶（大杯，少冰）', '--at', '2026-11-23 08:00']);
    book.ok(['triage', '1', '--category', 'product', '--cause', '原料把关不严，吸管破损', '--at', '2026-11-23 08:30']);
    book.ok(['assign', '1', '张师傅（店长）', '--at', '2026-11-23 08:40']);
    const { screen } = await atTheTill(book, ['list'], { columns: 110 }).finished();
    const lines = screen.split('\n');
    const [heading, row] = [lines.find((line) => line.startsWith('id '))!, lines.find((line) => line.startsWith('#1 '))!];
    expect(columnsOfLine(heading)).toBeLessThanOrEqual(110);
    expect(columnsOfLine(row)).toBeLessThanOrEqual(110);
    const names = ['id', 'occurred', 'status', 'customer', 'about', 'cause', 'assignee', 'respond by', 'complaint'];
    const cells = cellsAt(row, names.map((name) => heading.indexOf(name)));
    expect(cells.slice(3, 7)).toEqual(['欧阳娜娜…', '珍珠奶茶…', '原料把关…', '张师傅（…']);
    expect(cells[8]).toBe('奶茶里有异物');
  });
});

describe('the desk', () => {
  const long = '汤太咸了，服务员态度也不好，等了四十分钟才上菜，下次再也不来了，还要我们退钱';
  const book = tempLogbook('2026-11-23T10:00:00.000Z');

  beforeAll(() => {
    book.ok(['log', long, '--customer', '王小明', '--at', '2026-11-23 08:00']);
    book.ok(['log', long, '--at', '2026-11-20 08:00']);
    book.ok(['triage', '2', '--category', 'service', '--cause', '太咸', '--at', '2026-11-20 09:00']);
    book.ok(['log', long, '--at', '2026-11-19 08:00']);
    book.ok(['assign', '3', '张师傅', '--at', '2026-11-19 09:00']);
  }, 60_000);

  it('fits each complaint’s line in 80 columns when it goes to a file or a pipe, cutting the description', () => {
    const lines = book.ok([]).split('\n');
    const ofComplaints = lines.filter((line) => /^ {2}#\d/.test(line));
    expect(ofComplaints).toHaveLength(4); // #2 to assign and overdue
    for (const line of ofComplaints) {
      expect(columnsOfLine(line)).toBeLessThanOrEqual(80);
      expect(line).toContain('汤太咸了');
      expect(line).not.toContain('还要我们退钱');
    }
  });

  it('gives the description the room of a wider terminal', async () => {
    const { screen } = await atTheTill(book, []).finished();
    const triage = screen.split('\n').find((line) => line.startsWith('  #1 '))!;
    const piped = book.ok([]).split('\n').find((line) => line.startsWith('  #1 '))!;
    expect(columnsOfLine(triage)).toBeLessThanOrEqual(120);
    expect(triage.length).toBeGreaterThan(piped.length);
  });
});
