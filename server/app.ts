import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { loadConfig, REPO_ROOT } from './config.js';
import { maskPans, panKeyResolver } from './domain/pan.js';
import type { Database } from './db/database.js';
import { GraphRepository } from './features/graph/graph.repository.js';
import { graphRoutes } from './features/graph/graph.routes.js';
import { GraphService } from './features/graph/graph.service.js';
import { ExpansionRepository } from './features/graph/expansion.repository.js';
import { RelationshipsRepository } from './features/graph/relationships.repository.js';
import { relationshipsRoutes } from './features/graph/relationships.routes.js';
import { RelationshipsService } from './features/graph/relationships.service.js';
import { expansionRoutes } from './features/graph/expansion.routes.js';
import { ExpansionService } from './features/graph/expansion.service.js';
import { TrailsRepository } from './features/trails/trails.repository.js';
import { trailsRoutes } from './features/trails/trails.routes.js';
import { TrailsService } from './features/trails/trails.service.js';
import { HealthService } from './features/health/health.service.js';
import { QueriesRepository } from './features/queries/queries.repository.js';
import { queriesRoutes } from './features/queries/queries.routes.js';
import { DEFAULT_QUERY_LIMITS, QueriesService, type QueryLimits } from './features/queries/queries.service.js';
import { healthRoutes } from './features/health/health.routes.js';
import { SearchRepository } from './features/search/search.repository.js';
import { searchRoutes } from './features/search/search.routes.js';
import { SearchService } from './features/search/search.service.js';
import { apiNotFound, errorHandler } from './http/error-handler.js';
import { ImportRepository } from './features/import/import.repository.js';
import { importRoutes } from './features/import/import.routes.js';
import { ImportService } from './features/import/import.service.js';
import helmet from 'helmet';
import { cspNonce, CSP_DIRECTIVES, sendIndexHtml } from './http/csp.js';
import { AuditRepository } from './features/audit/audit.repository.js';
import { auditMiddleware } from './features/audit/audit.middleware.js';
import { auditRoutes } from './features/audit/audit.routes.js';
import { AuditService } from './features/audit/audit.service.js';
import { authRoutes, type LoginLimit } from './features/auth/auth.routes.js';
import { AuthService, DEFAULT_AUTH_POLICY, type AuthPolicy } from './features/auth/auth.service.js';
import { csrfProtection, jsonOnly, sessionMiddleware } from './features/auth/session.middleware.js';
import { SessionsRepository } from './features/auth/sessions.repository.js';
import { UsersRepository } from './features/users/users.repository.js';
import { usersRoutes } from './features/users/users.routes.js';
import { UsersService } from './features/users/users.service.js';
import { CasesRepository } from './features/cases/cases.repository.js';
import { CasesService } from './features/cases/cases.service.js';
import { CasesCollabService } from './features/cases/cases.collab.service.js';
import { casesRoutes } from './features/cases/cases.routes.js';
import { casesCollabRoutes } from './features/cases/cases.collab.routes.js';
import { casesExportRoutes } from './features/cases/cases.export.routes.js';

export interface AppDeps {
  db: Database;
  logger: Logger;
  /** built client to serve; defaults to client/dist when it exists */
  clientDir?: string | null;
  /** stored/ad-hoc query timeout, row limit and concurrency (QUERY_* settings; defaults when absent) */
  queryLimits?: Partial<QueryLimits>;
  /** per-address throttle on failed sign-ins (the per-account lock is separate and kept in Neo4j) */
  loginLimit?: LoginLimit;
  /** key for hashing card numbers in imports; defaults to MONEYTRAIL_PAN_KEY or <MONEYTRAIL_HOME>/pan-key */
  panKey?: string;
  /** session lifetime, idle timeout and lock-out (SESSION_* settings; defaults when absent) */
  authPolicy?: Partial<AuthPolicy>;
}

/** how often expired and idle sessions are removed from the database */
const SESSION_PURGE_EVERY_MS = 10 * 60_000;

/**
 * Builds the Express app without listening, so tests drive it with supertest. Holds no per-user state in
 * memory: several instances can run behind a load balancer against one Neo4j.
 */
