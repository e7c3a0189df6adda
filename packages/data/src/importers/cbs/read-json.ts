import { issue, parseJsonText, type ImportIssue } from '../issues';
import {
  isTopicKey,
  measureOfKey,
  roleOfKey,
  V4_MEASURES,
  type Observation,
  type Role,
} from './dimensions';
import type { CbsMeasure, ParseCbsStatlineOptions } from './tables';

// Reading CBS OData responses: v3 (opendata.cbs.nl …/TypedDataSet, one row per cell with a key per
// topic) and v4 (odata4.cbs.nl …/Observations, one row per measure). OData answers come in pages
// of at most 10,000 rows, so a page is read whole.

export interface JsonRead {
  tableIdInFile: string | null;
  observations: Observation[];
  /** Measures found, for the wrong-table check. */
  measuresFound: Set<CbsMeasure>;
}

export function readJson(
  text: string,
  options: ParseCbsStatlineOptions,
  issues: ImportIssue[],
): JsonRead | null {
  const parsed = parseJsonText(text, issues);
  if (parsed === null) {
    return null;
  }
  const json = parsed.json;
  if (
    typeof json !== 'object' ||
    json === null ||
    !Array.isArray((json as { value?: unknown }).value)
  ) {
    issues.push(issue('error', 'not a CBS OData response: no "value" array'));
    return null;
  }
  const body = json as Record<string, unknown> & { value: unknown[] };
  const context = body['odata.metadata'] ?? body['@odata.context'];
  const tableIdInFile =
    typeof context === 'string'
      ? (/\/(\d{5}[A-Za-z]{0,3})\/\$metadata/.exec(context)?.[1] ?? null)
      : null;
  const read: JsonRead = { tableIdInFile, observations: [], measuresFound: new Set() };
  const v4Measures = { ...V4_MEASURES, ...options.measureCodes };
  const unknownV4 = new Set<string>();
  body.value.forEach((item, index) => {
    const field = `value[${String(index)}]`;
    if (typeof item !== 'object' || item === null) {
      issues.push(issue('error', 'row is not an object', { field }));
      return;
    }
    readRow(item as Record<string, unknown>, field, v4Measures, unknownV4, read);
  });
  for (const code of unknownV4) {
    issues.push(
      issue(
        'warning',
        `OData v4 measure ${code} is not supported; its rows were skipped (pass measureCodes)`,
      ),
    );
  }
  return read;
}

function readRow(
  row: Record<string, unknown>,
  field: string,
  v4Measures: Readonly<Record<string, CbsMeasure>>,
  unknownV4: Set<string>,
  read: JsonRead,
): void {
  const isV4 = 'Measure' in row && 'Value' in row;
  const dims: Partial<Record<Role, string>> = {};
  const others: [string, string][] = [];
  const measures: [CbsMeasure, unknown][] = [];
  for (const [key, value] of Object.entries(row)) {
    if (key === 'ID' || key === 'Id' || key.endsWith('_label')) {
      continue;
    }
    if (isV4 && ['Measure', 'Value', 'ValueAttribute', 'StringValue'].includes(key)) {
      continue;
    }
    const measure = measureOfKey(key);
    if (!isV4 && measure !== undefined) {
      measures.push([measure, value]);
      continue;
    }
    if (typeof value !== 'string' || isTopicKey(key)) {
      continue; // another topic, e.g. GemiddeldeBevolking_2
    }
    const role = roleOfKey(key);
    if (role === null) {
      others.push([key, value.trim()]);
    } else {
      dims[role] = value.trim();
    }
  }
  if (isV4) {
    const code = String(row['Measure']).trim();
    const measure = v4Measures[code];
    if (measure === undefined) {
      unknownV4.add(code);
      return;
    }
    measures.push([measure, row['Value']]);
  }
  for (const [measure, raw] of measures) {
    read.measuresFound.add(measure);
    read.observations.push({
      where: { field },
      kind: 'code',
      dims,
      others,
      measure,
      raw,
      unitScale: 1,
    });
  }
}
