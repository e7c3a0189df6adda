import { Value } from '@sinclair/typebox/value';
import { restoreCell, writeCsv } from '../csv-cells';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema';
import { HospiceCreate, type Hospice } from '@palliamonitor/contracts';
import type { CodedMessage } from '@palliamonitor/contracts';
import { AppError, type Issue } from '../errors';
import { decodeUtf8File, readCsvWithColumns } from '../importers/csv';
import { createHospiceIn, patchHospiceIn, type WriteContext } from './hospices.repository';
import { findHospice, findHospiceIdByRef, listHospices } from './hospice-reads';
import { isValidDate } from '@palliamonitor/contracts';
import { dutchDate } from '../dates';
import { appendAudit, regionOfHospice, type AuditContext } from '../accounts/audit.repository';

// The hospice registry as CSV, for umbrella bodies and networks that keep their lists in a
// spreadsheet. One row per facility; `ref` is the row's stable key, so importing the same file
// again changes nothing and a changed row becomes a new version from `effective_from`.
// Export writes the same columns, so an export can be edited and imported back.

export const HOSPICE_CSV_COLUMNS = [
  'ref',
  'name',
  'street_address',
  'postcode',
  'place',
  'gemeente_code',
  'latitude',
  'longitude',
  'type',
  'care_model',
  'funding',
  'umbrellas',
  'agb_code',
  'kvk_number',
  'licensed_beds',
  'opened_on',
  'closed_on',
  'phone',
  'website',
  'effective_from',
] as const;
type Column = (typeof HOSPICE_CSV_COLUMNS)[number];
const REQUIRED: Column[] = ['ref', 'name', 'place', 'gemeente_code', 'type', 'licensed_beds'];

const COLUMN_TO_FIELD: Record<Exclude<Column, 'ref'>, string> = {
  name: 'name',
  street_address: 'streetAddress',
  postcode: 'postcode',
  place: 'place',
  gemeente_code: 'gemeenteCode',
  latitude: 'latitude',
  longitude: 'longitude',
  type: 'type',
  care_model: 'careModel',
  funding: 'funding',
  umbrellas: 'umbrellas',
  agb_code: 'agbCode',
  kvk_number: 'kvkNumber',
  licensed_beds: 'licensedBeds',
  opened_on: 'openedOn',
  closed_on: 'closedOn',
  phone: 'phone',
  website: 'website',
  effective_from: 'effectiveFrom',
};
const FIELD_TO_COLUMN = Object.fromEntries(
  Object.entries(COLUMN_TO_FIELD).map(([c, f]) => [f, c]),
) as Record<string, Column>;

/** Dutch labels that people type in spreadsheets, mapped to the codes. */
const TYPE_SYNONYMS: Record<string, string> = {
  'bijna-thuis-huis': 'bth',
  'bijna thuis huis': 'bth',
  'high care hospice': 'hch',
  'high-care-hospice': 'hch',
  'palliatieve unit': 'nursing-home-unit',
  'palliatieve unit verpleeghuis': 'nursing-home-unit',
  'hospice-afdeling ziekenhuis': 'hospital-unit',
  'hospiceafdeling ziekenhuis': 'hospital-unit',
  anders: 'other',
};

export interface ParsedHospiceRow {
  line: number;
  ref: string;
  input: HospiceCreate;
}

function toNumber(text: string): number | string {
  const n = Number(text.replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) ? n : text;
}

/** Parses and validates the file; every problem is returned with its line and column. */
export function parseHospiceCsv(text: string): { rows: ParsedHospiceRow[]; issues: Issue[] } {
  const { table, header, issues: layout } = readCsvWithColumns(text, HOSPICE_CSV_COLUMNS, REQUIRED);
  if (!table) {
    return { rows: [], issues: layout };
  }
  const issues: Issue[] = [];
  const rows: ParsedHospiceRow[] = [];
  const seenRefs = new Map<string, number>();
  for (const row of table.rows) {
    const cell = (column: Column): string => {
      const i = header.indexOf(column);
      // A cell we wrote with a quote before a formula character reads as the value itself.
      return i < 0 ? '' : restoreCell(row.values[i] ?? '').trim();
    };
    if (row.values.length !== header.length) {
      issues.push({
        line: row.line,
        message: `has ${row.values.length} cells, the header has ${header.length}`,
        code: 'csv.cellCount',
        params: { cells: row.values.length, columns: header.length },
      });
      continue;
    }
    const ref = cell('ref');
    if (!ref) {
      issues.push({ line: row.line, field: 'ref', message: 'is required', code: 'csv.required' });
    } else if (seenRefs.has(ref)) {
      issues.push({
        line: row.line,
        field: 'ref',
        message: `duplicate of line ${seenRefs.get(ref)}`,
        code: 'csv.duplicateRef',
        params: { line: seenRefs.get(ref)! },
      });
    } else {
      seenRefs.set(ref, row.line);
    }
    const input = rowInput(header as Column[], cell, row.line, issues);
    schemaIssues(input, row.line, issues);
    dateIssues(cell, row.line, issues);
    if (ref) {
      rows.push({ line: row.line, ref, input: input as HospiceCreate });
    }
  }
  return { rows, issues };
}

