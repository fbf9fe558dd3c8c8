import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { ROLES, type Role } from '../../server/domain/roles.js';
import { policyOf, type AccessPolicy } from '../../server/http/access.js';
import { createLogger } from '../../server/logger.js';
import { createTestUser, signInAgent, type SignedInAgent, type TestUser } from '../support/auth.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';

interface RouteInfo {
  method: string;
  path: string;
  policy: AccessPolicy | undefined;
}

interface Layer {
  handle: { stack?: Layer[] } & ((...args: never[]) => unknown);
  rawPath?: string;
  route?: { path: string | RegExp; stack: { method?: string; handle: unknown }[] };
}

/** Every route of the app, found by walking Express's router stack (nested routers are mounted under /api). */
function listRoutes(app: Express): RouteInfo[] {
  const out: RouteInfo[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const methods = [...new Set(layer.route.stack.map((s) => s.method).filter(Boolean))] as string[];
        for (const method of methods) out.push({ method: method.toUpperCase(), path: prefix + String(layer.route.path), policy: policyOf(layer.route.stack[0]?.handle) });
      } else if (layer.handle.stack) {
        walk(layer.handle.stack, prefix || '/api');
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out;
}

/**
 * What the routes that guard accounts and the audit trail must declare, whatever else changes. Every other
 * route is checked against the policy it declares; a route that declares none fails the test.
 */
const INTENDED: Record<string, AccessPolicy> = {
  'GET /api/health': { public: true },
  'GET /api/auth/session': { public: true },
  'POST /api/auth/login': { public: true },
  'POST /api/auth/logout': { roles: ROLES },
  'POST /api/auth/password': { roles: ROLES },
  'GET /api/users': { roles: ['admin'] },
  'POST /api/users': { roles: ['admin'] },
  'PATCH /api/users/:id': { roles: ['admin'] },
  'GET /api/organisations': { roles: ['admin'] },
  'GET /api/audit': { roles: ['admin'] },
  'GET /api/audit/export.csv': { roles: ['admin'] },
  'GET /api/audit/verify': { roles: ['admin'] },
  'GET /api/search': { roles: ROLES },
  'GET /api/nodes/:id': { roles: ROLES },
  'GET /api/nodes/:id/neighbours': { roles: ROLES },
};

describe('permission matrix: every route × anonymous and every role', () => {
  const db = openTestDatabase();
  let app: Express;
  let routes: RouteInfo[];
  const users = new Map<Role, TestUser>();
  const agents = new Map<Role, SignedInAgent>();

  beforeAll(async () => {
    await seedSmall(db);
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null });
    routes = listRoutes(app);
    for (const role of ROLES) {
      const user = await createTestUser(db, role);
      users.set(role, user);
      agents.set(role, await signInAgent(app, user));
    }
  });
  afterAll(() => db.close());

  it('finds the routes and every one declares who may call it', () => {
    expect(routes.length).toBeGreaterThanOrEqual(Object.keys(INTENDED).length);
    const undeclared = routes.filter((r) => !r.policy).map((r) => `${r.method} ${r.path}`);
    expect(undeclared, 'routes without access(...) as their first handler').toEqual([]);
  });

  it('the account, audit and data routes declare exactly the intended policy', () => {
    for (const [key, intended] of Object.entries(INTENDED)) {
      const route = routes.find((r) => `${r.method} ${r.path}` === key);
      expect(route, `${key} exists`).toBeDefined();
      const declared = route!.policy!;
      if ('public' in intended) expect(declared, key).toEqual({ public: true });
      else expect('roles' in declared ? [...declared.roles].sort() : 'public', key).toEqual([...intended.roles].sort());
    }
  });

  it('each caller gets exactly the answer its policy says: 401 anonymous, 403 wrong role, through otherwise', async () => {
    const failures: string[] = [];
    // logout last: it ends the session it is called with
    const ordered = [...routes].sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
    for (const route of ordered) {
      const url = route.path.replace(/:(\w+)/g, (_m, name: string) => (name === 'id' ? 'org%3Anobody' : 'nothing'));
      const send = (agent: ReturnType<typeof request> | SignedInAgent) => {
        const m = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
        const req = agent[m](url);
        return route.method === 'GET' ? req : req.send({});
      };
      const anonymous = await send(request(app));
      const policy = route.policy!;
      if ('public' in policy) {
        if ([401, 403].includes(anonymous.status)) failures.push(`${route.method} ${route.path} anonymous: ${anonymous.status} but it is public`);
      } else if (anonymous.status !== 401) failures.push(`${route.method} ${route.path} anonymous: ${anonymous.status}, expected 401`);

      for (const role of ROLES) {
        const res = await send(agents.get(role)!);
        const allowed = 'public' in policy || policy.roles.includes(role);
        if (allowed && [401, 403].includes(res.status)) failures.push(`${route.method} ${route.path} ${role}: ${res.status}, expected to be let through`);
        if (!allowed && res.status !== 403) failures.push(`${route.method} ${route.path} ${role}: ${res.status}, expected 403`);
        if (res.status >= 500) failures.push(`${route.method} ${route.path} ${role}: ${res.status} ${JSON.stringify(res.body)}`);
        // a route that ended the session (sign-out) must not spoil the next rows of the matrix
        if ((await agents.get(role)!.get('/api/auth/session')).body.user === null) agents.set(role, await signInAgent(app, users.get(role)!));
      }
    }
    expect(failures).toEqual([]);
  });
});
