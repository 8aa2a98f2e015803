import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EVERY_STATUS } from '../support/logbooks.js';
import { runComparing, tempLogbook, type Logbook } from './harness.js';

// The export columns of PRODUCT.md, in its order: every JSON record starts with exactly these.
const CONTRACT_COLUMNS = [
  'id', 'logged_at', 'occurred_at', 'status', 'channel', 'customer', 'contact', 'about', 'description', 'wants',
  'suggestion', 'category', 'cause', 'severity', 'assignee', 'respond_by', 'resolved_at', 'remedy', 'cost',
  'root_cause', 'action', 'followed_up_at', 'satisfaction',
];

// Every logbook's clock reads Monday 2026-11-23 10:00 in London (UTC+0 in November).
const NOW = '2026-11-23T10:00:00.000Z';

interface TimelineEntry {
  at: string;
  recorded_at: string;
  action: string;
  changes: Record<string, unknown>;
}

function showJson(book: Logbook, id: number): Record<string, unknown> & { timeline: TimelineEntry[] } {
  return JSON.parse(book.ok(['show', String(id), '--json']));
}

function listIds(book: Logbook, filters: string[]): number[] {
  return (JSON.parse(book.ok(['list', ...filters, '--json'])) as Array<{ id: number }>).map((r) => r.id);
}

function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

describe('log', () => {
  it('records every flag and prints the record in the contract shape with --json', () => {
    const book = tempLogbook();
    const result = book.run([
      'log', 'soup was cold', 'and salty',
      '--customer', ' Ann Lee ', '--contact', 'ann@example.com', '--channel', 'PHONE', '--about', 'tomato soup',
      '--wants', 'Refund', '--suggestion', 'check the kettle', '--staff', 'Jo', '--till', ' 前台 ', '--branch', '高街店',
      // A summer day: local 12:00 is 11:00 UTC.
      '--at', '2026-07-01 12:00', '--json',
    ]);
    expect(result.code).toBe(0);
    const record = JSON.parse(result.stdout);
    expect(Object.keys(record).slice(0, CONTRACT_COLUMNS.length)).toEqual(CONTRACT_COLUMNS);
    expect(record).toMatchObject({
      id: 1,
      logged_at: NOW,
      occurred_at: '2026-07-01T11:00:00.000Z',
      status: 'new',
      channel: 'phone',
      customer: 'Ann Lee',
      contact: 'ann@example.com',
      about: 'tomato soup',
      description: 'soup was cold and salty',
      wants: 'refund',
      suggestion: 'check the kettle',
      category: null,
      cause: null,
      severity: null,
      assignee: null,
      respond_by: '2026-07-02T11:00:00.000Z',
      resolved_at: null,
      remedy: null,
      cost: null,
      root_cause: null,
      action: null,
      followed_up_at: null,
      satisfaction: null,
      staff: 'Jo',
      till: '前台',
      branch: '高街店',
    });

    const { timeline, ...shown } = showJson(book, 1);
    expect(shown).toEqual(record);
    expect(timeline).toEqual([
      {
        at: '2026-07-01T11:00:00.000Z',
        recorded_at: NOW,
        action: 'logged',
        changes: {
          description: 'soup was cold and salty',
          customer: 'Ann Lee',
          contact: 'ann@example.com',
          channel: 'phone',
          about: 'tomato soup',
          wants: 'refund',
          suggestion: 'check the kettle',
          staff: 'Jo',
          till: '前台',
          branch: '高街店',
          respond_by: '2026-07-02T11:00:00.000Z',
        },
        undone: false,
      },
    ]);
  });
});

describe('a complaint carried from the till to closed', () => {
  it('triages, assigns, corrects, resolves, follows up, reopens, notes and closes, dating each step', () => {
    const book = tempLogbook();
    const step = (args: string[], stdout: string) => expect(book.ok(args)).toBe(stdout + '\n');

    expect(book.run(['log', 'soup was cold', '--customer', 'Ann Lee', '--at', '2026-11-23 09:00'])).toEqual({
      code: 0,
      stdout: 'Logged #1; respond by 2026-11-24 09:00.\n',
      // The first complaint makes the logbook, which is said, so that a mistyped --db is seen at once.
      stderr: `New logbook: ${book.db}\nnext: complaints triage 1 --category … --cause …\n`,
    });
    expect(book.run(['log', 'bread was stale', '--no-input']).stderr).toBe('next: complaints triage 2 --category … --cause …\n');
    book.ok(['undo', '--yes']);
    step(
      ['triage', '1', '--category', 'PRODUCT', '--cause', '  Cold   food ', '--severity', 'High', '--at', '2026-11-23 09:15'],
      'Triaged #1: product, cause "Cold food", high.',
    );
    step(
      ['assign', '#1', 'Sam Park', '--respond-by', '2026-11-23 16:00', '--note', 'call before noon', '--at', '2026-11-23 09:30'],
      'Assigned #1 to Sam Park; respond by 2026-11-23 16:00.',
    );
    step(['triage', '1', '--severity', 'critical', '--at', '2026-11-23 09:35'], 'Triaged #1: product, cause "Cold food", critical.');
    step(
      [
        'resolve', '1', '--remedy', 'Refund', '--cost', '4,50', '--root-cause', 'kettle thermostat',
        '--action', 'thermostat replaced', '--note', 'paid in cash', '--at', '2026-11-23 09:45',
      ],
      'Resolved #1 with refund costing 4.50.',
    );
    expect(book.run(['follow-up', '1', '--satisfaction', '2', '--note', 'still cross', '--at', '2026-11-23 09:50'])).toEqual({
      code: 0,
      stdout: 'Followed up #1: satisfaction 2/5; closed.\n',
      stderr: 'the customer is unhappy; to handle it again: complaints follow-up 1 --reopen\n',
    });
    step(
      ['follow-up', '1', '--reopen', '--note', 'wants the manager to call', '--at', '2026-11-23 09:55'],
      'Reopened #1; it is assigned to Sam Park again; respond by 2026-11-24 09:55.',
    );
    step(['note', '1', 'manager', 'called,', 'customer', 'happy'], 'Noted on #1.');
    step(['resolve', '1', '--remedy', 'apology'], 'Resolved #1 with apology.');
    step(['follow-up', '1', '--satisfaction', '5'], 'Followed up #1: satisfaction 5/5; closed.');

    const { timeline, ...record } = showJson(book, 1);
    expect(record).toMatchObject({
      status: 'closed',
      category: 'product',
      cause: 'Cold food',
      severity: 'critical',
      assignee: 'Sam Park',
      // Reopened, it was due an answer within the response target from the reopening.
      respond_by: '2026-11-24T09:55:00.000Z',
      remedy: 'apology',
      resolved_at: NOW,
      followed_up_at: NOW,
      satisfaction: 5,
    });
    expect(timeline.map((e) => [e.action, e.at])).toEqual([
      ['logged', '2026-11-23T09:00:00.000Z'],
      ['triaged', '2026-11-23T09:15:00.000Z'],
      ['assigned', '2026-11-23T09:30:00.000Z'],
      ['triaged', '2026-11-23T09:35:00.000Z'],
      ['resolved', '2026-11-23T09:45:00.000Z'],
      ['followed-up', '2026-11-23T09:50:00.000Z'],
      ['reopened', '2026-11-23T09:55:00.000Z'],
      ['noted', NOW],
      ['resolved', NOW],
      ['followed-up', NOW],
    ]);
    expect(timeline.every((e) => e.recorded_at === NOW)).toBe(true);
    expect(timeline[2]!.changes).toEqual({
      status: 'assigned',
      assignee: 'Sam Park',
      respond_by: '2026-11-23T16:00:00.000Z',
      note: 'call before noon',
    });
    // Correcting the classification of an assigned complaint leaves it assigned.
    expect(timeline[3]!.changes).toMatchObject({ status: 'assigned', severity: 'critical' });
    expect(timeline[4]!.changes).toEqual({
      status: 'resolved',
      resolved_at: '2026-11-23T09:45:00.000Z',
      remedy: 'refund',
      cost: 4.5,
      root_cause: 'kettle thermostat',
      action: 'thermostat replaced',
      note: 'paid in cash',
    });
    expect(timeline[6]!.changes).toMatchObject({
      status: 'assigned',
      resolved_at: null,
      respond_by: '2026-11-24T09:55:00.000Z',
      note: 'wants the manager to call',
    });
    expect(timeline[7]!.changes).toEqual({ note: 'manager called, customer happy' });
  });
});

