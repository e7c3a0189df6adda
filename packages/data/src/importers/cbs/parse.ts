import { pipeline } from 'node:stream/promises';
import { parse as parseCsvStream } from 'csv-parse';
import { guessDelimiter, readCsv } from '../csv';
import { issue, type ImportIssue, type ParseResult } from '../issues';
import { CbsAggregator } from './aggregate';
import type { Observation } from './dimensions';
import { readJson } from './read-json';
import { csvLayout, csvRowObservations, type CsvLayout } from './read-csv';
import {
  measureMismatch,
  resolveTable,
  type CbsMeasure,
  type CbsRecord,
  type ParseCbsStatlineOptions,
  type ResolvedTable,
} from './tables';

/**
 * Parser for CBS StatLine tables in the formats CBS publishes:
 *
 * - OData v3 JSON (opendata.cbs.nl/ODataApi/odata/<table>/TypedDataSet or UntypedDataSet):
 *   `{"odata.metadata": ".../<table>/$metadata#...", "value": [{"ID": 0, "Geslacht": "T001038",
 *   "Leeftijd": "10000", "RegioS": "GM0014  ", "Perioden": "2021JJ00", "BevolkingOp1Januari_1": 233273}]}`
 *   Region codes are padded with spaces; missing values are null (typed) or "." (untyped).
 * - OData v4 JSON (odata4.cbs.nl/CBS/<table>/Observations): one row per measure with
 *   `Measure` (e.g. M000352 = Bevolking op 1 januari), `Value`, `ValueAttribute` and the dimensions.
 * - CSV of the same data sets: semicolon-separated, every field quoted, same keys as the JSON.
 * - StatLine "export" CSV: semicolon-separated, quoted, Dutch labels instead of codes
 *   ("Perioden";"Regio's";"Bevolking op 1 januari (aantal)"), values right-aligned with spaces,
 *   measure headers may be paths ("Bevolking/.../Totale bevolking (aantal)"). Region labels are
 *   names, so these need `regionCodesByName`.
 *
 * Supported tables (others parse when their columns have the same shape; the id is recorded):
 * 03759ned population by sex, age (single years) and region; 37259ned population development
 * incl. deaths per region and sex; 03747 deaths by sex, age, marital status and region;
 * 70072ned regional key figures (total population); 85171NED / 85173NED regional population
 * prognosis 2023–2050 (PBL/CBS, regio-indeling 2021, values in thousands, with 67% interval).
 *
 * Ages are aggregated to the bands 0-64, 65-79 and 80+ only from categories that lie wholly
 * inside a band, choosing one set of categories that exactly covers the band, so totals and
 * overlapping groups (e.g. single years next to 5-year groups) are never counted twice.
 * Only totals of other dimensions (e.g. BurgerlijkeStaat T001019) are used.
 */
