import { Type } from '@sinclair/typebox';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import {
  AppError,
  appendAudit,
  auditToCsv,
  emailActor,
  userActor,
  userRole,
  authenticate,
  createApiToken,
  createPasswordReset,
  createSession,
  createUser,
  deleteSession,
  listApiTokens,
  listAudit,
  listUsers,
  resetPassword,
  revokeApiToken,
  SESSION_MAX_DAYS,
  findApiToken,
} from '@palliamonitor/data';
import {
  AuditPage,
  AuditQuery,
  Me,
  PasswordResetAccepted,
  PasswordResetBody,
  PasswordResetConfirmBody,
  SignInAnswer,
  SignInBody,
  TokenCreate,
  TokenCreated,
  TokenList,
  TokenParams,
  TokenRevokeParams,
  TokenSummary,
  User,
  UserCreate,
  UserList,
} from '@palliamonitor/contracts';
import type { App, AppContext } from '../context';
import { readCookie, SESSION_COOKIE, sessionCookie } from '../auth/cookies';
import { actorOf, hasRole, regionsOf } from '../auth/principal';
import { auditContextOf } from '../auth/audit';
import { clientKey } from '../auth/authenticate';
import { permissionsOf } from '../auth/policy';
import type { SecurityState } from '../auth/security-state';
import { signInKeys, signInWait } from '../auth/limits';
import { problems, ProblemResponses } from './params';
import { route, type Endpoint } from './endpoint';
import type { MailTransport } from '../mail';

/** The routes of this file as the API documents them; the handlers follow. */
const ENDPOINTS = {
  signIn: {
    method: 'POST',
    url: '/auth/sign-in',
    tags: ['account'],
    summary: 'Aanmelden met e-mail en wachtwoord (zet een sessiecookie)',
    body: SignInBody,
    response: { 200: SignInAnswer, ...problems(400, 401, 404, 429) },
  },
  signOut: {
    method: 'POST',
    url: '/auth/sign-out',
    tags: ['account'],
    summary: 'Afmelden',
    response: { 204: Type.Null({ description: 'Afgemeld; de sessiecookie is gewist' }) },
  },
  session: {
    method: 'GET',
    url: '/auth/me',
    tags: ['account'],
    summary: 'Wie ben ik (rollen, wat ik mag, CSRF-token)',
    response: { 200: Me },
  },
  requestPasswordReset: {
    method: 'POST',
    url: '/auth/password-reset',
    tags: ['account'],
    summary: 'Vraag een eenmalige link om het wachtwoord te herstellen (antwoord is altijd 202)',
    body: PasswordResetBody,
    response: { 202: PasswordResetAccepted, ...problems(400, 404, 429) },
  },
  confirmPasswordReset: {
    method: 'POST',
    url: '/auth/password-reset/confirm',
    tags: ['account'],
    summary: 'Nieuw wachtwoord met de eenmalige link',
    body: PasswordResetConfirmBody,
    response: {
      204: Type.Null({ description: 'Het nieuwe wachtwoord geldt' }),
      ...problems(400, 404, 422),
    },
  },
  listUsers: {
    method: 'GET',
    url: '/users',
    tags: ['beheer'],
    summary: 'Alle accounts (beheerder)',
    response: { 200: UserList },
  },
  createUser: {
    method: 'POST',
    url: '/users',
    auditedByHandler: true,
    tags: ['beheer'],
    summary: 'Een account aanmaken (beheerder)',
    body: UserCreate,
    response: { 201: User, ...problems(400, 404, 409, 422) },
  },
  listTokens: {
    method: 'GET',
    url: '/hospices/:id/tokens',
    tags: ['beheer'],
    summary: 'API-tokens van een hospice (zonder geheim)',
    params: TokenParams,
    response: { 200: TokenList, ...ProblemResponses },
  },
  createToken: {
    method: 'POST',
    url: '/hospices/:id/tokens',
    auditedByHandler: true,
    tags: ['beheer'],
    summary: 'Een API-token voor een hospicesysteem maken; het geheim wordt één keer getoond',
    params: TokenParams,
    body: TokenCreate,
    response: { 201: TokenCreated, ...problems(400, 404, 422) },
  },
  revokeToken: {
    method: 'DELETE',
    url: '/hospices/:id/tokens/:tokenId',
    auditedByHandler: true,
    tags: ['beheer'],
    summary: 'Een API-token intrekken',
    params: TokenRevokeParams,
    response: { 200: TokenSummary, ...ProblemResponses },
  },
  auditLog: {
    method: 'GET',
    url: '/audit-log',
    tags: ['beheer'],
    summary: 'Het auditlog: elke wijziging met wie, rol, tijd, voor en na (regisseur: eigen regio)',
    querystring: AuditQuery,
    response: { 200: AuditPage, ...problems(400, 403, 404) },
  },
} satisfies Record<string, Endpoint>;

