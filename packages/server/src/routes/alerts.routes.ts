import {
  AlertAcknowledgement,
  AlertAcknowledgementCreate,
  AlertAcknowledgementList,
  ZorgkantoorregioParams,
} from '@palliamonitor/contracts';
import {
  acknowledgeAlert,
  appendAudit,
  AppError,
  getRegionOrThrow,
  listAlertAcknowledgements,
} from '@palliamonitor/data';
import { hasRole, writeContextOf } from '../auth/principal';
import { auditContextOf } from '../auth/audit';
import { today, type App, type AppContext } from '../context';
import type { Principal } from '../auth/principal';
import { problems, ProblemResponses } from './params';
import { route, type Endpoint } from './endpoint';

// Acknowledging the alerts of a region's cockpit: a note and a follow-up date, for the region's
// other users to see. Writes are audited by the generic audit hook (region from :code).

const ZkParams = ZorgkantoorregioParams;

/** A regisseur acts for the own region only; administrators and analysts for every region. */
export function checkRegion(principal: Principal, code: string, write: boolean): void {
  if (hasRole(principal, 'administrator') || (!write && hasRole(principal, 'national-analyst'))) {
    return;
  }
  if (!hasRole(principal, 'regisseur', code)) {
    throw new AppError('FORBIDDEN', `only the regisseur of ${code} or an administrator may`, [], {
      code: 'access.notThisRegion',
      params: { region: code },
    });
  }
}

/** The region the caller acts on: in their scope (as checkRegion says) and known today. */
export async function regionInScope(
  ctx: AppContext,
  principal: Principal,
  code: string,
  write: boolean,
): Promise<Awaited<ReturnType<typeof getRegionOrThrow>>> {
  checkRegion(principal, code, write);
  return getRegionOrThrow(ctx.store.db, code, today(ctx));
}

/** The routes of this file as the API documents them; the handlers follow. */
const ENDPOINTS = {
  listAcknowledgements: {
    method: 'GET',
    url: '/regions/:code/alert-acknowledgements',
    tags: ['regio'],
    summary: 'Afgehandelde signalen van een regio (de laatste per signaal)',
    params: ZkParams,
    response: { 200: AlertAcknowledgementList, ...ProblemResponses },
  },
  acknowledge: {
    method: 'POST',
    url: '/regions/:code/alert-acknowledgements',
    auditedByHandler: true,
    tags: ['regio'],
    summary: 'Een signaal afhandelen met een notitie en een datum om op terug te komen',
    params: ZkParams,
    body: AlertAcknowledgementCreate,
    response: { 201: AlertAcknowledgement, ...problems(400, 404, 422) },
  },
} satisfies Record<string, Endpoint>;

export function alertRoutes(app: App, ctx: AppContext): void {
  route(app, ENDPOINTS.listAcknowledgements, async (request, reply) => {
    await regionInScope(ctx, request.principal, request.params.code, false);
    reply.header('Cache-Control', 'no-store');
    return { items: await listAlertAcknowledgements(ctx.store.db, request.params.code) };
  });

  route(app, ENDPOINTS.acknowledge, async (request, reply) => {
    await regionInScope(ctx, request.principal, request.params.code, true);
    // The entry is filed under the region (the generic hook files by hospice), in the same
    // transaction as the acknowledgement.
    const audit = await auditContextOf(ctx, request, 201);
    const result = await ctx.store.db.transaction().execute(async (trx) => {
      const acknowledgement = await acknowledgeAlert(
        trx,
        request.params.code,
        request.body,
        writeContextOf(ctx, request.principal),
        today(ctx),
      );
      await appendAudit(trx, {
        ...audit,
        regionCode: request.params.code,
        at: ctx.now().toISOString(),
        before: null,
        after: acknowledgement,
      });
      return acknowledgement;
    });
    return reply.code(201).send(result);
  });
}