/** The API input of one row, from its non-empty cells; an empty required cell is an issue. */
function rowInput(
  header: readonly Column[],
  cell: (column: Column) => string,
  line: number,
  issues: Issue[],
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const column of header) {
    if (column === 'ref') {
      continue;
    }
    const raw = cell(column);
    if (raw === '') {
      if (REQUIRED.includes(column)) {
        issues.push({ line, field: column, message: 'is required', code: 'csv.required' });
      }
      continue;
    }
    input[COLUMN_TO_FIELD[column]] = cellValue(column, raw);
  }
  return input;
}

/** A cell as the API field takes it: numbers, lists split on "|", known synonyms of a type. */
function cellValue(column: Exclude<Column, 'ref'>, raw: string): unknown {
  switch (column) {
    case 'latitude':
    case 'longitude':
    case 'licensed_beds':
      return toNumber(raw);
    case 'funding':
    case 'umbrellas':
      return raw
        .split('|')
        .map((v) => v.trim().toLowerCase())
        .filter(Boolean);
    case 'type':
      return TYPE_SYNONYMS[raw.toLowerCase()] ?? raw.toLowerCase();
    case 'postcode':
      return raw.toUpperCase();
    case 'name':
    case 'street_address':
    case 'place':
    case 'gemeente_code':
    case 'care_model':
    case 'agb_code':
    case 'kvk_number':
    case 'opened_on':
    case 'closed_on':
    case 'phone':
    case 'website':
    case 'effective_from':
      return raw;
  }
}

