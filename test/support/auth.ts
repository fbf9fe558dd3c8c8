import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import type { Page } from 'playwright-core';
import request from 'supertest';
import type { Database } from '../../server/db/database.js';
import type { Role } from '../../server/domain/roles.js';
import { UsersRepository } from '../../server/features/users/users.repository.js';
import { UsersService } from '../../server/features/users/users.service.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  organisationId: string;
}

/** A bank of the demo network: not law enforcement, so restricted records stay hidden unless it is a source. */
export const DEFAULT_TEST_ORG = 'org:fjordline-bank';

/** Creates a user directly in the database (the admin API and CLI use the same service). */
export async function createTestUser(db: Database, role: Role, opts: { organisationId?: string; email?: string } = {}): Promise<TestUser> {
  const users = new UsersService(new UsersRepository(db));
  const organisationId = opts.organisationId ?? DEFAULT_TEST_ORG;
  if (organisationId === DEFAULT_TEST_ORG) await users.ensureOrganisation(DEFAULT_TEST_ORG, 'Fjordline Bank', 'bank');
  const email = opts.email ?? `${role}-${randomBytes(4).toString('hex')}@test.example`;
  const password = `pw-${randomBytes(12).toString('base64url')}`;
  const created = await users.create({ email, role, organisationId, password });
  return { id: created.id, email: created.email, password, role, organisationId };
}

export type SignedInAgent = import('supertest').Agent & { user: TestUser; csrfToken: string };

/** Signs an existing user in; returns an agent that keeps the session cookie and sends the CSRF token. */
export async function signInAgent(app: Express, user: TestUser): Promise<SignedInAgent> {
  const agent = request.agent(app);
  const login = await agent.post('/api/auth/login').send({ email: user.email, password: user.password });
  if (login.status !== 200) throw new Error(`test sign-in failed for ${user.email}: ${login.status} ${JSON.stringify(login.body)}`);
  const session = await agent.get('/api/auth/session');
  const csrfToken = (session.body as { csrfToken?: string }).csrfToken;
  if (!csrfToken) throw new Error('GET /api/auth/session sent no csrfToken');
  agent.set('x-csrf-token', csrfToken);
  return Object.assign(agent, { user, csrfToken });
}

/** a supertest agent that is signed in and sends the CSRF token on every request */
export async function signedInAgent(app: Express, db: Database, role: Role, opts: { organisationId?: string } = {}): Promise<SignedInAgent> {
  return signInAgent(app, await createTestUser(db, role, opts));
}

/** signs a Chromium page in through the real sign-in form */
export async function signInPage(page: Page, baseUrl: string, db: Database, role: Role, opts: { organisationId?: string } = {}): Promise<TestUser> {
  const user = await createTestUser(db, role, opts);
  await page.goto(baseUrl);
  await page.getByTestId('signin-email').fill(user.email);
  await page.getByTestId('signin-password').fill(user.password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('user-menu').waitFor({ timeout: 15_000 });
  return user;
}
