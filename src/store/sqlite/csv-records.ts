import { FORMULA_STARTS } from '../../domain/csv/formula.js';
import { FIELDS, type Field } from '../../domain/fields.js';
import type { ComplaintFilter } from '../../domain/filter.js';
import { PERSONAL_FIELDS } from '../../domain/person.js';
import type { RecordsText } from '../records-text.js';
import { complaintsFor, conditionsOf, limitOf } from './complaints.js';
import type { Db } from './open.js';

/**
 * How many ids a chunk of records spans. The driver hands each chunk over in a buffer of its own,
 * freed only when V8 next collects; it collects the sooner the more chunks it is given, each
 * leaving a little garbage of its own. 1,000,000 complaints took the same time at 25 ids a chunk
 * as at 500, in 72 MB rather than 100 MB.
 */
const IDS_PER_CHUNK = 25;

/**
 * Fewer matching complaints than one in this many of the ids between the first and the last are
 * better read through the filter's index, one row at a time: a chunk reads every complaint of its
 * ids, and a complaint read but not matched costs about a twentieth of one written from its row.
 * (The ids the program gives leave no gaps; those an import keeps may, which only makes an
 * export the sooner take the rows.)
 */
const SPARSE = 16;

/**
 * The export's CSV records, made by SQLite itself, in C, a chunk of ids at a time: of 1,000,000
 * complaints in 4.7 s, where writing them from the rows took 10.9 s (`sqlite3 -csv` on a plain
 * table of the same rows: 3.3–3.8 s). SQLite hands over one piece of text per chunk rather than
 * 33 values per complaint, which the driver turned into JavaScript values one by one.
 *
 * The records are those the program writes from the rows (csvRecord over csvRowMaker), byte for
 * byte, a property test holds the two together: text quoted where it holds a comma, a double
 * quote or a line break, a cell a spreadsheet would run as a formula guarded with a leading ',
 * amounts as decimals, the remedies as remediesCell writes them, customer and contact empty
 * when `redact`.
 *
 * Complaints too few among those around them are written from their rows (`fromRows`), found
 * through the filter's index. Everything is read in one transaction, whatever the reader awaits.
 */
export async function* csvRecordsMadeBySqlite(
  db: Db,
  filter: ComplaintFilter,
  redact: boolean,
  fromRows: () => AsyncIterable<RecordsText>,
): AsyncGenerator<RecordsText> {
  const { conditions, params } = conditionsOf(filter);
  const where = conditions.map((condition) => ` AND ${condition}`).join('');
  db.exec('BEGIN');
  try {
    const { matching, first, last } = db.prepare(spanOf(filter, where)).get(params) as Span;
    if (first === null || last === null) return;
    if (matching !== null && matching * SPARSE < last - first + 1) {
      yield* fromRows();
      return;
    }
    // NOT INDEXED: each chunk reads its span of ids, whatever index the filter has (with one, SQLite
    // would read all the filter's complaints for every chunk). Each chunk begins at a complaint,
    // however far apart the ids of imported complaints are.
    const chunk = db
      .prepare(
        `SELECT count(*), CAST(group_concat(record, '') AS BLOB), (SELECT min(id) FROM complaints WHERE id > @chunkLast) FROM (
           SELECT ${recordOf(redact)} AS record FROM complaints NOT INDEXED
            WHERE id BETWEEN @chunkFirst AND @chunkLast ${where} ORDER BY id)`,
      )
      .raw();
    for (let chunkFirst: number | null = first; chunkFirst !== null && chunkFirst <= last; ) {
      const chunkLast = Math.min(last, chunkFirst + IDS_PER_CHUNK - 1);
      const [rows, text, next] = chunk.get({ ...params, chunkFirst, chunkLast }) as [number, Buffer | null, number | null];
      if (text !== null) yield { rows, text };
      chunkFirst = next;
    }
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
  }
}

/**
 * The first and last id of an export, with --limit of the first so many (every complaint of the
 * filter between the two is in it), and how many complaints match: none said when every
 * complaint does, as none is then read in vain.
 */
