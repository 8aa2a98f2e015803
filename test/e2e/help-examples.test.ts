import { parse } from 'csv-parse/sync';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { helpPages, type HelpPage } from '../support/help-pages.js';
import { KEYS, Terminal } from '../support/pty.js';
import { BIN, dumpDatabase, shellQuote } from './harness.js';

// Every example in every --help is run as printed, through bash, with `complaints` on the PATH,
// against a logbook in the state the example needs, and must do what it says. The help pages
// are found from the program's own help, so a new command's examples are run without a word here.

const NOW = '2026-11-24T09:30:00.000Z';
const { enter, down } = KEYS;
// A run at a terminal starts several processes; on a loaded two-core machine that takes a while.
const SLOW = { timeout: 120_000 };

// ---------------------------------------------------------------------------------------------
// The state of the shop before an example runs: what it typed, when, from a home folder.

/** A command line as the shop typed it (run by bash in the home folder) and when (COMPLAINTS_NOW). */
type Typed = [when: string, line: string];

interface Seed {
  /** The name of the seed this one goes on from. */
  from?: string;
  typed: Typed[];
}

/** Three weeks of a café's complaints: #12 and #13 new, the rest in every other state. */
const CAFE: Typed[] = [
  ['2026-11-09T08:55:00Z', 'complaints config set currency GBP'],
  ['2026-11-10T12:05:00Z', 'complaints log "Soup was cold, second time this month" --customer "Ann Lee" --contact "0712 345678" --about "tomato soup" --wants refund'],
  ['2026-11-10T12:40:00Z', 'complaints triage 1 --category product --cause "cold food" --severity high'],
  ['2026-11-10T12:41:00Z', 'complaints assign 1 Sam --note "check the soup kettle"'],
  ['2026-11-10T13:30:00Z', 'complaints resolve 1 --remedy refund --cost 4.50 --root-cause "kettle thermostat failing" --action "thermostat replaced"'],
  ['2026-11-11T12:20:00Z', 'complaints log "Waited 25 minutes for a table" --customer "Bo Chen" --about "lunch service"'],
  ['2026-11-11T15:00:00Z', 'complaints triage 2 --category service --cause "long wait"'],
  ['2026-11-11T15:01:00Z', 'complaints assign 2 Priya'],
  ['2026-11-12T09:00:00Z', 'complaints resolve 2 --remedy apology'],
  ['2026-11-13T10:00:00Z', 'complaints follow-up 1 --satisfaction 4 --note "happy with the refund"'],
  ['2026-11-13T11:30:00Z', 'complaints log "汤是凉的" --customer "王芳" --contact "wang.fang@example.com" --about "番茄汤" --wants replacement'],
  ['2026-11-13T11:45:00Z', 'complaints triage 3 --category product --cause "cold foood"'],
  ['2026-11-13T11:46:00Z', 'complaints assign 3 Sam'],
  ['2026-11-14T10:00:00Z', 'complaints resolve 3 --remedy replacement --cost 4.50'],
  ['2026-11-15T10:00:00Z', 'complaints follow-up 2 --satisfaction 3'],
  ['2026-11-16T09:10:00Z', 'complaints log "Card machine down, had to pay cash" --customer "Dev Patel"'],
  ['2026-11-16T09:30:00Z', 'complaints triage 4 --category premises --cause "card machine" --severity low'],
  ['2026-11-16T09:31:00Z', 'complaints resolve 4 --remedy explanation'],
  ['2026-11-17T14:00:00Z', 'complaints log "Charged twice for one coffee" --customer "Dev Patel" --contact "dev@example.com" --wants refund'],
  ['2026-11-17T14:10:00Z', 'complaints triage 5 --category price --cause "charged twice"'],
  ['2026-11-17T14:11:00Z', 'complaints assign 5 Sam'],
  ['2026-11-18T09:00:00Z', 'complaints resolve 5 --remedy refund --cost 3.20'],
  ['2026-11-18T11:00:00Z', 'complaints log "Got a parking ticket outside" --channel phone'],
  ['2026-11-18T11:20:00Z', 'complaints triage 6 --reject --reason "not our car park"'],
  ['2026-11-19T12:30:00Z', 'complaints log "Chips were cold" --customer "Tom Reid" --about "fish and chips" --wants replacement'],
  ['2026-11-19T12:45:00Z', 'complaints triage 7 --category product --cause "cold food"'],
  ['2026-11-19T12:46:00Z', 'complaints assign 7 Sam'],
  ['2026-11-19T13:00:00Z', 'complaints resolve 7 --remedy replacement --cost 2.80'],
  ['2026-11-20T12:50:00Z', 'complaints log "Queue out of the door at lunch" --about "lunch service"'],
  ['2026-11-20T13:30:00Z', 'complaints triage 8 --category service --cause "wait"'],
  ['2026-11-20T13:31:00Z', 'complaints assign 8 Priya'],
  ['2026-11-20T18:00:00Z', 'mkdir -p ~/backups && complaints backup ~/backups/complaints.db'],
  ['2026-11-21T10:15:00Z', 'complaints log "Rude at the till" --customer "Kofi Osei" --contact "k.osei@example.com" --channel email'],
  ['2026-11-21T10:40:00Z', 'complaints triage 9 --category staff --cause "rude staff"'],
  ['2026-11-21T10:41:00Z', 'complaints assign 9 Priya'],
  ['2026-11-21T16:00:00Z', 'complaints resolve 9 --remedy apology'],
  ['2026-11-22T11:00:00Z', 'complaints follow-up 7 --satisfaction 5'],
  ['2026-11-22T11:10:00Z', 'complaints log "Table by the window wobbles" --about "seating"'],
  ['2026-11-22T11:30:00Z', 'complaints triage 10 --category premises --cause "wobbly table" --severity low'],
  ['2026-11-23T07:45:00Z', 'complaints backup ~/backups/complaints-2026-11-23.db'],
  ['2026-11-23T09:15:00Z', 'complaints log "Coffee lukewarm" --about "flat white"'],
  ['2026-11-23T09:20:00Z', 'complaints triage 11 --category product --cause "cold foood"'],
  ['2026-11-23T09:21:00Z', 'complaints assign 11 Sam'],
  ['2026-11-23T12:05:00Z', 'complaints log "Soup was cold again" --customer "Ann Lee" --contact "0712 345678" --about "tomato soup" --wants refund'],
  ['2026-11-23T12:20:00Z', 'complaints log "Wants a refund for a cake bought at another bakery" --customer "Jo Hart" --channel phone --wants refund'],
];