describe('steps dated after the fact', () => {
  it('refuses a step dated before the step it follows, naming the earliest time allowed, and changes nothing', () => {
    const book = tempLogbook();
    book.ok(['log', 'soup was cold', '--at', '2026-11-23 09:00']);
    book.ok(['triage', '1', '--category', 'product', '--cause', 'cold food', '--at', '2026-11-23 09:40']);
    const refusals = [
      ['assign', '1', 'Sam', '--at', '2026-11-23 09:30'],
      ['resolve', '1', '--remedy', 'refund', '--at', '2026-11-23 09:10'],
      ['triage', '1', '--severity', 'high', '--at', '2026-11-23 09:05'],
    ];
    for (const args of refusals) {
      const result = runComparing(book, args);
      expect(result).toMatchObject({ code: 2, stdout: '', unchanged: true });
      expect(result.stderr).toBe(
        `complaints: --at: ${args.at(-1)} is before complaint #1 was triaged (2026-11-23 09:40); give 2026-11-23 09:40 or later\n`,
      );
    }
    book.ok(['assign', '1', 'Sam', '--at', '2026-11-23 09:40']);
    book.ok(['resolve', '1', '--remedy', 'refund', '--at', '2026-11-23 09:50']);
    expect(runComparing(book, ['follow-up', '1', '--satisfaction', '4', '--at', '2026-11-23 09:45'])).toMatchObject({
      code: 2,
      stderr: 'complaints: --at: 2026-11-23 09:45 is before complaint #1 was resolved (2026-11-23 09:50); give 2026-11-23 09:50 or later\n',
      unchanged: true,
    });
    expect(showJson(book, 1).timeline.map((e) => e.at)).toEqual([
      '2026-11-23T09:00:00.000Z',
      '2026-11-23T09:40:00.000Z',
      '2026-11-23T09:40:00.000Z',
      '2026-11-23T09:50:00.000Z',
    ]);
  });

  it('says a clock is wrong when a step taken now would come before the step it follows, in either language, and changes nothing', () => {
    const book = tempLogbook();
    // The front till logs at 09:19; the back office's clock says 09:16.
    book.ok(['log', 'soup was cold'], { env: { COMPLAINTS_NOW: '2026-11-23T09:19:00.000Z' } });
    const behind = { env: { COMPLAINTS_NOW: '2026-11-23T09:16:00.000Z' } };
    const steps = [
      ['triage', '1', '--category', 'product', '--cause', 'cold food'],
      ['assign', '1', 'Sam'],
      ['note', '1', 'called back'],
    ];
    for (const args of steps) {
      expect(runComparing(book, args, behind)).toMatchObject({
        code: 1,
        stdout: '',
        stderr:
          "complaints: this computer's clock says 2026-11-23 09:16, before complaint #1 happened (2026-11-23 09:19): a clock is wrong, " +
          'this one behind or the one that took that step ahead. Set it right, or wait until 2026-11-23 09:19, and try again\n',
        unchanged: true,
      });
    }
    expect(runComparing(book, steps[0]!, { env: { ...behind.env, LANG: 'zh_CN.UTF-8' } })).toMatchObject({
      code: 1,
      stderr:
        'complaints: 这台电脑的时钟显示 2026-11-23 09:16，早于投诉 #1 发生的时间（2026-11-23 09:19）：有电脑的时钟不准，这台慢了，' +
        '或记下那一步的电脑快了。请校准时钟，或等到 2026-11-23 09:19 之后再试\n',
      unchanged: true,
    });
    // A time typed with --at is still the one to change.
    expect(runComparing(book, [...steps[1]!, '--at', '2026-11-23 09:10'], behind)).toMatchObject({
      code: 2,
      stderr: 'complaints: --at: 2026-11-23 09:10 is before complaint #1 happened (2026-11-23 09:19); give 2026-11-23 09:19 or later\n',
      unchanged: true,
    });
    book.ok(steps[0]!, { env: { COMPLAINTS_NOW: '2026-11-23T09:19:30.000Z' } });
  });

  it('counts a respond-by of +4h or tomorrow from the step, not from when it is entered', () => {
    const book = tempLogbook();
    book.ok(['log', 'soup was cold', '--at', '2026-11-16 12:00']);
    book.ok(['triage', '1', '--category', 'product', '--cause', 'cold food', '--respond-by', 'tomorrow', '--at', '2026-11-16 12:30']);
    expect(showJson(book, 1).respond_by).toBe('2026-11-17T23:59:59.999Z');
    expect(book.ok(['assign', '1', 'Sam', '--respond-by', '+4h', '--at', '2026-11-16 13:00'])).toBe('Assigned #1 to Sam; respond by 2026-11-16 17:00.\n');
  });

  it('takes a note dated between earlier steps', () => {
    const book = tempLogbook();
    book.ok(['log', 'soup was cold', '--at', '2026-11-23 09:00']);
    book.ok(['resolve', '1', '--remedy', 'apology', '--at', '2026-11-23 09:30']);
    book.ok(['note', '1', 'called her first', '--at', '2026-11-23 09:10']);
    expect(showJson(book, 1).timeline.map((e) => e.action)).toEqual(['logged', 'noted', 'resolved']);
  });
});

