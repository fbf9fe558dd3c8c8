import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import type { SearchResponse } from '../../server/api-types.js';
import { signedInAgent, type SignedInAgent } from '../support/auth.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedTruth } from '../support/truth.js';

describe('GET /api/search on the demo network', () => {
  const db = openTestDatabase();
  let app: Express;
  let analyst: SignedInAgent;
  let truth: SeedTruth;

  beforeAll(async () => {
    truth = await seedSmall(db);
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null });
    analyst = await signedInAgent(app, db, 'analyst');
  });
  afterAll(() => db.close());

  const search = async (q: string, extra: Record<string, string> = {}) => {
    const res = await analyst.get('/api/search').query({ q, ...extra });
    expect(res.status).toBe(200);
    return res.body as SearchResponse;
  };

  it('finds every planted ring operator by name, as the top Seller hit', async () => {
    for (const ring of truth.rings) {
      const operator = ring.sellers.find((s) => s.role === 'operator')!;
      const { hits } = await search(operator.name);
      const firstSeller = hits.find((h) => h.label === 'Seller');
      expect(firstSeller?.id, `searching "${operator.name}"`).toBe(operator.uid);
      expect(firstSeller?.caption).toBe(operator.name);
    }
  });

  it('finds a domain by its full name and by its first word', async () => {
    const domain = truth.rings[0]!.domains[0]!;
    expect((await search(domain.name)).hits[0]?.id).toBe(domain.uid);
    const firstWord = domain.name.split(/[-.]/)[0]!;
    expect((await search(firstWord)).hits.map((h) => h.id)).toContain(domain.uid);
  });

  it('tolerates a typo in a longer word', async () => {
    const operator = truth.rings[0]!.sellers.find((s) => s.role === 'operator')!;
    const surname = operator.name.split(' ').at(-1)!;
    const typo = surname.length >= 5 ? surname.slice(0, 2) + surname[3] + surname[2] + surname.slice(4) : surname;
    const { hits } = await search(typo);
    expect(hits.map((h) => h.id)).toContain(operator.uid);
  });

  it('restricts hits to the labels asked for', async () => {
    const domain = truth.rings[0]!.domains[0]!;
    const { hits } = await search(domain.name.split('.')[0]!, { labels: 'Report' });
    expect(hits.every((h) => h.label === 'Report')).toBe(true);
  });

  it('treats Lucene syntax as plain text instead of failing', async () => {
    const res = await analyst.get('/api/search').query({ q: 'AND OR "[* ~' });
    expect(res.status).toBe(200);
  });

  it.each([
    [{}, 'add a search text'],
    [{ q: 'a' }, 'at least 2 characters'],
    [{ q: 'x'.repeat(201) }, 'at most 200 characters'],
    [{ q: 'abc', limit: 'lots' }, 'limit must be a number'],
    [{ q: 'abc', labels: 'Planet' }, 'unknown label "Planet"'],
  ])('answers 400 with a readable message for %j', async (query, message) => {
    const res = await analyst.get('/api/search').query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.id).toBe('bad_request');
    expect(res.body.error.message).toContain(message);
  });
});
