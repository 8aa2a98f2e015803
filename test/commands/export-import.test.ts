import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../support/export-columns.js';
import { runComparing, tempLogbook, type Logbook } from '../support/in-process.js';

const NOW = '2026-11-23T10:00:00.000Z';

/** A logbook holding one complaint, to import into and compare before and after. */
async function oneComplaintLogbook(): Promise<Logbook> {
  const book = tempLogbook(NOW);
  await book.ok(['log', 'bread was stale', '--at', '2026-11-22 08:00']);
  return book;
}

describe('import', () => {
  it.each([
    ['resolved before it happened', `1,${NOW},2026-11-20T12:00:00Z,resolved,cold soup,refund,2026-11-17T12:00:00Z,`, 'resolved_at is before occurred_at'],
    ['that happens in 2099', `1,2099-01-01T00:00:00Z,2099-01-01T00:00:00Z,new,cold soup,,,`, 'logged_at 2099-01-01T00:00:00.000Z is in the future'],
    ['new, with a remedy and a satisfaction', `1,${NOW},${NOW},new,cold soup,refund,,5`, 'satisfaction is given but followed_up_at is empty'],
    ['closed, with nothing filled in', `1,${NOW},${NOW},closed,cold soup,,,`, 'status is closed but resolved_at is empty; a closed complaint was resolved'],
  ])('refuses a complaint %s, as no command could make it, naming the line and the rule, and imports nothing', async (_, row, rule) => {
    const target = await oneComplaintLogbook();
    const file = join(target.dir, 'impossible.csv');
    writeFileSync(file, ['id,logged_at,occurred_at,status,description,remedy,resolved_at,satisfaction', `2,${NOW},${NOW},new,fine,,,`, row.replace(/^1,/, '3,'), ''].join('\r\n'));
    expect(await runComparing(target, ['import', file])).toMatchObject({
      code: 2,
      unchanged: true,
      stderr: `complaints: line 3: ${rule}; nothing was imported from ${file}\n`,
    });
  });
});

