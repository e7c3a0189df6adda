/** Persons by age band in a region, as of the latest population year on the reference date. */
export interface OverviewPopulation {
  readonly year: number;
  readonly total: number;
  readonly '65-79': number;
  readonly '80+': number;
}

/** Open facilities and their licensed beds in a region; `synthetic` counts demo facilities. */
export interface OverviewBeds {
  readonly facilities: number;
  readonly licensedBeds: number;
  readonly synthetic: number;
}

export interface OverviewFigures {
  facilities: number;
  licensedBeds: number;
  population: number | null;
  population65Plus: number | null;
  population80Plus: number | null;
  populationYear: number | null;
  bedsPer10k65Plus: number | null;
  syntheticFacilities: number;
}

export interface OverviewRegion extends OverviewFigures {
  code: string;
  name: string;
}

const PER = 10_000;

/**
 * Key figures per region and for the country: facilities, licensed beds, population (all ages,
 * 65+, 80+) and beds per 10,000 inhabitants aged 65 and over. A region without population figures
 * has null population and ratio; the national population is null unless every region has one.
 * The national population year is the first region's.
 */
export function overviewFigures(
  regions: readonly { readonly code: string; readonly name: string }[],
  population: ReadonlyMap<string, OverviewPopulation>,
  beds: ReadonlyMap<string, OverviewBeds>,
): { national: OverviewFigures; regions: OverviewRegion[] } {
  const rows = regions.map((r): OverviewRegion => {
    const p = population.get(r.code);
    const b = beds.get(r.code) ?? { facilities: 0, licensedBeds: 0, synthetic: 0 };
    const older = p ? p['65-79'] + p['80+'] : null;
    return {
      code: r.code,
      name: r.name,
      facilities: b.facilities,
      licensedBeds: b.licensedBeds,
      population: p?.total ?? null,
      population65Plus: older,
      population80Plus: p?.['80+'] ?? null,
      populationYear: p?.year ?? null,
      bedsPer10k65Plus: older ? (b.licensedBeds / older) * PER : null,
      syntheticFacilities: b.synthetic,
    };
  });
  const sum = (f: (r: OverviewRegion) => number | null) =>
    rows.every((r) => f(r) !== null) ? rows.reduce((s, r) => s + (f(r) ?? 0), 0) : null;
  const older = sum((r) => r.population65Plus);
  const licensedBeds = rows.reduce((s, r) => s + r.licensedBeds, 0);
  return {
    national: {
      facilities: rows.reduce((s, r) => s + r.facilities, 0),
      licensedBeds,
      population: sum((r) => r.population),
      population65Plus: older,
      population80Plus: sum((r) => r.population80Plus),
      populationYear: rows[0]?.populationYear ?? null,
      bedsPer10k65Plus: older ? (licensedBeds / older) * PER : null,
      syntheticFacilities: rows.reduce((s, r) => s + r.syntheticFacilities, 0),
    },
    regions: rows,
  };
}
