import { describe, expect, it } from 'vitest';
import { tempLogbook } from './harness.js';

describe('a complaint carried through its whole life', () => {
  it('logs, triages, assigns, resolves and follows up, keeping every step on the timeline', () => {
    const book = tempLogbook();
    expect(book.ok(['log', 'soup was cold', '--customer', 'Ann Lee', '--no-input'])).toContain('Logged #1');
    book.ok(['triage', '1', '--category', 'product', '--cause', 'cold food']);
    book.ok(['assign', '#1', 'Sam']);
    book.ok(['resolve', '1', '--remedy', 'refund', '--cost', '4.50']);
    book.ok(['follow-up', '1', '--satisfaction', '5']);
    const shown = JSON.parse(book.ok(['show', '1', '--json']));
    expect(shown.status).toBe('closed');
    expect(shown.cost).toBe(4.5);
    expect(shown.timeline.map((e: { action: string }) => e.action)).toEqual([
      'logged',
      'triaged',
      'assigned',
      'resolved',
      'followed-up',
    ]);
  });
});
