// Fixed inputs of the golden-output tests. The approved outputs beside them (*.json) were first
// computed by the code these functions came from, so a change to a figure shows up as a diff.
import type { RegionInput } from '../../src/prepare';

/** Three regions: one with hospices and locations, one with a single house, one with none. */
export const CAPACITY_REGIONS: RegionInput[] = [
  {
    code: 'ZK01',
    basePopulation: { '0-64': 450_000, '65-79': 90_000, '80+': 30_000 },
    hospiceBeds: [4, 6, 8, 5],
    hospiceLocations: [
      { latitude: 52.1, longitude: 5.1 },
      { latitude: 52.2, longitude: 5.0 },
      { latitude: 51.9, longitude: 5.4 },
      null,
    ],
  },
  {
    code: 'ZK02',
    basePopulation: { '0-64': 300_000, '65-79': 70_000, '80+': 25_000 },
    hospiceBeds: [10],
  },
  {
    code: 'ZK03',
    basePopulation: { '0-64': 120_000, '65-79': 20_000, '80+': 6_000 },
    hospiceBeds: [],
  },
];

export const CAPACITY_OPTIONS = { year: 2030, target: 0.05 } as const;

/** Two hospices, one registering movements from February, one sending monthly returns. */
export const FIGURES_INPUT = {
  from: '2025-01-01',
  to: '2025-03-31',
  period: 'month',
  intervals: [
    { hospiceId: 'a', from: '2024-06-01', to: '2025-02-14', licensedBeds: 6 },
    { hospiceId: 'a', from: '2025-02-15', to: '9999-12-31', licensedBeds: 8 },
    { hospiceId: 'b', from: '2025-01-10', to: '9999-12-31', licensedBeds: 4 },
  ],
  stays: [
    { hospiceId: 'a', admittedOn: '2024-12-20', departedOn: '2025-01-05', departureKind: 'died' },
    { hospiceId: 'a', admittedOn: '2025-02-01', departedOn: '2025-02-12', departureKind: 'died' },
    {
      hospiceId: 'a',
      admittedOn: '2025-02-03',
      departedOn: '2025-02-20',
      departureKind: 'discharged-home',
    },
    { hospiceId: 'a', admittedOn: '2025-02-10', departedOn: '2025-02-10', departureKind: 'died' },
    {
      hospiceId: 'a',
      admittedOn: '2025-03-01',
      departedOn: '2025-03-09',
      departureKind: 'transferred',
    },
    { hospiceId: 'a', admittedOn: '2025-03-15', departedOn: null, departureKind: null },
    { hospiceId: 'b', admittedOn: '2025-02-02', departedOn: '2025-02-09', departureKind: 'died' },
  ],
  refusals: [
    { hospiceId: 'a', date: '2025-02-04', count: 2 },
    { hospiceId: 'a', date: '2025-03-20', count: 1 },
    { hospiceId: 'b', date: '2025-01-05', count: 3 },
  ],
  waitingList: [
    { hospiceId: 'a', date: '2025-02-05', size: 3 },
    { hospiceId: 'a', date: '2025-03-25', size: 1 },
  ],
  confirmations: [
    { hospiceId: 'a', at: Date.parse('2025-02-01T08:00:00Z') },
    { hospiceId: 'a', at: Date.parse('2025-02-02T07:30:00Z') },
    { hospiceId: 'a', at: Date.parse('2025-03-30T21:00:00Z') },
    { hospiceId: 'b', at: Date.parse('2025-03-31T06:00:00Z') },
  ],
  eventsFrom: new Map([['a', '2025-02']]),
  returns: [
    {
      hospiceId: 'a',
      month: '2025-01',
      admissions: 5,
      departuresDied: 4,
      departuresDischargedHome: 1,
      departuresTransferred: 0,
      bedDays: 120,
      refusals: 1,
      waitingListEnd: 2,
      lengthOfStayDaysTotal: 60,
    },
    {
      hospiceId: 'b',
      month: '2025-02',
      admissions: 3,
      departuresDied: 2,
      departuresDischargedHome: 0,
      departuresTransferred: 1,
      bedDays: 70,
      refusals: 0,
      waitingListEnd: null,
      lengthOfStayDaysTotal: null,
    },
    {
      hospiceId: 'b',
      month: '2025-03',
      admissions: 2,
      departuresDied: 2,
      departuresDischargedHome: 0,
      departuresTransferred: 0,
      bedDays: 80,
      refusals: 2,
      waitingListEnd: 1,
      lengthOfStayDaysTotal: 25,
    },
  ],
  now: new Date('2025-03-31T10:00:00Z'),
  freshnessHours: 24,
  daily: true,
} as const;

/** Three regions as the overview reads them: one without population figures. */
export const OVERVIEW_INPUT = {
  regions: [
    { code: 'ZK01', name: 'Groningen' },
    { code: 'ZK02', name: 'Friesland' },
    { code: 'ZK03', name: 'Drenthe' },
  ],
  population: new Map([
    ['ZK01', { total: 590_000, '0-64': 450_000, '65-79': 110_000, '80+': 30_000, year: 2025 }],
    ['ZK02', { total: 650_000, '0-64': 480_000, '65-79': 130_000, '80+': 40_000, year: 2025 }],
  ]),
  beds: new Map([
    ['ZK01', { facilities: 5, licensedBeds: 31, synthetic: 1 }],
    ['ZK03', { facilities: 2, licensedBeds: 9, synthetic: 0 }],
  ]),
} as const;
