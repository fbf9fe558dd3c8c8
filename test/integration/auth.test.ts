import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import type { SessionResponse } from '../../server/features/auth/auth.schemas.js';
import { createTestUser, signInAgent, signedInAgent, type TestUser } from '../support/auth.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';

const logger = createLogger('silent', false);
const sessionCookie = (res: request.Response) => ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('moneytrail_session='));

describe('accounts and sessions', () => {
  const db = openTestDatabase();
  let app: Express;

  beforeAll(async () => {
    await seedSmall(db);
    app = createApp({ db, logger, clientDir: null });
  });
  afterAll(() => db.close());

  it('signs in with the right password, sets an HttpOnly SameSite cookie and answers who is signed in', async () => {
    const user = await createTestUser(db, 'analyst');
    const agent = request.agent(app);
    const login = await agent.post('/api/auth/login').send({ email: user.email.toUpperCase(), password: user.password });
    expect(login.status).toBe(200);
    const cookie = sessionCookie(login)!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http: a Secure cookie would never come back
    const session = (await agent.get('/api/auth/session')).body as SessionResponse;
    expect(session.user).toMatchObject({ email: user.email, role: 'analyst', organisationId: user.organisationId, lawEnforcement: false });
    expect(session.csrfToken).toMatch(/^[\w-]{40,}$/);
    // the cookie is a random id: neither the user id nor the e-mail is in it
    expect(cookie).not.toContain(user.id);
  });

  it('marks the cookie Secure when the request came over TLS through the local proxy', async () => {
    const user = await createTestUser(db, 'analyst');
    const login = await request(app).post('/api/auth/login').set('X-Forwarded-Proto', 'https').send({ email: user.email, password: user.password });
    expect(login.status).toBe(200);
    expect(sessionCookie(login)).toMatch(/;\s*Secure/i);
  });

  it('refuses a wrong password and an unknown e-mail with the same message', async () => {
    const user = await createTestUser(db, 'analyst');
    const wrong = await request(app).post('/api/auth/login').send({ email: user.email, password: 'not-the-password-at-all' });
    const unknown = await request(app).post('/api/auth/login').send({ email: 'nobody@test.example', password: 'whatever-it-is-123' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.message).toBe(unknown.body.error.message);
    expect(sessionCookie(wrong)).toBeUndefined();
  });

  it('names the missing field when the sign-in body is incomplete, and refuses a non-JSON body with 415', async () => {
    const res = await request(app).post('/api/auth/login').send({ email: 'a@b.example' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/password/);
    const form = await request(app).post('/api/auth/login').type('form').send('email=a@b.example&password=x');
    expect(form.status).toBe(415);
    const text = await request(app).post('/api/auth/login').set('Content-Type', 'text/plain').send('hello');
    expect(text.status).toBe(415);
  });

  it('locks an account after 5 wrong passwords in a row, even for the right password, across app instances', async () => {
    const user = await createTestUser(db, 'analyst');
    const other = createApp({ db, logger, clientDir: null });
    for (let i = 0; i < 5; i++) {
      const res = await request(i % 2 ? other : app).post('/api/auth/login').send({ email: user.email, password: `wrong-guess-number-${i}` });
      expect(res.status, `attempt ${i + 1}`).toBe(i < 4 ? 401 : 423);
    }
    const right = await request(other).post('/api/auth/login').send({ email: user.email, password: user.password });
    expect(right.status).toBe(423);
    expect(right.body.error.message).toMatch(/locked/);
    expect(sessionCookie(right)).toBeUndefined();
  });

  it('throttles an address that keeps failing, whichever accounts it tries', async () => {
    const limited = createApp({ db, logger, clientDir: null, loginLimit: { limit: 3, windowMinutes: 15 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await request(limited).post('/api/auth/login').send({ email: `guess${i}@test.example`, password: 'password-guess-1234' })).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('refuses state changes without the CSRF token, and with a wrong one', async () => {
    const agent = await signedInAgent(app, db, 'analyst');
    const raw = request.agent(app);
    await raw.post('/api/auth/login').send({ email: agent.user.email, password: agent.user.password });
    const none = await raw.post('/api/auth/logout');
    expect(none.status).toBe(403);
    expect(none.body.error.id).toBe('csrf_failed');
    const wrong = await raw.post('/api/auth/logout').set('x-csrf-token', 'x'.repeat(43));
    expect(wrong.status).toBe(403);
    // still signed in: the refused requests did nothing
    expect((await raw.get('/api/auth/session')).body.user?.email).toBe(agent.user.email);
    const password = await raw.post('/api/auth/password').send({ currentPassword: agent.user.password, newPassword: 'a-brand-new-password-123' });
    expect(password.status).toBe(403);
  });

  it('signs out: the cookie no longer opens anything', async () => {
    const agent = await signedInAgent(app, db, 'analyst');
    expect((await agent.get('/api/search').query({ q: 'bank' })).status).toBe(200);
    expect((await agent.post('/api/auth/logout')).status).toBe(200);
    expect((await agent.get('/api/auth/session')).body.user).toBeNull();
    expect((await agent.get('/api/search').query({ q: 'bank' })).status).toBe(401);
  });

  it('changes the password: the old one stops working, the new one signs in, other sessions end', async () => {
    const user = await createTestUser(db, 'supervisor');
    const first = await signInAgent(app, user);
    const second = await signInAgent(app, user);
    const short = await first.post('/api/auth/password').send({ currentPassword: user.password, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/newPassword.*12 characters/);
    const wrongCurrent = await first.post('/api/auth/password').send({ currentPassword: 'not-my-password-x', newPassword: 'a-brand-new-password-123' });
    expect(wrongCurrent.status).toBe(400);
    const ok = await first.post('/api/auth/password').send({ currentPassword: user.password, newPassword: 'a-brand-new-password-123' });
    expect(ok.status).toBe(200);
    expect((await first.get('/api/auth/session')).body.user?.email).toBe(user.email);
    expect((await second.get('/api/auth/session')).body.user).toBeNull();
    expect((await request(app).post('/api/auth/login').send({ email: user.email, password: user.password })).status).toBe(401);
    const changed: TestUser = { ...user, password: 'a-brand-new-password-123' };
    await signInAgent(app, changed);
  });

  it('a session made on one app instance works on another (sessions live in Neo4j, not in memory)', async () => {
    const one = createApp({ db, logger, clientDir: null });
    const two = createApp({ db, logger, clientDir: null });
    const user = await createTestUser(db, 'analyst');
    const login = await request(one).post('/api/auth/login').send({ email: user.email, password: user.password });
    const cookie = sessionCookie(login)!.split(';')[0]!;
    const session = await request(two).get('/api/auth/session').set('Cookie', cookie);
    expect(session.body.user?.email).toBe(user.email);
    const search = await request(two).get('/api/search').query({ q: 'bank' }).set('Cookie', cookie);
    expect(search.status).toBe(200);
    const logout = await request(two).post('/api/auth/logout').set('Cookie', cookie).set('x-csrf-token', session.body.csrfToken);
    expect(logout.status).toBe(200);
    expect((await request(one).get('/api/auth/session').set('Cookie', cookie)).body.user).toBeNull();
  });

  it('a disabled account can neither sign in nor keep using its session', async () => {
    const admin = await signedInAgent(app, db, 'admin');
    const user = await createTestUser(db, 'analyst');
    const agent = await signInAgent(app, user);
    expect((await admin.patch(`/api/users/${user.id}`).send({ disabled: true })).status).toBe(200);
    expect((await agent.get('/api/search').query({ q: 'bank' })).status).toBe(401);
    expect((await request(app).post('/api/auth/login').send({ email: user.email, password: user.password })).status).toBe(403);
  });

  it('sends security headers: a strict CSP, no sniffing, no framing, no caching of API answers', async () => {
    const res = await request(app).get('/api/auth/session');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses an oversized body with 413 and never shows a stack trace', async () => {
    const agent = await signedInAgent(app, db, 'analyst');
    const res = await agent.post('/api/auth/password').send({ currentPassword: 'x'.repeat(2_000_000), newPassword: 'y' });
    expect(res.status).toBe(413);
    expect(JSON.stringify(res.body)).not.toMatch(/at \w+ \(|node_modules|Neo4jError/);
    const bad = await request(app).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).not.toMatch(/at \w+ \(|node_modules|SyntaxError/);
  });
});
