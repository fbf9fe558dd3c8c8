import { Router } from 'express';
import { access } from '../../http/access.js';
import type { HealthService } from './health.service.js';

export function healthRoutes(service: HealthService): Router {
  const router = Router();
  router.get('/health', access({ public: true }), async (_req, res) => {
    const health = await service.check();
    res.status(health.status === 'ok' ? 200 : 503).json(health);
  });
  return router;
}
