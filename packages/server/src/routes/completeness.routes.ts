import {
  ForecastRegionParams,
  RegionCompleteness,
  ReminderSettings,
  ReminderSettingsUpdate,
} from '@palliamonitor/contracts';
import { Type } from '@sinclair/typebox';
import {
  appendAudit,
  AppError,
  regionCompleteness,
  reminderSettings,
  setReminderPreference,
} from '@palliamonitor/data';
import { auditContextOf } from '../auth/audit';
import type { Principal } from '../auth/principal';
import type { App, AppContext } from '../context';
import { checkRegion } from './alerts.routes';
import { ProblemResponses } from './params';

// Reporting completeness of a region (who is behind) and each person's own reminder setting.

const PersonOnly = { 401: Type.Ref('Problem'), 403: Type.Ref('Problem') };

/** The signed-in person: reminders belong to a person's account, not to a token. */
function userOf(principal: Principal) {
  if (principal.kind === 'token') {
    throw new AppError('FORBIDDEN', 'reminders belong to a person, not to a token');
  }
  if (principal.kind !== 'user') {
    throw new AppError('UNAUTHORIZED', 'sign in to manage reminders');
  }
  return principal.user;
}

export function completenessRoutes(app: App, ctx: AppContext, freshnessHours: number): void {
  app.get(
    '/regions/:code/completeness',
    {
      schema: {
        tags: ['regio'],
        summary:
          'Volledigheid van het melden per voorziening: aandeel dagen met een bevestigde status, leeftijd van de laatste bevestiging, maandcijfers op tijd',
        params: ForecastRegionParams,
        response: { 200: RegionCompleteness, ...ProblemResponses },
      },
    },
    async (request, reply) => {
      // A regisseur reads the own region; national readers every region and NL. An editor sees
      // the own facility's freshness on its page: this list compares facilities, and is not theirs.
      checkRegion(request.principal, request.params.code, false);
      reply.header('Cache-Control', 'no-store');
      return regionCompleteness(ctx.store.db, request.params.code, ctx.now(), freshnessHours);
    },
  );

  app.get(
    '/account/reminders',
    {
      schema: {
        tags: ['account'],
        summary: 'Mijn herinneringen: aan of uit, en welke van mijn voorzieningen achterlopen',
        response: { 200: ReminderSettings, ...ProblemResponses, ...PersonOnly },
      },
    },
    async (request, reply) => {
      const user = userOf(request.principal);
      reply.header('Cache-Control', 'no-store');
      return reminderSettings(ctx.store.db, user, ctx.now(), freshnessHours);
    },
  );

  app.put(
    '/account/reminders',
    {
      config: { auditedByHandler: true },
      schema: {
        tags: ['account'],
        summary: 'Herinneringen per e-mail aan- of uitzetten',
        body: ReminderSettingsUpdate,
        response: { 200: ReminderSettings, ...ProblemResponses, ...PersonOnly },
      },
    },
    async (request) => {
      const user = userOf(request.principal);
      const audit = await auditContextOf(ctx, request, 200);
      await ctx.store.db.transaction().execute(async (trx) => {
        const change = await setReminderPreference(trx, user.id, request.body, ctx.now());
        await appendAudit(trx, {
          ...audit,
          hospiceId: null,
          regionCode: null,
          at: ctx.now().toISOString(),
          before: change.before,
          after: change.after,
        });
      });
      return reminderSettings(ctx.store.db, user, ctx.now(), freshnessHours);
    },
  );
}
