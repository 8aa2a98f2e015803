/**
 * Some complaints' ids as a message names them: how many, the lowest and the highest. Kept as the
 * ids come rather than as a list of them, which a million-row import held to the end (~20 MB).
 */
export class IdSpan {
  count = 0;
  lowest = Infinity;
  highest = -Infinity;

  static of(ids: Iterable<number>): IdSpan {
    const span = new IdSpan();
    for (const id of ids) span.add(id);
    return span;
  }

  /** The span a store counted: `count` ids from `lowest` to `highest` (none of either when there are none). */
  static counted(count: number, lowest: number | null, highest: number | null): IdSpan {
    const span = new IdSpan();
    if (count > 0 && lowest !== null && highest !== null) Object.assign(span, { count, lowest, highest });
    return span;
  }

  add(id: number): void {
    this.count++;
    if (id < this.lowest) this.lowest = id;
    if (id > this.highest) this.highest = id;
  }
}
