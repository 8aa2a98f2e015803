import { t } from '../../language/messages.js';
import { FIELDS, fieldLabel, type RecordColumn } from '../fields.js';
import { RECORD_COLUMNS } from '../record.js';
import { atLine } from './encoding.js';

/** The columns a complaint cannot do without; any other may be left out of a file. */
export const REQUIRED_COLUMNS: readonly RecordColumn[] = FIELDS.filter((field) => field.required).map((field) => field.column);

/**
 * A header row checked: every column known, none twice, the required ones present. Names are
 * matched without case, and may be as show and list head them in the language spoken (状态,
 * 发生时间, 编号, 投诉), as a spreadsheet of the shop's own may.
 */
export function checkHeader(cells: readonly string[], line: number): RecordColumn[] {
  const columns: RecordColumn[] = [];
  const byLabel = columnsByLabel();
  for (const cell of cells) {
    const name = cell.trim().toLowerCase();
    const column = RECORD_COLUMNS.find((known) => known === name) ?? byLabel.get(name);
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

function columnsByLabel(): Map<string, RecordColumn> {
  const labelled: Array<[string, RecordColumn]> = [[t('table.id'), 'id'], [t('table.complaint'), 'description']];
  for (const field of FIELDS) if (field.shown !== null) labelled.push([fieldLabel(field.shown), field.column]);
  return new Map(labelled.map(([label, column]) => [label.trim().toLowerCase(), column]));
}
