import { writeContextOf } from '../auth/principal';
import { auditContextOf } from '../auth/audit';
import { mayActOnHospice } from '../auth/authorise';
import { Type } from '@sinclair/typebox';
import {
  AppError,
  getReturnMonth,
  listReturns,
  submitReturns,
  submitReturnsCsv,
  type ReturnsSummary,
} from '@palliamonitor/data';
import {
  MonthlyReturn,
  MonthlyReturnBody,
  MonthPattern,
  ReturnDifference,
  WarningList,
} from '@palliamonitor/contracts';
import type { App, AppContext } from '../context';
import { toWarnings, WriteProblems } from './bed-status.routes';
import { HospiceIdParams } from '@palliamonitor/contracts';
import { ProblemResponses } from './params';

// Monthly aggregate returns for hospices with their own records: JSON per month, or a CSV file
// with many hospices and months (docs/data-collection.md). All rows or none.

const Summary = Type.Object({
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

function toSummary(summary: ReturnsSummary) {
  return {
    ...summary,
    warnings: summary.warnings.map((w) => ({
      ...(w.line === undefined ? {} : { line: w.line }),
      ...toWarnings([w])[0]!,
    })),
  };
}

export function returnRoutes(app: App, ctx: AppContext): void {
  // As bytes: the file is decoded strictly, so a Latin-1 file is refused instead of stored with
  // replacement characters.
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );

  app.put(
    '/hospices/:id/returns/:month',
    {
      // The audit entry is written with the return, in its transaction (per hospice for files).
      config: { auditedByHandler: true },
      schema: {
        tags: ['maandopgave'],
        summary: 'Maandopgave van een voorziening (vervangt een eerdere opgave van die maand)',
        description:
          'Stroom moet kloppen: bezet aan het begin + opnames − vertrek = bezet aan het eind. Dezelfde opgave nogmaals verandert niets.',
        params: Type.Object({
          id: HospiceIdParams.properties.id,
          month: Type.String({ pattern: MonthPattern, description: 'JJJJ-MM' }),
        }),
        body: MonthlyReturnBody,
        response: {
          200: Type.Object({
            status: Type.Union([
              Type.Literal('created'),
              Type.Literal('superseded'),
              Type.Literal('unchanged'),
            ]),
            return: MonthlyReturn,
            differences: Type.Array(ReturnDifference),
            warnings: WarningList,
          }),
          ...WriteProblems,
        },
      },
    },
    async (request) => {
      const exists = await ctx.store.db
        .selectFrom('hospice')
        .select('id')
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!exists) {
        throw new AppError('NOT_FOUND', `hospice ${request.params.id} does not exist`);
      }
      const summary = await submitReturns(
        ctx.store.db,
        [{ ...request.body, hospice: request.params.id, month: request.params.month }],
        'api',
        writeContextOf(ctx, request.principal),
        { audit: await auditContextOf(ctx, request) },
      );
      return {
        status:
          summary.created > 0
            ? ('created' as const)
            : summary.superseded > 0
              ? ('superseded' as const)
              : ('unchanged' as const),
        return: summary.returns[0]!,
        differences: summary.differences,
        warnings: toWarnings(summary.warnings),
      };
    },
  );

  app.get(
    '/hospices/:id/returns',
    {
      schema: {
        tags: ['maandopgave'],
        summary: 'Geldende maandopgaven van een voorziening, nieuwste maand eerst',
        params: HospiceIdParams,
        response: { 200: Type.Object({ items: Type.Array(MonthlyReturn) }), ...ProblemResponses },
      },
    },
    async (request) => ({ items: await listReturns(ctx.store.db, request.params.id) }),
  );

  app.get(
    '/hospices/:id/returns/:month',
    {
      schema: {
        tags: ['maandopgave'],
        summary: 'Eén maand: geldende opgave, eerdere versies en verschillen met de bewegingen',
        params: Type.Object({
          id: HospiceIdParams.properties.id,
          month: Type.String({ pattern: MonthPattern }),
        }),
        response: {
          200: Type.Object({
            current: Type.Union([MonthlyReturn, Type.Null()]),
            history: Type.Array(MonthlyReturn),
            differences: Type.Array(ReturnDifference),
          }),
          ...ProblemResponses,
        },
      },
    },
    async (request) =>
      getReturnMonth(ctx.store.db, request.params.id, request.params.month, ctx.now()),
  );

  app.post(
    '/returns',
    {
      config: { auditedByHandler: true },
      schema: {
        tags: ['maandopgave'],
        summary: 'Maandopgaven als CSV-bestand (alle regels of geen)',
        description:
          'Content-Type text/csv. Kolommen: hospice, month, occupied_start, admissions, departures_died, departures_discharged_home, departures_transferred, occupied_end, bed_days, refusals, waiting_list_end, length_of_stay_days_total. Fouten worden per regel gemeld (422); dan wordt niets opgeslagen.',
        body: Type.Unsafe<Uint8Array>({
          type: 'string',
          format: 'binary',
          description: 'CSV (komma of puntkomma), UTF-8',
        }),
        response: { 200: Summary, ...WriteProblems, 415: Type.Ref('Problem') },
      },
      // The body is the file's bytes, not a JSON string: it is judged as a file (encoding, layout,
      // rows) by the importer, with line numbers.
      validatorCompiler: () => () => true,
    },
    async (request) => {
      if (!(request.body instanceof Uint8Array) || request.body.length === 0) {
        throw new AppError('VALIDATION_FAILED', 'the body must be a CSV file', [
          { field: 'body', message: 'is required: a CSV file', code: 'csv.fileRequired' },
        ]);
      }
      const summary = await submitReturnsCsv(
        ctx.store.db,
        request.body,
        {
          ...writeContextOf(ctx, request.principal),
          mayWrite: (hospiceId, db) => mayActOnHospice(request.principal, hospiceId, db),
        },
        { audit: await auditContextOf(ctx, request) },
      );
      return toSummary(summary);
    },
  );
}
