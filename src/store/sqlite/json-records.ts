import { FIELDS, type Field } from '../../domain/fields.js';
import type { ComplaintFilter } from '../../domain/filter.js';
import { JSON_ELEMENT_SEPARATOR } from '../../domain/record.js';
import type { RecordsText } from '../records-text.js';
import { conditionsOf } from './complaints.js';
import type { Db } from './open.js';

/**
 * How many complaints a run of elements holds. 1,000,000 complaints took 6.7 s at 25 a run and
 * 5.3 s at 100 (each run is a statement begun again), in the same 94 MB.
 */
const COMPLAINTS_PER_RUN = 100;

/**
 * What a list may ask for and still be walked: the walk passes no complaint it does not write
 * but the few withdrawn. Any other filter is read through its own index: one of status, for
 * example, matching 250 complaints of 1,000,000, took 0.19 s through its index and 0.37 s walked; counting
 * first whether a filter matches enough to be worth walking took as long as reading the rows.
 */
const WALKED: ReadonlySet<string> = new Set(['order', 'limit', 'standing', 'since', 'until']);

/**
 * The elements of a list's JSON array, newest first, made by SQLite itself, in C, a run of
 * complaints at a time: 1,000,000 complaints in 5.3 s, where writing them from the rows took
 * 13.4 s (export, 5.1 s). SQLite hands over one piece of text per run rather than 33 values per
 * complaint, which the driver turned into JavaScript values one by one.
 *
 * The elements are those the program writes (jsonArrayElement of recordMaker), byte for byte; a
 * property test holds the two together. json_quote escapes as JSON.stringify does (the same
 * short escapes, \u00XX in lower case for the rest of the control characters, nothing else);
 * amounts are written as the shortest decimal, as JavaScript writes a number of two places.
 *
 * The runs walk complaints_for_report from the newest complaint back, each from where the last
 * ended. Other orders and narrower filters are written from their rows (`fromRows`). Everything
 * is read in one transaction, whatever the reader awaits.
 */
export async function* jsonElementsMadeBySqlite(
  db: Db,
  filter: ComplaintFilter,
  fromRows: () => AsyncIterable<RecordsText>,
  complaintsPerRun = COMPLAINTS_PER_RUN,
): AsyncGenerator<RecordsText> {
  const { conditions, params } = conditionsOf(filter);
  const where = conditions.map((condition) => ` AND ${condition}`).join('');
  db.exec('BEGIN');
  try {
    if (!isWalked(filter)) {
      yield* fromRows();
      return;
    }
    const newest = db
      .prepare(`SELECT occurred_at, id FROM complaints INDEXED BY complaints_for_report ORDER BY occurred_at DESC, id DESC LIMIT 1`)
      .raw()
      .get() as [unknown, number] | undefined;
    if (newest === undefined) return;
    // Each run ends with the complaint whose key, when it happened and its id, is the least; its
    // occurred_at and id are those of the row that min() picks, as SQLite gives the bare columns
    // of a query with one min(). The space sorts below every character of a time, so that the
    // key's text sorts as the pair does; were a time stored otherwise, each run would still end
    // below where it began.
    const run = db
      .prepare(
        `SELECT count(*), CAST(group_concat(element, '${JSON_ELEMENT_SEPARATOR}') AS BLOB), min(printf('%s %020d', occurred_at, id)), occurred_at, id FROM (
           SELECT ${ELEMENT} AS element, occurred_at, id FROM complaints INDEXED BY complaints_for_report
            WHERE (occurred_at, id) < (@before, @beforeId) ${where} ORDER BY occurred_at DESC, id DESC LIMIT @take)`,
      )
      .raw();
    let [before, beforeId]: [unknown, number] = [newest[0], newest[1] + 1];
    for (let left = filter.limit ?? Infinity; left > 0; ) {
      const [rows, text, , lastAt, lastId] = run.get({ ...params, before, beforeId, take: Math.min(left, complaintsPerRun) }) as [
        number,
        Buffer | null,
        string | null,
        unknown,
        number,
      ];
      if (text === null) return;
      yield { rows, text };
      left -= rows;
      [before, beforeId] = [lastAt, lastId];
    }
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
  }
}