export function parseCbsStatline(
  text: string,
  options: ParseCbsStatlineOptions = {},
): ParseResult<CbsRecord> {
  const format = options.format ?? (/^\s*[[{]/.test(text) ? 'json' : 'csv');
  return format === 'json' ? parseJson(text, options) : parseCsvText(text, options);
}

/**
 * The same from a stream of the file (e.g. `createReadStream`): CSV is parsed as it arrives and
 * only the aggregates are kept, so a table of millions of rows is imported in bounded memory.
 * JSON (OData pages of at most 10,000 rows) is read whole.
 */
export async function parseCbsStatlineStream(
  source: AsyncIterable<Buffer | string>,
  options: ParseCbsStatlineOptions = {},
): Promise<ParseResult<CbsRecord>> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headText = '';
  // Enough of the start to tell JSON from CSV and to see the header line's delimiter.
  while (!headText.includes('\n') && headText.length < 1 << 20) {
    const next = await iterator.next();
    if (next.done) {
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    headText += chunk.toString('utf8');
  }
  // A CSV file refused at its header is not read further: its text simply ends there.
  let stopped = false;
  const rest = async function* (): AsyncGenerator<Buffer | string> {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (stopped) {
        await iterator.return?.();
        return;
      }
      yield next.value;
    }
  };
  const format = options.format ?? (/^\s*[[{]/.test(headText) ? 'json' : 'csv');
  if (format === 'json') {
    const chunks: Buffer[] = [];
    for await (const chunk of rest()) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    }
    return parseJson(Buffer.concat(chunks).toString('utf8'), options);
  }
  const reading = new CsvReading(options);
  const parser = parseCsvStream({
    delimiter: guessDelimiter(headText),
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // Each record is aggregated the moment the parser has it, then dropped (null): no record waits
    // in a stream buffer, where a million of them would live long enough to fill the old heap.
    on_record: (record: string[], context: { lines: number }) => {
      stopped ||= !reading.add(record, context.lines);
      return null;
    },
  });
  try {
    await pipeline(rest, parser, async (records: AsyncIterable<unknown>) => {
      for await (const _ of records) {
        // on_record keeps none
      }
    });
  } catch (error) {
    // Cut off after a refused header, the text may end inside quotes; the header's problem is
    // the one to report then.
    if (!stopped) {
      return {
        records: [],
        issues: [issue('error', `not valid CSV: ${(error as Error).message}`)],
      };
    }
  }
  return reading.finish();
}

function parseJson(text: string, options: ParseCbsStatlineOptions): ParseResult<CbsRecord> {
  const issues: ImportIssue[] = [];
  const read = readJson(text, options, issues);
  const table = read === null ? null : resolveTable(read.tableIdInFile, options, issues);
  if (read === null || table === null) {
    return { records: [], issues };
  }
  return aggregateChecked(table, options, issues, read.measuresFound, (add) =>
    read.observations.forEach(add),
  );
}

function parseCsvText(text: string, options: ParseCbsStatlineOptions): ParseResult<CbsRecord> {
  const { table, issues } = readCsv(text, guessDelimiter(text));
  if (table === null) {
    return { records: [], issues };
  }
  const reading = new CsvReading(options);
  if (reading.add(table.header, table.headerLine)) {
    for (const row of table.rows) {
      reading.add(row.values, row.line);
    }
  }
  return reading.finish();
}

/**
 * Runs the observations through the aggregator, then checks that the measures found fit the
 * table; a wrong table reports only that (what the rows said about it does not matter then).
 */
function aggregateChecked(
  table: ResolvedTable,
  options: ParseCbsStatlineOptions,
  issues: ImportIssue[],
  measuresFound: ReadonlySet<CbsMeasure>,
  feed: (add: (observation: Observation) => void) => void,
): ParseResult<CbsRecord> {
  const before = issues.length;
  const aggregator = new CbsAggregator(table, options, issues);
  feed((observation) => aggregator.add(observation));
  const mismatch = measureMismatch(table, measuresFound);
  if (mismatch !== null) {
    issues.length = before;
    issues.push(mismatch);
    return { records: [], issues };
  }
  return { records: aggregator.finish(), issues };
}

/** A CSV file record by record: the header first, then the rows, aggregated as they come. */
class CsvReading {
  private readonly issues: ImportIssue[] = [];
  private layout: CsvLayout | null = null;
  private table: ResolvedTable | null = null;
  private aggregator: CbsAggregator | null = null;
  private failed = false;
  private rowsIssuesFrom = 0;
  private readonly measuresFound = new Set<CbsMeasure>();
  private readonly emit = (observation: Observation): void => {
    this.measuresFound.add(observation.measure);
    this.aggregator!.add(observation);
  };

  constructor(private readonly options: ParseCbsStatlineOptions) {}

  /** Takes the next record; false when the file cannot be used and reading may stop. */
  add(values: string[], line: number): boolean {
    if (this.failed) {
      return false;
    }
    if (this.layout === null) {
      this.layout = csvLayout(
        values.map((h) => h.trim()),
        line,
        this.issues,
      );
      this.table = this.layout === null ? null : resolveTable(null, this.options, this.issues);
      this.failed = this.table === null;
      this.rowsIssuesFrom = this.issues.length;
      if (this.table !== null) {
        this.aggregator = new CbsAggregator(this.table, this.options, this.issues);
      }
      return !this.failed;
    }
    csvRowObservations(this.layout, values, line, this.emit);
    return true;
  }

  finish(): ParseResult<CbsRecord> {
    if (this.layout === null && !this.failed) {
      return { records: [], issues: [issue('error', 'file is empty')] };
    }
    if (this.failed || this.table === null || this.aggregator === null) {
      return { records: [], issues: this.issues };
    }
    const mismatch = measureMismatch(this.table, this.measuresFound);
    if (mismatch !== null) {
      this.issues.length = this.rowsIssuesFrom;
      this.issues.push(mismatch);
      return { records: [], issues: this.issues };
    }
    return { records: this.aggregator.finish(), issues: this.issues };
  }
}
