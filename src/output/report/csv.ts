import type { Pareto } from '../../domain/pareto.js';
import { csvChunks } from '../csv.js';

const REPORT_CSV_COLUMNS = ['rank', 'key', 'count', 'percent', 'cumulative_percent', 'vital'] as const;

/** The Pareto rows as CSV, written as export writes its rows (CRLF, quotes, formula guard). */
export function reportCsv(pareto: Pareto): string {
  const rows = pareto.rows.map((row, index) => [
    index + 1,
    row.key,
    row.count,
    row.percent.toFixed(2),
    row.cumulativePercent.toFixed(2),
    row.vital ? 'true' : 'false',
  ]);
  return Buffer.concat([...csvChunks(REPORT_CSV_COLUMNS, rows, { bom: false })]).toString('utf8');
}
