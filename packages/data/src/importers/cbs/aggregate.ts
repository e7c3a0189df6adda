import { issue, type ImportIssue } from '../issues';
import { ageFromCode, ageFromLabel, BANDS, coverSum, type AgeCategory } from './ages';
import { AgeValues } from './age-values';
import {
  intervalOf,
  isTotalCategory,
  NATIONAL_NAMES,
  normaliseRegionName,
  sexOf,
  type Observation,
} from './dimensions';
import type {
  AgeBand,
  CbsMeasure,
  CbsRecord,
  ParseCbsStatlineOptions,
  ProjectionInterval,
  ResolvedTable,
  Sex,
} from './tables';
import { parseValue } from './values';

// Mapping codes and aggregating ages, one observation at a time: a file is read as a stream, and
// what is kept is one number per (measure, region, year, sex, interval, age category), never the
// rows. The meaning of each distinct code is worked out once and remembered, so a million rows
// cost a million map look-ups rather than a million rounds of pattern matching.

interface Group {
  regionCode: string;
  year: number;
  sex: Sex;
  measure: CbsMeasure;
  interval: ProjectionInterval | null;
  /** Value by age key (its number in `CbsAggregator.ageKeys`). */
  values: AgeValues;
}

/** What a raw code means: a value, or "skip the row" (null) once its problem is reported. */
type Lookup<T> = Map<string, T | null>;

export class CbsAggregator {
  private readonly groups = new Map<string, Group>();
  /** The group of the previous observation: rows of one group usually come one after another. */
  private lastGroup: Group | null = null;
  private readonly regions: Lookup<string> = new Map();
  private readonly years: Lookup<number | typeof NOT_ANNUAL> = new Map();
  private readonly sexes: Lookup<Sex> = new Map();
  private readonly intervals: Lookup<ProjectionInterval> = new Map();
  private readonly ages: Lookup<AgeCategory> = new Map();
  /**
   * Every distinct age key gets a number: the groups hold a million values by small numbers, not
   * by a million copies of the same few hundred strings.
   */
  private readonly ageKeys = new Map<string, number>();
  private readonly ageKeyNames: string[] = [];
  private readonly totals = new Map<string, boolean>();
  private readonly regionNames: Map<string, string>;
  private skippedPeriods = 0;
  private skippedNonTotal = 0;

  constructor(
    private readonly table: ResolvedTable,
    private readonly options: ParseCbsStatlineOptions,
    private readonly issues: ImportIssue[],
  ) {
    this.regionNames = new Map(
      Object.entries(options.regionCodesByName ?? {}).map(([name, code]) => [
        normaliseRegionName(name),
        code,
      ]),
    );
  }

  add(obs: Observation): void {
    const { where } = obs;
    const regionCode = this.lookup(this.regions, obs.dims.region ?? '', obs, this.mapRegion);
    if (regionCode === null) {
      return;
    }
    const year = this.lookup(this.years, obs.dims.period ?? '', obs, mapPeriod);
    if (year === null) {
      return;
    }
    if (year === NOT_ANNUAL) {
      this.skippedPeriods++;
      return;
    }
    const sex =
      obs.dims.sex === undefined ? 'total' : this.lookup(this.sexes, obs.dims.sex, obs, mapSex);
    if (sex === null) {
      return;
    }
    const interval =
      obs.dims.interval === undefined
        ? null
        : this.lookup(this.intervals, obs.dims.interval, obs, mapInterval);
    if (obs.dims.interval !== undefined && interval === null) {
      return;
    }
    // Other dimensions: only their totals.
    for (const [, value] of obs.others) {
      let total = this.totals.get(value);
      if (total === undefined) {
        total = isTotalCategory(value);
        this.totals.set(value, total);
      }
      if (!total) {
        this.skippedNonTotal++;
        return;
      }
    }
    const ageKey = obs.dims.age ?? 'total';
    if (obs.dims.age !== undefined && this.lookup(this.ages, ageKey, obs, this.mapAge) === null) {
      return;
    }
    const value = this.value(obs, regionCode, year);
    if (value === null) {
      return;
    }
    const group = this.group(obs.measure, regionCode, year, sex, interval);
    let ageIndex = this.ageKeys.get(ageKey);
    if (ageIndex === undefined) {
      ageIndex = this.ageKeyNames.push(ageKey) - 1;
      this.ageKeys.set(ageKey, ageIndex);
    }
    if (group.values.has(ageIndex)) {
      this.issues.push(
        issue(
          'error',
          `duplicate row for ${regionCode} ${String(year)} ${sex} age ${ageKey}; kept the first`,
          where,
        ),
      );
      return;
    }
    group.values.add(ageIndex, value);
  }

