import net from 'node:net';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { CypherCatalog } from '../../server/db/cypher-catalog.js';
import { Database } from '../../server/db/database.js';
import { recordDatabaseOrigin } from '../../server/db/open-database.js';
import { HEALTH_TIMEOUT_MS } from '../../server/features/health/health.service.js';
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

  describe('when Neo4j accepts connections but never answers (a hung or paused server)', () => {
    const sockets = new Set<net.Socket>();
    const hung = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    const opened: Database[] = [];
    const hungDatabase = async (origin?: { managedHome?: string }) => {
      if (!hung.listening) await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
      const uri = `bolt://127.0.0.1:${(hung.address() as net.AddressInfo).port}`;
      const db = new Database({ uri, user: 'neo4j', password: 'x' }, CypherCatalog.load());
      if (origin) recordDatabaseOrigin(db, { uri, ...origin });
      opened.push(db);
      return { db, uri };
    };
    afterAll(async () => {
      for (const s of sockets) s.destroy();
      await Promise.all(opened.map((db) => db.close().catch(() => {})));
      await new Promise((resolve) => hung.close(resolve));
    });

    it('answers 503 within a few seconds, not minutes', async () => {
      const { db } = await hungDatabase();
      const started = Date.now();
      const res = await request(createApp({ db, logger, clientDir: null })).get('/api/health');
      const ms = Date.now() - started;
      expect(res.status).toBe(503);
      expect(res.body.neo4j.reachable).toBe(false);
      expect(res.body.reason).toMatch(new RegExp(`did not answer within ${HEALTH_TIMEOUT_MS / 1000} s`));
      expect(ms).toBeGreaterThanOrEqual(HEALTH_TIMEOUT_MS - 100);
      expect(ms).toBeLessThan(HEALTH_TIMEOUT_MS + 3000);
    }, 20_000);

    it("says what to check: the app's own Neo4j and its log, or the address given in NEO4J_URI", async () => {
      const managed = await hungDatabase({ managedHome: '/srv/mt' });
      const external = await hungDatabase({});
      const [own, chosen] = await Promise.all(
        [managed.db, external.db].map((db) => request(createApp({ db, logger, clientDir: null })).get('/api/health')),
      );
      expect(own!.status).toBe(503);
      expect(own!.body.reason).toContain(managed.uri);
      expect(own!.body.reason).toContain('/srv/mt/neo4j/logs/neo4j.log');
      expect(own!.body.reason).not.toMatch(/NEO4J_URI/);
      expect(chosen!.status).toBe(503);
      expect(chosen!.body.reason).toContain(external.uri);
      expect(chosen!.body.reason).toMatch(/check NEO4J_URI/);
    }, 20_000);
  });

  it('answers unknown API routes with a JSON 404, not the HTML page', async () => {
    const res = await request(createApp({ db, logger, clientDir: null })).get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ id: 'route_not_found', message: 'no API route GET /api/no-such-thing' });
  });
});
