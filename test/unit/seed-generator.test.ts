import { describe, expect, it } from 'vitest';
import { ENTITY_LABELS, REL_TYPES, TRANSACTION_STATUSES, UID_PREFIX } from '../../server/domain/model.js';
import type { EntityLabel } from '../../server/domain/model.js';
import { ibanValid } from '../../server/domain/iban.js';
import { luhnValid } from '../../server/domain/pan.js';
import { DOC_ASNS, FICTIONAL_PHONE_RANGES, TEST_BINS } from '../../server/features/seed/seed.catalogue.js';
import { DEFAULT_SEED, generateSeed } from '../../server/features/seed/seed.generator.js';
import type { Scale } from '../../server/features/seed/seed.generator.js';
import type { NodeRow, RelRow, SeedBatch, TxRow } from '../../server/features/seed/seed.rows.js';
import type { SeedTruth } from '../../server/features/seed/seed.truth.js';

const PAN_KEY = 'unit-test-pan-key-0123456789';

function collect(seed = DEFAULT_SEED, scale: Scale = 'small') {
  const batches: SeedBatch[] = [];
  const it = generateSeed({ scale, seed, panKey: PAN_KEY, importId: `seed-${scale}-${seed}` });
  let step = it.next();
  while (!step.done) {
    batches.push(step.value);
    step = it.next();
  }
  const nodes: NodeRow[] = [];
  const rels: RelRow[] = [];
  const txs: TxRow[] = [];
  for (const b of batches) {
    if (b.kind === 'nodes') nodes.push(...b.rows);
    else if (b.kind === 'rels') rels.push(...b.rows);
    else txs.push(...b.rows);
  }
  return { batches, nodes, rels, txs, truth: step.value as SeedTruth };
}

const small = collect();
const byUid = new Map(small.nodes.map((n) => [n.uid, n]));
const labelOf = (uid: string): EntityLabel | 'Transaction' => (uid.startsWith('tx:') ? 'Transaction' : byUid.get(uid)!.label);
const ringDomainUids = new Set(small.truth.rings.flatMap((r) => r.domains.map((d) => d.uid)));

describe('seed generator: determinism', () => {
  it('gives byte-identical rows and truth for the same seed', () => {
    const again = collect();
    expect(JSON.stringify(again.batches)).toBe(JSON.stringify(small.batches));
    expect(JSON.stringify(again.truth)).toBe(JSON.stringify(small.truth));
  });

  it('gives a different network for a different seed', () => {
    const other = collect(DEFAULT_SEED + 1);
    expect(JSON.stringify(other.truth)).not.toBe(JSON.stringify(small.truth));
    const names = (rows: NodeRow[]) => new Set(rows.filter((n) => n.label === 'Buyer').map((n) => n.props.name));
    const overlap = [...names(other.nodes)].filter((n) => names(small.nodes).has(n)).length;
    expect(overlap).toBeLessThan(names(small.nodes).size / 2);
  });

  it('card uids depend on the PAN key (they are HMACs), nothing else does', () => {
    const it = generateSeed({ scale: 'small', seed: DEFAULT_SEED, panKey: 'another-key-0123456789', importId: `seed-small-${DEFAULT_SEED}` });
    let step = it.next();
    const cards: string[] = [];
    while (!step.done) {
      if (step.value.kind === 'nodes') cards.push(...step.value.rows.filter((n) => n.props.kind === 'card').map((n) => n.uid));
      step = it.next();
    }
    const original = small.nodes.filter((n) => n.props.kind === 'card').map((n) => n.uid);
    expect(cards).toHaveLength(original.length);
    expect(cards.filter((c) => original.includes(c))).toHaveLength(0);
    expect(step.value.totals).toEqual(small.truth.totals);
  });
});

