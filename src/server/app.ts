import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import pino from 'pino';
import { AppError } from '../core/errors.ts';
import { installAdmission } from './admission.ts';
import { createAuth } from './auth/better-auth.ts';
import { installCsrfProtection } from './auth/csrf.ts';
import { installPolicy } from './auth/policy.ts';
import { createSessionCache, SESSION_CACHE_TTL_MS } from './auth/session-cache.ts';
import type { AppContext } from './context.ts';
import { createTextSealer } from './crypto/sealed-text.ts';
import type { Database } from './db/client.ts';
import type { Env } from './env.ts';
import { sendProblem } from './errors.ts';
import { announceOrganizationChange, createEventBus } from './events/event-bus.ts';
import { academyRoutes } from './features/academy/academy.routes.ts';
import { cohortRoutes } from './features/academy/cohorts.routes.ts';
import { practiceRoutes } from './features/academy/practice.routes.ts';
import { accountMails } from './features/accounts/account-mails.ts';
import { accountRoutes } from './features/accounts/accounts.routes.ts';
import { analysisRoutes } from './features/analysis/analysis.routes.ts';
import { auditRoutes } from './features/audit/audit.routes.ts';
import { calendarRoutes } from './features/calendar/calendar.routes.ts';
import { calendarAuditRoutes } from './features/calendar-audit/calendar-audit.routes.ts';
import { assessmentRoutes } from './features/growth/assessments.routes.ts';
import { developmentPlanRoutes } from './features/growth/development-plan.routes.ts';
import { goalRoutes } from './features/growth/goals.routes.ts';
import { growthRoutes } from './features/growth/growth.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { insightsRoutes } from './features/insights/insights.routes.ts';
import { agendaRoutes } from './features/meetings/agenda.routes.ts';
import { createMeetingPageCache } from './features/meetings/meeting-page-cache.ts';
import { meetingRoutes } from './features/meetings/meetings.routes.ts';
import { nextStepRoutes } from './features/meetings/next-steps.routes.ts';
import { notesRoutes } from './features/meetings/notes.routes.ts';
import { seriesRoutes } from './features/meetings/series.routes.ts';
import { notificationRoutes } from './features/notifications/notifications.routes.ts';
import { startReminderSchedule } from './features/notifications/reminder-schedule.ts';
import { organizationRoutes } from './features/organizations/organizations.routes.ts';
import { peopleRoutes } from './features/people/people.routes.ts';
import { personalDataRoutes } from './features/personal-data/personal-data.routes.ts';
import { pulseRoutes } from './features/pulse/pulse.routes.ts';
import { openDuePulseRounds } from './features/pulse/pulse-rounds.service.ts';
import { meetingTemplateRoutes } from './features/questions/meeting-templates.routes.ts';
import { questionRoutes } from './features/questions/questions.routes.ts';
import { retentionRoutes } from './features/retention/retention.routes.ts';
import { ssoRoutes } from './features/sso/sso.routes.ts';
import { searchRoutes, timelineRoutes } from './features/timeline/timeline.routes.ts';
import { tokenRoutes } from './features/tokens/tokens.routes.ts';
import { maskSecretPaths } from './log-redaction.ts';
import { createMailer } from './mail/mailer.ts';
import { installRequestGuards } from './request-guards.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { readVersion } from './version.ts';

const webRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface BuildAppOptions {
  env: Env;
  database: Database;
  secret: string;
  logger?: boolean;
  /** Where log lines go (a test reads them); standard output, without blocking, otherwise. */
  logStream?: pino.DestinationStream;
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Standard output for the logs, written without blocking. If it stalls (a full disk, a stuck
 * pipe), at most 16 MB wait and later lines are dropped, and the failure is said once on standard
 * error instead of taking the server down.
 */
function nonBlockingStdout() {
  const stream = pino.destination({ dest: 1, sync: false, maxLength: 16 * 1024 * 1024 });
  let hasFailed = false;
  const sayOnce = (reason: string) => {
    if (hasFailed) return;
    hasFailed = true;
    process.stderr.write(`tandem: log lines are being dropped: ${reason}\n`);
  };
  stream.on('error', (error: Error) => sayOnce(error.message));
  stream.on('drop', () => sayOnce('standard output is not keeping up'));
  return stream;
}

/** A successful read slower than this is logged at info, as a warning sign. */
const SLOW_READ_MS = 500;

/**
 * One log line per request, written when it is answered, with what Fastify spreads over two (the
 * request, then its outcome): half the writes, which a cached meeting page noticed.
 *
 * At info: every write, every refusal and failure (4xx, 5xx), and any request slower than half a
 * second. A read that succeeds quickly is logged at debug: reads are most of the traffic and say
 * nothing an operator acts on, the audit log already records every read that matters (an admin
 * reading another person's data, exports), and a line per read cost a cached meeting page a
 * quarter of its time on our 2-core machine (docs/BENCHMARKS.md). LOG_LEVEL=debug shows them.
 */
class OneLinePerRequest extends LogController {
  // At debug level only: a request's arrival, before its answer (to see what is still in flight).
  override incomingRequest(request: FastifyRequest) {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const responseTime = reply.elapsedTime;
    if (error) {
      reply.log.error({ req: request, res: reply, responseTime, err: error }, 'request errored');
      return;
    }
    // A live-update stream is open for as long as the page is: its end is not slow.
    const isQuietRead =
      (request.method === 'GET' || request.method === 'HEAD') &&
      reply.statusCode < 400 &&
      (responseTime < SLOW_READ_MS || request.routeOptions.config.isLongLived === true);
    reply.log[isQuietRead ? 'debug' : 'info'](
      { req: request, res: reply, responseTime },
      'request completed',
    );
  }
}

/** Builds the whole app (API, docs, web) without listening, so tests can drive it in-process. */
export async function buildApp(options: BuildAppOptions): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  const { env, database } = options;
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: env.LOG_LEVEL,
            // Written without blocking: lines logged while a write is under way go out together
            // with the next one (a third of a cached page's time was spent waiting on log writes);
            // pino flushes what is pending when the process exits.
            stream: options.logStream ?? nonBlockingStdout(),
            serializers: {
              // Secret links carry their token in the path; logs keep the route, never the token.
              req: (request: { method: string; url: string; id: string }) => ({
                method: request.method,
                url: maskSecretPaths(request.url),
                id: request.id,
              }),
            },
          },
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    logController: new OneLinePerRequest(),
    bodyLimit: 1_048_576,
    trustProxy: env.TRUST_PROXY,
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const mailer = createMailer(database.db, { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM });
  const mails = accountMails(mailer, publicUrl);
  const auth = createAuth(database.db, {
    secret: options.secret,
    baseUrl: publicUrl,
    isSecure: publicUrl.startsWith('https://'),
    hooks: mails,
    log: (level, message) => app.log[level]({ source: 'better-auth' }, message),
  });
  const events = await createEventBus(database, { log: app.log });
  // Every change through the app that concerns a page drops it on every server: a participant's
  // change through its meeting event, any other write in an organization through the
  // organization's change (below), so a page may live a minute.
  const pageCacheSeconds = env.TANDEM_PAGE_CACHE_SECONDS ?? 60;
  const meetingPages = createMeetingPageCache({ ttlMs: pageCacheSeconds * 1_000 });
  // Sessions and memberships decide access, so on PostgreSQL they do not rest on a notification
  // arriving: 5 s. On the embedded database every sign-out and role change passes through this
  // one process and is forgotten here.
  const sessions = createSessionCache(database.kind === 'embedded' ? 60_000 : SESSION_CACHE_TTL_MS);
  events.onEvery((event) => meetingPages.forget(event));
  events.onOrganizationChange((organizationId) => {
    meetingPages.forgetOrganization(organizationId);
    sessions.forgetMemberships();
  });
  // What was said while the bus was cut was not heard.
  events.onGap(() => {
    meetingPages.forgetAll();
    sessions.forgetAll();
  });
  const ctx: AppContext = {
    env,
    database,
    db: database.db,
    auth,
    sessions,
    mailer,
    sealer: createTextSealer(options.secret),
    events,
    meetingPages,
    publicUrl,
    version: readVersion(),
  };
  app.addHook('onClose', () => events.close());
  if (env.TANDEM_REMINDERS_EVERY_MINUTES > 0) {
    const reminders = startReminderSchedule(ctx, {
      intervalMs: env.TANDEM_REMINDERS_EVERY_MINUTES * 60_000,
      log: app.log,
      alsoRun: (now) => openDuePulseRounds(ctx, now, { log: app.log }),
    });
    app.addHook('onClose', () => reminders.stop());
  }

  app.decorateRequest('hasPublishedMeetingChange', false);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Before the answer leaves: a write that is not a participant's change to a 1:1 (a person
    // renamed, a role changed, a series moved, a person erased…) may show on pages and
    // memberships this server remembers, and the writer's next request here must see it; the
    // other servers hear of it within milliseconds, or see it once their copies expire. Only a
    // signed-in caller's writes: sign-ins and sign-ups change nothing remembered, and must not
    // let anyone empty the caches at will.
    const isWrite = request.actor !== null && writeMethods.has(request.method);
    if (isWrite && reply.statusCode < 400 && !request.hasPublishedMeetingChange) {
      sessions.forgetMemberships();
      if (request.tenant) {
        meetingPages.forgetOrganization(request.tenant.organizationId);
        announceOrganizationChange(ctx.events, request.tenant.organizationId, request.log);
      } else {
        // Outside any organization (an account's settings, an invitation accepted): nothing that
        // shows on a page another server keeps; dropped here anyway, where the writer reads next.
        meetingPages.forgetAll();
      }
    }
  });

  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !existsSync(webRoot)) {
      return sendProblem(
        request,
        reply,
        new AppError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`),
      );
    }
    return reply.type('text/html').sendFile('index.html');
  });

  installSecurityHeaders(app, { isHttps: publicUrl.startsWith('https://') });
  installAdmission(app, {
    // One connection on the embedded database, a pool of ten on PostgreSQL: a few requests more
    // than connections keeps them busy while others parse, check and serialize.
    concurrency: env.TANDEM_MAX_CONCURRENT_REQUESTS ?? (database.kind === 'embedded' ? 4 : 20),
    maxWaiting: 2_000,
  });
  installCsrfProtection(app, { publicUrl, trustProxy: env.TRUST_PROXY });
  installPolicy(app, ctx);
  installRequestGuards(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tandem API',
        version: ctx.version,
        description:
          'One-on-ones that coach, not check in. Authenticate with the session cookie of the web app, or with a personal API token sent as `Authorization: Bearer tdm_…`. Errors are RFC 9457 problem details.',
      },
      components: {
        securitySchemes: {
          bearerToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'A personal API token (Settings → API tokens).',
          },
          sessionCookie: { type: 'apiKey', in: 'cookie', name: 'tandem.session_token' },
        },
      },
      security: [{ bearerToken: [] }, { sessionCookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(healthRoutes(ctx));
  await app.register(accountRoutes(ctx));
  await app.register(tokenRoutes(ctx));
  await app.register(organizationRoutes(ctx));
  await app.register(peopleRoutes(ctx));
  await app.register(seriesRoutes(ctx));
  await app.register(meetingRoutes(ctx));
  await app.register(agendaRoutes(ctx));
  await app.register(notesRoutes(ctx));
  await app.register(nextStepRoutes(ctx));
  await app.register(calendarRoutes(ctx));
  await app.register(notificationRoutes(ctx));
  await app.register(analysisRoutes(ctx));
  await app.register(questionRoutes(ctx));
  await app.register(meetingTemplateRoutes(ctx));
  await app.register(timelineRoutes(ctx));
  await app.register(searchRoutes(ctx));
  await app.register(academyRoutes(ctx));
  await app.register(practiceRoutes(ctx));
  await app.register(cohortRoutes(ctx));
  await app.register(growthRoutes(ctx));
  await app.register(assessmentRoutes(ctx));
  await app.register(goalRoutes(ctx));
  await app.register(developmentPlanRoutes(ctx));
  await app.register(pulseRoutes(ctx));
  await app.register(calendarAuditRoutes(ctx));
  await app.register(insightsRoutes(ctx));
  await app.register(retentionRoutes(ctx));
  await app.register(personalDataRoutes(ctx));
  await app.register(ssoRoutes(ctx));
  await app.register(auditRoutes(ctx));

  if (existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
  }
  return { app, ctx };
}