function isWalked(filter: ComplaintFilter): boolean {
  if (filter.order !== 'newest first') return false;
  return Object.entries(filter).every(([name, value]) => value === undefined || WALKED.has(name));
}

const NL = '\n';

function valueOf(field: Field): string {
  switch (field.kind.type) {
    case 'money':
      return amount(field.name);
    case 'remedies':
      return REMEDIES;
    case 'scores':
      return `iif(${field.name} IS NULL, '[]', '[${NL}      ' || replace(${field.name}, '; ', ',${NL}      ') || '${NL}    ]')`;
    default:
      // null for none, a number as it is, text quoted.
      return `json_quote(${field.name})`;
  }
}

/** An amount in minor units as JSON.stringify writes it in currency units (4.5, 20, -0.05); null for none. */
function amount(minor: string): string {
  return `iif(${minor} IS NULL, 'null', iif(${minor} % 100 = 0, ${minor} / 100, printf('%s%d.%s', iif(${minor} < 0, '-', ''), abs(${minor}) / 100, rtrim(printf('%02d', abs(${minor}) % 100), '0'))))`;
}

// The remedies, oldest first, as an array of records indented within the complaint's, read from
// their table.
const REMEDIES_READ = `(
    SELECT '[${NL}' || group_concat(remedy_given, ',${NL}') || '${NL}    ]' FROM (
      SELECT '      {${NL}        "given_at": ' || json_quote(given_at) || ',${NL}        "remedy": ' || json_quote(remedy) || ',${NL}        "cost": ' || ${amount('cost_minor')} || '${NL}      }' AS remedy_given
        FROM remedies WHERE complaint_id = complaints.id ORDER BY given_at, id))`;

// One remedy, the most a complaint has, made from what the complaint keeps for export
// (remedies_given, migrations/sqlite/0019: "given_at remedy cost", the cost with two decimals):
// reading the remedies' table for each complaint took ~10 % of a list of 1,000,000 (8.9 s, now
// 8.1 s, in turn on a noisy machine). A time as the program writes it is 24 characters; a remedy
// is a word of a fixed list; the cost's trailing zeros (and then point) go, as JSON.stringify
// writes the amount. Two remedies, or a kept value of another shape, are read from the table.
const ONE_REMEDY_KEPT = `instr(remedies_given, ';') = 0 AND substr(remedies_given, 25, 1) = ' '`;
const ONE_REMEDY_BEGUN = `'[${NL}      {${NL}        "given_at": "' || substr(remedies_given, 1, 24) || '",${NL}        "remedy": "' ||
    replace(rtrim(rtrim(substr(remedies_given, 26), '0'), '.'), ' ', '",${NL}        "cost": ')`;
const ONE_REMEDY = `iif(remedies_given GLOB '* * *', ${ONE_REMEDY_BEGUN} || '${NL}      }${NL}    ]', ${ONE_REMEDY_BEGUN} || '",${NL}        "cost": null${NL}      }${NL}    ]')`;

// The remedies; [] for none.
const REMEDIES = `iif(remedy IS NULL, '[]', iif(${ONE_REMEDY_KEPT}, ${ONE_REMEDY}, ${REMEDIES_READ}))`;

/**
 * One complaint's element as SQL: as jsonArrayElement writes it, its fields in the order of FIELDS.
 * One printf of the whole element rather than concat() of its 66 pieces: 1,000,000 complaints'
 * elements in 5.1-5.2 s rather than 5.9-6.3 s (SQLite alone, the same 1.09 GB byte for byte). The
 * column names, being SQL names, hold no % to escape and no quote.
 */
const ELEMENT = `printf('${FIELDS.map(
  (field, index) => `${index === 0 ? `  {${NL}` : ''}    "${field.column}": %s${index === FIELDS.length - 1 ? `${NL}  }` : `,${NL}`}`,
).join('')}', ${FIELDS.map(valueOf).join(', ')})`;
