import type { Pareto } from '../../domain/pareto.js';
import { csvChunks } from '../csv.js';

const REPORT_CSV_COLUMNS = ['rank', 'key', 'count', 'percent', 'cumulative_percent', 'vital'] as const;

/** The Pareto rows as CSV, written as export writes its rows (CRLF, quotes, formula guard). */
export async function reportCsv(pareto: Pareto): Promise<string> {
  const rows = pareto.rows.map((row, index) => [
    index + 1,
    row.key,
    row.count,
    row.percent.toFixed(2),
    row.cumulativePercent.toFixed(2),
    row.vital ? 'true' : 'false',
  ]);
  const chunks: Buffer[] = [];
  for await (const chunk of csvChunks(REPORT_CSV_COLUMNS, oneBatch(rows), { bom: false })) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function* oneBatch<T>(rows: T): AsyncGenerator<T> {
  yield rows;
}