export function authRoutes(
  app: App,
  ctx: AppContext,
  state: SecurityState,
  mail: MailTransport,
): void {
  route(app, ENDPOINTS.signIn, async (request, reply) => {
    const now = ctx.now().getTime();
    const { email } = request.body;
    const address = clientKey(request);
    const keys = signInKeys(email, address);
    const wait = await signInWait(state.signInFailures, keys, now);
    if (wait > 0) {
      reply.header('Retry-After', String(wait));
      throw new AppError('TOO_MANY_REQUESTS', `too many failed sign-ins; try again in ${wait} s`);
    }
    const user = await authenticate(ctx.store.db, email, request.body.password);
    const entry = { ...requestOf(request), hospiceId: null, regionCode: null };
    if (!user) {
      await state.signInFailures.fail([keys.address, keys.account, keys.pair], now);
      // Logged under a hash of the address as typed, never the password.
      await appendAudit(ctx.store.db, {
        ...entry,
        actor: emailActor(email),
        role: 'public',
        status: 401,
        at: ctx.now().toISOString(),
        before: null,
        after: { signedIn: false, address },
      });
      throw new AppError('UNAUTHORIZED', 'e-mail address or password is wrong');
    }
    // The address's own count is left to fade: signing in to one's own account must not wipe
    // the failures an address collected on other accounts.
    await state.signInFailures.succeed([keys.account, keys.pair]);
    const session = await createSession(ctx.store.db, user.id, ctx.now(), {
      ...entry,
      actor: userActor(user),
      role: userRole(user),
      status: 200,
    });
    reply.header(
      'Set-Cookie',
      sessionCookie(session.sessionId, {
        secure: request.protocol === 'https',
        // The cookie lives as long as the session can; the server ends it sooner when idle.
        maxAgeSeconds: SESSION_MAX_DAYS * 86_400,
      }),
    );
    const principal = { kind: 'user' as const, user, csrfToken: session.csrfToken };
    return {
      user,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
      permissions: permissionsOf(principal),
    };
  });

  sessionRoutes(app, ctx);
  passwordResetRoutes(app, ctx, state, mail);
  userRoutes(app, ctx);
}

/** Signing out, and who is calling. */
function sessionRoutes(app: App, ctx: AppContext): void {
  route(app, ENDPOINTS.signOut, async (request, reply) => {
    const sessionId = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (sessionId) {
      await deleteSession(
        ctx.store.db,
        sessionId,
        request.principal.kind === 'user' ? await auditContextOf(ctx, request, 204) : undefined,
        ctx.now(),
      );
    }
    reply.header(
      'Set-Cookie',
      sessionCookie('', { secure: request.protocol === 'https', maxAgeSeconds: 0 }),
    );
    return reply.code(204).send(null);
  });

  route(app, ENDPOINTS.session, async (request) => {
    const p = request.principal;
    return p.kind === 'user'
      ? {
          kind: 'user' as const,
          user: p.user,
          csrfToken: p.csrfToken,
          permissions: permissionsOf(p),
        }
      : p.kind === 'token'
        ? { kind: 'token' as const, hospiceId: p.hospiceId, permissions: permissionsOf(p) }
        : { kind: 'anonymous' as const, permissions: [] };
  });
}