describe('a respond-by moved after it had passed', () => {
  const withinTarget = (book: Logbook) => JSON.parse(book.ok(['report', '--week', '2026-W47', '--format', 'json'])).summary.withinResponseTarget;

  function lateThenMoved(): Logbook {
    const book = tempLogbook();
    book.ok(['log', 'delivery was late', '--at', '2026-11-16 12:00']);
    book.ok(['triage', '1', '--category', 'delivery', '--cause', 'late van', '--at', '2026-11-16 12:30']);
    // Due 2026-11-17 12:00; three days late it is given to Sam with four hours more.
    expect(book.run(['assign', '1', 'Sam', '--respond-by', '+4h', '--at', '2026-11-20 10:00']).stderr).toContain(
      'note: #1 missed its respond-by of 2026-11-17 12:00; the new one does not make it answered in time in the report\n',
    );
    book.ok(['resolve', '1', '--remedy', 'refund', '--at', '2026-11-20 11:00']);
    return book;
  }

  it('is refused once the complaint is answered, which a new deadline would count answered in time', () => {
    const book = tempLogbook();
    book.ok(['log', 'delivery was late', '--at', '2026-11-16 12:00']);
    book.ok(['triage', '1', '--category', 'delivery', '--cause', 'late van', '--at', '2026-11-16 12:30']);
    book.ok(['resolve', '1', '--remedy', 'refund', '--at', '2026-11-20 11:00']);
    expect(withinTarget(book)).toBe(0);
    const refused = runComparing(book, ['triage', '1', '--category', 'delivery', '--cause', 'late van', '--respond-by', '2026-11-30']);
    expect(refused).toMatchObject({ code: 1, stdout: '', unchanged: true });
    expect(refused.stderr).toBe("complaints: #1 was resolved 2026-11-20 11:00: a respond-by is for a complaint still to answer (to reopen it: complaints follow-up 1 --reopen)\n");
    expect(withinTarget(book)).toBe(0);
  });

  it('keeps the deadline missed, so the complaint does not count as answered in time, on show and in the export', () => {
    const book = lateThenMoved();
    expect(showJson(book, 1)).toMatchObject({ respond_by: '2026-11-20T14:00:00.000Z', missed_respond_by: '2026-11-17T12:00:00.000Z' });
    expect(book.ok(['show', '1'])).toMatch(/^deadline missed +2026-11-17 12:00$/m);
    expect(withinTarget(book)).toBe(0);
    expect(book.ok(['export']).split('\r\n')[1]).toContain(',2026-11-17T12:00:00.000Z,');
    expect(book.ok(['show', '1'])).toMatch(/assigned — .*deadline missed: 2026-11-17 12:00/);
  });

  it('counts the complaint late while it waits for the new deadline, as it was late before', () => {
    const book = tempLogbook();
    book.ok(['log', 'soup was cold', '--at', '2026-11-16 11:00']);
    book.ok(['resolve', '1', '--remedy', 'apology', '--at', '2026-11-16 12:00']);
    book.ok(['log', 'delivery was late', '--at', '2026-11-16 12:00']);
    // Due 2026-11-17 12:00, missed; given a deadline to come.
    book.ok(['assign', '2', 'Sam', '--respond-by', '2026-11-30 12:00', '--at', '2026-11-20 10:00']);
    expect(withinTarget(book)).toBe(0.5);
  });

  it('is not missed when moved before it passed, and counts in time when answered by the new one', () => {
    const book = tempLogbook();
    book.ok(['log', 'delivery was late', '--at', '2026-11-16 12:00']);
    book.ok(['assign', '1', 'Sam', '--respond-by', '2026-11-18 12:00', '--at', '2026-11-17 09:00']);
    book.ok(['resolve', '1', '--remedy', 'refund', '--at', '2026-11-18 11:00']);
    expect(showJson(book, 1)).toMatchObject({ missed_respond_by: null });
    expect(withinTarget(book)).toBe(1);
  });

  it('is forgotten again when the assignment that moved it is undone, and by a reopening, a new round', () => {
    const book = lateThenMoved();
    book.ok(['undo', '1', '--yes']);
    book.ok(['undo', '1', '--yes']);
    expect(showJson(book, 1)).toMatchObject({ status: 'triaged', respond_by: '2026-11-17T12:00:00.000Z', missed_respond_by: null });

    const reopened = lateThenMoved();
    reopened.ok(['follow-up', '1', '--reopen', '--at', '2026-11-21 09:00']);
    expect(showJson(reopened, 1)).toMatchObject({ missed_respond_by: null, respond_by: '2026-11-22T09:00:00.000Z' });
  });
});

describe('reopening', () => {
  it('sends a complaint nobody was assigned back to be triaged, due an answer from the reopening, not overdue at once', () => {
    const book = tempLogbook();
    book.ok(['log', 'soup was cold', '--at', '2026-11-20 09:00']);
    book.ok(['resolve', '1', '--remedy', 'refund', '--at', '2026-11-20 10:00']);
    expect(book.run(['follow-up', '1', '--reopen', '--at', '2026-11-23 09:00'])).toEqual({
      code: 0,
      stdout: 'Reopened #1; nobody is assigned to it; respond by 2026-11-24 09:00.\n',
      stderr: 'next: complaints triage 1 --category … --cause …\n',
    });
    expect(showJson(book, 1)).toMatchObject({ status: 'new', assignee: null, respond_by: '2026-11-24T09:00:00.000Z', resolved_at: null });
    expect(listIds(book, ['--overdue'])).toEqual([]);
  });

  it('sends a triaged complaint nobody holds back to be assigned', () => {
    const book = tempLogbook();
    book.ok(['log', 'soup was cold', '--at', '2026-11-20 09:00']);
    book.ok(['triage', '1', '--category', 'product', '--cause', 'cold food', '--at', '2026-11-20 09:30']);
    book.ok(['resolve', '1', '--remedy', 'refund', '--at', '2026-11-20 10:00']);
    book.ok(['follow-up', '1', '--satisfaction', '1', '--at', '2026-11-22 10:00']);
    const result = book.run(['follow-up', '1', '--reopen']);
    expect(result.stderr).toBe('next: complaints assign 1 <person>\n');
    expect(showJson(book, 1)).toMatchObject({ status: 'triaged', respond_by: '2026-11-24T10:00:00.000Z' });
  });
});

describe('a score given before a reopening', () => {
  it('is shown as the word on the remedy before once the complaint is resolved again, until it is followed up anew', () => {
    const book = tempLogbook();
    book.ok(['log', 'soup was cold', '--at', '2026-11-20 09:00']);
    book.ok(['resolve', '1', '--remedy', 'apology', '--at', '2026-11-20 10:00']);
    book.ok(['follow-up', '1', '--satisfaction', '2', '--reopen', '--at', '2026-11-21 10:00']);
    const shownLines = () => book.ok(['show', '1']).split('\n').filter((line) => /^(followed up|satisfaction) /.test(line)).map((line) => line.replace(/ {2,}/, ': '));
    expect(shownLines()).toEqual(['followed up: 2026-11-21 10:00', 'satisfaction: 2/5']);
    // Resolved again in the minute of the reopening, too.
    book.ok(['resolve', '1', '--remedy', 'refund', '--at', '2026-11-21 10:00']);
    expect(shownLines()).toEqual(['followed up: 2026-11-21 10:00 (before it was resolved again)', 'satisfaction: 2/5 (before it was resolved again)']);
    book.ok(['follow-up', '1', '--satisfaction', '5', '--at', '2026-11-22 10:00']);
    expect(shownLines()).toEqual(['followed up: 2026-11-22 10:00', 'satisfaction: 5/5']);
  });

  it('counts in the report the same whether the reopening was typed with it or after it', () => {
    const book = tempLogbook();
    for (const id of ['1', '2']) {
      book.ok(['log', `soup was cold ${id}`, '--at', '2026-11-20 09:00']);
      book.ok(['resolve', id, '--remedy', 'refund', '--at', '2026-11-20 10:00']);
    }
    book.ok(['follow-up', '1', '--satisfaction', '1', '--reopen', '--at', '2026-11-22 10:00']);
    book.ok(['follow-up', '2', '--satisfaction', '1', '--at', '2026-11-22 10:00']);
    book.ok(['follow-up', '2', '--reopen', '--at', '2026-11-22 10:05']);
    expect([showJson(book, 1).satisfaction, showJson(book, 2).satisfaction]).toEqual([1, 1]);
    const { summary } = JSON.parse(book.ok(['report', '--week', '2026-W47', '--format', 'json']));
    expect(summary).toMatchObject({ followedUp: 2, averageSatisfaction: 1 });
  });
});

