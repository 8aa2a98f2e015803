/**
 * The first characters a spreadsheet runs as a formula (after OWASP's list, with the fullwidth
 * lookalikes that some spreadsheets read as the same), any leading 's aside. SQLite's export
 * writes its guard from the same list (store/sqlite/csv-records.ts).
 */
export const FORMULA_STARTS: readonly string[] = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

const STARTS_CLASS = FORMULA_STARTS.map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const FORMULA = new RegExp(`^'*[${STARTS_CLASS}]`);
const GUARD = new RegExp(`^'(?='*[${STARTS_CLASS}])`);

// The first characters of a cell that may need a guard: an export asks of every cell, and a look-up
// costs less than the regular expression.
const MAY_NEED_GUARD = new Set(["'", ...FORMULA_STARTS].map((character) => character.charCodeAt(0)));

/**
 * A text cell as export writes it: one more ' before a cell a spreadsheet would run as a formula,
 * also when it already starts with 's, so that import, removing one ', gives back exactly what was
 * stored.
 */
export function guardFormula(cell: string): string {
  return MAY_NEED_GUARD.has(cell.charCodeAt(0)) && FORMULA.test(cell) ? `'${cell}` : cell;
}

/** A cell as it was before export neutralised it: one leading ' removed, only where a formula character follows. */
export function unguardFormula(cell: string): string {
  // Most cells do not start with a quote; asked first, it spares an import the pattern on every cell.
  return cell.startsWith("'") && GUARD.test(cell) ? cell.slice(1) : cell;
}
