import { Router } from 'express';
import type { DataSource } from 'typeorm';

/**
 * `/healthz`: the process answers. `/readyz`: it can also reach its database, so a load
 * balancer sends traffic only to instances that can serve it.
 */
export function healthRouter(dataSource: DataSource): Router {
  const router = Router();

  router.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });

  router.get('/readyz', async (_request, response) => {
    try {
      await dataSource.query('SELECT 1');
      response.json({ status: 'ok', database: 'ok' });
    } catch {
      response.status(503).json({ status: 'unavailable', database: 'unreachable' });
    }
  });

  return router;
}
