import { issue, type ImportIssue } from '../issues';
import {
  isTopicKey,
  measureOfKey,
  measureOfLabel,
  roleOfKey,
  roleOfLabel,
  type Observation,
  type Role,
} from './dimensions';
import type { CbsMeasure } from './tables';

// Reading CBS CSV: the data-set download (OData keys as headers, codes as values) and the StatLine
// export (Dutch labels as headers and values). The header decides what each column is; each row
// then becomes one observation per measure column, handed on at once, so a file of any length is
// read in constant memory.

type Column =
  | { kind: 'skip' }
  | { kind: 'dim'; role: Role }
  | { kind: 'other'; name: string }
  | { kind: 'measure'; measure: CbsMeasure; unitScale: number };

export interface CsvLayout {
  kind: 'code' | 'label';
  columns: Column[];
}

/** What each column of the header is; null (with the problem) without a region column. */
export function csvLayout(
  header: readonly string[],
  headerLine: number,
  issues: ImportIssue[],
): CsvLayout | null {
  // Data-set CSV carries the OData keys; a StatLine export carries Dutch labels.
  const isCoded = header.some((h) => roleOfKey(h) === 'region');
  const columns = header.map((h) => (isCoded ? codedColumn(h) : labelledColumn(h)));
  if (!columns.some((c) => c.kind === 'dim' && c.role === 'region')) {
    issues.push(
      issue('error', "no region column (RegioS, RegioIndelingYYYY or Regio's)", {
        line: headerLine,
      }),
    );
    return null;
  }
  return { kind: isCoded ? 'code' : 'label', columns };
}

function codedColumn(header: string): Column {
  if (header === 'ID' || header === 'Id') {
    return { kind: 'skip' };
  }
  const measure = measureOfKey(header);
  if (measure !== undefined) {
    return { kind: 'measure', measure, unitScale: 1 };
  }
  const role = roleOfKey(header);
  if (role !== null) {
    return { kind: 'dim', role };
  }
  return isTopicKey(header) ? { kind: 'skip' } : { kind: 'other', name: header };
}

function labelledColumn(header: string): Column {
  const last = header.split('/').pop()?.trim() ?? header;
  const measure = measureOfLabel(last);
  if (measure !== undefined) {
    return { kind: 'measure', measure, unitScale: /x 1 ?000/i.test(last) ? 1000 : 1 };
  }
  const role = roleOfLabel(header);
  if (role !== null) {
    return { kind: 'dim', role };
  }
  // A labelled column that is not a dimension we know: another topic when its header has a
  // unit in brackets, else a dimension whose total we keep.
  return /\(.*\)$/.test(last) ? { kind: 'skip' } : { kind: 'other', name: header };
}

/** The observations of one row (one per measure column), handed to `emit`. */
export function csvRowObservations(
  layout: CsvLayout,
  values: readonly string[],
  line: number,
  emit: (observation: Observation) => void,
): void {
  const dims: Partial<Record<Role, string>> = {};
  const others: [string, string][] = [];
  const columns = layout.columns;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    if (column.kind === 'dim') {
      dims[column.role] = (values[i] ?? '').trim();
    } else if (column.kind === 'other') {
      others.push([column.name, (values[i] ?? '').trim()]);
    }
  }
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    if (column.kind === 'measure') {
      emit({
        where: { line },
        kind: layout.kind,
        dims,
        others,
        measure: column.measure,
        raw: (values[i] ?? '').trim(),
        unitScale: column.unitScale,
      });
    }
  }
}