const SEEDS = {
  'the café': { typed: CAFE },
  '#12 triaged': {
    from: 'the café',
    typed: [['2026-11-23T12:40:00Z', 'complaints triage 12 --category product --cause "cold food" --severity high']],
  },
  '#12 assigned': { from: '#12 triaged', typed: [['2026-11-23T12:41:00Z', 'complaints assign 12 Sam']] },
  '#12 resolved': { from: '#12 assigned', typed: [['2026-11-23T13:30:00Z', 'complaints resolve 12 --remedy refund --cost 4.50']] },
  '#12 awaiting approval': {
    from: '#12 assigned',
    typed: [
      ['2026-11-23T13:00:00Z', 'complaints config set approval-above 3'],
      ['2026-11-23T13:30:00Z', 'complaints resolve 12 --remedy refund --cost 4.50'],
    ],
  },
  '#13 venting': { from: '#12 assigned', typed: [['2026-11-23T12:45:00Z', 'complaints triage 13 --nature venting']] },
  // Moving to a new computer: the old logbook's export beside a logbook that holds none yet.
  "a new logbook, the café's export beside it": {
    from: 'the café',
    typed: [
      ['2026-11-24T08:00:00Z', 'complaints export --out complaints.csv && cp complaints.csv old-shop.csv'],
      ['2026-11-24T08:05:00Z', 'rm "$COMPLAINTS_DB"* && complaints config set currency GBP'],
    ],
  },
  // A CSV saved by a Chinese Excel, in GBK: 汤是凉的 is the bytes written in \x.
  "a new logbook, a Chinese Excel's CSV beside it": {
    from: "a new logbook, the café's export beside it",
    typed: [
      [
        '2026-11-24T08:06:00Z',
        "printf 'id,logged_at,occurred_at,status,description\\r\\n1,2026-11-20T09:00:00.000Z,2026-11-20T09:00:00.000Z,new,\\xcc\\xc0\\xca\\xc7\\xc1\\xb9\\xb5\\xc4\\r\\n' > saved-by-excel.csv",
      ],
    ],
  },
  "the café, and the other till's export": {
    from: 'the café',
    typed: [
      ['2026-11-24T08:00:00Z', 'complaints --db other-till.db log "No oat milk left" --no-input'],
      ['2026-11-24T08:10:00Z', 'complaints --db other-till.db log "Card reader slow at the counter" --no-input'],
      ['2026-11-24T08:20:00Z', 'complaints --db other-till.db export --out from-the-other-till.csv'],
    ],
  },
} satisfies Record<string, Seed>;
type SeedName = keyof typeof SEEDS;

/** The seed a command's examples start from; the café unless named here or by the example. */
const SEED_OF_COMMAND: Record<string, SeedName> = {
  assign: '#12 triaged',
  resolve: '#12 assigned',
  approve: '#12 awaiting approval',
  undo: '#12 assigned',
  note: '#12 assigned',
  'follow-up': '#12 resolved',
  import: "a new logbook, the café's export beside it",
};

// ---------------------------------------------------------------------------------------------
// What each example must have done. Keyed by the example as printed, without its comment.

interface Ran {
  /** What it printed on stdout; at a terminal, everything the screen showed. */
  stdout: string;
  /** What it printed on stderr; at a terminal, nothing apart (the screen is in stdout). */
  stderr: string;
  /** For an example piped into jq: what jq prints, as JSON. */
  printed: unknown;
  home: string;
  /** Runs complaints on the example's logbook, from its home folder, and returns stdout. */
  complaints(...args: string[]): string;
  /** A complaint as `show --json` gives it. */
  complaint(id: number): any;
  /** Whether the logbook is exactly as it was before the example. */
  unchanged(): boolean;
}

interface Expected {
  seed?: SeedName;
  /** At a terminal: each prompt as it shows, and the keys a person presses to answer it. */
  talk?: Array<[prompt: string | RegExp, ...keys: string[]]>;
  /** What jq prints, from the JSON before the pipe: jq is not on every machine. */
  jq?: (json: any) => unknown;
  then?: (ran: Ran) => void;
}

