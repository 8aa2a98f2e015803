/**
 * The line of a file each complaint's id was read at, so that an id given twice can be refused
 * naming the line it was first given at. A file's ids mostly come in rising order (export writes
 * them so): those are kept in two growing arrays of numbers, 16 bytes an id, and found by
 * halving; any that come out of order are kept in a Map. A Map of every id took ~72 MB of a
 * million-row import's memory.
 */
export class LinesById {
  private ids = new Float64Array(1024);
  private lines = new Float64Array(1024);
  private rising = 0;
  private readonly outOfOrder = new Map<number, number>();

  /** The line `id` was read at, if it was. */
  lineOf(id: number): number | undefined {
    return this.risingLineOf(id) ?? this.outOfOrder.get(id);
  }

  /** Keeps the line `id` was read at; an id is kept once (lineOf first). */
  keep(id: number, line: number): void {
    if (this.rising > 0 && id <= this.ids[this.rising - 1]!) {
      this.outOfOrder.set(id, line);
      return;
    }
    if (this.rising === this.ids.length) {
      this.ids = grown(this.ids);
      this.lines = grown(this.lines);
    }
    this.ids[this.rising] = id;
    this.lines[this.rising] = line;
    this.rising++;
  }

  private risingLineOf(id: number): number | undefined {
    let low = 0;
    let high = this.rising - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = this.ids[middle]!;
      if (at === id) return this.lines[middle];
      if (at < id) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}

function grown(values: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const larger = new Float64Array(values.length * 2);
  larger.set(values);
  return larger;
}
