import { Type, type Static } from '@sinclair/typebox';
import { IsoDate } from './common';
import { BoundaryFeature, RegionDetail, RegionFigures } from './regions';
import { Hospice } from './hospice';
import { BedStatus, DerivedFigure, PersonCount, Statistics, SuppressedFields } from './collection';

// Answers that hold a whole page's first view, so the page renders from one request (and the
// pages stay within three requests whatever a region's size). Each part is the same shape as the
// route it stands for; sections further down the page keep their own routes and load when
// scrolled to.

/** A model input with its value, unit and where it comes from. */
export const ModelInput = Type.Object({
  name: Type.String(),
  value: Type.Number(),
  unit: Type.String(),
  provenance: Type.Union([
    Type.Literal('measured'),
    Type.Literal('imported'),
    Type.Literal('assumed'),
  ]),
  source: Type.String(),
});

/**
 * The figures of a viability signal that can be suppressed: the bed-days (nights of guests, a
 * count of people) and the occupancy that gives them back with the available bed-days. The
 * signal itself stays: it names a range of occupancy, not a count.
 */
export const VIABILITY_SUPPRESSIBLE = ['bedDays', 'occupancy'] as const;
export type ViabilitySuppressible = (typeof VIABILITY_SUPPRESSIBLE)[number];

const ViabilitySignalFields = {
  signal: Type.Union([
    Type.Literal('under-occupied'),
    Type.Literal('within-range'),
    Type.Literal('over-occupied'),
    Type.Literal('unknown'),
  ]),
  label: Type.String({ description: 'onderbezetting, binnen de marge, overbezetting of onbekend' }),
  occupancy: DerivedFigure(
    'Bezettingsgraad 0–1 over de maanden met gegevens',
    'zonder gegevens of als de ligdagen onderdrukt zijn',
  ),
  bedDays: PersonCount('Ligdagen (bezette bedden per nacht) over de twaalf maanden'),
  bedDaysAvailable: Type.Number(),
  dataShare: Type.Number({ description: 'Aandeel dagen met gegevens' }),
  days: Type.Number(),
  suppressed: SuppressedFields(VIABILITY_SUPPRESSIBLE),
};

/** The viability signal of a hospice, or of a region with each of its hospices. */
export const Viability = Type.Object({
  scope: Type.Object({ kind: Type.String(), code: Type.String(), name: Type.String() }),
  period: Type.Object({ from: Type.String(), to: Type.String() }),
  isSynthetic: Type.Boolean(),
  thresholds: Type.Array(ModelInput),
  ...ViabilitySignalFields,
  hospices: Type.Optional(
    Type.Array(
      Type.Object({ hospiceId: Type.String(), name: Type.String(), ...ViabilitySignalFields }),
    ),
  ),
});
export type Viability = Static<typeof Viability>;

/** The latest waiting list a hospice reported (all null when it never did). */
export const WaitingList = Type.Object({
  date: Type.Union([IsoDate, Type.Null()]),
  size: Type.Union([Type.Integer(), Type.Null()]),
  recordedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type WaitingList = Static<typeof WaitingList>;

/**
 * A region's cockpit at a glance: the region, its headline figures, its open hospices with their
 * live status and monthly figures (with daily occupancy, for the alerts), and its outline for the
 * map.
 */
export const RegionCockpit = Type.Object({
  region: RegionDetail,
  figures: Type.Union([RegionFigures, Type.Null()], {
    description:
      'De kerncijfers van de regio zoals in het overzicht (null buiten de zorgkantoorregio’s)',
  }),
  hospices: Type.Array(Hospice, { description: 'De open voorzieningen van de regio' }),
  bedStatus: Type.Array(BedStatus),
  statistics: Statistics,
  outline: Type.Union([BoundaryFeature, Type.Null()], {
    description: 'De grens van de regio (GeoJSON Feature), null als er geen is geïmporteerd',
  }),
});
export type RegionCockpit = Static<typeof RegionCockpit>;

/** A hospice's page at a glance: its registration, bed status, waiting list and viability. */
export const HospicePageView = Type.Object({
  hospice: Hospice,
  bedStatus: BedStatus,
  waitingList: WaitingList,
  viability: Viability,
});
export type HospicePageView = Static<typeof HospicePageView>;
