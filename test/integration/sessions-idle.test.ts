import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import { createTestUser, signInAgent, signedInAgent } from '../support/auth.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';

const IDLE_MINUTES = 30;
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

describe('sessions: idle timeout (sliding) and purging of ended sessions', () => {
  const db = openTestDatabase();
  let app: Express;

  beforeAll(async () => {
    await seedSmall(db);
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null, authPolicy: { idleMinutes: IDLE_MINUTES } });
  });
  afterAll(() => db.close());

  const setLastSeen = (userId: string, at: string) => db.driver.executeQuery('MATCH (s:Session {userId: $userId}) SET s.lastSeenAt = $at', { userId, at });
  const lastSeen = async (userId: string) =>
    (await db.driver.executeQuery('MATCH (s:Session {userId: $userId}) RETURN s.lastSeenAt AS at', { userId })).records.map((r) => r.get('at') as string);

  it('a session left unused longer than the idle timeout ends, although its lifetime has not', async () => {
    const agent = await signedInAgent(app, db, 'analyst');
    await setLastSeen(agent.user.id, minutesAgo(IDLE_MINUTES + 1));
    expect((await agent.get('/api/auth/session')).body.user).toBeNull();
    expect((await agent.get('/api/queries')).status).toBe(401);
  });

  it('using the session slides the idle timeout forward', async () => {
    const agent = await signedInAgent(app, db, 'analyst');
    await setLastSeen(agent.user.id, minutesAgo(IDLE_MINUTES - 5));
    expect((await agent.get('/api/auth/session')).body.user?.email).toBe(agent.user.email);
    const [at] = await lastSeen(agent.user.id);
    expect(Date.now() - Date.parse(at!)).toBeLessThan(60_000);
    // 25 minutes after the last use the clock slid: 10 more minutes of quiet do not end it
    await setLastSeen(agent.user.id, minutesAgo(10));
    expect((await agent.get('/api/queries')).status).toBe(200);
  });

  it('signing in removes sessions past their lifetime or idle timeout from the database', async () => {
    const idle = await signedInAgent(app, db, 'analyst');
    const old = await signedInAgent(app, db, 'supervisor');
    await setLastSeen(idle.user.id, minutesAgo(IDLE_MINUTES + 10));
    await db.driver.executeQuery('MATCH (s:Session {userId: $id}) SET s.expiresAt = $at', { id: old.user.id, at: minutesAgo(1) });
    const live = await signedInAgent(app, db, 'data');
    expect(await lastSeen(idle.user.id)).toEqual([]);
    expect(await lastSeen(old.user.id)).toEqual([]);
    expect(await lastSeen(live.user.id)).toHaveLength(1);
    // signing in again works as usual
    expect((await signInAgent(app, idle.user)).user.email).toBe(idle.user.email);
  });

  it('the same user signed in elsewhere keeps a session that is in use', async () => {
    const user = await createTestUser(db, 'analyst');
    const first = await signInAgent(app, user);
    await signInAgent(app, user);
    expect((await first.get('/api/auth/session')).body.user?.email).toBe(user.email);
  });
});
