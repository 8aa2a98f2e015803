import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runComparing, tempLogbook, type Logbook } from '../support/in-process.js';

const NOW = '2026-11-23T10:00:00.000Z';

async function idsListed(book: Logbook, filter: string[]): Promise<number[]> {
  return (JSON.parse(await book.ok(['list', ...filter, '--json'])) as Array<{ id: number }>).map((complaint) => complaint.id);
}

/** The ids export writes, in its order (by id); the header row left out. */
async function idsExported(book: Logbook, filter: string[]): Promise<number[]> {
  const [header, ...rows] = (await book.ok(['export', ...filter])).trimEnd().split('\r\n');
  expect(header).toMatch(/^id,/);
  return rows.map((row) => Number(row.split(',')[0]));
}

describe('filtering by category and assignee, as the logbook spells them', () => {
  // Seeded once; the tests only read it.
  //   #1 pâtisserie, assigned to Élodie      #5 Pâtisserie (imported as spelt), assigned to Sam
  //   #2 pâtisserie, assigned to Élodie      #6 new: no category, not assigned
  //   #3 boulangerie, not assigned           #7 pâtisserie, assigned to élodie (imported as spelt)
  //   #4 boulangerie, assigned to ZOË
  const book = tempLogbook(NOW);

  beforeAll(async () => {
    await book.ok(['config', 'set', 'categories', 'pâtisserie,boulangerie']);
    await book.ok(['log', 'the éclair was stale', '--at', '2026-11-18']);
    await book.ok(['log', 'tart was burnt', '--at', '2026-11-19']);
    await book.ok(['log', 'no rye bread left', '--at', '2026-11-20']);
    await book.ok(['log', 'baguette too hard', '--at', '2026-11-21']);
    await book.ok(['triage', '1', '--category', 'Pâtisserie', '--cause', 'stale stock']);
    await book.ok(['triage', '2', '--category', 'pâtisserie', '--cause', 'oven too hot']);
    await book.ok(['triage', '3', '--category', 'boulangerie', '--cause', 'sold out']);
    await book.ok(['triage', '4', '--category', 'boulangerie', '--cause', 'stale stock']);
    // assign spells a person as the logbook already does; import keeps a name as written (#7), so
    // one person can be in the logbook under two spellings.
    await book.ok(['assign', '1', 'Élodie']);
    await book.ok(['assign', '2', 'élodie']);
    await book.ok(['assign', '4', 'ZOË']);
    const file = join(book.dir, 'more.csv');
    writeFileSync(
      file,
      [
        'id,logged_at,occurred_at,status,description,category,cause,assignee',
        `5,${NOW},2026-11-22T10:00:00.000Z,assigned,macaron was soft,Pâtisserie,stale stock,Sam`,
        `6,${NOW},2026-11-22T11:00:00.000Z,new,queue too long,,,`,
        `7,${NOW},2026-11-22T12:00:00.000Z,assigned,mille-feuille fell apart,pâtisserie,oven too hot,élodie`,
        '',
      ].join('\r\n'),
    );
    await book.ok(['import', file]);
  });

  it.each([
    { filter: ['--category', 'PÂTISSERIE'], ids: [1, 2, 5, 7] },
    { filter: ['--category', ' pÂtisserie '], ids: [1, 2, 5, 7] },
    { filter: ['--category', 'BOULANGERIE'], ids: [3, 4] },
    { filter: ['--assignee', 'ÉLODIE'], ids: [1, 2, 7] },
    { filter: ['--assignee', 'élodie'], ids: [1, 2, 7] },
    { filter: ['--assignee', 'zoë'], ids: [4] },
    // ë typed as e and a combining diaeresis, as some keyboards and pasted text give it.
    { filter: ['--assignee', 'Zoe\u0308'], ids: [4] },
    { filter: ['--assignee', 'SAM'], ids: [5] },
    { filter: ['--category', 'PÂTISSERIE', '--assignee', 'ÉLODIE'], ids: [1, 2, 7] },
    { filter: ['--category', 'BOULANGERIE', '--assignee', 'ÉLODIE'], ids: [] },
    // A list of several, as --status takes them.
    { filter: ['--category', 'boulangerie、PÂTISSERIE'], ids: [1, 2, 3, 4, 5, 7] },
    { filter: ['--assignee', 'sam, zoë'], ids: [4, 5] },
  ])('list and export $filter find the complaints filed under any spelling of it', async ({ filter, ids }) => {
    expect(await idsListed(book, filter)).toEqual([...ids].reverse());
    expect(await idsExported(book, filter)).toEqual(ids);
  });

  it('say of a value no complaint has that none has it, naming those in use, and list nothing', async () => {
    const listed = await book.run(['list', '--category', 'viennoiserie']);
    expect(listed).toEqual({
      code: 0,
      stdout: '',
      stderr: "note: no complaint has --category 'viennoiserie'; in use: boulangerie, pâtisserie\nNo complaints match.\n",
    });
    expect((await book.run(['export', '--till', 'nowhere'])).stderr).toMatch(/^note: no complaint has --till 'nowhere'; in use: /);
    expect((await book.run(['report', '--branch', 'North'])).stderr).toBe('note: no complaint has a --branch yet\n');
  });

  it('has assign spell a person as assigned before, whatever the capitals or the accent typed', async () => {
    const assignees: unknown[] = [];
    for (const id of [1, 2, 4, 7]) assignees.push(JSON.parse(await book.ok(['show', String(id), '--json'])).assignee);
    expect(assignees).toEqual(['Élodie', 'Élodie', 'ZOË', 'élodie']);
  });

  it.each([
    ['--category', 'viennoiserie'],
    ['--category', 'pâtisseries'],
    ['--assignee', 'Elodie'],
    ['--assignee', 'nobody'],
  ])('%s %s, spelt like nothing in use, finds nothing and is not an error', async (flag, value) => {
    expect(await book.run(['list', flag, value])).toEqual({ code: 0, stdout: '', stderr: expect.stringMatching(/^note: no complaint has .*\nNo complaints match\.\n$/) });
    expect(await book.run(['list', flag, value, '--json'])).toMatchObject({ code: 0, stdout: '[]\n' });
    expect(await idsExported(book, [flag, value])).toEqual([]);
  });
});

