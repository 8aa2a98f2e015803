import { stringify, type Stringifier } from 'csv-stringify';
import { guardQuotedFormula } from '../domain/csv-row.js';

/**
 * A stream turning records into the CSV every export writes: a header row, records ending in CRLF
 * (RFC 4180), cells a spreadsheet would run as a formula neutralised with a leading ', and with
 * `bom` a UTF-8 byte order mark so that Excel reads Chinese text as UTF-8.
 */
export function csvStringifier(columns: readonly string[], options: { bom: boolean }): Stringifier {
  return stringify({
    header: true,
    columns: [...columns],
    record_delimiter: '\r\n',
    escape_formulas: true,
    bom: options.bom,
    cast: { string: guardQuotedFormula },
  });
}
