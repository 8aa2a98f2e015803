/** A count and its noun, singular for exactly one: `counted(1, 'complaint')` is "1 complaint". */
export function counted(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