describe('a score a later follow-up takes the place of', () => {
  it('still counts in the report, goes through export and import, and leaves again when that follow-up is undone', () => {
    const book = tempLogbook();
    book.ok(['log', '汤是凉的', '--at', '2026-11-20 09:00']);
    book.ok(['resolve', '1', '--remedy', '道歉', '--at', '2026-11-20 10:00']);
    book.ok(['follow-up', '1', '--satisfaction', '2', '--reopen', '--at', '2026-11-21 10:00']);
    book.ok(['resolve', '1', '--remedy', '退款', '--cost', '10', '--at', '2026-11-21 12:00']);
    book.ok(['follow-up', '1', '--satisfaction', '5', '--at', '2026-11-22 10:00']);
    const average = (logbook: Logbook) => JSON.parse(logbook.ok(['report', '--week', '2026-W47', '--format', 'json'])).summary.averageSatisfaction as number | null;
    expect(average(book)).toBe(3.5);
    expect(book.ok(['show', '1'])).toMatch(/^satisfaction {2,}5\/5\nearlier scores {2,}2\/5$/m);
    expect(showJson(book, 1)).toMatchObject({ satisfaction: 5, earlier_satisfaction: [2] });

    const exported = book.ok(['export']);
    const moved = tempLogbook();
    moved.ok(['import', '-'], { input: exported });
    expect(moved.ok(['export'])).toBe(exported);
    expect(average(moved)).toBe(3.5);

    // Reopened once more at 1/5: both scores before are kept, listed as a Chinese list is.
    book.ok(['follow-up', '1', '--satisfaction', '1', '--reopen', '--at', '2026-11-22 12:00']);
    expect(book.ok(['show', '1'], { env: { LANG: 'zh_CN.UTF-8' } })).toMatch(/^之前的满意度 +2\/5、5\/5$/m);
    expect(average(book)).toBe(2.67);

    book.ok(['undo', '--yes']);
    book.ok(['undo', '--yes']);
    expect(showJson(book, 1)).toMatchObject({ status: 'resolved', satisfaction: 2, earlier_satisfaction: [] });
    expect(average(book)).toBe(2);
    expect(book.ok(['check'])).toMatch(/^ok: /);
  });
});

