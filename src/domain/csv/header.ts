import { t } from '../../language/messages.js';
import { FIELDS, type RecordColumn } from '../fields.js';
import { RECORD_COLUMNS } from '../record.js';
import { atLine } from './encoding.js';

/** The columns a complaint cannot do without; any other may be left out of a file. */
export const REQUIRED_COLUMNS: readonly RecordColumn[] = FIELDS.filter((field) => field.required).map((field) => field.column);

/** A header row checked: every column known, none twice, the required ones present. Names are matched without case. */
export function checkHeader(cells: readonly string[], line: number): RecordColumn[] {
  const columns: RecordColumn[] = [];
  for (const cell of cells) {
    const name = cell.trim().toLowerCase();
    const column = RECORD_COLUMNS.find((known) => known === name);
    if (column === undefined) {
      throw atLine(line, t('csv.notColumn', { cell, columns: RECORD_COLUMNS.join(', ') }));
    }
    if (columns.includes(column)) throw atLine(line, t('csv.columnTwice', { column }));
    columns.push(column);
  }
  const missing = REQUIRED_COLUMNS.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw atLine(line, t('csv.headerLacks', { missing: missing.join(', '), required: REQUIRED_COLUMNS.join(', ') }));
  }
  return columns;
}