describe('import refuses a bad file with the line and the reason, and changes nothing', () => {
  const header = 'id,logged_at,occurred_at,status,description,channel,cost,satisfaction';
  const good = (id: number) => `${id},${NOW},${NOW},new,fine,phone,,`;

  it.each<[string, string | Buffer, string]>([
    ['an unclosed quote', [header, good(1), `2,${NOW},${NOW},new,"never closed,phone,,`, good(3)].join('\r\n'), 'line 3: a quoted cell is never closed (a " is missing)'],
    ['a stray quote inside a cell', [header, `1,${NOW},${NOW},new,say "hi",phone,,`].join('\r\n'), 'line 2: a " in the middle of a cell; put the cell in quotes and double each " inside it'],
    ['a row with an extra cell', [header, good(1), `${good(2)},extra`].join('\n'), 'line 3: the row has a different number of cells from the header (a stray comma, or a cell with a comma not in quotes?)'],
    ['an unknown column', `${header},colour\r\n${good(1)},red\r\n`, "line 1: 'colour' is not a column of complaints; the columns are " + COLUMNS.join(', ')],
    // Pasted from a web page, the name looks right; the refusal shows what else it holds.
    ['a column name holding a zero-width space', `${header},\u200bcolour\r\n${good(1)},red\r\n`, "line 1: '\\u200bcolour' is not a column of complaints; the columns are " + COLUMNS.join(', ')],
    ['a column name holding a zero-width joiner', `${header},colour\u200d\r\n${good(1)},red\r\n`, "line 1: 'colour\\u200d' is not a column of complaints; the columns are " + COLUMNS.join(', ')],
    ['a missing required column', 'id,logged_at,occurred_at,status\r\n1,x,y,new\r\n', 'line 1: the header lacks description; every file needs id, logged_at, occurred_at, status, description'],
    ['a channel no list could hold', [header, good(1), good(2), `3,${NOW},${NOW},new,fine,"fax, post",,`].join('\r\n'), "line 4: channel: 'fax, post' is not one of in-person, phone, email, web, social, other"],
    ['an unknown status', [header, `1,${NOW},${NOW},open,fine,,,`].join('\r\n'), "line 2: status: 'open' is not one of new, triaged, assigned, resolved, closed, rejected, withdrawn"],
    ['a date that does not exist', [header, good(1), `2,${NOW},2026-02-30,new,fine,,,`].join('\r\n'), "line 3: occurred_at: '2026-02-30' is not a date and time; use ISO 8601 such as 2026-11-23T10:00:00.000Z or 2026/11/23 10:00 (local time when no zone is given)"],
    ['a negative cost', [header, `1,${NOW},${NOW},new,fine,,-2,`].join('\r\n'), "line 2: cost: '-2' is not an amount; use a number such as 12.50 (or ¥12.50, 12.50元, 12块5, 一百五, 1.5万; not negative)"],
    ['a satisfaction of 0', [header, `1,${NOW},${NOW},new,fine,,,0`].join('\r\n'), "line 2: satisfaction: '0' is not a satisfaction from 1 (very unhappy) to 5 (very happy); 5星, 4分 and 满意 are read too"],
    ['an empty description', [header, `1,${NOW},${NOW},new,,,,`].join('\r\n'), 'line 2: description is empty; every complaint needs one'],
    [
      'a phone number a spreadsheet shortened',
      ['id,logged_at,occurred_at,status,description,contact', `1,${NOW},${NOW},new,fine,13800138000`, `2,${NOW},${NOW},new,fine,8.61381E+12`].join('\r\n'),
      "line 3: contact: '8.61381E+12' is a number a spreadsheet shortened, its last digits lost; import the file as it was exported, or give the contact in full",
    ],
    ['an id used twice', [header, good(7), good(8), good(7)].join('\r\n'), 'line 4: id 7 is also on line 2; each complaint must have its own id'],
    ['a bad row after a cell with line breaks and a blank line', [header, `1,${NOW},${NOW},new,"two\r\nlines",,,`, '', good(0)].join('\r\n'), "line 5: id: '0' is not a complaint id; ids are whole numbers from 1"],
    ['a NUL byte', Buffer.concat([Buffer.from(`${header}\r\n${good(1)}\r\n2,`), Buffer.from([0]), Buffer.from('\r\n')]), 'line 3: the file holds a NUL byte, so it is not UTF-8 text (UTF-16, or not a CSV file?); save it as CSV UTF-8'],
    ['text that is not UTF-8', Buffer.concat([Buffer.from(`${header}\r\n${good(1)}\r\n2,${NOW},${NOW},new,caf`), Buffer.from([0xe9]), Buffer.from(',,,\r\n')]), "line 3: the text is not UTF-8 (saved in another encoding?); save the file as CSV UTF-8, or import a Chinese Excel's CSV with --encoding gbk"],
    ['UTF-16 text', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\r\n${good(1)}\r\n`, 'utf16le')]), 'line 1: the file holds a NUL byte, so it is not UTF-8 text (UTF-16, or not a CSV file?); save it as CSV UTF-8'],
    ['an empty file', '', 'the file is empty; it needs a header row naming the columns, such as id,logged_at,occurred_at,status,description'],
  ])('refuses %s with exit 2', async (_, contents, reason) => {
    const target = await oneComplaintLogbook();
    const file = join(target.dir, 'bad.csv');
    writeFileSync(file, contents);
    const result = await runComparing(target, ['import', file]);
    expect(result.stderr).toBe(`complaints: ${reason}; nothing was imported from ${file}\n`);
    expect(result).toMatchObject({ code: 2, stdout: '', unchanged: true });
  });

  it('refuses a file it cannot read with exit 1', async () => {
    const target = await oneComplaintLogbook();
    const result = await runComparing(target, ['import', join(target.dir, 'missing.csv')]);
    expect(result).toMatchObject({ code: 1, unchanged: true });
    expect(result.stderr).toBe(`complaints: cannot read ${join(target.dir, 'missing.csv')} (no such file or folder); check the name and that it is a file\n`);
  });
});
