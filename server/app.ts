import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import { REPO_ROOT } from './config.js';
import type { Database } from './db/database.js';
import { GraphRepository } from './features/graph/graph.repository.js';
import { graphRoutes } from './features/graph/graph.routes.js';
import { GraphService } from './features/graph/graph.service.js';
import { HealthService } from './features/health/health.service.js';
import { healthRoutes } from './features/health/health.routes.js';
import { SearchRepository } from './features/search/search.repository.js';
import { searchRoutes } from './features/search/search.routes.js';
import { SearchService } from './features/search/search.service.js';
import { apiNotFound, errorHandler } from './http/error-handler.js';

export interface AppDeps {
  db: Database;
  logger: Logger;
  /** built client to serve; defaults to client/dist when it exists */
  clientDir?: string | null;
}

/**
 * Builds the Express app without listening, so tests drive it with supertest. Holds no per-user state in
 * memory: several instances can run behind a load balancer against one Neo4j.
 */
export function createApp({ db, logger, clientDir = path.join(REPO_ROOT, 'client', 'dist') }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  const api = express.Router();
  api.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/api/health' }, quietReqLogger: true }));
  api.use(express.json({ limit: '1mb' }));
  api.use(healthRoutes(new HealthService(db)));
  api.use(searchRoutes(new SearchService(new SearchRepository(db))));
  api.use(graphRoutes(new GraphService(new GraphRepository(db))));
  api.use(apiNotFound);
  app.use('/api', api);

  if (clientDir && existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // Client-side routes (a case link, say) all load the same page.
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(path.join(clientDir, 'index.html')));
  }

  app.use(errorHandler(logger));
  return app;
}