describe('hints after a step follow from where the complaint stands', () => {
  it('suggests following up, not assigning, after correcting the classification of a resolved complaint', () => {
    const book = tempLogbook();
    book.ok(['log', 'soup was cold']);
    book.ok(['resolve', '1', '--remedy', 'apology']);
    expect(book.run(['triage', '1', '--category', 'product', '--cause', 'cold food'])).toMatchObject({
      code: 0,
      stderr: 'next: follow up with the customer in a few days: complaints follow-up 1 --satisfaction 1-5\n',
    });
  });

  it('suggests resolving after correcting the classification of an assigned complaint, and nothing after closing', () => {
    const book = tempLogbook();
    book.ok(['log', 'soup was cold']);
    book.ok(['assign', '1', 'Sam']);
    expect(book.run(['triage', '1', '--category', 'product', '--cause', 'cold food']).stderr).toBe('next: complaints resolve 1 --remedy …\n');
    book.ok(['resolve', '1', '--remedy', 'apology']);
    expect(book.run(['follow-up', '1', '--satisfaction', '5']).stderr).toBe('');
  });

  it('says a complaint answered in a week gone by and judged again now counts so in that week\'s report', () => {
    // The clock is at 10:00 on Monday 23 November 2026; #1 happened the week before.
    const book = tempLogbook();
    book.ok(['log', 'hair in the soup', '--at', '2026-11-18 12:00']);
    book.ok(['triage', '1', '--category', 'product', '--cause', 'hygiene', '--at', '2026-11-18 12:30']);
    book.ok(['resolve', '1', '--remedy', 'apology', '--at', '2026-11-18 13:00']);
    const again = book.run(['triage', '1', '--category', 'premises', '--cause', 'hair']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^note: #1 is resolved; the report of 2026-W47, the week it happened in, now counts it as judged here\n/);
    // Judged the same, the report is as it was.
    expect(book.run(['triage', '1', '--category', 'premises', '--cause', 'hair']).stderr).not.toMatch(/^note:/);
    // Of this week, the report under way changes as any step changes it.
    book.ok(['log', 'slow service', '--at', '2026-11-23 09:00']);
    book.ok(['triage', '2', '--category', 'service', '--cause', 'slow']);
    book.ok(['resolve', '2', '--remedy', 'apology']);
    expect(book.run(['triage', '2', '--category', 'service', '--cause', 'rude']).stderr).not.toMatch(/^note:/);
  });

  it('says a respond-by given with assign or triage has passed already, and not of one to come', () => {
    // The clock is at 10:00 on 23 November 2026, London time.
    const book = tempLogbook();
    book.ok(['log', 'soup was cold', '--at', '2026-11-23 08:00']);
    expect(book.run(['assign', '1', 'Sam', '--respond-by', '2026-11-23 09:30']).stderr).toBe(
      'note: #1 is overdue already: the time to respond by, 2026-11-23 09:30, has passed\nnext: complaints resolve 1 --remedy …\n',
    );
    expect(book.run(['triage', '1', '--category', 'product', '--cause', 'cold food', '--respond-by', '2026-11-23 09:45']).stderr).toMatch(/^note: #1 is overdue already/);
    // Not overdue with one to come; but the respond-by it had passed, and stays missed.
    expect(book.run(['assign', '1', 'Sam', '--respond-by', '2026-11-23 17:00']).stderr).toBe(
      'note: #1 missed its respond-by of 2026-11-23 09:30; the new one does not make it answered in time in the report\nnext: complaints resolve 1 --remedy …\n',
    );
  });

  it('says so when a complaint logged after the fact is due an answer already, and not when it is not', () => {
    // The clock is at 10:00 on 23 November 2026; a complaint is to be answered within 24 hours.
    const book = tempLogbook();
    book.ok(['log', 'a first complaint makes the logbook']);
    expect(book.run(['log', 'soup was cold', '--at', '2026-11-21 08:00'])).toMatchObject({
      code: 0,
      stdout: 'Logged #2; respond by 2026-11-22 08:00.\n',
      stderr: 'note: #2 is overdue already: the time to respond by, 2026-11-22 08:00, has passed\nnext: complaints triage 2 --category … --cause …\n',
    });
    expect(book.run(['log', 'tea was cold', '--at', '2 hours ago']).stderr).toBe('next: complaints triage 3 --category … --cause …\n');
  });

  it('tells whoever is assigned a complaint whose respond-by has passed, given or not', () => {
    const book = tempLogbook();
    book.ok(['log', 'soup was cold', '--at', '2026-11-21 08:00']);
    expect(book.run(['assign', '1', 'Sam']).stderr).toBe(
      'note: #1 is overdue already: the time to respond by, 2026-11-22 08:00, has passed\nnext: complaints resolve 1 --remedy …\n',
    );
  });
});

describe('triage', () => {
  it('rejects a complaint with a reason, and upholds it later under the first spelling of its cause', () => {
    const book = tempLogbook();
    book.ok(['log', 'the price went up']);
    book.ok(['triage', '1', '--category', 'price', '--cause', 'Price rise']);
    book.ok(['log', 'bought it elsewhere', '--customer', 'Al']);

    expect(book.ok(['triage', '2', '--reject', '--reason', 'bought at another shop'])).toBe('Rejected #2.\n');
    expect(showJson(book, 2)).toMatchObject({ status: 'rejected', reject_reason: 'bought at another shop', cause: null });

    expect(book.ok(['triage', '2', '--category', 'price', '--cause', '  PRICE   rise ', '--respond-by', '+2d'])).toBe(
      'Triaged #2: price, cause "Price rise", medium. Respond by 2026-11-25 10:00.\n',
    );
    const { timeline, ...record } = showJson(book, 2);
    expect(record).toMatchObject({
      status: 'triaged',
      category: 'price',
      cause: 'Price rise',
      severity: 'medium',
      reject_reason: null,
      respond_by: '2026-11-25T10:00:00.000Z',
    });
    expect(timeline.map((e) => e.action)).toEqual(['logged', 'rejected', 'triaged']);
  });

  it('does not suggest assigning a complaint it has just rejected', () => {
    const book = tempLogbook();
    book.ok(['log', 'bought it elsewhere']);
    const result = book.run(['triage', '1', '--reject', '--reason', 'bought at another shop']);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('complaints assign');
  });
});

describe('config', () => {
  it('lists the defaults, changes settings, and the commands follow the new settings', () => {
    const book = tempLogbook();
    expect(book.ok(['config', 'set', 'response-hours', '48'])).toBe('response-hours = 48\n');
    const listed = Object.fromEntries(
      book
        .ok(['config'])
        .trimEnd()
        .split('\n')
        .map((line) => /^(\S+)\s*(.*)$/.exec(line)!.slice(1, 3)),
    );
    expect(listed).toEqual({
      shop: 'My shop',
      currency: '',
      'response-hours': '48',
      'follow-up-days': '3',
      'week-start': 'monday',
      categories: 'product,service,staff,price,delivery,premises,other',
      channels: 'in-person,phone,email,web,social,other',
      'approval-above': 'none',
      till: `${hostname()} (this computer's name)`,
      branch: '(none)',
      language: 'en (from the locale)',
    });

    expect(book.ok(['config', 'get', 'response-hours'])).toBe('48\n');
    // A direction override would reorder the line it is printed on: shown by its code.
    expect(book.ok(['config', 'set', 'shop', '\u202eCorner'])).toBe('shop = \\u202eCorner\n');
    expect(book.ok(['config', 'get', 'shop'])).toBe('\\u202eCorner\n');
    expect(book.ok(['config', 'set', 'shop', '  Corner Café '])).toBe('shop = Corner Café\n');
    expect(book.ok(['config', 'set', 'categories', 'food, Drink ,service'])).toBe('categories = food,drink,service\n');

    expect(JSON.parse(book.ok(['log', 'flat cola', '--json'])).respond_by).toBe('2026-11-25T10:00:00.000Z');
    expect(book.ok(['triage', '1', '--category', 'DRINK', '--cause', 'flat cola'])).toBe(
      'Triaged #1: drink, cause "flat cola", medium.\n',
    );
    expect(book.ok([]).split('\n')[0]).toBe('Corner Café — Mon 23 Nov 2026, 10:00');
  });
});

describe('the desk of a logbook with long numbers', () => {
  it('starts every description at one column, the numbers padded to the longest', () => {
    const book = tempLogbook();
    book.ok(['log', 'soup was cold', '--no-input']);
    const file = join(book.dir, 'moved.csv');
    writeFileSync(file, `id,logged_at,occurred_at,status,description\r\n1234567,${NOW},${NOW},new,chips were soggy\r\n`);
    book.ok(['import', file]);
    const lines = book.ok([]).split('\n').filter((line) => line.startsWith('  #'));
    expect(lines.map((line) => line.replace(/ (soup|chips).*/, ''))).toEqual(['  #1      ', '  #1234567']);
  });
});

describe('the desk on an empty logbook', () => {
  it('says nothing is waiting and how to log a complaint', () => {
    const book = tempLogbook();
    book.ok(['config', 'set', 'shop', 'Corner Café']);
    expect(book.run([])).toEqual({
      code: 0,
      stdout: "Corner Café — Mon 23 Nov 2026, 10:00\n\nNothing waiting. Log a complaint with 'complaints log'.\n",
      stderr: '',
    });
  });
});

describe('follow-ups due with no one to call', () => {
  // Seeded once; the tests read it, but the last, which closes #3.
  //   #1 Ann Lee, 07700 900123   #2 only a contact          #3 neither
  //   #4 Bo Chen, later forgotten (name and contact erased)  #5 neither, resolved too lately to be due
  // All resolved on 11-16, #5 on 11-22; with three follow-up days, due from the start of 11-21.
  const book = tempLogbook();
  const idsIn = (table: string) => table.split('\n').slice(1).map((row) => row.split(' ')[0]);

  beforeAll(() => {
    book.ok(['log', 'soup was cold', '--customer', 'Ann Lee', '--contact', '07700 900123', '--at', '2026-11-16 09:00']);
    book.ok(['log', '汤太凉了', '--contact', '138 0013 8000', '--at', '2026-11-16 09:10']);
    book.ok(['log', 'note left on the counter: rude staff', '--at', '2026-11-16 09:20']);
    book.ok(['log', 'waited an hour', '--customer', 'Bo Chen', '--contact', 'bo@example.com', '--at', '2026-11-16 09:30']);
    book.ok(['log', 'card left on a table: 菜太咸', '--at', '2026-11-22 09:00']);
    for (const id of ['1', '2', '3', '4']) book.ok(['resolve', id, '--remedy', 'apology', '--at', '2026-11-16 12:00']);
    book.ok(['resolve', '5', '--remedy', 'apology', '--at', '2026-11-22 12:00']);
    book.ok(['forget', 'Bo Chen', '--yes']);
  }, 60_000);

  it('lists those with no customer or contact recorded apart, under their own heading', () => {
    const result = book.run(['follow-up']);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: 'next: complaints follow-up <id> --satisfaction 1-5\n' });
    const [toCall, noContact] = result.stdout.trimEnd().split('\n\n');
    expect(idsIn(toCall!)).toEqual(['#1', '#2']);
    // A list to call from: when each was resolved, whom on what number, and what they were given.
    const [columns, first] = toCall!.split('\n');
    expect(columns!.split(/\s{2,}/)).toEqual(['id', 'resolved', 'customer', 'contact', 'about', 'remedy', 'complaint']);
    expect(first).toMatch(/^#1 +2026-11-16 12:00 +Ann Lee +07700 900123 +.* apology +/);
    const [heading, tableHead, ...table] = noContact!.split('\n');
    expect(heading).toBe('No contact recorded');
    expect(tableHead!.split(/\s{2,}/)).toEqual(['id', 'resolved', 'customer', 'about', 'remedy', 'complaint']);
    expect(table.map((row) => row.split(' ')[0])).toEqual(['#3', '#4']);
  });

  it('tells the desk whom to call for each follow-up it shows, and only counts those with no one to call', () => {
    const [, followUps, noContact, ...rest] = book.ok([]).trimEnd().split('\n\n');
    expect(followUps!.split('\n')).toEqual([
      '2 follow-ups due  complaints follow-up <id> --satisfaction 1-5',
      '  #1     resolved 7 days ago, call Ann Lee on 07700 900123',
      '  #2     resolved 7 days ago, call 138 0013 8000',
    ]);
    expect(noContact).toBe('2 follow-ups due with no contact recorded  complaints follow-up');
    expect(rest).toEqual([]);
  });

  it('still closes one with no contact recorded, which then leaves the list and the desk', () => {
    expect(book.ok(['follow-up', '3', '--satisfaction', '3', '--note', 'owner met them in the shop'])).toBe(
      'Followed up #3: satisfaction 3/5; closed.\n',
    );
    const [, noContact] = book.ok(['follow-up']).trimEnd().split('\n\n');
    expect(noContact!.split('\n').slice(2).map((row) => row.split(' ')[0])).toEqual(['#4']);
    expect(book.ok([]).trimEnd().split('\n\n').at(-1)).toBe('1 follow-up due with no contact recorded  complaints follow-up');
  });

  it('lists only the heading and those under it when every follow-up due has no one to call', () => {
    const alone = tempLogbook();
    alone.ok(['log', 'card left on a table', '--at', '2026-11-16 09:00']);
    alone.ok(['resolve', '1', '--remedy', 'none', '--at', '2026-11-16 12:00']);
    const [heading, ...table] = alone.ok(['follow-up']).trimEnd().split('\n');
    expect(heading).toBe('No contact recorded');
    expect(idsIn(table.join('\n'))).toEqual(['#1']);
  });
});

describe('follow-ups due from complaints resolved in earlier months', () => {
  // The desk counts the months before the one its moment falls in as kept (on SQLite,
  // migrations/sqlite/0017), and that month from the complaints: each step that changes what
  // waits must move the count, and `check` finds what is kept to add up.
  //   #1 王芳, 高街店, resolved 09-06   #2 李雷, North, 09-21   #3 no one to call, 10-04
  //   #4 张伟, 高街店, 10-16            #5 赵敏, 11-09           #6 孙丽, 11-22: not yet due
  const book = tempLogbook();
  const counts = () => {
    const parts = book.ok([]).trimEnd().split('\n\n');
    const due = parts.find((part) => /^\d+ follow-ups? due  /.test(part));
    const noContact = parts.find((part) => / with no contact recorded /.test(part));
    return [Number(due?.split(' ')[0] ?? 0), Number(noContact?.split(' ')[0] ?? 0)];
  };
  const checked = () => expect(book.ok(['check'])).toMatch(/^ok: /);

  beforeAll(() => {
    const logged: string[][] = [
      ['汤是凉的', '--customer', '王芳', '--contact', '138 0013 8000', '--branch', '高街店', '--at', '2026-09-05 10:00'],
      ['上菜太慢', '--customer', '李雷', '--branch', 'North', '--at', '2026-09-20 12:00'],
      ['桌上留了纸条：服务员态度差', '--at', '2026-10-03 19:00'],
      ['等了一个小时', '--customer', '张伟', '--branch', '高街店', '--at', '2026-10-15 18:30'],
      ['菜太咸', '--customer', '赵敏', '--at', '2026-11-08 13:00'],
      ['找错钱了', '--customer', '孙丽', '--at', '2026-11-21 20:00'],
    ];
    for (const args of logged) book.ok(['log', ...args, '--no-input']);
    const resolved = ['2026-09-06 10:00', '2026-09-21 10:00', '2026-10-04 10:00', '2026-10-16 10:00', '2026-11-09 10:00', '2026-11-22 10:00'];
    resolved.forEach((at, i) => book.ok(['resolve', String(i + 1), '--remedy', 'apology', '--at', at]));
  }, 60_000);

  it('counts those of every earlier month with those of this one', () => {
    expect(counts()).toEqual([4, 1]);
    checked();
  });

  it('moves a forgotten customer to those with no one to call, and counts a branch on its own', () => {
    book.ok(['forget', '张伟', '--yes']);
    expect(counts()).toEqual([3, 2]);
    book.ok(['config', 'set', 'branch', '高街店']);
    expect(counts()).toEqual([1, 1]);
    book.ok(['config', 'set', 'branch', '']);
    checked();
  });

  it('stops counting one followed up, or whose resolution is undone', () => {
    book.ok(['follow-up', '2', '--satisfaction', '4']);
    expect(counts()).toEqual([2, 2]);
    book.ok(['undo', '1', '--yes']);
    expect(counts()).toEqual([1, 2]);
    checked();
  });

  it('counts one imported resolved, a file smaller than the logbook being written complaint by complaint', () => {
    const file = join(book.dir, '八月.csv');
    writeFileSync(
      file,
      'id,logged_at,occurred_at,status,description,customer,category,cause,resolved_at,remedy\r\n' +
        '1,2026-08-01T10:00:00.000Z,2026-08-01T10:00:00.000Z,resolved,包装破了,周杰,product,包装,2026-08-01T12:00:00.000Z,apology\r\n',
    );
    book.ok(['import', file, '--new-ids']);
    expect(counts()).toEqual([2, 2]);
    checked();
  });
});

describe('a logbook with a complaint in every status', () => {
  // Seeded once from EVERY_STATUS (support/logbooks.ts says what each complaint is); every test
  // below only reads it. The transitions it refuses are tested in-process (test/commands/).
  const book = tempLogbook();

  beforeAll(() => {
    for (const step of EVERY_STATUS) book.ok(step);
  }, 60_000);

  describe('list', () => {
    it.each([
      { filters: [], ids: [1, 6, 3, 2, 4, 5, 7] },
      { filters: ['--status', 'new'], ids: [1, 7] },
      { filters: ['--status', 'resolved,closed'], ids: [4, 5] },
      { filters: ['--status', 'REJECTED'], ids: [6] },
      { filters: ['--cause', 'WRONG SIZE'], ids: [4] },
      { filters: ['--category', 'product'], ids: [4, 5] },
      { filters: ['--assignee', 'SAM'], ids: [3, 4] },
      { filters: ['--customer', 'ann  LEE'], ids: [1] },
      { filters: ['--customer', '07700-900-123'], ids: [4] },
      { filters: ['--customer', 'Ann Lee', '--status', 'closed'], ids: [] },
      { filters: ['--customer', 'nobody'], ids: [] },
      { filters: ['--since', '2026-11-22'], ids: [1, 6, 3] },
      { filters: ['--until', '2026-11-10'], ids: [4, 5, 7] },
      { filters: ['--since', '2026-11-02', '--until', '2026-11-21'], ids: [2, 4, 5] },
      { filters: ['--since', '1w'], ids: [1, 6, 3, 2] },
      { filters: ['--overdue'], ids: [2, 7] },
      { filters: ['--status', 'new', '--overdue'], ids: [7] },
      { filters: ['--limit', '2'], ids: [1, 6] },
    ].map((c) => [['list', ...c.filters, '--json'].join(' '), c] as const))('%s gives the ids newest first', (_line, { filters, ids }) => {
      expect(listIds(book, filters)).toEqual(ids);
    });

    it('prints records in the contract shape with --json, cost in currency units', () => {
      const records = JSON.parse(book.ok(['list', '--status', 'resolved', '--json']));
      expect(records).toHaveLength(1);
      expect(Object.keys(records[0]).slice(0, CONTRACT_COLUMNS.length)).toEqual(CONTRACT_COLUMNS);
      expect(records[0]).toMatchObject({
        id: 4,
        status: 'resolved',
        customer: 'Di Ross',
        assignee: 'Sam', // assigned as 'sam', spelt as #3's assignee was
        remedy: 'replacement',
        cost: 24.99,
        root_cause: 'mislabelled shelf',
        action: 'shelf relabelled',
        resolved_at: '2026-11-18T10:00:00.000Z',
      });
    });

    it('prints a table newest first, marking the overdue respond-by times', () => {
      const lines = book.ok(['list', '--status', 'new,triaged']).trimEnd().split('\n');
      expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(['id', '#1', '#2', '#7']);
      expect(lines[0]).toMatch(/^id\s+occurred\s+status\s+customer/);
      expect(lines[1]).toContain('2026-11-24 08:00 ');
      expect(lines[1]).not.toContain('!');
      expect(lines[2]).toContain('2026-11-22 09:00 !');
    });

    it('says on stderr that nothing matches, and prints an empty JSON array with --json', () => {
      expect(book.run(['list', '--cause', 'no such cause'])).toEqual({
        code: 0,
        stdout: '',
        stderr: expect.stringMatching(/^note: no complaint has --cause 'no such cause'; in use: .*\nNo complaints match\.\n$/),
      });
      expect(book.run(['list', '--cause', 'no such cause', '--json'])).toMatchObject({ code: 0, stdout: '[]\n' });
    });
  });

  describe('show', () => {
    it('prints the record and its timeline in local time, marking entries made after the fact', () => {
      const text = book.ok(['show', '#4']);
      expect(text.split('\n').slice(0, 2)).toEqual(['Complaint #4', '  jumper was the wrong size']);
      for (const field of [
        /^status\s+resolved$/m,
        /^occurred\s+2026-11-10 10:00$/m,
        /^logged\s+2026-11-23 10:00$/m,
        /^customer\s+Di Ross$/m,
        /^cause\s+wrong size$/m,
        /^assignee\s+Sam$/m,
        /^resolved\s+2026-11-18 10:00$/m,
        /^remedy\s+replacement$/m,
        /^cost\s+24\.99$/m,
        /^root cause\s+mislabelled shelf$/m,
        /^action\s+shelf relabelled$/m,
      ]) {
        expect(text).toMatch(field);
      }
      const timeline = text.slice(text.indexOf('\nTimeline\n') + '\nTimeline\n'.length).trimEnd().split('\n');
      expect(timeline.map((line) => /^ {2}(\S+ \S+) {2}(\S+)/.exec(line)?.slice(1, 3))).toEqual([
        ['2026-11-10 10:00', 'logged'],
        ['2026-11-10 11:00', 'triaged'],
        ['2026-11-10 11:05', 'assigned'],
        ['2026-11-18 10:00', 'resolved'],
      ]);
      expect(timeline.every((line) => line.endsWith('(entered 2026-11-23 10:00)'))).toBe(true);
    });

    it('says nothing of a cost for a remedy given without one, nor of a score never given when reopened', () => {
      const shop = tempLogbook(NOW);
      shop.ok(['log', 'soup was cold', '--at', '2026-11-23 09:00']);
      shop.ok(['resolve', '1', '--remedy', 'apology', '--at', '2026-11-23 09:30']);
      shop.ok(['follow-up', '1', '--reopen', '--at', '2026-11-23 09:45']);
      const timeline = shop.ok(['show', '1']).split('\nTimeline\n')[1]!;
      expect(timeline).toMatch(/ resolved — remedy: apology \(entered /);
      expect(timeline).toMatch(/ reopened — resolved at: \(cleared\), respond by: /);
      expect(timeline).not.toContain('cost');
      expect(timeline).not.toContain('satisfaction');
    });

    it('prints the record and its timeline with --json, each entry with when it happened and when it was entered', () => {
      const { timeline, ...record } = showJson(book, 4);
      expect(Object.keys(record).slice(0, CONTRACT_COLUMNS.length)).toEqual(CONTRACT_COLUMNS);
      expect(record).toMatchObject({ id: 4, status: 'resolved', cost: 24.99 });
      expect(timeline.map((e) => Object.keys(e))).toEqual(Array(4).fill(['at', 'recorded_at', 'action', 'changes', 'undone']));
      expect(timeline.map((e) => [e.action, e.at, e.recorded_at])).toEqual([
        ['logged', '2026-11-10T10:00:00.000Z', NOW],
        ['triaged', '2026-11-10T11:00:00.000Z', NOW],
        ['assigned', '2026-11-10T11:05:00.000Z', NOW],
        ['resolved', '2026-11-18T10:00:00.000Z', NOW],
      ]);
      expect(timeline[3]!.changes).toEqual({
        status: 'resolved',
        resolved_at: '2026-11-18T10:00:00.000Z',
        remedy: 'replacement',
        cost: 24.99,
        root_cause: 'mislabelled shelf',
        action: 'shelf relabelled',
      });
    });
  });

  describe('the desk and the follow-ups due', () => {
    it('shows what to triage, what is overdue, what falls due today and whom to call back', () => {
      const [heading, ...sections] = book.ok([]).trimEnd().split('\n\n');
      expect(heading).toBe('My shop — Mon 23 Nov 2026, 10:00');
      const listed = Object.fromEntries(
        sections.map((section) => {
          const [title, ...rows] = section.split('\n');
          const kind = ['new to triage', 'to assign', 'overdue', 'due today', 'follow-up'].find((k) => title!.includes(k));
          expect(title).toMatch(new RegExp(`^${rows.length} `));
          return [kind, rows.map((row) => row.trim().split(' ')[0])];
        }),
      );
      expect(listed).toEqual({ 'new to triage': ['#7', '#1'], 'to assign': ['#2'], overdue: ['#7', '#2'], 'due today': ['#3'], 'follow-up': ['#4'] });
      expect(sections.at(-1)).toContain('call Di Ross on 07700 900123');
    });

    it('lists a new complaint due before the day is out as due today too, pointing to the complaint itself', () => {
      const shop = tempLogbook(NOW);
      shop.ok(['config', 'set', 'response-hours', '4']);
      shop.ok(['log', 'soup was cold', '--no-input']);
      const dueToday = shop.ok([]).trimEnd().split('\n\n').find((section) => section.includes('due today'));
      expect(dueToday?.split('\n')).toEqual([
        expect.stringMatching(/^1 due today +complaints <id>$/),
        '  #1     due 2026-11-23 14:00 new: soup was cold',
      ]);
    });

    it('says how many are in hand when nothing is due today, rather than that nothing waits', () => {
      const shop = tempLogbook(NOW);
      shop.ok(['log', 'soup was cold', '--no-input']);
      shop.ok(['triage', '1', '--category', 'product', '--cause', 'cold food']);
      shop.ok(['assign', '1', 'Sam']);
      expect(shop.ok([]).trimEnd().split('\n').at(-1)).toBe('Nothing due today; 1 complaint is in hand: complaints list --status triaged,assigned');
      shop.ok(['resolve', '1', '--remedy', 'apology']);
      shop.ok(['follow-up', '1', '--satisfaction', '4']);
      expect(shop.ok([]).trimEnd().split('\n').at(-1)).toBe("Nothing waiting. Log a complaint with 'complaints log'.");
      // A till of one branch is shown how to list that branch's.
      shop.ok(['config', 'set', 'branch', 'High Street']);
      shop.ok(['log', 'bread was stale', '--no-input']);
      shop.ok(['triage', '2', '--category', 'product', '--cause', 'stale bread']);
      shop.ok(['assign', '2', 'Sam']);
      expect(shop.ok([]).trimEnd().split('\n').at(-1)).toBe(
        "Nothing due today; 1 complaint is in hand: complaints list --status triaged,assigned --branch 'High Street'",
      );
      // In Chinese, the statuses as a Chinese till types them.
      expect(shop.ok([], { env: { LANG: 'zh_CN.UTF-8' } }).trimEnd().split('\n').at(-1)).toBe(
        '今天没有到期的事；1 条投诉正在处理中：complaints list --status \'已分诊,已指派\' --branch \'High Street\'',
      );
    });

    it('shows the first five of each kind and says how many more there are', () => {
      const busy = tempLogbook();
      for (let i = 1; i <= 7; i++) busy.ok(['log', `complaint ${i}`, '--no-input', '--at', `2026-11-2${i % 3} 09:0${i}`]);
      const [, toTriage] = busy.ok([]).trimEnd().split('\n\n');
      const [title, ...rows] = toTriage!.split('\n');
      expect(title).toMatch(/^7 new to triage/);
      expect(rows.slice(0, 5).map((row) => row.trim().split(' ')[0])).toEqual(['#3', '#6', '#1', '#4', '#7']);
      expect(rows.slice(5)).toEqual(['  … and 2 more']);
    });

    it('says a complaint logged within the minute was logged just now, in either language', () => {
      const now = tempLogbook();
      now.ok(['log', '汤是凉的', '--no-input']);
      expect(now.ok([])).toContain('  #1     汤是凉的 (just now)\n');
      expect(now.ok([], { env: { LANG: 'zh_CN.UTF-8' } })).toContain('  #1     汤是凉的（刚刚）\n');
    });

    it('says there are no follow-ups due, on stderr, when none are', () => {
      const quiet = tempLogbook();
      quiet.ok(['log', 'soup was cold', '--no-input']);
      expect(quiet.run(['follow-up'])).toMatchObject({ code: 0, stdout: '', stderr: 'No follow-ups due.\n' });
    });

    it('lists the resolved complaints whose follow-up day has come when follow-up has no id', () => {
      const result = book.run(['follow-up']);
      expect(result.code).toBe(0);
      expect(result.stdout.trimEnd().split('\n').slice(1).map((line) => line.split(/\s+/)[0])).toEqual(['#4']);
      expect(result.stderr).toBe('next: complaints follow-up <id> --satisfaction 1-5\n');
    });
  });

  describe('backup', () => {
    /** Every complaint of the logbook at `db` with its timeline, as `show --json` gives them: what a backup must hold. */
    const everything = (db: string) =>
      (JSON.parse(book.ok(['--db', db, 'list', '--json'])) as Array<{ id: number }>).map((complaint) =>
        book.ok(['--db', db, 'show', String(complaint.id), '--json']),
      );

    it('writes a private copy that opens and holds every complaint with its timeline', () => {
      const copy = join(book.dir, 'copy.db');
      const result = book.run(['backup', copy]);
      expect(result.code).toBe(0);
      expect(result.stdout.replace(book.db, 'LOGBOOK')).toMatch(new RegExp(`^Backed up LOGBOOK to ${copy} \\(\\d+ KB\\)\\.\\n$`));
      expect(modeOf(copy)).toBe(0o600);
      expect(everything(copy)).toEqual(everything(book.db));
      expect(everything(copy)).toHaveLength(7);
      expect(book.ok(['--db', copy, 'export'])).toBe(book.ok(['export']));
      expect(book.ok(['--db', copy, 'check'])).toMatch(/^ok: 7 complaints, \d+ events, integrity ok\n$/);
    });

    it('refuses to overwrite an existing file without --force, leaving it as it was', () => {
      const existing = join(book.dir, 'existing.db');
      writeFileSync(existing, 'keep me');
      expect(runComparing(book, ['backup', existing])).toEqual({
        code: 1,
        stdout: '',
        stderr: `complaints: ${existing} exists already; choose a new name or add --force to replace it\n`,
        unchanged: true,
      });
      expect(readFileSync(existing, 'utf8')).toBe('keep me');
    });

    it('replaces an existing file with --force, and the copy is private', () => {
      const existing = join(book.dir, 'old-notes.txt');
      writeFileSync(existing, 'an old file');
      chmodSync(existing, 0o644);
      const result = book.run(['backup', existing, '--force']);
      expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
      expect(everything(existing)).toEqual(everything(book.db));
      expect(modeOf(existing)).toBe(0o600);
    });
  });
});

describe('two tills whose clocks differ by less than a minute', () => {
  it('date a step entered a little before the one it follows as that one, so the logbook checks, exports and imports whole', () => {
    const book = tempLogbook(NOW);
    const at = (moment: string) => ({ env: { COMPLAINTS_NOW: moment } });
    book.ok(['log', 'soup was cold'], at('2026-11-23T12:00:00.000Z'));
    // A till whose clock is behind: resolved 30 s, then followed up 50 s, before the logging.
    book.ok(['resolve', '1', '--remedy', 'refund', '--cost', '2'], at('2026-11-23T11:59:30.000Z'));
    book.ok(['follow-up', '1', '--satisfaction', '4'], at('2026-11-23T11:59:10.000Z'));
    // And one a complaint was given as happening in the next minute at.
    book.ok(['log', 'no spoons', '--at', '2026-11-23 12:01'], at('2026-11-23T12:00:20.000Z'));
    const later = at('2026-11-23T12:10:00.000Z');
    expect(book.ok(['check'], later)).toMatch(/^ok: 2 complaints/);
    expect(showJson(book, 1)).toMatchObject({ occurred_at: '2026-11-23T12:00:00.000Z', resolved_at: '2026-11-23T12:00:00.000Z', followed_up_at: '2026-11-23T12:00:00.000Z' });
    expect(showJson(book, 1).timeline.map(({ action, at }) => [action, at])).toEqual([
      ['logged', '2026-11-23T12:00:00.000Z'],
      ['resolved', '2026-11-23T12:00:00.000Z'],
      ['followed-up', '2026-11-23T12:00:00.000Z'],
    ]);
    expect(showJson(book, 2)).toMatchObject({ logged_at: '2026-11-23T12:00:20.000Z', occurred_at: '2026-11-23T12:00:20.000Z' });
    const file = join(book.dir, 'all.csv');
    book.ok(['export', '--out', file], later);
    const copy = tempLogbook(NOW);
    expect(copy.ok(['import', file], later)).toBe(`Imported 2 complaints from ${file} as #1–#2.\n`);
  });
});