describe('seed generator: size and proportions', () => {
  it('small is about 2,000 nodes and the totals match the rows', () => {
    const nodeCount = small.nodes.length + small.txs.length;
    expect(nodeCount).toBeGreaterThanOrEqual(1500);
    expect(nodeCount).toBeLessThanOrEqual(2500);
    const relCount = small.rels.length + small.txs.reduce((n, t) => n + (t.via ? 3 : 2), 0);
    expect(small.truth.totals).toEqual({ nodes: nodeCount, relationships: relCount, transactions: small.txs.length });
  });

  it('has 3 rings of 1-3 sellers with exactly one operator, and mostly ordinary traffic', () => {
    expect(small.truth.rings).toHaveLength(3);
    for (const ring of small.truth.rings) {
      expect(ring.sellers.length).toBeGreaterThanOrEqual(1);
      expect(ring.sellers.length).toBeLessThanOrEqual(3);
      expect(ring.sellers.filter((s) => s.role === 'operator')).toHaveLength(1);
    }
    const ringAccounts = new Set(small.truth.rings.flatMap((r) => r.paymentAccounts));
    const ringPayments = small.txs.filter((t) => ringAccounts.has(t.to) && !ringAccounts.has(t.from));
    const payments = small.txs.filter((t) => !ringAccounts.has(t.from));
    expect(ringPayments.length / payments.length).toBeGreaterThan(0.1);
    expect(ringPayments.length / payments.length).toBeLessThan(0.5);
    const ringBuyers = new Set(small.truth.rings.flatMap((r) => r.buyers));
    expect(small.truth.background.buyers.length).toBeGreaterThan(ringBuyers.size);
    expect(small.truth.background.merchants.length).toBeGreaterThan(small.truth.rings.flatMap((r) => r.merchantAccounts).length * 3);
    expect(small.truth.background.domains.length).toBeGreaterThan(ringDomainUids.size);
  });

  it('pays by card and e-wallet, and most money flows through merchant accounts', () => {
    const channels = new Map<unknown, number>();
    for (const t of small.txs) channels.set(t.props.channel, (channels.get(t.props.channel) ?? 0) + 1);
    expect(channels.get('card')).toBeGreaterThan(channels.get('e_wallet')!);
    expect(channels.get('e_wallet')).toBeGreaterThan(10);
    expect(channels.get('bank_transfer')).toBeGreaterThan(10);
    expect(small.txs.filter((t) => t.via).length / small.txs.length).toBeGreaterThan(0.6);
    const statuses = new Set(small.txs.map((t) => t.props.status));
    expect(statuses.has('settled') && statuses.has('declined')).toBe(true);
  });

  it('re-registers ring domains after take-downs and reuses the merchant accounts', () => {
    const replaced = small.rels.filter((r) => r.type === 'REPLACED');
    for (const ring of small.truth.rings) {
      const uids = ring.domains.map((d) => d.uid);
      expect(ring.domains.some((d) => d.status === 'taken_down')).toBe(true);
      expect(ring.domains.some((d) => d.status === 'live')).toBe(true);
      for (const d of ring.domains.filter((x) => x.status === 'taken_down')) {
        expect(byUid.get(d.uid)!.props.takenDownAt).toEqual(expect.any(String));
        const successor = replaced.find((r) => r.to === d.uid);
        expect(successor, `${d.name} has a successor`).toBeDefined();
        expect(uids).toContain(successor!.from);
        const accepted = (uid: string) => new Set(small.rels.filter((r) => r.type === 'ACCEPTS' && r.from === uid).map((r) => r.to));
        const reused = [...accepted(d.uid)].filter((m) => m.startsWith('merchant:') && accepted(successor!.from).has(m));
        expect(reused.length, `${d.name}'s successor accepts the same merchant`).toBeGreaterThan(0);
        expect(reused.every((m) => ring.merchantAccounts.includes(m))).toBe(true);
      }
    }
  });

  it('hosting providers are shared between ring and ordinary domains', () => {
    const hosts = (domains: (uid: string) => boolean) => new Set(small.rels.filter((r) => r.type === 'HOSTED_BY' && domains(r.from)).map((r) => r.to));
    const ringHosts = hosts((d) => ringDomainUids.has(d));
    const ordinaryHosts = hosts((d) => !ringDomainUids.has(d));
    expect([...ringHosts].filter((h) => ordinaryHosts.has(h)).length).toBeGreaterThan(0);
  });

  it('NGO reports point at every ring, plus exactly one false lead on an ordinary domain', () => {
    const mentioned = small.rels.filter((r) => r.type === 'MENTIONS').map((r) => r.to);
    for (const ring of small.truth.rings) expect(ring.domains.some((d) => mentioned.includes(d.uid)), ring.id).toBe(true);
    const falseLeads = mentioned.filter((m) => small.truth.background.domains.includes(m));
    expect(falseLeads).toHaveLength(1);
    for (const filed of small.rels.filter((r) => r.type === 'FILED')) expect(byUid.get(filed.from)!.props.kind).toBe('ngo');
    for (const report of small.nodes.filter((n) => n.label === 'Report')) expect(String(report.props.summary)).toMatch(/^(Hotline|User) report: /);
  });

  it('medium streams in bounded batches and is about 100,000 nodes', () => {
    const it = generateSeed({ scale: 'medium', seed: DEFAULT_SEED, panKey: PAN_KEY, importId: 'm' });
    let step = it.next();
    let largest = 0;
    while (!step.done) {
      largest = Math.max(largest, step.value.rows.length);
      step = it.next();
    }
    expect(step.value.totals.nodes).toBeGreaterThan(80_000);
    expect(step.value.totals.nodes).toBeLessThan(130_000);
    expect(largest).toBeLessThan(20_000);
  }, 30_000);
});

