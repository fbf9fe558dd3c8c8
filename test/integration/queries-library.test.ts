import type { Express } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { createLogger } from '../../server/logger.js';
import type { QueryRunResult, ResultCell } from '../../server/api-types.js';
import { parseQuerySource } from '../../server/features/queries/queries.format.js';
import { loadQueryLibrary, readQueryLibrary } from '../../server/features/queries/queries.library.js';
import { QueriesRepository } from '../../server/features/queries/queries.repository.js';
import { QueriesService } from '../../server/features/queries/queries.service.js';
import { signedInAgent, type SignedInAgent } from '../support/auth.js';
import { openTestDatabase, seedSmall } from '../support/test-db.js';
import type { SeedTruth } from '../support/truth.js';

/** uid of an entity cell */
const idOf = (cell: ResultCell | undefined): string => {
  if (cell && typeof cell === 'object' && !Array.isArray(cell) && '$entity' in cell) return (cell.$entity as { id: string }).id;
  throw new Error(`not an entity: ${JSON.stringify(cell)}`);
};
const ids = (cells: ResultCell | undefined): string[] => (Array.isArray(cells) ? cells.map(idOf) : []);
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

describe('the shipped query library on the demo network', () => {
  const db = openTestDatabase();
  let app: Express;
  let truth: SeedTruth;
  let analyst: SignedInAgent;

  beforeAll(async () => {
    truth = await seedSmall(db);
    await loadQueryLibrary(new QueriesService(new QueriesRepository(db)));
    app = createApp({ db, logger: createLogger('silent', false), clientDir: null });
    analyst = await signedInAgent(app, db, 'analyst');
  });
  afterAll(() => db.close());

  const run = async (name: string, params: Record<string, unknown> = {}): Promise<QueryRunResult> => {
    const res = await analyst.post(`/api/queries/${name}/run`).send({ params });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as QueryRunResult;
  };
  const column = (r: QueryRunResult, col: string) => r.rows.map((row) => idOf(row[col]));
  const cashOuts = () => new Set(truth.rings.flatMap((r) => r.cashOutAccounts.map((c) => c.uid)));

  it('ships at least 12 queries, each with a valid header, published and visible to analysts', async () => {
    const files = readQueryLibrary();
    expect(files.length).toBeGreaterThanOrEqual(12);
    const res = await analyst.get('/api/queries');
    expect(res.status).toBe(200);
    const names = (res.body.queries as { name: string; publishedVersion: number | null }[]).map((q) => q.name);
    for (const f of files) expect(names).toContain(parseQuerySource(f.source).name);
  });

  it('loading the library again adds no versions (idempotent boot)', async () => {
    const service = new QueriesService(new QueriesRepository(db));
    const again = await service.loadLibrary(readQueryLibrary());
    expect(again.loaded).toEqual([]);
    expect(again.problems).toEqual([]);
    // only new or changed files are checked (EXPLAIN) and stored: a changed file becomes a version, a bad one is reported
    const [first] = readQueryLibrary();
    const changed = { file: first!.file, source: `${first!.source.trimEnd()}\n// reviewed ${Date.now()}\n` };
    const broken = { file: 'queries/broken.cypher', source: first!.source.replace(/^\/\/ @name .*$/m, '// @name broken-library-file').replace(/^MATCH /m, 'CREATE ') };
    const next = await service.loadLibrary([changed, broken]);
    expect(next.loaded).toEqual([parseQuerySource(first!.source).name]);
    expect(next.problems).toHaveLength(1);
    expect(next.problems[0]).toMatch(/^queries\/broken\.cypher: /);
  });

  it('merchant accounts shared by several domains are exactly the rings’ merchant accounts', async () => {
    const r = await run('merchants-shared-by-domains');
    expect(sorted(column(r, 'merchant'))).toEqual(sorted(truth.rings.flatMap((x) => x.merchantAccounts)));
    // graph result: the merchants, their domains and the ACCEPTS links, ready for the canvas
    expect(r.graph.edges.length).toBeGreaterThan(0);
    expect(r.graph.edges.every((e) => e.type === 'ACCEPTS')).toBe(true);
    const ringDomains = new Set(truth.rings.flatMap((x) => x.domains.map((d) => d.uid)));
    expect(r.graph.nodes.filter((n) => n.label === 'Domain').every((n) => ringDomains.has(n.id))).toBe(true);
  });

  it('new domains re-using payment options of taken-down ones are every ring domain after the first', async () => {
    const r = await run('new-domains-reusing-merchants');
    const expected = truth.rings.flatMap((x) => x.domains.slice(1).map((d) => d.uid));
    expect(sorted(column(r, 'newDomain'))).toEqual(sorted(expected));
    const takenDown = new Set(truth.rings.flatMap((x) => x.domains.filter((d) => d.status === 'taken_down').map((d) => d.uid)));
    expect(column(r, 'takenDown').every((d) => takenDown.has(d))).toBe(true);
  });

  it('proceeds per ring match the planted proceeds and cash-out accounts', async () => {
    const r = await run('proceeds-per-ring');
    expect(r.rows).toHaveLength(truth.rings.length);
    for (const ring of truth.rings) {
      const operator = ring.sellers.find((s) => s.role === 'operator')!.uid;
      const row = r.rows.find((x) => idOf(x.operator) === operator);
      expect(row, `${ring.id} is missing`).toBeDefined();
      expect(row!.proceeds).toBeCloseTo(ring.proceedsTotal, 2);
      expect(sorted(ids(row!.cashOuts))).toEqual(sorted(ring.cashOutAccounts.map((c) => c.uid)));
    }
  });

  it('cash-out accounts are the planted ones with their planted totals', async () => {
    const r = await run('cash-out-accounts');
    const planted = truth.rings.flatMap((x) => x.cashOutAccounts);
    expect(sorted(column(r, 'account'))).toEqual(sorted(planted.map((c) => c.uid)));
    for (const c of planted) expect(r.rows.find((x) => idOf(x.account) === c.uid)!.received).toBeCloseTo(c.totalIn, 2);
    const big = await run('cash-out-accounts', { minTotal: 2200 });
    expect(sorted(column(big, 'account'))).toEqual(sorted(planted.filter((c) => c.totalIn >= 2200).map((c) => c.uid)));
  });

  it('buyers linked to several rings are the buyers the generator put in more than one ring', async () => {
    const r = await run('buyers-in-several-rings');
    const counts = new Map<string, number>();
    for (const ring of truth.rings) for (const b of new Set(ring.buyers)) counts.set(b, (counts.get(b) ?? 0) + 1);
    const expected = [...counts].filter(([, n]) => n >= 2).map(([b]) => b);
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(column(r, 'buyer'))).toEqual(sorted(expected));
  });

  it('buyers of a ring’s domains are exactly that ring’s buyers', async () => {
    for (const ring of truth.rings) {
      const r = await run('buyers-of-domains', { domains: ring.domains.map((d) => d.uid) });
      expect(sorted(column(r, 'buyer')), ring.id).toEqual(sorted(ring.buyers));
    }
  });

  it('accounts paid by many buyers of flagged sites are exactly those the truth counts, with their buyer counts', async () => {
    // truth: per account paid by buyers, how many distinct buyers paid it and how many of them also paid a payment
    // option (merchant account or e-wallet) of a reported domain
    const expected = (minBuyers: number, minShare: number) =>
      truth.accountsPaidByFlaggedBuyers.filter((a) => a.flaggedBuyers >= minBuyers && a.flaggedBuyers / a.buyers >= minShare);
    for (const [params, minBuyers, minShare] of [[{}, 3, 0.8], [{ minBuyers: 1, minShare: 0.5 }, 1, 0.5]] as const) {
      const r = await run('accounts-paid-by-flagged-buyers', params);
      const want = expected(minBuyers, minShare);
      expect(sorted(column(r, 'account')), JSON.stringify(params)).toEqual(sorted(want.map((a) => a.uid)));
      for (const a of want) {
        const row = r.rows.find((x) => idOf(x.account) === a.uid)!;
        expect([row.flaggedBuyers, row.allBuyers, row.sharePercent], a.uid).toEqual([a.flaggedBuyers, a.buyers, Math.round((100 * a.flaggedBuyers) / a.buyers)]);
      }
    }
    // the story: every ring's first collection account is among them
    const found = column(await run('accounts-paid-by-flagged-buyers'), 'account');
    for (const ring of truth.rings) expect(found, ring.id).toContain(ring.paymentOptions[0]!.settlesTo);
  });

  it('fan-in / fan-out accounts are exactly the ring accounts the truth shows passing money on, with their flows', async () => {
    const flows = truth.rings.flatMap((x) => x.accountFlows);
    for (const minReceivers of [2, 1]) {
      const r = await run('fan-in-fan-out-accounts', { minReceivers });
      const want = flows.filter((f) => f.senders >= 1 && f.receivers >= minReceivers);
      expect(want.length).toBeGreaterThan(0);
      expect(sorted(column(r, 'account')), `minReceivers ${minReceivers}`).toEqual(sorted(want.map((f) => f.uid)));
      for (const f of want) {
        const row = r.rows.find((x) => idOf(x.account) === f.uid)!;
        expect([row.senders, row.receivers, row.transfersOut], f.uid).toEqual([f.senders, f.receivers, f.transfersOut]);
        expect(row.amountIn as number, f.uid).toBeCloseTo(f.amountIn, 2);
        expect(row.amountOut as number, f.uid).toBeCloseTo(f.amountOut, 2);
      }
    }
    // cash-out accounts only receive: never a fan-out account
    expect(column(await run('fan-in-fan-out-accounts', { minReceivers: 1 }), 'account').filter((a) => cashOuts().has(a))).toEqual([]);
    const outside = column(await run('fan-in-fan-out-accounts', { since: '2030-01-01', until: '2031-01-01' }), 'account');
    expect(outside).toEqual([]);
  });

  it('hosting providers ranked by reported domains have the per-provider counts the truth gives', async () => {
    const reportedBy = new Map<string, Set<string>>(); // domain -> reports naming it
    for (const rep of truth.reports) for (const m of rep.mentions) if (m.startsWith('domain:')) reportedBy.set(m, new Set([...(reportedBy.get(m) ?? []), rep.uid]));
    const expected = (currentOnly: boolean) => {
      const per = new Map<string, { reported: Set<string>; reports: Set<string>; all: Set<string> }>();
      const of = (p: string) => per.get(p) ?? per.set(p, { reported: new Set(), reports: new Set(), all: new Set() }).get(p)!;
      for (const h of truth.hosting) {
        of(h.provider).all.add(h.domain);
        const reports = reportedBy.get(h.domain);
        if (reports && (!currentOnly || h.to === null)) {
          of(h.provider).reported.add(h.domain);
          for (const r of reports) of(h.provider).reports.add(r);
        }
      }
      return [...per].filter(([, v]) => v.reported.size > 0).map(([provider, v]) => ({ provider, reportedDomains: v.reported.size, reports: v.reports.size, allDomains: v.all.size }));
    };
    for (const currentOnly of [false, true]) {
      const r = await run('hosting-providers-by-reported-domains', { currentOnly });
      const want = expected(currentOnly);
      expect(want.length).toBeGreaterThan(0);
      expect(want.length).toBeLessThanOrEqual(20); // the default limit: the whole ranking is shown
      const got = r.rows.map((x) => ({ provider: idOf(x.provider), reportedDomains: x.reportedDomains, reports: x.reports, allDomains: x.allDomains }));
      expect([...got].sort((a, b) => a.provider.localeCompare(b.provider)), `currentOnly ${currentOnly}`).toEqual([...want].sort((a, b) => a.provider.localeCompare(b.provider)));
      for (const row of r.rows) expect(row.reportedPercent as number).toBeCloseTo((100 * (row.reportedDomains as number)) / (row.allDomains as number), 0);
      // ranked: most reported domains first, then the largest share
      const key = r.rows.map((x) => [x.reportedDomains as number, x.reportedPercent as number] as const);
      expect(key).toEqual([...key].sort((a, b) => b[0] - a[0] || b[1] - a[1]));
    }
    const top = await run('hosting-providers-by-reported-domains', { limit: 1 });
    expect(top.rows).toHaveLength(1);
    expect(top.rows[0]!.reportedDomains).toBe(Math.max(...expected(false).map((x) => x.reportedDomains)));
  });

  it('a seller’s footprint is the ring’s domains, merchant accounts and accounts', async () => {
    for (const ring of truth.rings) {
      const operator = ring.sellers.find((s) => s.role === 'operator')!.uid;
      const r = await run('seller-footprint', { sellers: [operator] });
      const by = (rel: string) => r.rows.filter((x) => x.relation === rel).map((x) => idOf(x.entity));
      expect(sorted(by('OPERATES'))).toEqual(sorted(ring.domains.map((d) => d.uid)));
      expect(sorted(by('CONTROLS').filter((x) => x.startsWith('merchant:')))).toEqual(sorted(ring.merchantAccounts));
      const accounts = [...by('CONTROLS'), ...by('HOLDS'), ...by('SETTLES_TO')].filter((x) => x.startsWith('acct:'));
      expect(accounts.filter((a) => !ring.paymentAccounts.includes(a))).toEqual([]);
      expect(r.graph.edges.some((e) => e.type === 'SETTLES_TO')).toBe(true);
    }
  });


  it('a domain’s payment options are exactly the options its ring planted, with settlement, holder and payment count', async () => {
    for (const ring of truth.rings) {
      const r = await run('domain-payment-options', { domains: ring.domains.map((d) => d.uid) });
      const cell = (c: ResultCell | undefined) => (c === null || c === undefined ? null : idOf(c));
      const got = r.rows.map((x) => [idOf(x.domain), idOf(x.paymentOption), cell(x.settlesTo), cell(x.holder), x.payments].join(' | '));
      const option = new Map(ring.paymentOptions.map((o) => [o.uid, o]));
      const want = ring.domains.flatMap((d) =>
        d.accepts.map((uid) => {
          const o = option.get(uid)!;
          return [d.uid, uid, o.settlesTo, o.holder, o.payments].join(' | ');
        }),
      );
      expect(sorted(got), ring.id).toEqual(sorted(want));
      expect(got).toHaveLength(want.length);
    }
  });

  it('round-tripping finds exactly the planted round trips, one per ring, with their transfers and amounts', async () => {
    const HOUR = 3_600_000;
    const planted = truth.rings.flatMap((x) => x.roundTrips);
    const lasting = (c: (typeof planted)[number]) => Date.parse(c.lastTransfer) - Date.parse(c.firstTransfer);
    const expectRows = (r: QueryRunResult, want: typeof planted) => {
      expect(sorted(column(r, 'account'))).toEqual(sorted(want.map((c) => c.accounts[0]!)));
      expect(r.rows).toHaveLength(want.length);
      for (const c of want) {
        const row = r.rows.find((x) => idOf(x.account) === c.accounts[0])!;
        expect(row.transfers).toBe(c.transfers);
        expect(row.amounts).toEqual(c.amounts);
        expect(Date.parse(String(row.firstTransfer))).toBe(Date.parse(c.firstTransfer));
        expect(Date.parse(String(row.lastTransfer))).toBe(Date.parse(c.lastTransfer));
      }
    };
    // every ring sends one sweep round 1-3 accounts within days; cycles of 2, 3 and 4 transfers are all planted
    expect(planted).toHaveLength(truth.rings.length);
    expect(new Set(planted.map((c) => c.transfers))).toEqual(new Set([2, 3, 4]));
    const r = await run('round-tripping-cycles');
    expectRows(r, planted.filter((c) => lasting(c) <= 30 * 24 * HOUR));
    // on the canvas: every account of every cycle, and one SENT and one TO per transfer
    const onCanvas = new Set(r.graph.nodes.map((n) => n.id));
    for (const c of planted) for (const a of c.accounts) expect(onCanvas.has(a), a).toBe(true);
    expect(r.graph.edges.filter((e) => e.type === 'SENT' || e.type === 'TO')).toHaveLength(2 * planted.reduce((s, c) => s + c.transfers, 0));
    // a window shorter than a cycle, or a minimum above one of its transfers, leaves that cycle out
    const shortest = Math.min(...planted.map(lasting));
    const hours = Math.max(1, Math.floor(shortest / HOUR));
    expectRows(await run('round-tripping-cycles', { within: `PT${hours}H` }), planted.filter((c) => lasting(c) <= hours * HOUR));
    const minAmount = [...planted.map((c) => Math.min(...c.amounts))].sort((a, b) => a - b)[1]!;
    expectRows(await run('round-tripping-cycles', { minAmount }), planted.filter((c) => Math.min(...c.amounts) >= minAmount));
  });

  it('domains that moved hosting after a report are exactly the truth’s moves within the window', async () => {
    const DAY = 86_400_000;
    const received = new Map(truth.reports.map((x) => [x.uid, Date.parse(x.receivedAt)]));
    const reference = new Map(truth.reports.map((x) => [x.uid, x.reference]));
    const expected = (days: number) =>
      truth.movedAfterReport.flatMap((m) => {
        const at = Date.parse(m.movedAt);
        const reports = m.reports.filter((u) => at <= received.get(u)! + days * DAY);
        return reports.length === 0 ? [] : [{ ...m, at, reports, reportedAt: Math.min(...reports.map((u) => received.get(u)!)) }];
      });
    // at least one ring domain was reported and then moved to another provider on purpose
    const ringDomains = new Set(truth.rings.flatMap((x) => x.domains.map((d) => d.uid)));
    expect(truth.movedAfterReport.some((m) => m.planted && ringDomains.has(m.domain))).toBe(true);
    for (const [params, days] of [[{}, 120], [{ within: 'P3D' }, 3], [{ within: 'P3650D' }, 3650]] as const) {
      const r = await run('domains-moved-after-report', params);
      const want = expected(days);
      if (days === 120) expect(want.some((m) => m.planted)).toBe(true);
      const key = (domain: string, from: string, to: string, at: number) => `${domain} ${from}->${to} @${at}`;
      const got = r.rows.map((x) => key(idOf(x.domain), idOf(x.movedFrom), idOf(x.movedTo), Date.parse(String(x.movedAt))));
      expect(sorted(got), JSON.stringify(params)).toEqual(sorted(want.map((m) => key(m.domain, m.fromProvider, m.toProvider, m.at))));
      expect(got).toHaveLength(want.length);
      for (const m of want) {
        const row = r.rows.find((x) => idOf(x.domain) === m.domain && Date.parse(String(x.movedAt)) === m.at && idOf(x.movedFrom) === m.fromProvider)!;
        expect(sorted(row.reports as string[])).toEqual(sorted(m.reports.map((u) => reference.get(u)!)));
        expect(Date.parse(String(row.reportedAt))).toBe(m.reportedAt);
        expect(row.daysAfterReport).toBe(Math.floor((m.at - m.reportedAt) / DAY));
      }
    }
  });

  it('reported entities without payment data are exactly the truth’s: each ring’s next domain and its contact address', async () => {
    const r = await run('reported-entities-without-payments');
    expect(sorted(column(r, 'entity'))).toEqual(sorted(truth.reportedWithoutPayments));
    for (const ring of truth.rings) for (const uid of ring.reportedWithoutPayments) expect(truth.reportedWithoutPayments, ring.id).toContain(uid);
    for (const row of r.rows) {
      const uid = idOf(row.entity);
      const naming = truth.reports.filter((x) => x.mentions.includes(uid));
      expect(row.kind).toBe(uid.startsWith('domain:') ? 'Domain' : uid.startsWith('email:') ? 'Email' : row.kind);
      expect(sorted(row.reports as string[])).toEqual(sorted(naming.map((x) => x.reference)));
      expect(Date.parse(String(row.firstReported))).toBe(Math.min(...naming.map((x) => Date.parse(x.receivedAt))));
    }
    expect(new Set(r.rows.map((x) => x.kind))).toEqual(new Set(['Domain', 'Email']));
    // since: only reports received from then on count
    const since = [...truth.reports.map((x) => x.receivedAt)].sort()[truth.reports.length - 2]!;
    const later = await run('reported-entities-without-payments', { since });
    const want = truth.reportedWithoutPayments.filter((e) => truth.reports.some((x) => x.mentions.includes(e) && Date.parse(x.receivedAt) >= Date.parse(since)));
    expect(sorted(column(later, 'entity'))).toEqual(sorted(want));
  });
});