export function createApp({ db, logger, clientDir = path.join(REPO_ROOT, 'client', 'dist'), loginLimit, queryLimits, panKey, authPolicy }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(cspNonce);
  app.use(
    helmet({
      // Scripts: only the client's own files. Styles: own files plus a per-request nonce (server/http/csp.ts).
      contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  const users = new UsersRepository(db);
  const auth = new AuthService(users, new SessionsRepository(db), { ...DEFAULT_AUTH_POLICY, ...authPolicy });
  // unref: the timer never keeps a process (or a test run) alive on its own
  setInterval(() => {
    auth.purgeExpired().catch((err: unknown) => logger.warn({ err }, 'purging expired sessions failed'));
  }, SESSION_PURGE_EVERY_MS).unref();
  const audit = new AuditService(new AuditRepository(db));

  const api = express.Router();
  api.use(
    pinoHttp({
      logger,
      // inside this router the health probe's url is /health; probes would drown everything else
      autoLogging: { ignore: (req) => req.url === '/health' },
      quietReqLogger: true,
      // One line per request, and the url may carry a searched card number: only BIN and last 4 are logged.
      serializers: {
        req: (req: { method?: string; url?: string }) => ({ method: req.method, url: loggedUrl(req.url ?? '') }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      customSuccessMessage: (req, res, ms) => `${req.method} ${loggedUrl(urlOf(req))} ${res.statusCode} ${Math.round(ms)} ms`,
      customErrorMessage: (req, res) => `${req.method} ${loggedUrl(urlOf(req))} ${res.statusCode} failed`,
    }),
  );
  api.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  api.use(jsonOnly);
  // a saved case (canvas + evidence snapshot) may exceed 1 MB; the body parser below then skips what is parsed
  api.use(['/cases', '/case-drafts'], express.json({ limit: '8mb' }));
  api.use(express.json({ limit: '1mb' }));
  api.use(sessionMiddleware(auth, logger));
  api.use(auditMiddleware(audit, logger));
  api.use(csrfProtection);
  api.use(authRoutes(auth, loginLimit));
  api.use(usersRoutes(new UsersService(users)));
  api.use(auditRoutes(audit));
  api.use(healthRoutes(new HealthService(db)));
  // the key the seed hashed card numbers with: imports hash with it, search looks a typed card number up by it
  const panKeyOf = panKeyResolver(panKey, () => loadConfig().MONEYTRAIL_HOME);
  api.use(searchRoutes(new SearchService(new SearchRepository(db), panKeyOf)));
  api.use(graphRoutes(new GraphService(new GraphRepository(db))));
  api.use(relationshipsRoutes(new RelationshipsService(new RelationshipsRepository(db))));
  const expansionRepo = new ExpansionRepository(db);
  api.use(expansionRoutes(new ExpansionService(expansionRepo, new GraphRepository(db))));
  api.use(trailsRoutes(new TrailsService(new TrailsRepository(db), expansionRepo)));
  api.use(queriesRoutes(new QueriesService(new QueriesRepository(db), { ...DEFAULT_QUERY_LIMITS, ...queryLimits })));
  api.use(importRoutes(new ImportService(new ImportRepository(db)), panKeyOf));
  const cases = new CasesService(new CasesRepository(db));
  const casesCollab = new CasesCollabService(cases);
  api.use(casesRoutes(cases));
  api.use(casesCollabRoutes(casesCollab));
  api.use(casesExportRoutes(cases, casesCollab));
  api.use(apiNotFound);
  app.use('/api', api);

  if (clientDir && existsSync(path.join(clientDir, 'index.html'))) {
    // the page carries this response's CSP nonce, so it is never served as a static (cached) file
    app.get('/index.html', sendIndexHtml(clientDir));
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // Client-side routes (a case link, say) all load the same page.
    app.get(/^(?!\/api\/).*/, sendIndexHtml(clientDir));
  }

  app.use(errorHandler(logger));
  return app;
}

function urlOf(req: { url?: string }): string {
  return (req as { originalUrl?: string }).originalUrl ?? req.url ?? '';
}

/** decoded first, so that "4539%205787…" is recognised and masked like the number typed */
function loggedUrl(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // a malformed escape: mask what is there
  }
  return maskPans(decoded);
}