describe('seed generator: model conventions', () => {
  it('every node has a model label, a prefixed unique uid, a caption, keywords and provenance', () => {
    const orgs = new Set(small.nodes.filter((n) => n.label === 'Organisation').map((n) => n.uid));
    expect(byUid.size).toBe(small.nodes.length);
    const all = [...small.nodes, ...small.txs.map((t) => ({ uid: t.uid, label: 'Transaction' as const, props: t.props }))];
    for (const n of all) {
      expect(ENTITY_LABELS).toContain(n.label);
      expect(n.uid.startsWith(`${UID_PREFIX[n.label]}:`), n.uid).toBe(true);
      expect(typeof n.props.caption === 'string' && n.props.caption.length > 0, n.uid).toBe(true);
      expect(typeof n.props.keywords === 'string' && n.props.keywords.length > 0, n.uid).toBe(true);
      const sources = n.props.sources as string[];
      expect(sources.length, n.uid).toBeGreaterThan(0);
      for (const s of sources) expect(orgs.has(s), `${n.uid} source ${s}`).toBe(true);
      expect(n.props.importIds).toEqual([`seed-small-${DEFAULT_SEED}`]);
      expect(Date.parse(String(n.props.firstSeen))).toBeLessThanOrEqual(Date.parse(String(n.props.lastSeen)));
    }
    expect(new Set(small.txs.map((t) => t.uid)).size).toBe(small.txs.length);
  });

  it('relationships use model types, connect the right labels and only refer to nodes written earlier', () => {
    const allowed: Record<string, [string[], string[]]> = {
      HOLDS: [['Buyer', 'Seller', 'Person'], ['PaymentAccount']],
      CONTROLS: [['Seller'], ['PaymentAccount', 'Merchant']],
      SETTLES_TO: [['Merchant'], ['PaymentAccount']],
      OPERATES: [['Seller'], ['Domain']],
      HOSTED_BY: [['Domain'], ['HostingProvider']],
      ACCEPTS: [['Domain'], ['Merchant', 'PaymentAccount']],
      RESOLVES_TO: [['Domain'], ['IPAddress']],
      ANNOUNCED_BY: [['IPAddress'], ['HostingProvider']],
      USES_EMAIL: [['Buyer', 'Seller', 'Person'], ['Email']],
      USES_PHONE: [['Buyer', 'Seller', 'Person'], ['Phone']],
      USES_IP: [['Buyer', 'Seller', 'Person'], ['IPAddress']],
      MENTIONS: [['Report'], ['Domain', 'PaymentAccount', 'Merchant', 'Email', 'IPAddress']],
      FILED: [['Organisation'], ['Report']],
      REPLACED: [['Domain'], ['Domain']],
    };
    const written = new Set<string>();
    for (const b of small.batches) {
      if (b.kind === 'nodes') for (const n of b.rows) written.add(n.uid);
      else if (b.kind === 'rels') {
        for (const r of b.rows) {
          expect(REL_TYPES).toContain(r.type);
          expect(written.has(r.from) && written.has(r.to), `${r.type} ${r.from} -> ${r.to}`).toBe(true);
          const [from, to] = allowed[r.type]!;
          expect(from).toContain(labelOf(r.from));
          expect(to).toContain(labelOf(r.to));
          expect((r.props.sources as string[]).length).toBeGreaterThan(0);
          expect(r.props.firstSeen).toEqual(expect.any(String));
        }
      } else {
        for (const t of b.rows) {
          expect(written.has(t.from) && written.has(t.to), t.uid).toBe(true);
          expect(labelOf(t.from)).toBe('PaymentAccount');
          expect(labelOf(t.to)).toBe('PaymentAccount');
          if (t.via) expect(labelOf(t.via)).toBe('Merchant');
          written.add(t.uid);
        }
      }
    }
  });

  it('transactions carry amount, ISO currency, status and a timestamp inside the period', () => {
    for (const t of small.txs) {
      const amount = t.props.amount as number;
      expect(amount).toBeGreaterThan(0);
      expect(Math.round(amount * 100) / 100).toBe(amount);
      expect(t.props.currency).toMatch(/^[A-Z]{3}$/);
      expect(TRANSACTION_STATUSES).toContain(t.props.status);
      const at = Date.parse(String(t.props.timestamp));
      expect(at).toBeGreaterThanOrEqual(Date.UTC(2025, 0, 1));
      expect(at).toBeLessThanOrEqual(Date.UTC(2025, 8, 30, 23, 59, 59));
      expect(String(t.props.caption)).toContain(String(t.props.timestamp).slice(0, 10));
    }
  });

  it('label-specific properties are present', () => {
    const required: Partial<Record<EntityLabel, string[]>> = {
      Buyer: ['name', 'country'],
      Seller: ['name', 'country', 'alias'],
      Person: ['name', 'country'],
      PaymentAccount: ['kind', 'reference', 'currency', 'country'],
      Merchant: ['name', 'mcc', 'acquirer', 'country', 'merchantId'],
      Domain: ['name', 'registeredAt', 'registrar'],
      HostingProvider: ['name', 'asn', 'country'],
      IPAddress: ['address'],
      Email: ['address'],
      Phone: ['number'],
      Organisation: ['name', 'kind'],
      Report: ['reference', 'receivedAt', 'category', 'summary'],
    };
    for (const n of small.nodes) for (const key of required[n.label] ?? []) expect(n.props[key], `${n.uid}.${key}`).toBeDefined();
    for (const a of small.nodes.filter((n) => n.label === 'PaymentAccount')) {
      const need = { card: ['panHash', 'bin', 'last4', 'scheme'], bank_account: ['iban', 'bic'], e_wallet: ['provider', 'walletId'], crypto_wallet: ['provider', 'network', 'address'] }[String(a.props.kind)];
      expect(need, `${a.uid} kind`).toBeDefined();
      for (const key of need!) expect(a.props[key], `${a.uid}.${key}`).toEqual(expect.any(String));
    }
    // all four kinds the model names occur in the demo; crypto wallets are where some rings cash out
    const kinds = new Set(small.nodes.filter((n) => n.label === 'PaymentAccount').map((n) => n.props.kind));
    expect([...kinds].sort()).toEqual(['bank_account', 'card', 'crypto_wallet', 'e_wallet']);
    const cashOuts = new Set(small.truth.rings.flatMap((r) => r.cashOutAccounts.map((c) => c.uid)));
    for (const w of small.nodes.filter((n) => n.props.kind === 'crypto_wallet')) expect(cashOuts.has(w.uid), w.uid).toBe(true);
  });
});