const expectations: Record<string, Expected> = {
  // The desk and the whole workflow, from `complaints --help`.
  'complaints 12': {
    talk: [
      ['What next?', down + down + down + down],
      ['❯ nothing for now', enter],
    ],
    then: ({ stdout }) => {
      expect(stdout).toContain('Complaint #12');
      expect(stdout).toContain('Soup was cold again');
    },
  },
  complaints: {
    then: ({ stdout }) => {
      expect(stdout).toContain('2 new to triage');
      expect(stdout).toContain('3 overdue');
      expect(stdout).toContain('4 follow-ups due');
    },
  },
  'complaints log "soup was cold" --customer "Ann Lee" --wants refund': {
    then: ({ complaint }) => expect(complaint(14)).toMatchObject({ description: 'soup was cold', customer: 'Ann Lee', wants: 'refund' }),
  },
  'complaints triage 12 --category product --cause "cold food"': {
    then: ({ complaint }) => expect(complaint(12)).toMatchObject({ status: 'triaged', category: 'product', cause: 'cold food' }),
  },
  'complaints assign 12 Sam && complaints resolve 12 --remedy refund --cost 4.50': {
    then: ({ complaint }) => expect(complaint(12)).toMatchObject({ status: 'resolved', assignee: 'Sam', remedy: 'refund', cost: 4.5 }),
  },
  'complaints follow-up 12 --satisfaction 4': {
    then: ({ complaint }) => expect(complaint(12)).toMatchObject({ status: 'closed', satisfaction: 4 }),
  },
  'complaints list --overdue': {
    then: ({ stdout }) => expect(listed(stdout)).toEqual([11, 10, 8]),
  },

  'complaints log': {
    talk: [
      ['What is the complaint?', 'card machine would not take contactless', enter],
      ['Customer name', enter],
      ['Phone or email', enter],
      ['How did it reach you?', enter],
      ['❯ (skip)', enter],
      ['What does the customer want?', enter],
    ],
    then: ({ complaint }) =>
      expect(complaint(14)).toMatchObject({ description: 'card machine would not take contactless', channel: 'in-person', customer: null }),
  },
  'complaints log "soup was cold" --customer "Ann Lee" --contact "0712 345678" --about "tomato soup" --wants refund': {
    then: ({ complaint }) =>
      expect(complaint(14)).toMatchObject({
        description: 'soup was cold',
        customer: 'Ann Lee',
        contact: '0712 345678',
        about: 'tomato soup',
        wants: 'refund',
      }),
  },
  'complaints log "汤又是凉的" --customer "王芳" --contact "wang.fang@example.com" --about "番茄汤" --wants refund': {
    then: ({ complaint }) =>
      expect(complaint(14)).toMatchObject({
        description: '汤又是凉的',
        customer: '王芳',
        contact: 'wang.fang@example.com',
        about: '番茄汤',
        wants: 'refund',
      }),
  },
  'complaints log "rude on the phone" --channel phone --at "yesterday" --no-input': {
    then: ({ complaint }) =>
      expect(complaint(14)).toMatchObject({ description: 'rude on the phone', channel: 'phone', occurred_at: '2026-11-23T00:00:00.000Z' }),
  },

  'complaints triage': {
    talk: [
      ['#12 (1 of 2)'],
      ['What kind of complaint?', enter],
      ['Category:', enter],
      [/Cause.*\n❯ \n {2}cold food\n/, down],
      ['❯ cold food', enter],
      ['Severity:', enter],
      ['#13 (2 of 2)'],
      ['What kind of complaint?', down + down + down + down],
      ['❯ unfounded', enter],
      ['Why is it not upheld?', 'bought at another bakery', enter],
    ],
    then: ({ complaint }) => {
      expect(complaint(12)).toMatchObject({ status: 'triaged', category: 'product', cause: 'cold food', severity: 'medium' });
      expect(complaint(13)).toMatchObject({ status: 'rejected', reject_reason: 'bought at another bakery' });
    },
  },
  'complaints triage 12 --category product --cause "cold food" --severity high': {
    then: ({ complaint }) =>
      expect(complaint(12)).toMatchObject({ status: 'triaged', category: 'product', cause: 'cold food', severity: 'high' }),
  },
  'complaints triage 13 --reject --reason "bought elsewhere"': {
    then: ({ complaint }) => expect(complaint(13)).toMatchObject({ status: 'rejected', reject_reason: 'bought elsewhere' }),
  },
  'complaints triage 13 --nature venting': {
    then: ({ complaint }) => expect(complaint(13)).toMatchObject({ status: 'triaged', nature: 'venting', cause: null }),
  },

  'complaints assign 12 Sam': {
    then: ({ complaint }) => expect(complaint(12)).toMatchObject({ status: 'assigned', assignee: 'Sam' }),
  },
  'complaints assign 12 "Sam Park" --respond-by "2026-11-25 12:00" --note "call before noon"': {
    then: ({ complaint }) => {
      const shown = complaint(12);
      expect(shown).toMatchObject({ status: 'assigned', assignee: 'Sam Park', respond_by: '2026-11-25T12:00:00.000Z' });
      expect(shown.timeline.at(-1)).toMatchObject({ action: 'assigned', changes: { note: 'call before noon' } });
    },
  },
  'complaints assign 12 Sam --respond-by +4h': {
    then: ({ complaint }) => expect(complaint(12)).toMatchObject({ assignee: 'Sam', respond_by: '2026-11-24T13:30:00.000Z' }),
  },
  'complaints assign 12 Sam --respond-by tomorrow': {
    then: ({ complaint }) => expect(complaint(12)).toMatchObject({ assignee: 'Sam', respond_by: '2026-11-25T23:59:59.999Z' }),
  },

  'complaints resolve 13 --answer "we only refund what we sold; showed her our receipts"': {
    seed: '#13 venting',
    then: ({ complaint }) =>
      expect(complaint(13)).toMatchObject({ status: 'resolved', nature: 'venting', answer: 'we only refund what we sold; showed her our receipts', remedy: null }),
  },
  'complaints approve 12 --as "Li Na"': {
    then: ({ complaint }) => {
      expect(complaint(12)).toMatchObject({ status: 'resolved', remedy: 'refund', cost: 4.5, proposed_remedy: null });
      expect(complaint(12).timeline.at(-1)).toMatchObject({ action: 'approved', changes: { by: 'Li Na' } });
    },
  },
  'complaints approve 12 --reject --reason "offer a voucher instead"': {
    then: ({ complaint }) => expect(complaint(12)).toMatchObject({ status: 'assigned', remedy: null, proposed_remedy: null }),
  },
  'complaints undo': {
    talk: [
      ['Undo #12 assigned 2026-11-23 12:41?', down],
      ['❯ Yes, undo it', enter],
    ],
    then: ({ complaint }) => expect(complaint(12)).toMatchObject({ status: 'triaged', assignee: null }),
  },
  'complaints undo 12 --yes': {
    then: ({ complaint }) => expect(complaint(12)).toMatchObject({ status: 'triaged', assignee: null }),
  },
  'complaints resolve 12 --remedy refund --cost 4.50': {
    then: ({ complaint }) => expect(complaint(12)).toMatchObject({ status: 'resolved', remedy: 'refund', cost: 4.5 }),
  },
  'complaints resolve 12 --remedy replacement --cost 4.50 --root-cause "soup kettle thermostat" --action "thermostat replaced"': {
    then: ({ complaint }) =>
      expect(complaint(12)).toMatchObject({
        status: 'resolved',
        remedy: 'replacement',
        cost: 4.5,
        root_cause: 'soup kettle thermostat',
        action: 'thermostat replaced',
      }),
  },

  'complaints follow-up': {
    then: ({ stdout }) => expect(listed(stdout).sort((a, b) => a - b)).toEqual([3, 4, 5, 9]),
  },
  'complaints follow-up 12 --satisfaction 5 --note "happy with the refund"': {
    then: ({ complaint }) => {
      const shown = complaint(12);
      expect(shown).toMatchObject({ status: 'closed', satisfaction: 5 });
      expect(shown.timeline.at(-1)).toMatchObject({ action: 'followed-up', changes: { note: 'happy with the refund' } });
    },
  },
  'complaints follow-up 12 --satisfaction 2 --reopen --note "still waiting for the part"': {
    then: ({ complaint }) => expect(complaint(12)).toMatchObject({ status: 'assigned', assignee: 'Sam' }),
  },

  'complaints note 12 "left a voicemail"': {
    then: ({ complaint }) => expect(complaint(12).timeline.at(-1)).toMatchObject({ action: 'noted', changes: { note: 'left a voicemail' } }),
  },
  'complaints note 12 called back, customer happy --at "2026-11-23 15:00"': {
    then: ({ complaint }) =>
      expect(complaint(12).timeline.at(-1)).toMatchObject({
        action: 'noted',
        at: '2026-11-23T15:00:00.000Z',
        changes: { note: 'called back, customer happy' },
      }),
  },

  'complaints list --status new,triaged': {
    then: ({ stdout }) => expect(listed(stdout)).toEqual([13, 12, 10]),
  },
  'complaints list --cause "cold food" --since 4w': {
    then: ({ stdout }) => expect(listed(stdout)).toEqual([7, 1]),
  },
  'complaints list --customer "Ann Lee"': {
    then: ({ stdout }) => expect(listed(stdout)).toEqual([12, 1]),
  },
  'complaints list --assignee Sam --json | jq length': {
    jq: (complaints: unknown[]) => complaints.length,
    then: ({ printed }) => expect(printed).toBe(5),
  },

  'complaints show 12': {
    then: ({ stdout }) => {
      expect(stdout).toContain('Complaint #12');
      expect(stdout).toContain('Soup was cold again');
    },
  },
  'complaints show "#12" --json | jq .timeline': {
    jq: (complaint: { timeline: unknown }) => complaint.timeline,
    then: ({ printed }) => expect(printed).toEqual([expect.objectContaining({ action: 'logged', at: '2026-11-23T12:05:00.000Z' })]),
  },

  'complaints report': {
    then: ({ stdout }) => {
      expect(stdout).toContain('Complaints by cause');
      expect(stdout).toContain('Week 2026-W48');
    },
  },
  'complaints report --week last': {
    // On Tuesday 24 November 2026, the week just ended.
    then: ({ stdout }) => expect(stdout).toContain('Week 2026-W47, Mon 16 Nov – Sun 22 Nov 2026'),
  },
  'complaints report --week 2026-W47 --top 5': {
    then: ({ stdout }) => {
      expect(stdout).toContain('Week 2026-W47');
      expect(stdout).toMatch(/^6 +Other \(1 more cause\) +1 /m);
    },
  },
  'complaints report --last 4w --by category --format markdown': {
    then: ({ stdout }) => expect(stdout).toMatch(/^\| # \| category \|/m),
  },
  'complaints report --since 2026-11 --until 2026-11 --out november.csv --bom': {
    then: ({ home, complaints }) => {
      const written = readFileSync(join(home, 'november.csv'), 'utf8');
      expect(written.startsWith('\uFEFF')).toBe(true);
      expect(rowsOf(written.slice(1)).map((row) => row.key)).toContain('cold food');
      // The month, as its first and last days.
      expect(written).toBe(complaints('report', '--since', '2026-11-01', '--until', '2026-11-30', '--format', 'csv', '--bom'));
    },
  },
  'complaints report --out week.html': {
    then: ({ home }) => expect(readFileSync(join(home, 'week.html'), 'utf8')).toMatch(/^<!doctype html>/i),
  },
  'complaints report --week 2026-W47 --compare 2026-W46': {
    then: ({ stdout }) => {
      expect(stdout).toMatch(/^Week 2026-W46, Mon 9 Nov – Sun 15 Nov 2026 +Week 2026-W47, Mon 16 Nov – Sun 22 Nov 2026$/m);
      expect(stdout).toMatch(/^Compared with week 2026-W46, /m);
    },
  },
  'complaints report --since 2026-11-16 --compare 2026-11-09..2026-11-15 --format html --out before-after.html': {
    then: ({ home }) => expect(readFileSync(join(home, 'before-after.html'), 'utf8')).toMatch(/<div class="pair">\n<figure>\n<h3><span class="date">Mon 9 Nov<\/span> – <span class="date">Sun 15 Nov 2026<\/span><\/h3>/),
  },
  'complaints report --last 4w --by till': {
    then: ({ stdout }) => expect(stdout).toMatch(/^#\s+till\s+count/m),
  },
  'complaints report --branch "High Street"': {
    then: ({ stdout }) => expect(stdout).toMatch(/^Complaints by cause — .*, branch High Street$/m),
  },

  'complaints export --out complaints.csv': {
    then: ({ home }) => expect(rowsOf(readFileSync(join(home, 'complaints.csv'))).map((row) => row.id)).toHaveLength(13),
  },
  'complaints export --status resolved,closed --since 2026-01-01 --bom --out for-excel.csv': {
    then: ({ home }) => {
      const csv = readFileSync(join(home, 'for-excel.csv'), 'utf8');
      expect(csv.startsWith('\ufeff')).toBe(true);
      expect(rowsOf(csv).map((row) => `#${row.id} ${row.status}`)).toEqual([
        '#1 closed',
        '#2 closed',
        '#3 resolved',
        '#4 resolved',
        '#5 resolved',
        '#7 closed',
        '#9 resolved',
      ]);
    },
  },
  'complaints export --redact --since 4w | gzip > last-month.csv.gz': {
    then: ({ home }) => {
      const rows = rowsOf(gunzipSync(readFileSync(join(home, 'last-month.csv.gz'))));
      expect(rows).toHaveLength(13);
      expect(rows.filter((row) => row.customer !== '' || row.contact !== '')).toEqual([]);
    },
  },

  'complaints import complaints.csv --dry-run': {
    then: ({ stdout, unchanged }) => {
      expect(stdout).toContain('Would import 13 complaints');
      expect(unchanged()).toBe(true);
    },
  },
  'complaints import complaints.csv': {
    then: ({ complaint }) => expect(complaint(12)).toMatchObject({ description: 'Soup was cold again', status: 'new' }),
  },
  'complaints --db new-shop.db import old-shop.csv': {
    then: ({ complaints, unchanged }) => {
      expect(JSON.parse(complaints('--db', 'new-shop.db', 'list', '--json'))).toHaveLength(13);
      expect(unchanged()).toBe(true);
    },
  },
  'complaints import saved-by-excel.csv --encoding gbk': {
    seed: "a new logbook, a Chinese Excel's CSV beside it",
    then: ({ complaint }) => expect(complaint(1)).toMatchObject({ description: '汤是凉的', status: 'new' }),
  },
  'complaints import from-the-other-till.csv --new-ids': {
    seed: "the café, and the other till's export",
    then: ({ complaint }) => {
      expect(complaint(14)).toMatchObject({ description: 'No oat milk left' });
      expect(complaint(15)).toMatchObject({ description: 'Card reader slow at the counter' });
    },
  },

  // The café's one corrective action (#1, 10 November) is two weeks old: too early to judge.
  'complaints actions': {
    then: ({ stdout }) => {
      // The café opened its logbook on 9 November: every week before began before it, so none was counted.
      expect(stdout).toMatch(/^#1 +2026-11-10 13:30 +cold food +thermostat replaced +· · · · +0 +too early$/m);
    },
  },
  'complaints actions --cause "cold food" --weeks 8': {
    then: ({ stdout }) => expect(stdout).toMatch(/8 weeks before[\s\S]*thermostat replaced +(· ){7}· +0 +too early$/m),
  },
  "complaints actions --json | jq '[.actions[] | {id, verdict}]'": {
    jq: (printed: { actions: Array<{ id: number; verdict: string }> }) => printed.actions.map(({ id, verdict }) => ({ id, verdict })),
    then: ({ printed }) => expect(printed).toEqual([{ id: 1, verdict: 'too early' }]),
  },

  'complaints completion bash > ~/.complaints.bash && echo "source ~/.complaints.bash" >> ~/.bashrc': {
    then: ({ home }) => {
      expect(readFileSync(join(home, '.complaints.bash'), 'utf8')).toContain('complete -o default -F _complaints complaints');
      expect(readFileSync(join(home, '.bashrc'), 'utf8')).toContain('source ~/.complaints.bash');
    },
  },
  'complaints completion zsh > ~/.complaints.zsh && echo "source ~/.complaints.zsh" >> ~/.zshrc': {
    then: ({ home }) => expect(readFileSync(join(home, '.complaints.zsh'), 'utf8')).toContain('compdef _complaints complaints'),
  },
  'mkdir -p ~/.config/fish/completions && complaints completion fish > ~/.config/fish/completions/complaints.fish': {
    then: ({ home }) => expect(readFileSync(join(home, '.config', 'fish', 'completions', 'complaints.fish'), 'utf8')).toContain('complete -c complaints'),
  },

  'complaints causes': {
    then: ({ stdout }) => expect(stdout).toMatch(/^cold food\s+2$/m),
  },
  'complaints causes --json': {
    then: ({ stdout }) => expect(JSON.parse(stdout)).toContainEqual({ cause: 'cold foood', count: 2 }),
  },
  'complaints causes rename "cold foood" "cold food"': {
    then: ({ complaints }) => {
      const counts = JSON.parse(complaints('causes', '--json'));
      expect(counts).toContainEqual({ cause: 'cold food', count: 4 });
      expect(counts).not.toContainEqual(expect.objectContaining({ cause: 'cold foood' }));
    },
  },
  'complaints causes rename "wait" "long wait at the till"': {
    then: ({ complaint }) => expect(complaint(8)).toMatchObject({ cause: 'long wait at the till' }),
  },

  'complaints config': {
    then: ({ stdout }) => expect(stdout).toMatch(/^currency\s+GBP$/m),
  },
  'complaints config get response-hours': { then: ({ stdout }) => expect(stdout).toBe('24\n') },
  'complaints config get follow-up-days': { then: ({ stdout }) => expect(stdout).toBe('3\n') },
  'complaints config get categories': {
    then: ({ stdout }) => expect(stdout).toBe('product,service,staff,price,delivery,premises,other\n'),
  },
  'complaints config set shop "Corner Café"': {
    then: ({ complaints }) => expect(complaints('config', 'get', 'shop')).toBe('Corner Café\n'),
  },
  'complaints config set categories "food,drink,service,premises,price,other"': {
    then: ({ complaints }) => expect(complaints('config', 'get', 'categories')).toBe('food,drink,service,premises,price,other\n'),
  },
  'complaints config set channels "in-person,phone,email,whatsapp,other"': {
    then: ({ complaints }) => expect(complaints('config', 'get', 'channels')).toBe('in-person,phone,email,whatsapp,other\n'),
  },
  'complaints config set language zh-CN': {
    then: ({ complaints }) => expect(complaints('show', '--help')).toMatch(/^用法：/),
  },
  'complaints config set response-hours 48': {
    then: ({ complaints }) => expect(complaints('config', 'get', 'response-hours')).toBe('48\n'),
  },
  'complaints config set currency EUR': {
    then: ({ complaints }) => expect(complaints('config', 'get', 'currency')).toBe('EUR\n'),
  },
  'complaints config get till': {
    then: ({ stdout }) => expect(stdout).toMatch(/^.+ \(this computer's name\)\n$/),
  },
  'complaints config set till front': {
    then: ({ complaints }) => expect(complaints('config', 'get', 'till')).toBe('front\n'),
  },
  'complaints config set branch "High Street"': {
    then: ({ complaints }) => expect(complaints('config', 'get', 'branch')).toBe('High Street\n'),
  },
  "complaints config set branch ''": {
    then: ({ complaints }) => expect(complaints('config', 'get', 'branch')).toBe('(none)\n'),
  },

  'complaints backup ~/backups/complaints-$(date +%F).db': {
    then: ({ home, complaints }) => {
      const made = readdirSync(join(home, 'backups')).filter((name) => !['complaints.db', 'complaints-2026-11-23.db'].includes(name));
      expect(made).toEqual([expect.stringMatching(/^complaints-\d{4}-\d{2}-\d{2}\.db$/)]);
      expect(complaintsIn(complaints, `backups/${made[0]}`)).toBe(13);
    },
  },
  'complaints backup ~/backups/complaints.db --force': {
    // The copy made on the 20th held the first eight.
    then: ({ complaints }) => expect(complaintsIn(complaints, 'backups/complaints.db')).toBe(13),
  },

  'complaints export --status closed | complaints --db closed.db import -': {
    then: ({ complaints }) => {
      const closed = JSON.parse(complaints('list', '--status', 'closed', '--json')).length;
      expect(closed).toBeGreaterThan(0);
      expect(complaintsIn(complaints, 'closed.db')).toBe(closed);
    },
  },

  'complaints setup-roles > tills.sql': {
    // The seeded logbook is a file, so there is no SQL to write, and the file is left empty.
    then: ({ home }) => expect(readFileSync(join(home, 'tills.sql'), 'utf8')).toBe(''),
  },
  'complaints setup-roles --role tills': {
    then: ({ stderr }) => expect(stderr).toMatch(/^Nothing to set up: .* is a file; /),
  },
  'complaints help': {
    then: ({ stdout }) => expect(stdout).toMatch(/^Usage: complaints \[options\] \[command\]\n/),
  },
  'complaints help log': {
    then: ({ stdout }) => expect(stdout).toMatch(/^Usage: complaints log \[options\] \[text\.\.\.\]\n/),
  },
  'complaints sync': {
    then: ({ stdout }) => expect(stdout).toMatch(/^Nothing to send: .* is a file on this computer\.\n$/),
  },
  "complaints sync --from 'postgres://till@192.168.1.50/complaints'": {
    then: ({ stdout }) => expect(stdout).toBe('Nothing kept on this computer waits for postgres://till@192.168.1.50/complaints.\n'),
  },

  'complaints check': { then: ({ stdout }) => expect(stdout).toMatch(/^ok: 13 complaints, \d+ events, integrity ok\n$/) },
  'complaints check --db ~/backups/complaints-2026-11-23.db': {
    then: ({ stdout }) => expect(stdout).toMatch(/^ok: 10 complaints/),
  },
  'complaints check && complaints backup ~/backups/complaints.db --force': {
    then: ({ stdout, complaints }) => {
      expect(stdout).toMatch(/^ok: 13 complaints/);
      expect(complaintsIn(complaints, 'backups/complaints.db')).toBe(13);
    },
  },
  'complaints check --recount': { then: ({ stdout }) => expect(stdout).toMatch(/^ok: 13 complaints/) },

  'complaints forget "Ann Lee" --dry-run': {
    then: ({ stdout, unchanged }) => {
      expect(stdout).toContain('2 complaints: #1, #12');
      expect(unchanged()).toBe(true);
    },
  },
  'complaints forget "Ann Lee"': {
    talk: [
      ['Erase the name and contact of Ann Lee from 2 complaints (#1, #12)?', down],
      ['❯ Yes, erase them', enter],
    ],
    then: ({ complaint }) => {
      for (const id of [1, 12]) expect(complaint(id)).toMatchObject({ customer: null, contact: null });
    },
  },
  'complaints forget "0712 345678" --contact --yes': {
    then: ({ complaint }) => {
      for (const id of [1, 12]) expect(complaint(id)).toMatchObject({ customer: null, contact: null });
    },
  },
};

/** The ids a complaint table lists, in its order. */
function listed(table: string): number[] {
  return [...table.matchAll(/^#(\d+)\s/gm)].map((match) => Number(match[1]));
}

function rowsOf(csv: string | Buffer): Array<Record<string, string>> {
  return parse(csv, { columns: true, bom: true });
}

/** How many complaints a logbook file (a backup, say) in the home folder holds. */
function complaintsIn(complaints: Ran['complaints'], file: string): number {
  return JSON.parse(complaints('--db', file, 'list', '--json')).length;
}

// ---------------------------------------------------------------------------------------------
// The help pages and their examples, as the program prints them.

const runDir = mkdtempSync(join(tmpdir(), 'complaints-help-examples-'));
let folders = 0;

/** A new folder for a seed or for one run of an example. */
function freshFolder(): string {
  const folder = join(runDir, String(++folders));
  mkdirSync(folder);
  return folder;
}

const shims = freshFolder();
// `complaints` as npm link or a global install puts it on the PATH: the built binary.
writeFileSync(join(shims, 'complaints'), `#!/bin/sh\nexec ${shellQuote(process.execPath)} ${shellQuote(BIN)} "$@"\n`, { mode: 0o755 });

/** The languages the help is printed in: English, and Chinese as a Chinese shop's computer is set. */
type Language = 'en' | 'zh';
const LANG: Record<Language, string> = { en: 'C', zh: 'zh_CN.UTF-8' };

/** A help page as the binary prints it; it must exit 0. */
function printedHelp(command: string[], language: Language = 'en'): string {
  const env = { PATH: process.env.PATH ?? '', LANG: LANG[language] };
  const result = spawnSync(process.execPath, [BIN, ...command, '--help'], { encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(`complaints ${command.join(' ')} --help exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

interface Example {
  /** As printed after `$ `, comment and all. */
  line: string;
  /** The example without its comment: the key in the table of expectations. */
  command: string;
  comment: string;
  page: string;
}

function examplesOn(page: HelpPage): Example[] {
  const section = /^(?:Examples:|示例：)\n((?: {2}\$ .*\n)+)/m.exec(page.text)?.[1] ?? '';
  return [...section.matchAll(/^ {2}\$ (.*)$/gm)].map(([, line]) => {
    // A comment starts where bash starts one: a # at the start of a word.
    const [, command, comment = ''] = /^(.*?)(?:\s+#\s+(.*))?$/.exec(line!)!;
    return { line: line!, command: command!.trim(), comment, page: ['complaints', ...page.command].join(' ') };
  });
}

const pages = await helpPages(printedHelp);
const examples = pages.flatMap(examplesOn);
const commandNames = new Set(pages.map((page) => page.command.join(' ')));

/** The command an example runs first (after any global options), e.g. `causes rename`: the one whose seed it takes. */
function commandRun(example: Example): string {
  const words = example.command.split(/\s+/);
  const at = words.findIndex((word) => commandNames.has(word));
  if (at === -1) return '';
  const sub = `${words[at]} ${words[at + 1]}`;
  return commandNames.has(sub) ? sub : words[at]!;
}

// ---------------------------------------------------------------------------------------------
// Running the shop's commands and the examples.

const LOGBOOK = '.local/share/complaints/complaints.db';

function environment(home: string, now: string, language: Language = 'en'): Record<string, string> {
  return {
    PATH: `${shims}:${process.env.PATH ?? ''}`,
    HOME: home,
    LANG: LANG[language],
    // Europe/London is UTC in November, so the local times typed here are the stored ones.
    TZ: 'Europe/London',
    COMPLAINTS_DB: join(home, LOGBOOK),
    COMPLAINTS_NOW: now,
  };
}

/** Runs a command line through bash, as typed at a prompt in the home folder, with no terminal. */
function bash(home: string, line: string, now = NOW, language: Language = 'en') {
  const env = environment(home, now, language);
  const result = spawnSync('bash', ['-o', 'pipefail', '-c', line], { cwd: home, env, encoding: 'utf8', input: '' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

const seeded = new Map<string, { home: string; dump: string }>();

/**
 * The home folder of a seed, built once: the shop's commands run in turn, each at its time. In
 * Chinese, the logbook is made by a computer that speaks it, and the shop types its words in it.
 */
function seedHome(name: string, language: Language = 'en'): { home: string; dump: string } {
  const built = seeded.get(`${language} ${name}`);
  if (built) return built;
  const seed: Seed | undefined = (SEEDS as Record<string, Seed>)[name];
  if (!seed) throw new Error(`there is no seed named '${name}'`);
  const home = freshFolder();
  if (seed.from) cpSync(seedHome(seed.from, language).home, home, { recursive: true });
  for (const [when, typed] of seed.typed) {
    const line = language === 'zh' ? inChinese(typed) : typed;
    const result = bash(home, line, when, language);
    if (result.code !== 0) throw new Error(`seed '${name}': \`${line}\` exited ${result.code}: ${result.stderr}`);
  }
  const made = { home, dump: dumpDatabase(join(home, LOGBOOK)) };
  seeded.set(`${language} ${name}`, made);
  return made;
}

/** A fresh copy of the seed's home folder, logbook and files, for one run of an example. */
function homeFor(seed: SeedName, language: Language = 'en'): { home: string; dump: string } {
  const { home, dump } = seedHome(seed, language);
  const copy = freshFolder();
  cpSync(home, copy, { recursive: true });
  return { home: copy, dump };
}

function ranIn(home: string, seedDump: string, stdout: string, printed: unknown, stderr = ''): Ran {
  const complaints = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd: home, env: environment(home, NOW), encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`complaints ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return result.stdout;
  };
  return {
    stdout,
    stderr,
    printed,
    home,
    complaints,
    complaint: (id) => JSON.parse(complaints('show', String(id), '--json')),
    unchanged: () => dumpDatabase(join(home, LOGBOOK)) === seedDump,
  };
}

/** A person's side of the conversation: each prompt, then the keys pressed. */
async function converse(example: Example, home: string, talk: Expected['talk'] = [], language: Language = 'en') {
  const env = { ...environment(home, NOW, language), TERM: 'xterm-256color' };
  const terminal = new Terminal('bash', ['-o', 'pipefail', '-c', example.line], { env, cwd: home });
  for (const [prompt, ...keys] of talk) await terminal.answer(prompt, ...keys);
  return terminal.finished();
}

const hasJq = spawnSync('jq', ['--version']).status === 0;

async function runExample(example: Example, expected: Expected): Promise<Ran> {
  const seed = expected.seed ?? SEED_OF_COMMAND[commandRun(example)] ?? 'the café';
  const { home, dump } = homeFor(seed);
  if (atATerminal(example)) {
    const { code, screen } = await converse(example, home, expected.talk);
    expect(code, screen).toBe(0);
    return ranIn(home, dump, screen, undefined);
  }
  const piped = /^(.*?)\s*\|\s*jq\b/.exec(example.command);
  if (piped) {
    // What reaches jq is run on its own, and what jq makes of it worked out here; where jq is
    // installed, the whole line must print the same.
    if (!expected.jq) throw new Error(`say in the table what jq prints for: ${example.command}`);
    const before = bash(home, piped[1]!);
    expect(before.code, before.stderr).toBe(0);
    const printed = expected.jq(JSON.parse(before.stdout));
    if (hasJq) {
      const whole = bash(homeFor(seed).home, example.line);
      expect(whole.code, whole.stderr).toBe(0);
      expect(JSON.parse(whole.stdout)).toEqual(printed);
    }
    return ranIn(home, dump, before.stdout, printed, before.stderr);
  }
  const result = bash(home, example.line);
  expect(result.code, result.stderr).toBe(0);
  return ranIn(home, dump, result.stdout, undefined, result.stderr);
}

/** An example whose comment says it is for a person at a terminal, where it asks questions. */
function atATerminal(example: Example): boolean {
  return /\bat (a terminal|the till)\b|在终端里|在收银台/.test(example.comment);
}

// ---------------------------------------------------------------------------------------------

describe('the examples in --help', () => {
  it.each(pages.map((page) => ['complaints', ...page.command, '--help'].join(' ')))('%s shows at least one example', (help) => {
    expect(examples.filter((example) => `${example.page} --help` === help)).not.toEqual([]);
  });

  it('are the only ones the table of expectations describes', () => {
    const shown = new Set(examples.map((example) => example.command));
    expect(Object.keys(expectations).filter((command) => !shown.has(command))).toEqual([]);
  });

  // A loop rather than it.each, whose names cut an example off at 40 characters.
  for (const example of examples) {
    it(`run as printed and do what they say: ${example.page} --help: ${example.line}`, SLOW, async () => {
      const expected = expectations[example.command];
      if (!expected) throw new Error(`say in the table of expectations what this example does: ${example.command}`);
      const ran = await runExample(example, expected);
      expected.then?.(ran);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The examples as a Chinese shop reads them. Each stands for the English example in its place on
// the same page, with the words a person makes up (and the categories and channels a Chinese
// logbook has) in Chinese: run on the same seed typed in Chinese, it must leave the logbook as
// the English example leaves the English one, word for word but for the language.

/** Each English word or phrase of the examples and seeds, as a Chinese shop writes it. */
const CHINESE_WORDS: Readonly<Record<string, string>> = {
  'soup was cold': '汤是凉的',
  'Ann Lee': '刘敏',
  '0712 345678': '138 0013 8000',
  'tomato soup': '番茄汤',
  'rude on the phone': '电话里态度不好',
  yesterday: '昨天',
  Sam: '小张',
  'Sam Park': '张伟',
  'Li Na': '李娜',
  'cold food': '菜是凉的',
  'cold foood': '菜时凉的',
  wait: '等太久',
  'long wait at the till': '收银台排队太久',
  high: '高',
  venting: '发泄',
  refund: '退款',
  replacement: '更换',
  'new,triaged': '新,已分诊',
  last: '上周',
  tomorrow: '明天之前',
  'bought elsewhere': '在别家买的',
  'call before noon': '中午前打电话',
  'soup kettle thermostat': '汤锅温控器坏了',
  'thermostat replaced': '换了温控器',
  'we only refund what we sold; showed her our receipts': '只退本店卖出的东西；给她看了小票',
  'offer a voucher instead': '改送代金券',
  'happy with the refund': '对退款很满意',
  'still waiting for the part': '还在等配件',
  'left a voicemail': '留了语音留言',
  'called back, customer happy': '已回电，顾客满意',
  'High Street': '人民路店',
  'Corner Café': '街角咖啡馆',
  '2026-11': '11月',
  front: '前台',
  'food,drink,service,premises,price,other': '食品,饮料,服务,环境,价格,其他',
  'in-person,phone,email,whatsapp,other': '现场,电话,微信,抖音,其他',
  // A Chinese logbook's own categories and channels, the first channel its default.
  product: '产品',
  service: '服务',
  staff: '员工',
  premises: '环境',
  price: '价格',
  phone: '电话',
  email: '微信',
  'in-person': '现场',
};
const ENGLISH_WORDS = Object.fromEntries(Object.entries(CHINESE_WORDS).map(([english, chinese]) => [chinese, english]));

/**
 * A command line with each of its words or quoted values that is in CHINESE_WORDS in Chinese, the
 * longest run of words first ("Sam Park" before "Sam"), quoted as it was; the rest as it was.
 */
function inChinese(line: string): string {
  const words = [...line.matchAll(/"[^"]*"|'[^']*'|[^\s"']+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  let said = '';
  let copied = 0;
  for (let at = 0; at < words.length; at++) {
    for (let last = words.length - 1; last >= at; last--) {
      const text = line.slice(words[at]!.start, words[last]!.end);
      const quote = last === at && /^(["']).*\1$/.test(text) ? text[0]! : '';
      const chinese = CHINESE_WORDS[quote ? text.slice(1, -1) : text];
      if (chinese === undefined) continue;
      said += `${line.slice(copied, words[at]!.start)}${quote}${chinese}${quote}`;
      copied = words[last]!.end;
      at = last;
      break;
    }
  }
  return said + line.slice(copied);
}

/** A value from the logbook with its Chinese words in English; a JSON text's values each so. */
function inEnglish(value: unknown): unknown {
  if (typeof value === 'string') {
    if (value.startsWith('{')) return JSON.stringify(inEnglish(JSON.parse(value)));
    return ENGLISH_WORDS[value] ?? value;
  }
  if (Array.isArray(value)) return value.map(inEnglish);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, cell]) => [key, inEnglish(cell)]));
  return value;
}

/**
 * What an example leaves: the complaints and their timelines, in English words, and the files in
 * the home folder. Not what is drawn from the words in the language typed (the keys a customer
 * is found by), nor each complaint's random uid, nor when each event was written.
 */
function leftBehind(home: string): unknown {
  const { complaints, events } = JSON.parse(dumpDatabase(join(home, LOGBOOK)));
  const without = (rows: Array<Record<string, unknown>>, left: readonly string[]) => rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !left.includes(column))));
  const files = readdirSync(home, { recursive: true, encoding: 'utf8' }).filter((file) => !file.startsWith('.cache'));
  return { complaints: inEnglish(without(complaints, ['uid', 'customer_key', 'contact_key'])), events: inEnglish(without(events, ['written_at'])), files: files.sort() };
}

/** Runs an example in its seed's home, in its language, and returns what it left there. */
async function runIn(language: Language, example: Example, expected: Expected): Promise<unknown> {
  const seed = expected.seed ?? SEED_OF_COMMAND[commandRun(example)] ?? 'the café';
  const { home } = homeFor(seed, language);
  if (atATerminal(example)) {
    const talk = language === 'zh' ? CHINESE_TALK[example.command] : expected.talk;
    const { code, screen } = await converse(example, home, talk, language);
    expect(code, screen).toBe(0);
  } else {
    // What jq makes of the JSON is the same in both languages; the JSON is what is compared.
    const line = /^(.*?)\s*\|\s*jq\b/.exec(example.command)?.[1] ?? example.line;
    const result = bash(home, line, NOW, language);
    expect(result.code, result.stderr).toBe(0);
  }
  return leftBehind(home);
}

/** At a terminal, in Chinese, for each example that is not the English one's command as it is. */
const CHINESE_TALK: Record<string, Expected['talk']> = {
  'complaints forget "刘敏"': [
    ['要从 2 条投诉（#1、#12）中删除「刘敏」的姓名和联系方式吗？', down],
    ['❯ 是，删除', enter],
  ],
};

const chinesePages = pages.map((page) => ({ ...page, text: printedHelp(page.command, 'zh') }));

describe('the examples in Chinese --help', () => {
  for (const [index, page] of pages.entries()) {
    const english = examplesOn(page);
    const chinese = examplesOn(chinesePages[index]!);
    const help = ['complaints', ...page.command, '--help'].join(' ');

    it(`${help} shows as many examples in Chinese as in English, each the English one in Chinese words`, () => {
      expect(chinese.map((example) => example.command)).toEqual(english.map((example) => inChinese(example.command)));
      for (const [at, example] of english.entries()) {
        expect(chinese[at]!.comment, example.line).toMatch(example.comment ? /\p{Script=Han}/u : /^$/);
      }
    });

    for (const [at, example] of chinese.entries()) {
      // The English example asks the same in English at a terminal; the answers are not words.
      if (atATerminal(example) && example.command === english[at]?.command) continue;
      it(`run on a Chinese logbook as the English example on an English one: ${help}: ${example.line}`, SLOW, async () => {
        const expected = expectations[english[at]!.command] ?? {};
        expect(await runIn('zh', example, expected)).toEqual(await runIn('en', english[at]!, expected));
      });
    }
  }
});
