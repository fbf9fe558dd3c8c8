import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { CypherCatalog } from '../../server/db/cypher-catalog.js';
import { Database } from '../../server/db/database.js';
import { createLogger } from '../../server/logger.js';
import { openTestDatabase } from '../support/test-db.js';

const logger = createLogger('silent', false);

describe('GET /api/health', () => {
  const db = openTestDatabase();
  afterAll(() => db.close());

  it('answers 200 with the Neo4j version when the database is reachable', async () => {
    const res = await request(createApp({ db, logger, clientDir: null })).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.neo4j.reachable).toBe(true);
    expect(res.body.neo4j.version).toMatch(/^5\.26\./);
    expect(res.body.neo4j.edition).toBe('community');
  });

  it('answers 503 with a reason in words when Neo4j is not reachable', async () => {
    const dead = new Database({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x' }, CypherCatalog.load());
    try {
      const res = await request(createApp({ db: dead, logger, clientDir: null })).get('/api/health');
      expect(res.status).toBe(503);
      expect(res.body.status).toBe('unavailable');
      expect(res.body.neo4j.reachable).toBe(false);
      expect(res.body.reason).toMatch(/not answering/);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(js|ts):\d+/);
    } finally {
      await dead.close();
    }
  });

  it('answers unknown API routes with a JSON 404, not the HTML page', async () => {
    const res = await request(createApp({ db, logger, clientDir: null })).get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ id: 'route_not_found', message: 'no API route GET /api/no-such-thing' });
  });
});