/** A forgotten password: ask for a link, then set a new one with it. */
function passwordResetRoutes(
  app: App,
  ctx: AppContext,
  state: SecurityState,
  mail: MailTransport,
): void {
  route(app, ENDPOINTS.requestPasswordReset, async (request, reply) => {
    const now = ctx.now();
    const { email } = request.body;
    // Counted per address and per e-mail address as typed, known or not: the limit itself tells
    // nothing about which addresses have an account, and nobody's mailbox is flooded.
    const wait = Math.max(
      await state.resetPerAddress.take(clientKey(request), now.getTime()),
      await state.resetPerAccount.take(email.trim().toLowerCase(), now.getTime()),
    );
    if (wait > 0) {
      reply.header('Retry-After', String(wait));
      throw new AppError('TOO_MANY_REQUESTS', `too many reset requests; try again in ${wait} s`);
    }
    const base = publicBase(ctx, request);
    const audit = { ...requestOf(request), status: 202, hospiceId: null, regionCode: null };
    // The answer goes out before the account is looked up: known and unknown addresses take the
    // same time, and a mail server that is down does not turn the request into an error.
    afterAnswer(state, request.log, async () => {
      const reset = await createPasswordReset(ctx.store.db, email, now, audit);
      if (reset) {
        await mail.send({
          to: reset.user.email,
          subject: 'Palliamonitor: wachtwoord herstellen',
          text: `Open binnen 30 minuten: ${base}/wachtwoord-herstellen?token=${reset.token}`,
        });
      }
    });
    return reply.code(202).send({ status: 'accepted' });
  });

  route(app, ENDPOINTS.confirmPasswordReset, async (request, reply) => {
    await resetPassword(ctx.store.db, request.body.token, request.body.password, ctx.now(), {
      ...requestOf(request),
      status: 204,
      hospiceId: null,
      regionCode: null,
    });
    return reply.code(204).send(null);
  });
}

/** Accounts: staff work. */
function userRoutes(app: App, ctx: AppContext): void {
  route(app, ENDPOINTS.listUsers, async () => {
    const users = await listUsers(ctx.store.db);
    return { items: users, total: users.length };
  });

  route(app, ENDPOINTS.createUser, async (request, reply) =>
    reply
      .code(201)
      .send(
        await createUser(
          ctx.store.db,
          request.body,
          ctx.now(),
          await auditContextOf(ctx, request, 201),
        ),
      ),
  );

  tokenRoutes(app, ctx);
}

/** The hospice systems' API tokens, and the audit log. */
function tokenRoutes(app: App, ctx: AppContext): void {
  route(app, ENDPOINTS.listTokens, async (request) => {
    const items = await listApiTokens(ctx.store.db, request.params.id);
    return { items, total: items.length };
  });

  route(app, ENDPOINTS.createToken, async (request, reply) => {
    const { token, summary } = await createApiToken(
      ctx.store.db,
      {
        hospiceId: request.params.id,
        label: request.body.label,
        actor: actorOf(request.principal),
      },
      ctx.now(),
      await auditContextOf(ctx, request, 201),
    );
    return reply.code(201).send({ ...summary, token });
  });

  route(app, ENDPOINTS.revokeToken, async (request) => {
    const token = await findApiToken(ctx.store.db, request.params.tokenId);
    if (!token || token.hospiceId !== request.params.id) {
      throw new AppError(
        'NOT_FOUND',
        `token ${request.params.tokenId} does not belong to this hospice`,
      );
    }
    return revokeApiToken(
      ctx.store.db,
      request.params.tokenId,
      ctx.now(),
      await auditContextOf(ctx, request),
    );
  });

  route(app, ENDPOINTS.auditLog, async (request, reply) => {
    const { limit = 100, offset = 0, format, region } = request.query;
    const p = request.principal;
    const allowed = hasRole(p, 'administrator') ? undefined : regionsOf(p);
    if (region !== undefined && allowed !== undefined && !allowed.includes(region)) {
      throw new AppError(
        'FORBIDDEN',
        `you may read the audit log of ${allowed.join(', ') || 'no region'} only`,
      );
    }
    const regions = region !== undefined ? [region] : allowed;
    const page = await listAudit(ctx.store.db, {
      regions,
      limit: format === 'csv' ? 1_000_000 : limit,
      offset,
    });
    if (format === 'csv') {
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', 'attachment; filename="auditlog.csv"')
        .send(auditToCsv(page.items));
    }
    return { ...page, limit, offset };
  });
}

/** Method and path of a request, for its audit entry. */
function requestOf(request: FastifyRequest): { method: string; path: string } {
  return { method: request.method, path: request.url.split('?')[0]! };
}

/**
 * Runs `work` after the answer has gone out (on the next turn of the event loop); its failure is
 * logged. The app waits for such work when it closes.
 */
function afterAnswer(state: SecurityState, log: FastifyBaseLogger, work: () => Promise<void>) {
  const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(work)
    .catch((error: unknown) => log.error({ err: error }, 'password-reset request failed'))
    .finally(() => state.deferred.delete(done));
  state.deferred.add(done);
}

/** The address users reach the app at: PUBLIC_URL, or what this request was sent to. */
export function publicBase(ctx: AppContext, request: { protocol: string; host: string }): string {
  return ctx.config.publicUrl ?? `${request.protocol}://${request.host}`.replace(/\/$/, '');
}