/** What the API schema refuses in a row, named by its column (once per column). */
function schemaIssues(input: Record<string, unknown>, line: number, issues: Issue[]): void {
  for (const error of Value.Errors(HospiceCreate, input)) {
    const path = error.path.replace(/^\//, '').split('/')[0] ?? '';
    const column = FIELD_TO_COLUMN[path] ?? path;
    if (path === '' || issues.some((i) => i.line === line && i.field === column)) {
      continue; // the required-cell check already named it
    }
    const got = JSON.stringify(input[path]);
    issues.push({
      line,
      field: column,
      message: `${error.message}, got ${got}`,
      code: 'csv.invalidValue',
      params: { value: got ?? '' },
    });
  }
}

/** Dates in the right format that do not exist on the calendar (2025-02-30). */
function dateIssues(cell: (column: Column) => string, line: number, issues: Issue[]): void {
  for (const column of ['opened_on', 'closed_on', 'effective_from'] as const) {
    const value = cell(column);
    if (value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !isValidDate(value)) {
      issues.push({
        line,
        field: column,
        message: `not a valid calendar date: ${value}`,
        code: 'csv.invalidDate',
        params: { value },
      });
    }
  }
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Imports the whole file in one transaction: if any row has a problem (in the file or against the
 * database, e.g. an unknown gemeente), nothing is stored and every problem is reported.
 */
export async function importHospiceCsv(
  db: Kysely<Database>,
  /** The file's bytes (refused unless UTF-8), or text already decoded. */
  file: string | Uint8Array,
  ctx: WriteContext,
  audit?: AuditContext,
): Promise<ImportSummary> {
  const { rows, issues } = parseHospiceCsv(decodeUtf8File(file));
  if (issues.length > 0) {
    throw new AppError(
      'UNPROCESSABLE',
      `the file has ${issues.length} problem(s); nothing was imported`,
      issues,
    );
  }
  const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
  const rowIssues: Issue[] = [];
  await db.transaction().execute(async (trx) => {
    for (const row of rows) {
      try {
        const id = (await findHospiceIdByRef(trx, row.ref)) ?? (await idIfExists(trx, row.ref));
        if (id === undefined) {
          const created = await createHospiceIn(trx, row.input, ctx, { externalRef: row.ref });
          summary.created += 1;
          await auditRow(trx, audit, ctx, created.id, null, created);
        } else {
          // A same-day change corrects its version in place: the entry keeps what it said.
          const before = audit ? await findHospice(trx, id, dutchDate(ctx.now)) : undefined;
          const { changed, hospice } = await patchHospiceIn(trx, id, fullPatch(row.input), ctx);
          summary[changed ? 'updated' : 'unchanged'] += 1;
          if (changed) {
            await auditRow(trx, audit, ctx, id, before ?? null, hospice);
          }
        }
      } catch (error) {
        if (!(error instanceof AppError)) {
          throw error;
        }
        const list = error.issues.length > 0 ? error.issues : [{ message: error.message }];
        for (const issue of list) {
          const column = issue.field ? (FIELD_TO_COLUMN[issue.field] ?? issue.field) : undefined;
          rowIssues.push({
            line: row.line,
            ...(column ? { field: column } : {}),
            message: issue.message,
            ...(issue.code === undefined
              ? {}
              : ({ code: issue.code, params: issue.params } as CodedMessage)),
          });
        }
      }
    }
    if (rowIssues.length > 0) {
      throw new AppError(
        'UNPROCESSABLE',
        `the file has ${rowIssues.length} problem(s); nothing was imported`,
        rowIssues,
      );
    }
  });
  return summary;
}

/** One entry per facility the import created or changed, filed under its hospice and region. */
async function auditRow(
  trx: Transaction<Database>,
  audit: AuditContext | undefined,
  ctx: WriteContext,
  hospiceId: string,
  before: (Hospice & { version?: number }) | null,
  after: Hospice & { version?: number },
): Promise<void> {
  if (!audit) {
    return;
  }
  const withoutVersion = ({ version: _version, ...rest }: Hospice & { version?: number }) => rest;
  await appendAudit(trx, {
    ...audit,
    hospiceId,
    regionCode: await regionOfHospice(trx, hospiceId),
    at: ctx.now.toISOString(),
    before: before && withoutVersion(before),
    after: withoutVersion(after),
  });
}

async function idIfExists(db: Kysely<Database>, ref: string): Promise<string | undefined> {
  // An exported file carries the facility id as ref when the facility was not imported.
  const row = await db.selectFrom('hospice').select('id').where('id', '=', ref).executeTakeFirst();
  return row?.id;
}

/** A row states the whole facility: an empty optional cell clears that value. */
function fullPatch(input: HospiceCreate) {
  return {
    streetAddress: null,
    postcode: null,
    latitude: null,
    longitude: null,
    careModel: null,
    funding: [],
    umbrellas: [],
    agbCode: null,
    kvkNumber: null,
    openedOn: null,
    closedOn: null,
    phone: null,
    website: null,
    ...input,
  };
}

/** The registry on `asOf` as rows of the import format. */
export async function exportHospices(
  db: Kysely<Database>,
  asOf: string,
): Promise<Array<Hospice & { ref: string }>> {
  const { items } = await listHospices(db, { asOf, limit: 1_000_000, offset: 0 });
  const refs = await db.selectFrom('hospice').select(['id', 'external_ref']).execute();
  const refOf = new Map(refs.map((r) => [r.id, r.external_ref ?? r.id]));
  return items.map((h) => ({ ref: refOf.get(h.id) ?? h.id, ...h }));
}

export function toHospiceCsv(rows: Array<Hospice & { ref: string }>): string {
  const records = rows.map((h) => {
    const record: Record<string, string | number> = { ref: h.ref };
    for (const [column, field] of Object.entries(COLUMN_TO_FIELD)) {
      const value =
        field === 'effectiveFrom' ? h.validFrom : (h as unknown as Record<string, unknown>)[field];
      // Numbers stay numbers (writeCsv neutralises text cells only).
      record[column] = Array.isArray(value)
        ? value.join('|')
        : value === null || value === undefined
          ? ''
          : typeof value === 'number'
            ? value
            : String(value);
    }
    return record;
  });
  return writeCsv(records, { header: true, columns: [...HOSPICE_CSV_COLUMNS] });
}