  private group(
    measure: CbsMeasure,
    regionCode: string,
    year: number,
    sex: Sex,
    interval: ProjectionInterval | null,
  ): Group {
    const last = this.lastGroup;
    if (
      last !== null &&
      last.regionCode === regionCode &&
      last.year === year &&
      last.sex === sex &&
      last.measure === measure &&
      last.interval === interval
    ) {
      return last;
    }
    const groupKey = `${measure}|${regionCode}|${year}|${sex}|${interval ?? ''}`;
    let group = this.groups.get(groupKey);
    if (group === undefined) {
      const values = new AgeValues(this.ageKeyNames.length);
      group = { regionCode, year, sex, measure, interval, values };
      this.groups.set(groupKey, group);
    }
    this.lastGroup = group;
    return group;
  }

  /** The records of every group, in a stable order, with the warnings about the whole file. */
  finish(): CbsRecord[] {
    if (this.skippedPeriods > 0) {
      this.issues.push(
        issue(
          'warning',
          `${String(this.skippedPeriods)} rows with non-annual periods were skipped`,
        ),
      );
    }
    if (this.groups.size === 0 && this.skippedNonTotal > 0) {
      this.issues.push(
        issue(
          'warning',
          `no rows with the total category of every other dimension (e.g. BurgerlijkeStaat T001019); ${String(this.skippedNonTotal)} rows skipped`,
        ),
      );
    }
    const records: CbsRecord[] = [];
    for (const group of this.groups.values()) {
      records.push(...this.groupRecords(group));
    }
    return records.sort(byRecordOrder);
  }

  /** A raw code's meaning from `map`, worked out (and its problem reported) on first sight. */
  private lookup<T>(
    cache: Lookup<T>,
    raw: string,
    obs: Observation,
    map: (raw: string, obs: Observation, report: (problem: ImportIssue) => void) => T | null,
  ): T | null {
    const known = cache.get(raw);
    if (known !== undefined) {
      return known;
    }
    const mapped = map(raw, obs, (problem) => this.issues.push(problem));
    cache.set(raw, mapped);
    return mapped;
  }

  private readonly mapRegion = (
    raw: string,
    obs: Observation,
    report: (problem: ImportIssue) => void,
  ): string | null => mapRegion(raw, obs, report, this.regionNames);

  private readonly mapAge = (
    raw: string,
    obs: Observation,
    report: (problem: ImportIssue) => void,
  ): AgeCategory | null => {
    const label = this.options.ageLabels?.[raw];
    const mapped =
      label !== undefined
        ? ageFromLabel(label)
        : obs.kind === 'code'
          ? ageFromCode(raw)
          : ageFromLabel(raw);
    if (mapped === null) {
      report(
        issue(
          'warning',
          `unknown age category "${raw}"; rows skipped (pass ageLabels from the table's Leeftijd metadata)`,
          { ...obs.where, field: 'Leeftijd' },
        ),
      );
    }
    return mapped;
  };

  /** The observation's value in persons, or null once its problem is reported. */
  private value(obs: Observation, regionCode: string, year: number): number | null {
    const parsed = parseValue(obs.raw);
    const field = obs.measure === 'deaths' ? 'Overledenen' : 'Bevolking';
    const where = { ...obs.where, field };
    if (parsed.kind === 'missing') {
      this.issues.push(
        issue(
          'warning',
          `${regionCode} ${String(year)}: value missing (${parsed.symbol}); not used`,
          where,
        ),
      );
      return null;
    }
    if (parsed.kind === 'invalid') {
      this.issues.push(issue('error', `must be a number ≥ 0, got "${parsed.text}"`, where));
      return null;
    }
    const scaled = parsed.value * this.table.scale * obs.unitScale;
    const value = Math.round(scaled);
    if (value < 0 || Math.abs(scaled - value) > 1e-6) {
      this.issues.push(
        issue('error', `must be a whole number ≥ 0, got "${String(parsed.value)}"`, where),
      );
      return null;
    }
    return value;
  }

  /** A group's total and its age bands, each band only where its categories cover it exactly. */
  private groupRecords(group: Group): CbsRecord[] {
    const base = {
      tableId: this.table.tableId,
      regionCode: group.regionCode,
      year: group.year,
      sex: group.sex,
      measure: group.measure,
      source: this.table.source,
      ...(group.interval === null ? {} : { projectionInterval: group.interval }),
    };
    const label = `${group.regionCode} ${String(group.year)} ${group.sex}`;
    // A row without an age dimension is kept under "total" (the age cache has no category for it).
    const values = [...group.values.entries()].map(([key, value]) => ({
      category: this.ages.get(this.ageKeyNames[key]!) ?? TOTAL,
      value,
    }));
    const total = values.find((v) => v.category.kind === 'total')?.value;
    const bandValues: number[] = [];
    const bandRecords: CbsRecord[] = [];
    for (const [band, from, to] of BANDS) {
      const inBand = values.flatMap(({ category, value }) =>
        category.kind === 'range' && category.from >= from && category.to <= to
          ? [{ from: category.from, to: category.to, value }]
          : [],
      );
      if (inBand.length === 0) {
        continue;
      }
      const sum = coverSum(inBand, from, to);
      if (sum === null) {
        this.issues.push(
          issue(
            'warning',
            `${label}: the age categories present do not cover ages ${band} exactly; band ${band} not reported`,
          ),
        );
        continue;
      }
      bandValues.push(sum);
      bandRecords.push({ ...base, ageBand: band, value: sum });
    }
    const records: CbsRecord[] = [];
    if (total !== undefined) {
      records.push({ ...base, ageBand: 'total', value: total });
      const sum = bandValues.reduce((a, b) => a + b, 0);
      if (bandValues.length === BANDS.length && sum !== total) {
        this.issues.push(
          issue(
            'warning',
            `${label}: the age bands sum to ${String(sum)}, the table total is ${String(total)}`,
          ),
        );
      }
    } else if (bandValues.length === BANDS.length) {
      records.push({ ...base, ageBand: 'total', value: bandValues.reduce((a, b) => a + b, 0) });
    }
    records.push(...bandRecords);
    return records;
  }
}