describe('seed generator: synthetic identifiers only', () => {
  it('never emits a clear card number: cards hold test BINs, last4 and a 64-hex HMAC', () => {
    const bins = new Set(TEST_BINS.map((b) => b.bin));
    for (const card of small.nodes.filter((n) => n.props.kind === 'card')) {
      expect(bins.has(String(card.props.bin))).toBe(true);
      expect(card.props.last4).toMatch(/^\d{4}$/);
      expect(card.props.panHash).toMatch(/^[0-9a-f]{64}$/);
      expect(card.uid).toBe(`acct:card:${String(card.props.panHash).slice(0, 16)}`);
      expect(card.props.caption).toMatch(/^(VISA|MASTERCARD) •••• \d{4}$/);
    }
    // Any run of digits (separators allowed) that starts with a test BIN and is Luhn-valid would be a PAN.
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(small.batches);
    walk(small.truth);
    let leaks = 0;
    for (const s of strings) {
      const digits = s.replace(/(?<=\d)[ -](?=\d)/g, '');
      for (const m of digits.matchAll(/\d{13,}/g)) {
        for (const { bin } of TEST_BINS) {
          for (let i = m[0].indexOf(bin); i >= 0; i = m[0].indexOf(bin, i + 1)) {
            for (const len of [15, 16, 19]) if (m[0].length - i >= len && luhnValid(m[0].slice(i, i + len))) leaks++;
          }
        }
      }
    }
    expect(leaks).toBe(0);
  });

  it('uses reserved domains, example e-mail domains, documentation IPs and ASNs, drama phone numbers', () => {
    for (const n of small.nodes) {
      if (n.label === 'Domain') expect(n.props.name).toMatch(/\.(example|test|invalid)$/);
      if (n.label === 'Email') expect(n.props.address).toMatch(/^[a-z0-9._]+@example\.(com|net|org)$/);
      if (n.label === 'IPAddress') expect(n.props.address).toMatch(/^(192\.0\.2\.|198\.51\.100\.|203\.0\.113\.|2001:db8:)/);
      if (n.label === 'HostingProvider') expect(DOC_ASNS).toContain(n.props.asn);
      if (n.label === 'Phone') expect(FICTIONAL_PHONE_RANGES.some((r) => String(n.props.number).startsWith(r.prefix))).toBe(true);
      if (n.props.kind === 'bank_account') {
        expect(ibanValid(String(n.props.iban))).toBe(true);
        expect(n.uid).toBe(`acct:iban:${n.props.iban}`);
      }
    }
  });

  it('keeps the values that Neo4j constrains to be unique unique', () => {
    for (const [label, key] of [['Domain', 'name'], ['Email', 'address'], ['Phone', 'number'], ['IPAddress', 'address'], ['PaymentAccount', 'panHash'], ['PaymentAccount', 'iban']] as const) {
      const values = small.nodes.filter((n) => n.label === label && n.props[key] != null).map((n) => n.props[key]);
      expect(new Set(values).size, `${label}.${key}`).toBe(values.length);
    }
  });
});
