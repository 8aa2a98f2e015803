import type { Remedy } from '../complaint.js';
import { FIELDS, placesOfFields, type Field } from '../fields.js';
import { guardFormula } from './formula.js';
import { formatMoney } from '../money.js';
import { PERSONAL_FIELDS } from '../person.js';
import { remediesCell } from '../remedies.js';

/** A cell of an export row: text, a number, or null for what was never given. */
export type CsvCell = string | number | null;

/** How a field's stored value is written in a cell, where it is not written as it is. */
function writerOf(field: Field): ((value: unknown) => CsvCell) | undefined {
  switch (field.kind.type) {
    case 'money':
      return (minor) => formatMoney(minor as number);
    case 'remedies':
      return (json) => remediesCell(JSON.parse(json as string) as Remedy[]);
    default:
      return undefined;
  }
}

/**
 * Turns rows of the logbook's columns, in the order `columns` names them, into export rows: a
 * cell for each field in the order of FIELDS, amounts as decimal strings ("4.50"), the remedies
 * (JSON text in the row) as remediesCell writes them, customer and contact empty when redacted.
 * Where each cell comes from is worked out once, as an export turns every row.
 */
export function csvRowMaker(columns: readonly string[], redact: boolean): (row: readonly unknown[]) => CsvCell[] {
  const withheld: readonly string[] = redact ? PERSONAL_FIELDS : [];
  const places = placesOfFields(columns);
  const cells = FIELDS.map((field, index) => (withheld.includes(field.name) ? null : { source: places[index]!, write: writerOf(field) }));
  return (row) => {
    const made = new Array<CsvCell>(cells.length);
    for (let index = 0; index < cells.length; index++) {
      const cell = cells[index]!;
      if (cell === null) {
        made[index] = null;
        continue;
      }
      const value = row[cell.source] as CsvCell;
      made[index] = value === null || cell.write === undefined ? value : cell.write(value);
    }
    return made;
  };
}

// Quotes go around a cell holding a comma, a double quote or any line break: a lone LF or CR
// written bare ends the record for Excel and Python's csv module, which then split the row.
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * An export row as one CSV record, ending in CRLF (RFC 4180): cells a spreadsheet would run as a
 * formula neutralised with a leading ', quotes only where a cell needs them.
 */
export function csvRecord(cells: readonly CsvCell[]): string {
  let line = csvCell(cells[0] ?? null);
  for (let index = 1; index < cells.length; index++) line += ',' + csvCell(cells[index]!);
  return line + '\r\n';
}

function csvCell(cell: CsvCell): string {
  if (typeof cell !== 'string') return cell === null ? '' : numberText(cell);
  const guarded = guardFormula(cell);
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/**
 * String() would keep the text of each number in V8's number-to-string cache, which outlives
 * young garbage: the texts of a million ids then pile up in the old generation until a full
 * collection, and the export's memory grows with the logbook. toFixed(0) has no such cache and
 * writes a whole number as String() does.
 */
function numberText(value: number): string {
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}