const TOTAL: AgeCategory = { kind: 'total' };
/** A quarter, month or other part of a year: skipped, counted, and reported once in total. */
const NOT_ANNUAL = 'not annual';

function mapPeriod(
  raw: string,
  obs: Observation,
  report: (problem: ImportIssue) => void,
): number | typeof NOT_ANNUAL | null {
  const period = /^(\d{4})JJ00$/.exec(raw) ?? /^(\d{4})\*{0,2}$/.exec(raw);
  if (period?.[1] !== undefined) {
    return Number(period[1]);
  }
  if (/^\d{4}(KW|MM|X0|W\d|HJ|G\d)\d{2}$/.test(raw) || /^\d{4} /.test(raw)) {
    return NOT_ANNUAL;
  }
  report(
    issue('error', `unknown period "${raw}"; expected YYYYJJ00 or a year`, {
      ...obs.where,
      field: 'Perioden',
    }),
  );
  return null;
}

function mapRegion(
  raw: string,
  obs: Observation,
  report: (problem: ImportIssue) => void,
  regionNames: ReadonlyMap<string, string>,
): string | null {
  let regionCode: string | undefined;
  if (/^(GM\d{4}|PV\d{2}|NL0[01])$/.test(raw)) {
    regionCode = raw;
  } else if (/^(?!GM|PV|NL)[A-Z]{2}\d{2,8}$/.test(raw)) {
    return null; // landsdelen, COROP, wijken, GGD regions ...: valid CBS regions, not used here
  } else if (obs.kind === 'label') {
    const name = normaliseRegionName(raw);
    regionCode = regionNames.get(name) ?? NATIONAL_NAMES[name];
    if (regionCode === undefined) {
      report(
        issue(
          'error',
          `region "${raw}" has no code; pass regionCodesByName for StatLine exports with region names`,
          { ...obs.where, field: "Regio's" },
        ),
      );
      return null;
    }
  } else {
    report(issue('error', `unknown region code "${raw}"`, { ...obs.where, field: 'RegioS' }));
    return null;
  }
  if (regionCode === 'NL00') {
    regionCode = 'NL01';
  }
  if (!/^(GM\d{4}|PV\d{2}|NL01)$/.test(regionCode)) {
    report(
      issue('error', `unknown region code "${regionCode}"`, { ...obs.where, field: "Regio's" }),
    );
    return null;
  }
  return regionCode;
}

function mapSex(raw: string, obs: Observation, report: (problem: ImportIssue) => void): Sex | null {
  const mapped = sexOf(raw, obs.kind);
  if (mapped === undefined) {
    report(issue('error', `unknown sex category "${raw}"`, { ...obs.where, field: 'Geslacht' }));
    return null;
  }
  return mapped;
}

function mapInterval(
  raw: string,
  obs: Observation,
  report: (problem: ImportIssue) => void,
): ProjectionInterval | null {
  const mapped = intervalOf(raw, obs.kind);
  if (mapped === undefined) {
    report(
      issue('warning', `unknown prognosis interval "${raw}"; rows skipped`, {
        ...obs.where,
        field: 'PrognoseInterval',
      }),
    );
    return null;
  }
  return mapped;
}

const BAND_ORDER: Readonly<Record<AgeBand, number>> = { total: 0, '0-64': 1, '65-79': 2, '80+': 3 };
const SEX_ORDER: Readonly<Record<Sex, number>> = { total: 0, male: 1, female: 2 };

function byRecordOrder(a: CbsRecord, b: CbsRecord): number {
  return (
    a.measure.localeCompare(b.measure) ||
    a.regionCode.localeCompare(b.regionCode) ||
    a.year - b.year ||
    SEX_ORDER[a.sex] - SEX_ORDER[b.sex] ||
    (a.projectionInterval ?? '').localeCompare(b.projectionInterval ?? '') ||
    BAND_ORDER[a.ageBand] - BAND_ORDER[b.ageBand]
  );
}
