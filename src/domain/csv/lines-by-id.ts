/**
 * The line of a file each complaint's id was read at, so that an id given twice can be refused
 * naming the line it was first given at. A file's ids mostly come in rising order (export writes
 * them so): those are kept in growing arrays, found by halving, and any that come out of order
 * in a Map. Where ids rise by one on lines evenly spaced (the rows of an export, each on one line
 * or each on two), only the first and last of the stretch are kept: a whole export takes a few
 * entries, so the memory it takes does not grow with the file. Ids with gaps take 17 bytes each.
 * A Map of every id took ~72 MB of a million-row import's memory, arrays of every id 16 MB.
 */
export class LinesById {
  private ids = new Float64Array(1024);
  private lines = new Float64Array(1024);
  // 1 where every id between this entry's and the next's was read too, on the lines between.
  private joined = new Uint8Array(1024);
  private rising = 0;
  private readonly outOfOrder = new Map<number, number>();

  /** The line `id` was read at, if it was. */
  lineOf(id: number): number | undefined {
    return this.risingLineOf(id) ?? this.outOfOrder.get(id);
  }

  /** Keeps the line `id` was read at; an id is kept once (lineOf first). */
  keep(id: number, line: number): void {
    const last = this.rising - 1;
    if (last >= 0 && id <= this.ids[last]!) {
      this.outOfOrder.set(id, line);
      return;
    }
    const follows = last >= 0 && id === this.ids[last]! + 1;
    if (follows && last >= 1 && this.joined[last - 1] === 1 && line - this.lines[last]! === this.stepAfter(last - 1)) {
      this.ids[last] = id;
      this.lines[last] = line;
      return;
    }
    if (this.rising === this.ids.length) {
      this.ids = grown(this.ids, new Float64Array(this.rising * 2));
      this.lines = grown(this.lines, new Float64Array(this.rising * 2));
      this.joined = grown(this.joined, new Uint8Array(this.rising * 2));
    }
    this.ids[this.rising] = id;
    this.lines[this.rising] = line;
    if (follows) this.joined[last] = 1;
    this.rising++;
  }

  /** The lines between one id and the next from `entry` to the entry after it. */
  private stepAfter(entry: number): number {
    return (this.lines[entry + 1]! - this.lines[entry]!) / (this.ids[entry + 1]! - this.ids[entry]!);
  }

  private risingLineOf(id: number): number | undefined {
    // The last entry at or below `id`.
    let low = 0;
    let high = this.rising - 1;
    let below = -1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (this.ids[middle]! <= id) {
        below = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (below === -1) return undefined;
    if (this.ids[below] === id) return this.lines[below];
    if (below + 1 < this.rising && this.joined[below] === 1) return this.lines[below]! + (id - this.ids[below]!) * this.stepAfter(below);
    return undefined;
  }
}

function grown<T extends Float64Array<ArrayBuffer> | Uint8Array<ArrayBuffer>>(values: T, larger: T): T {
  larger.set(values);
  return larger;
}
