import type { Remedy } from '../complaint.js';
import { FIELDS, placesOfFields, type Field } from '../fields.js';
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
