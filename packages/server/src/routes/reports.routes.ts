import { Type } from '@sinclair/typebox';
import { AppError, buildRegionReport, findKeptReport, listKeptReports } from '@palliamonitor/data';
import {
  KeptReportList,
  KeptReportParams,
  KeptReportQuery,
  RegionReport,
  ReportParams,
  ReportPdfQuery,
  type ReportLanguage,
} from '@palliamonitor/contracts';
import type { FastifyRequest } from 'fastify';
import { seesSmallCounts } from '../auth/authorise';
import { hasRole, type Principal } from '../auth/principal';
import type { App, AppContext } from '../context';
import type { CollectionContext } from '../live/collection-context';
import { checkRegion } from './alerts.routes';
import { ProblemResponses } from './params';
import { route, type Endpoint } from './endpoint';

// The regional report ("Hospicezorg in {regio}, {datum}") as figures for the HTML page and as a
// PDF, for a zorgkantoorregio or the nation (NL), and the kept monthly reports.

/**
 * The report as PDF. PDFKit and its fonts are loaded when the first PDF is asked for, not when
 * the server starts: most starts never draw one, and loading them is a noticeable part of a start.
 */
async function pdfOf(report: RegionReport, language: ReportLanguage): Promise<Buffer> {
  const { renderReportPdf } = await import('../reports/report-pdf');
  return renderReportPdf(report, language);
}

const Pdf = {
  description: 'Het rapport als PDF',
  content: { 'application/pdf': { schema: Type.String({ format: 'binary' }) } },
};

/**
 * A kept report of a region is read by its regisseur, of the nation by every regisseur (each
 * reads their region beside it); the national analyst and administrators read all.
 */
function checkKeptReader(principal: Principal, code: string): void {
  if (code === 'NL' && hasRole(principal, 'regisseur')) {
    return;
  }
  checkRegion(principal, code, false);
}

/** The routes of this file as the API documents them; the handlers follow. */
const ENDPOINTS = {
  readReport: {
    method: 'GET',
    url: '/regions/:code/report',
    tags: ['rapport'],
    summary:
      'Het regiorapport als cijfers: capaciteit, bezetting, prognose, plan, volledigheid en bronnen',
    description:
      'Dezelfde cijfers als de routes van regio, beddenstatus, cijfers, prognose, capaciteit en plan (basisscenario). NL: landelijk.',
    params: ReportParams,
    response: { 200: RegionReport, ...ProblemResponses },
  },
  readReportPdf: {
    method: 'GET',
    url: '/regions/:code/report.pdf',
    tags: ['rapport'],
    summary: 'Het regiorapport als PDF: “Hospicezorg in {regio}, {datum}”',
    description: 'lang=en voor Engels. NL: landelijk.',
    params: ReportParams,
    querystring: ReportPdfQuery,
    response: { 200: Pdf, ...ProblemResponses },
  },
  listMonthReports: {
    method: 'GET',
    url: '/regions/:code/reports',
    tags: ['rapport'],
    summary: 'De bewaarde maandrapporten van een regio (of NL), nieuwste eerst',
    params: ReportParams,
    response: { 200: KeptReportList, ...ProblemResponses },
  },
  readMonthReport: {
    method: 'GET',
    url: '/regions/:code/reports/:month',
    tags: ['rapport'],
    summary: 'Eén bewaard maandrapport, zoals het die maand werd gemaakt',
    description: 'format=pdf (met lang=en voor Engels) voor de PDF; anders het rapportmodel.',
    params: KeptReportParams,
    querystring: KeptReportQuery,
    response: {
      200: {
        description: 'Het bewaarde rapport',
        content: {
          'application/json': { schema: RegionReport },
          'application/pdf': { schema: Type.String({ format: 'binary' }) },
        },
      },
      ...ProblemResponses,
    },
  },
} satisfies Record<string, Endpoint>;

export function reportRoutes(app: App, ctx: AppContext, collection: CollectionContext): void {
  /** The report of today, its small counts cut for the reader as the statistics are. */
  const build = async (request: FastifyRequest, code: string) =>
    buildRegionReport(ctx.store.db, code, {
      now: ctx.now(),
      freshnessHours: collection.freshnessHours,
      smallCounts: await seesSmallCounts(request, { kind: 'region', code }, ctx),
    });

  route(app, ENDPOINTS.readReport, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return build(request, request.params.code);
  });

  route(app, ENDPOINTS.readReportPdf, async (request, reply) => {
    const report = await build(request, request.params.code);
    const pdf = await pdfOf(report, request.query.lang ?? 'nl');
    reply.header('Cache-Control', 'no-store');
    reply.header(
      'Content-Disposition',
      `inline; filename="rapport-${report.code}-${report.asOf}.pdf"`,
    );
    return reply.type('application/pdf').send(pdf);
  });

  route(app, ENDPOINTS.listMonthReports, async (request, reply) => {
    const code = request.params.code;
    checkKeptReader(request.principal, code);
    reply.header('Cache-Control', 'no-store');
    return { region: code, items: await listKeptReports(ctx.store.db, code) };
  });

  route(app, ENDPOINTS.readMonthReport, async (request, reply) => {
    const { code, month } = request.params;
    checkKeptReader(request.principal, code);
    const report = await findKeptReport(ctx.store.db, request.params, {
      smallCounts: await seesSmallCounts(request, { kind: 'region', code }, ctx),
    });
    if (!report) {
      throw new AppError('NOT_FOUND', `no report of ${code} kept for ${month}`, [
        { field: 'month', message: `no report kept for ${month}` },
      ]);
    }
    reply.header('Cache-Control', 'no-store');
    if (request.query.format !== 'pdf') {
      return reply.type('application/json; charset=utf-8').send(report);
    }
    const pdf = await pdfOf(report, request.query.lang ?? 'nl');
    reply.header('Content-Disposition', `inline; filename="rapport-${code}-${month}.pdf"`);
    return reply.type('application/pdf').send(pdf);
  });
}
