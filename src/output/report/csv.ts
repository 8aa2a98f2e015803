import { stringify } from 'csv-stringify/sync';
import type { Pareto } from '../../domain/pareto.js';

const REPORT_CSV_COLUMNS = ['rank', 'key', 'count', 'percent', 'cumulative_percent', 'vital'] as const;

/**
 * The Pareto rows as CSV, like `export`: CRLF records, and keys a spreadsheet would run as a
 * formula neutralised with a leading `'`.
 */
export function reportCsv(pareto: Pareto): string {
  return stringify(
    pareto.rows.map((row, index) => [
      index + 1,
      row.key,
      row.count,
      row.percent.toFixed(2),
      row.cumulativePercent.toFixed(2),
      row.vital ? 'true' : 'false',
    ]),
    { header: true, columns: [...REPORT_CSV_COLUMNS], record_delimiter: 'windows', escape_formulas: true },
  );
}
