import { writeContextOf } from '../auth/principal';
import { auditContextOf } from '../auth/audit';
import { mayActOnHospice } from '../auth/authorise';
import {
  AppError,
  getReturnMonth,
  listReturns,
  submitReturns,
  submitReturnsCsv,
  type ReturnsSummary,
} from '@palliamonitor/data';
import {
  HospiceIdParams,
  MonthlyReturnBody,
  ReturnList,
  ReturnMonth,
  ReturnMonthParams,
  ReturnMonthReadParams,
  ReturnsCsvBody,
  ReturnsFileSummary,
  ReturnSubmitted,
} from '@palliamonitor/contracts';
import type { App, AppContext } from '../context';
import { problems, ProblemResponses, toWarnings, WriteProblems } from './params';
import { route, type Endpoint } from './endpoint';

// Monthly aggregate returns for hospices with their own records: JSON per month, or a CSV file
// with many hospices and months (docs/data-collection.md). All rows or none.

function toSummary(summary: ReturnsSummary) {
  return {
    ...summary,
    warnings: summary.warnings.map((w) => ({
      ...(w.line === undefined ? {} : { line: w.line }),
      ...toWarnings([w])[0]!,
    })),
  };
}

/** The routes of this file as the API documents them; the handlers follow. */
const ENDPOINTS = {
  putMonthlyReturn: {
    method: 'PUT',
    url: '/hospices/:id/returns/:month',
    // The audit entry is written with the return, in its transaction (per hospice for files).
    auditedByHandler: true,
    tags: ['maandopgave'],
    summary: 'Maandopgave van een voorziening (vervangt een eerdere opgave van die maand)',
    description:
      'Stroom moet kloppen: bezet aan het begin + opnames − vertrek = bezet aan het eind. Dezelfde opgave nogmaals verandert niets.',
    params: ReturnMonthParams,
    body: MonthlyReturnBody,
    response: { 200: ReturnSubmitted, ...WriteProblems },
  },
  listReturns: {
    method: 'GET',
    url: '/hospices/:id/returns',
    tags: ['maandopgave'],
    summary: 'Geldende maandopgaven van een voorziening, nieuwste maand eerst',
    params: HospiceIdParams,
    response: { 200: ReturnList, ...ProblemResponses },
  },
  readReturnMonth: {
    method: 'GET',
    url: '/hospices/:id/returns/:month',
    tags: ['maandopgave'],
    summary: 'Eén maand: geldende opgave, eerdere versies en verschillen met de bewegingen',
    params: ReturnMonthReadParams,
    response: { 200: ReturnMonth, ...ProblemResponses },
  },
  submitReturnsFile: {
    method: 'POST',
    url: '/returns',
    auditedByHandler: true,
    // The body is the file's bytes, not a JSON string: it is judged as a file (encoding, layout,
    // rows) by the importer, with line numbers.
    validatedByHandler: true,
    tags: ['maandopgave'],
    summary: 'Maandopgaven als CSV-bestand (alle regels of geen)',
    description:
      'Content-Type text/csv. Kolommen: hospice, month, occupied_start, admissions, departures_died, departures_discharged_home, departures_transferred, occupied_end, bed_days, refusals, waiting_list_end, length_of_stay_days_total. Fouten worden per regel gemeld (422); dan wordt niets opgeslagen.',
    body: ReturnsCsvBody,
    response: { 200: ReturnsFileSummary, ...WriteProblems, ...problems(415) },
  },
} satisfies Record<string, Endpoint>;

export function returnRoutes(app: App, ctx: AppContext): void {
  // As bytes: the file is decoded strictly, so a Latin-1 file is refused instead of stored with
  // replacement characters.
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'buffer' },
    (_request, body, done) => done(null, body),
  );

  route(app, ENDPOINTS.putMonthlyReturn, async (request) => {
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
  });

  route(app, ENDPOINTS.listReturns, async (request) => ({
    items: await listReturns(ctx.store.db, request.params.id),
  }));

  route(app, ENDPOINTS.readReturnMonth, async (request) =>
    getReturnMonth(ctx.store.db, request.params.id, request.params.month, ctx.now()),
  );

  returnFileRoutes(app, ctx);
}

/** Many hospices and months in one CSV file, all rows or none. */
function returnFileRoutes(app: App, ctx: AppContext): void {
  route(app, ENDPOINTS.submitReturnsFile, async (request) => {
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
  });
}