describe('filtering by channel', () => {
  // #1 美团/大众点评 (typed 美团 at logging), #2 phone, #3 美团/大众点评 (typed as listed), #4 no channel.
  const book = tempLogbook(NOW);

  beforeAll(async () => {
    await book.ok(['config', 'set', 'channels', '美团/大众点评,phone,饿了么/美团外卖']);
    await book.ok(['log', '外卖洒了', '--channel', '美团']);
    await book.ok(['log', 'cold soup', '--channel', 'PHONE']);
    await book.ok(['log', '少了一份米饭', '--channel', '美团/大众点评']);
    await book.ok(['log', 'no channel given']);
  });

  it.each([
    { filter: ['--channel', '美团'], ids: [1, 3] },
    { filter: ['--channel', '大众点评'], ids: [1, 3] },
    { filter: ['--channel', 'phone'], ids: [2] },
    { filter: ['--channel', '饿了么'], ids: [] },
  ])('list and export $filter find the complaints that came by it', async ({ filter, ids }) => {
    expect(await idsListed(book, filter)).toEqual([...ids].reverse());
    expect(await idsExported(book, filter)).toEqual(ids);
  });

  it('refuses an empty channel in one line', async () => {
    for (const command of ['list', 'export']) {
      expect(await runComparing(book, [command, '--channel', ' '])).toEqual({ code: 2, stdout: '', stderr: 'complaints: --channel cannot be empty\n', unchanged: true });
    }
  });

  it('refuses an empty customer in one line', async () => {
    for (const command of ['list', 'export']) {
      expect(await runComparing(book, [command, '--customer', ''])).toEqual({ code: 2, stdout: '', stderr: 'complaints: --customer cannot be empty\n', unchanged: true });
    }
  });
});
