// Logbooks that tests on the binary (test/e2e) and in-process (test/commands) both start from,
// written as the commands that make them: each test file runs them in order on its own logbook,
// with the clock a seed names, and every one must succeed.

/** Command lines that bring a new logbook to a state the tests describe. */
export type Seed = readonly string[][];

/**
 * A complaint in every status, at Monday 2026-11-23 10:00 in London (the harness's clock):
 *   #1 new       occurred 11-23 08:00, respond by 11-24 08:00
 *   #2 triaged   occurred 11-21 09:00, overdue since 11-22 09:00
 *   #3 assigned  occurred 11-22 12:00 to Sam, respond by 11-23 12:00
 *   #4 resolved  occurred 11-10 10:00 to sam, resolved 11-18 (follow-up due after 3 days)
 *   #5 closed    occurred 11-02, satisfaction 4
 *   #6 rejected  occurred 11-22 15:00
 *   #7 new       occurred 11-01, overdue since 11-02
 */
export const EVERY_STATUS: Seed = [
  ['log', 'soup was cold', '--customer', 'Ann Lee', '--contact', 'ann@example.com', '--at', '2026-11-23 08:00'],
  ['log', 'rude at the till', '--customer', 'Bob Hart', '--at', '2026-11-21 09:00'],
  ['log', 'van came a day late', '--customer', 'Cy Young', '--at', '2026-11-22 12:00'],
  ['log', 'jumper was the wrong size', '--customer', 'Di Ross', '--contact', '07700 900123', '--at', '2026-11-10 10:00'],
  ['log', 'coffee was cold', '--at', '2026-11-02'],
  ['log', 'prices too high', '--at', '2026-11-22 15:00'],
  ['log', 'dirty table', '--at', '2026-11-01'],
  ['triage', '2', '--category', 'staff', '--cause', 'rude staff', '--at', '2026-11-21 10:00'],
  ['triage', '3', '--category', 'delivery', '--cause', 'late van', '--at', '2026-11-22 13:00'],
  ['assign', '3', 'Sam', '--at', '2026-11-22 13:05'],
  ['triage', '4', '--category', 'product', '--cause', 'wrong size', '--severity', 'low', '--at', '2026-11-10 11:00'],
  ['assign', '4', 'sam', '--at', '2026-11-10 11:05'],
  [
    'resolve', '4', '--remedy', 'replacement', '--cost', '24.99', '--root-cause', 'mislabelled shelf',
    '--action', 'shelf relabelled', '--at', '2026-11-18 10:00',
  ],
  ['triage', '5', '--category', 'product', '--cause', 'cold drinks', '--at', '2026-11-02 09:00'],
  ['resolve', '5', '--remedy', 'apology', '--at', '2026-11-03 09:00'],
  ['follow-up', '5', '--satisfaction', '4', '--at', '2026-11-06 09:00'],
  ['triage', '6', '--reject', '--reason', 'prices are on the board', '--at', '2026-11-22 16:00'],
];

/** Thirty complaints with long descriptions, so the logbook spans many pages; #1 triaged. */
export const THIRTY_COMPLAINTS: Seed = [
  ...Array.from({ length: 30 }, (_, i) => [
    'log', `complaint number ${i + 1}: ${'the soup was cold again '.repeat(8)}`, '--customer', `Customer ${i + 1}`, '--no-input',
  ]),
  ['triage', '1', '--category', 'product', '--cause', 'cold food'],
];