interface Span {
  matching: number | null;
  first: number | null;
  last: number | null;
}

function spanOf(filter: ComplaintFilter, where: string): string {
  // Every complaint: SQLite finds the ends of the ids at once, where counting the complaints read
  // an index (0.25 s of 1,000,000).
  if (where === '' && filter.limit === undefined) {
    return `SELECT NULL AS matching, (SELECT min(id) FROM complaints) AS first, (SELECT max(id) FROM complaints) AS last`;
  }
  // Without a limit, in no order, so that SQLite may count in an index rather than read every
  // complaint in the order of their ids (0.5 s of 1,000,000).
  const matching = `FROM ${complaintsFor(filter)} WHERE 1 ${where}`;
  const ids = filter.limit === undefined ? matching : `FROM (SELECT id ${matching} ORDER BY id ${limitOf(filter)})`;
  return `SELECT count(*) AS matching, min(id) AS first, max(id) AS last ${ids}`;
}

/** One complaint's record as SQL: its cells in the order of FIELDS, then CRLF. */
function recordOf(redact: boolean): string {
  const withheld: readonly string[] = redact ? PERSONAL_FIELDS : [];
  const cells = FIELDS.map((field) => (withheld.includes(field.name) ? `''` : cellOf(field)));
  // concat() writes none as nothing (concat_ws would leave out its comma too).
  return `concat(${cells.join(`, ',', `)}, '\r\n')`;
}

function cellOf(field: Field): string {
  switch (field.kind.type) {
    case 'text':
    case 'name':
    case 'category':
    case 'channel':
    case 'cause':
      return textCell(field.name);
    case 'money':
      return money(field.name);
    case 'remedies':
      return REMEDIES_CELL;
    // A number, or what the program alone writes: an ISO time, a word of a fixed list, a uid. None
    // holds a comma, a quote or a line break, or starts as a formula does.
    case 'id':
    case 'satisfaction':
    case 'scores':
    case 'time':
    case 'choice':
    case 'uid':
      return field.name;
  }
}

const FORMULA_CODES = FORMULA_STARTS.map((character) => character.codePointAt(0)!);
// Every character a formula starts with is below the first capital or from the first of the
// fullwidth signs on: asked first, a comparison spares nearly every cell the call to unicode().
const AFTER_ASCII_STARTS = String.fromCodePoint(Math.max(...FORMULA_CODES.filter((code) => code < 0x80)) + 1);
const FIRST_WIDE_START = String.fromCodePoint(Math.min(...FORMULA_CODES.filter((code) => code >= 0x80)));

/**
 * A text cell as guardFormula and csvRecord write it. The program's text holds no NUL (an
 * argument cannot, import refuses it), where GLOB would stop.
 */
function textCell(column: string): string {
  const mayStartFormula = `(${column} < '${AFTER_ASCII_STARTS}' OR ${column} >= '${FIRST_WIDE_START}')`;
  const startsFormula = `unicode(ltrim(${column}, '''')) IN (${FORMULA_CODES.join(', ')})`;
  return `CASE WHEN ${mayStartFormula} AND ${startsFormula} THEN ${quoted(`'''' || ${column}`)} ELSE ${quoted(column)} END`;
}

function quoted(text: string): string {
  return `CASE WHEN ${text} GLOB '*[",\r\n]*' THEN '"' || replace(${text}, '"', '""') || '"' ELSE ${text} END`;
}

/** An amount in minor units as formatMoney writes it (4.50, -0.05); none for none. */
function money(minor: string): string {
  return `iif(${minor} IS NULL, NULL, printf('%s%d.%02d', iif(${minor} < 0, '-', ''), abs(${minor}) / 100, abs(${minor}) % 100))`;
}

// The remedies as remediesCell writes them, kept with each complaint (migrations/sqlite/0019); as
// elsewhere, none where the complaint has no remedy.
const REMEDIES_CELL = `iif(remedy IS NULL, NULL, remedies_given)`;
