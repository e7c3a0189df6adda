import { readFileSync } from 'node:fs';
import { readSeedCsv, seedPath } from '../seed-files';
import {
  type CbsDeathsExport,
  type Gemeente2025,
  type ListedSuccessor,
  type RegionalDeaths,
  type SuccessorMapping,
  type Woonplaats,
  deathsPerRegion,
  mapHistoricGemeenten,
  parseCbsDeathsExport,
} from './historic-gemeenten';

// The seed files behind the regional deaths 2002–2021 (docs/data-sources.md): the CBS export by
// historic gemeente, the 2025 gemeenten with their zorgkantoorregio and provincie, the BAG
// woonplaatsen and the listed successors. Read once per process.

const DIR = 'reference/demography';

export interface RegionalDeathsSeed {
  readonly data: CbsDeathsExport;
  readonly gemeenten: readonly Gemeente2025[];
  readonly woonplaatsen: readonly Woonplaats[];
  readonly listed: readonly ListedSuccessor[];
  readonly regionOf: ReadonlyMap<string, string>;
}

export function regionalDeathsSeed(): RegionalDeathsSeed {
  const provincie = new Map(
    readSeedCsv('gemeente_provincie_2025.csv').map((r) => [r.gemeente_code!, r.provincie_naam!]),
  );
  const regions = readSeedCsv('gemeente_zorgkantoorregio_2025.csv');
  return {
    data: parseCbsDeathsExport(
      readFileSync(seedPath(`${DIR}/deaths_gemeente_2002_2021_cbs_export.csv`), 'utf8'),
    ),
    gemeenten: regions.map((r) => ({
      code: r.gemeente_code!,
      name: r.gemeente_naam!,
      provincie: provincie.get(r.gemeente_code!) ?? '',
    })),
    woonplaatsen: readSeedCsv('woonplaatsen.csv').map((r) => ({
      name: r.woonplaats!,
      gemeenteCode: r.gemeente_code!,
    })),
    listed: readSeedCsv(`${DIR}/gemeente_successor_2025_listed.csv`).map((r) => ({
      historic: r.historic_gemeente!,
      code: r.gemeente_code!,
      note: r.note!,
    })),
    regionOf: new Map(regions.map((r) => [r.gemeente_code!, r.zorgkantoorregio_code!])),
  };
}

export interface DerivedRegionalDeaths extends RegionalDeaths {
  readonly mapping: SuccessorMapping;
}

let derived: DerivedRegionalDeaths | undefined;

/** Deaths per zorgkantoorregio of today, 2002–2021 (2021 provisional), from the CBS export. */
export function regionalDeaths2002(): DerivedRegionalDeaths {
  if (!derived) {
    const seed = regionalDeathsSeed();
    const mapping = mapHistoricGemeenten(
      seed.data.rows.map((r) => r.name),
      seed.gemeenten,
      seed.woonplaatsen,
      seed.listed,
    );
    derived = { ...deathsPerRegion(seed.data, mapping.successors, seed.regionOf), mapping };
  }
  return derived;
}
