import type { HospiceCreate } from '@palliamonitor/contracts';
import type { HospiceType } from '../store/schema';

// A synthetic national registry for demonstrations: ~270 facilities with ~1,200 beds over all 31
// zorgkantoorregio's, type mix as reported for 2018 (45% palliatieve units in nursing homes, 41%
// bijna-thuis-huizen, 14% high care hospices; PZNL/IKNL Kerncijfers hospicezorg), mostly 4–8 beds.
// Places are real woonplaatsen of the chosen gemeente; names, addresses and bed counts are invented.
// Everything here is marked synthetic in the store and in every response, and the contact details
// are ones nobody can reach (see demoContact).

export interface DemoGemeente {
  code: string;
  zorgkantoorregio: string;
  population65Plus: number;
}

export interface DemoPlace {
  name: string;
  gemeenteCode: string;
  latitude: number;
  longitude: number;
}

export interface DemoFacility {
  id: string;
  create: HospiceCreate;
  /** Later changes to the registry, to give the demo a history. */
  changes: Array<{ effectiveFrom: string; licensedBeds?: number; closedOn?: string }>;
}

export const DEMO_FACILITY_COUNT = 270;
const TYPE_SHARES: Array<[HospiceType, number]> = [
  ['nursing-home-unit', 0.45],
  ['bth', 0.41],
  ['hch', 0.14],
];

/** Small seeded generator (mulberry32) so the demo is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAME_WORDS = [
  'De Vlinder',
  'De Regenboog',
  'Het Baken',
  'De Lindeboom',
  'Het Anker',
  'De Klaproos',
  'De Wingerd',
  'De Zonnebloem',
  'Het Lichtpunt',
  'De Herberg',
  'Het Kompas',
  'De Kaarsvlam',
  'De Populier',
  'Het Veerhuis',
  'De Linde',
  'De Vuurtoren',
  'Het Rozenhuis',
  'De Boomgaard',
  'Het Heideveld',
  'De Duinroos',
  'De Waterlelie',
  'Het Wilgenhof',
  'De Esdoorn',
  'De Kastanje',
  'Het Zonnehuis',
  'De Meander',
  'Het Ankerpunt',
  'De Vaart',
  'De Bongerd',
  'Het Hofje',
];
const CARE_HOME_WORDS = ['Zorgcentrum', 'Woonzorgcentrum', 'Verpleeghuis', 'Zorglocatie', 'Huize'];
const STREETS = [
  'Kerkstraat',
  'Dorpsstraat',
  'Schoolstraat',
  'Molenweg',
  'Julianastraat',
  'Stationsweg',
  'Wilhelminalaan',
  'Beatrixstraat',
  'Lindelaan',
  'Parklaan',
  'Hoofdstraat',
  'Kastanjelaan',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A version-4 UUID drawn from `random`, so seeded demo ids are the same on every machine. */
export function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)]!;
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function isoDate(year: number, random: () => number): string {
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Contact details that can never belong to anyone, so a care professional trying the demo cannot
 * phone or visit a real house. The Dutch numbering plan reserves no range for fiction (unlike
 * Germany's "drama numbers" or Ofcom's in the UK), and 06-1234 xxxx is a real mobile range. A
 * geographic subscriber number never starts with 0: dialled locally, it would begin with the trunk
 * prefix (and 00, the international prefix). So every demo facility gets 030 000 0xxx, written
 * +31 (0)30 000 0xxx, with xxx its number in the registry; the website is under example.org, which
 * RFC 2606 reserves for examples; the street address says "fictief".
 */
export function demoContact(
  index: number,
  name: string,
  street: string,
): { phone: string; website: string; streetAddress: string } {
  const number = String(index).padStart(3, '0');
  const slug = name
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return {
    phone: `+31 (0)30 000 0${number}`,
    website: `https://example.org/demo/${number}-${slug}`,
    streetAddress: `${street} (fictief adres)`,
  };
}

/** Largest-remainder allocation of `total` over weights, with at least `minimum` each. */
export function allocate(weights: number[], total: number, minimum: number): number[] {
  const rest = total - minimum * weights.length;
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (w / sum) * rest);
  const counts = exact.map((x) => minimum + Math.floor(x));
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = total - counts.reduce((s, c) => s + c, 0);
  for (const [, i] of order) {
    if (left <= 0) {
      break;
    }
    counts[i]! += 1;
    left -= 1;
  }
  return counts;
}

function bedsFor(type: HospiceType, random: () => number): number {
  const u = random();
  switch (type) {
    case 'bth':
      return u < 0.2 ? 3 : u < 0.65 ? 4 : u < 0.9 ? 5 : 6;
    case 'hch':
      return u < 0.2 ? 6 : u < 0.5 ? 7 : u < 0.8 ? 8 : u < 0.95 ? 10 : 12;
    case 'nursing-home-unit':
      return u < 0.35 ? 2 : u < 0.7 ? 3 : u < 0.9 ? 4 : 6;
    case 'hospital-unit':
    case 'other':
      return 4;
  }
}

