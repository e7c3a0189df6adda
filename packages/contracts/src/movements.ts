import { Type, type Static, type TObject } from '@sinclair/typebox';
import { HospiceIdParams, IsoDate, Pagination } from './common';
import {
  BedStatus,
  BedStatusEvent,
  MonthlyReturn,
  MonthPattern,
  ReturnDifference,
  Stay,
  WarningList,
} from './collection';

// The answers of the collection routes beside their bodies: bed-status lists and the live feed's
// query, stays, refusals, the waiting list and monthly returns.

/** A write's answer: what was stored, with the warnings that did not stop it. */
const withWarnings = <T extends TObject>(schema: T) =>
  Type.Intersect([schema, Type.Object({ warnings: WarningList })]);

export const BedStatusWithWarnings = withWarnings(BedStatus);
export type BedStatusWithWarnings = Static<typeof BedStatusWithWarnings>;
export const BedStatusList = Type.Object({ items: Type.Array(BedStatus) });
export type BedStatusList = Static<typeof BedStatusList>;
export const BedStatusEventList = Type.Object({ items: Type.Array(BedStatusEvent) });
export type BedStatusEventList = Static<typeof BedStatusEventList>;
export const BedStatusHistoryQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) },
  { additionalProperties: false },
);
/** The If-Match header of the bed-status writes (an ETag of GET). */
export const IfMatchHeaders = Type.Object({ 'if-match': Type.Optional(Type.String()) });
export const BedStatusStreamQuery = Type.Object(
  {
    hospice: Type.Optional(
      Type.String({ pattern: '^[A-Za-z0-9-]+$', description: 'Alleen deze voorziening' }),
    ),
    lastEventId: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export const BedStatusStreamHeaders = Type.Object({
  'last-event-id': Type.Optional(Type.String({ pattern: '^\\d+$' })),
});

export const StayWithWarnings = withWarnings(Stay);
export type StayWithWarnings = Static<typeof StayWithWarnings>;
export const StayParams = Type.Object({
  id: HospiceIdParams.properties.id,
  stayId: Type.String({ pattern: '^[A-Za-z0-9-]+$', maxLength: 64 }),
});
export const STAY_LIST_STATUSES = ['current', 'departed', 'all'] as const;
export const StayListQuery = Type.Object(
  {
    status: Type.Optional(
      Type.Union(
        STAY_LIST_STATUSES.map((status) => Type.Literal(status)),
        { default: 'current' },
      ),
    ),
    ...Pagination,
  },
  { additionalProperties: false },
);

export type StayListQuery = Static<typeof StayListQuery>;
export const RefusalRecorded = Type.Object({
  date: IsoDate,
  count: Type.Integer(),
  totalThatDay: Type.Integer(),
  warnings: WarningList,
});
export type RefusalRecorded = Static<typeof RefusalRecorded>;
export const WaitingListRecorded = Type.Object({
  date: IsoDate,
  size: Type.Integer(),
  warnings: WarningList,
});
export type WaitingListRecorded = Static<typeof WaitingListRecorded>;

const month = (description?: string) =>
  Type.String({ pattern: MonthPattern, ...(description === undefined ? {} : { description }) });
export const ReturnMonthParams = Type.Object({
  id: HospiceIdParams.properties.id,
  month: month('JJJJ-MM'),
});
/** The same path read back; its month has no description in the document. */
export const ReturnMonthReadParams = Type.Object({
  id: HospiceIdParams.properties.id,
  month: month(),
});
export const ReturnSubmitted = Type.Object({
  status: Type.Union([
    Type.Literal('created'),
    Type.Literal('superseded'),
    Type.Literal('unchanged'),
  ]),
  return: MonthlyReturn,
  differences: Type.Array(ReturnDifference),
  warnings: WarningList,
});
export type ReturnSubmitted = Static<typeof ReturnSubmitted>;
export const ReturnList = Type.Object({ items: Type.Array(MonthlyReturn) });
export type ReturnList = Static<typeof ReturnList>;
export const ReturnMonth = Type.Object({
  current: Type.Union([MonthlyReturn, Type.Null()]),
  history: Type.Array(MonthlyReturn),
  differences: Type.Array(ReturnDifference),
});
export type ReturnMonth = Static<typeof ReturnMonth>;
export const ReturnsFileSummary = Type.Object({
  rows: Type.Integer(),
  created: Type.Integer(),
  superseded: Type.Integer({ description: 'Eerdere opgaven vervangen (bewaard als geschiedenis)' }),
  unchanged: Type.Integer(),
  returns: Type.Array(MonthlyReturn),
  differences: Type.Array(ReturnDifference, {
    description: 'Verschillen met de geregistreerde bewegingen in dezelfde maand',
  }),
  warnings: Type.Array(
    Type.Object({
      line: Type.Optional(Type.Integer()),
      field: Type.Optional(Type.String()),
      message: Type.String(),
    }),
  ),
});
export type ReturnsFileSummary = Static<typeof ReturnsFileSummary>;
/** The CSV body of POST /returns, as the OpenAPI document describes it. */
export const ReturnsCsvBody = Type.Unsafe<Uint8Array>({
  type: 'string',
  format: 'binary',
  description: 'CSV (komma of puntkomma), UTF-8',
});