/** Builds the demo registry deterministically from the division, population and places. */
export function buildDemoRegistry(
  gemeenten: DemoGemeente[],
  places: DemoPlace[],
  seed = 20_250_101,
): DemoFacility[] {
  const random = seededRandom(seed);
  const regions = [...new Set(gemeenten.map((g) => g.zorgkantoorregio))].sort();
  const weightOf = (region: string) =>
    gemeenten
      .filter((g) => g.zorgkantoorregio === region)
      .reduce((s, g) => s + g.population65Plus, 0);
  const perRegion = allocate(regions.map(weightOf), DEMO_FACILITY_COUNT, 2);

  const typeCounts = allocate(
    TYPE_SHARES.map(([, share]) => share),
    DEMO_FACILITY_COUNT,
    0,
  );
  const types: HospiceType[] = TYPE_SHARES.flatMap(([type], i) =>
    Array<HospiceType>(typeCounts[i]!).fill(type),
  );
  // Fisher–Yates shuffle so types spread over regions.
  for (let i = types.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [types[i], types[j]] = [types[j]!, types[i]!];
  }

  const placesByGemeente = new Map<string, DemoPlace[]>();
  for (const place of places) {
    const list = placesByGemeente.get(place.gemeenteCode) ?? [];
    list.push(place);
    placesByGemeente.set(place.gemeenteCode, list);
  }

  const facilities: DemoFacility[] = [];
  let typeIndex = 0;
  regions.forEach((region, r) => {
    const candidates = gemeenten.filter(
      (g) => g.zorgkantoorregio === region && placesByGemeente.has(g.code),
    );
    const total = candidates.reduce((s, g) => s + g.population65Plus, 0);
    for (let k = 0; k < perRegion[r]!; k++) {
      let u = random() * total;
      const gemeente = candidates.find((g) => (u -= g.population65Plus) < 0) ?? candidates[0]!;
      const place = pick(random, placesByGemeente.get(gemeente.code)!);
      const type = types[typeIndex++]!;
      const word = pick(random, NAME_WORDS);
      const name =
        type === 'nursing-home-unit'
          ? `Palliatieve unit ${pick(random, CARE_HOME_WORDS)} ${word}`
          : type === 'hch'
            ? `High Care Hospice ${word}`
            : random() < 0.5
              ? `Bijna Thuis Huis ${place.name}`
              : `Hospice ${word}`;
      const openedYear =
        type === 'nursing-home-unit'
          ? 2000 + Math.floor(random() * 24)
          : 1992 + Math.floor(random() * 31);
      const openedOn = isoDate(openedYear, random);
      const beds = bedsFor(type, random);
      // About 100 m of jitter so facilities in one place do not sit on one point.
      const latitude = Math.round((place.latitude + (random() - 0.5) * 0.0018) * 1e5) / 1e5;
      const longitude = Math.round((place.longitude + (random() - 0.5) * 0.0028) * 1e5) / 1e5;
      const contact = demoContact(
        facilities.length,
        name,
        `${pick(random, STREETS)} ${1 + Math.floor(random() * 120)}`,
      );
      const create: HospiceCreate = {
        name,
        streetAddress: contact.streetAddress,
        place: place.name,
        gemeenteCode: gemeente.code,
        latitude,
        longitude,
        type,
        careModel: type === 'bth' ? 'stay-with-informal-care' : 'formal-care-with-stay',
        funding:
          type === 'bth'
            ? ['subsidy-ptz', 'donations']
            : type === 'hch'
              ? ['zvw', 'wlz', 'subsidy-ptz', 'donations']
              : ['wlz'],
        umbrellas:
          type === 'bth'
            ? ['vptz']
            : type === 'hch'
              ? ['ahzn']
              : random() < 0.3
                ? ['actiz', 'vptz']
                : ['actiz'],
        licensedBeds: beds,
        openedOn,
        phone: contact.phone,
        website: contact.website,
        effectiveFrom: openedOn,
      };
      const changes: DemoFacility['changes'] = [];
      const v = random();
      if (v < 0.25 && openedYear < 2023) {
        // A quarter grew by one or two beds in 2023–2025 (hospice use doubled in ten years).
        changes.push({
          effectiveFrom: isoDate(2023 + Math.floor(random() * 3), random),
          licensedBeds: beds + 1 + Math.floor(random() * 2),
        });
      } else if (v > 0.985) {
        const closedOn = isoDate(2024, random);
        changes.push({ effectiveFrom: closedOn, closedOn });
      }
      facilities.push({ id: seededUuid(random), create, changes });
    }
  });
  return facilities;
}
