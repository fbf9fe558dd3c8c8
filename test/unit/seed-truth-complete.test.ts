import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from '../../server/features/seed/seed.generator.js';
import { parseTruth } from '../support/truth.js';
import type { SeedTruth } from '../support/truth.js';
import { generateSmallRows } from '../support/seed-rows.js';

/**
 * The truth file is a complete inventory: a checker can look up any entity of the graph (Transactions apart) and
 * learn which ring it belongs to, or that it belongs to none. Checked against the rows the generator writes.
 */
function collect(seed: number) {
  const rows = generateSmallRows(seed, 'complete-test');
  // through the JSON the file holds and the schema the other tests read it with
  return { ...rows, truth: parseTruth(JSON.parse(JSON.stringify(rows.truth))) };
}

const ids = (x: { emails: string[]; phones: string[]; ips: string[] }) => [...x.emails, ...x.phones, ...x.ips];

/** Where each uid is listed as a member: "ring-1", "background" or "organisations" (one entry per listing). */
function membership(truth: SeedTruth): Map<string, string[]> {
  const places = new Map<string, string[]>();
  const put = (place: string, uids: string[]) => {
    for (const uid of uids) places.set(uid, [...(places.get(uid) ?? []), place]);
  };
  for (const r of truth.rings) {
    put(r.id, [
      ...r.sellers.map((s) => s.uid),
      ...r.persons.map((p) => p.uid),
      ...r.domains.map((d) => d.uid),
      r.nextDomain.uid,
      ...r.merchantAccounts,
      ...r.paymentAccounts,
      ...ids(r.identifiers),
      ...r.buyers,
      ...r.buyerAccounts,
      ...ids(r.buyerIdentifiers),
      ...r.reports,
    ]);
  }
  const bg = truth.background;
  put('background', [
    ...bg.buyers,
    ...bg.merchants,
    ...bg.domains,
    ...bg.accounts,
    ...bg.providers,
    ...bg.bulletproofProviders,
    ...bg.serverIps,
    ...bg.persons.map((p) => p.uid),
    ...ids(bg.identifiers),
    ...ids(bg.buyerIdentifiers),
    ...bg.reports,
  ]);
  put('organisations', truth.organisations.map((o) => o.uid));
  return places;
}

describe.each([DEFAULT_SEED, 7, 424242])('seed truth is a complete inventory (seed %i)', (seed) => {
  const { nodes, rels, txs, truth } = collect(seed);
  const byUid = new Map(nodes.map((n) => [n.uid, n]));
  const places = membership(truth);
  const relsOf = (type: string) => rels.filter((r) => r.type === type);
  const holderOf = new Map(relsOf('HOLDS').map((r) => [r.to, r.from]));
  const usersOf = new Map<string, string[]>();
  for (const r of rels.filter((x) => x.type.startsWith('USES_'))) usersOf.set(r.to, [...(usersOf.get(r.to) ?? []), r.from]);
  // buyers who paid several rings: the one documented exception to "listed once"
  const ringsOfBuyer = new Map<string, string[]>();
  for (const r of truth.rings) for (const b of r.buyers) ringsOfBuyer.set(b, [...(ringsOfBuyer.get(b) ?? []), r.id]);
  const multiRing = new Set([...ringsOfBuyer].filter(([, rs]) => rs.length > 1).map(([b]) => b));

  it('lists every entity the generator writes except transactions, and nothing else', () => {
    const written = nodes.map((n) => n.uid);
    expect(written.filter((uid) => !places.has(uid))).toEqual([]);
    expect([...places.keys()].filter((uid) => !byUid.has(uid))).toEqual([]);
    expect(txs.some((t) => places.has(t.uid))).toBe(false);
  });

  it('lists each entity once, except a buyer of several rings (with their accounts and identifiers) under each', () => {
    for (const [uid, where] of places) {
      const owner = holderOf.get(uid) ?? usersOf.get(uid)?.[0] ?? uid;
      if (multiRing.has(owner)) expect(where, uid).toEqual(ringsOfBuyer.get(owner));
      else expect(where, uid).toHaveLength(1);
    }
  });

  it('counts per label in the truth match the graph', () => {
    const count = (uids: Iterable<string>) => {
      const out: Record<string, number> = {};
      for (const uid of uids) out[byUid.get(uid)!.label] = (out[byUid.get(uid)!.label] ?? 0) + 1;
      return out;
    };
    expect(count(places.keys())).toEqual(count(nodes.map((n) => n.uid)));
  });

  it('a ring buyer is someone whose card or wallet paid the ring, whatever else they paid', () => {
    for (const r of truth.rings) {
      const options = new Set([...r.paymentAccounts, ...r.merchantAccounts]);
      const payers = new Set(txs.filter((t) => holderOf.has(t.from) && byUid.get(holderOf.get(t.from)!)!.label === 'Buyer' && (options.has(t.to) || (t.via !== null && options.has(t.via)))).map((t) => holderOf.get(t.from)!));
      expect(new Set(r.buyers), r.id).toEqual(payers);
      expect(new Set(r.buyerAccounts)).toEqual(new Set(relsOf('HOLDS').filter((h) => payers.has(h.from)).map((h) => h.to)));
    }
    const background = new Set(truth.background.buyers);
    expect(nodes.filter((n) => n.label === 'Buyer' && !ringsOfBuyer.has(n.uid)).every((n) => background.has(n.uid))).toBe(true);
  });

  it('files identifiers, persons and reports with the people and entities they belong to', () => {
    for (const r of truth.rings) {
      const people = new Set([...r.sellers.map((s) => s.uid), ...r.persons.map((p) => p.uid)]);
      const buyers = new Set(r.buyers);
      for (const uid of ids(r.identifiers)) {
        const users = usersOf.get(uid) ?? [];
        // the standby contact address: only the report names it
        if (users.length === 0) expect(uid).toBe(r.reportedWithoutPayments.find((m) => m.startsWith('email:')));
        else expect(users.every((u) => people.has(u)), uid).toBe(true);
      }
      for (const uid of ids(r.buyerIdentifiers)) expect((usersOf.get(uid) ?? []).some((u) => buyers.has(u)), uid).toBe(true);
      const accounts = new Set(r.paymentAccounts);
      for (const p of r.persons) {
        expect(byUid.get(p.uid)!.label).toBe('Person');
        expect(byUid.get(p.uid)!.props.name).toBe(p.name);
        expect(new Set(p.accounts)).toEqual(new Set(relsOf('HOLDS').filter((h) => h.from === p.uid).map((h) => h.to)));
        expect(p.accounts.every((a) => accounts.has(a))).toBe(true);
      }
      const nominee = r.persons.filter((p) => p.role === 'nominee');
      expect(nominee).toHaveLength(1);
      const settlements = r.paymentOptions.filter((o) => o.settlesTo !== null).map((o) => o.settlesTo!);
      expect(settlements.every((s) => holderOf.get(s) === nominee[0]!.uid)).toBe(true);
      for (const m of r.muleAccounts) expect(r.persons.find((p) => p.uid === holderOf.get(m))?.role, m).toBe('mule');
      const own = new Set([...r.domains.map((d) => d.uid), r.nextDomain.uid, ...r.merchantAccounts, ...r.paymentAccounts, ...r.identifiers.emails]);
      for (const uid of r.reports) expect(truth.reports.find((x) => x.uid === uid)!.mentions.every((m) => own.has(m))).toBe(true);
    }
    const bgOwn = new Set([...truth.background.domains, ...truth.background.merchants, ...truth.background.accounts]);
    for (const uid of truth.background.reports) expect(truth.reports.find((x) => x.uid === uid)!.mentions.every((m) => bgOwn.has(m))).toBe(true);
    const bgBuyers = new Set(truth.background.buyers);
    for (const uid of ids(truth.background.buyerIdentifiers)) expect(usersOf.get(uid)!.every((u) => bgBuyers.has(u))).toBe(true);
    for (const o of truth.organisations) expect([byUid.get(o.uid)!.props.name, byUid.get(o.uid)!.props.kind]).toEqual([o.name, o.kind]);
  });

  it('keeps shared infrastructure under background and cross-references what each ring used', () => {
    const announced = new Set(relsOf('ANNOUNCED_BY').map((r) => r.from));
    expect(new Set(truth.background.serverIps)).toEqual(announced);
    const providers = nodes.filter((n) => n.label === 'HostingProvider').map((n) => n.uid);
    expect(new Set([...truth.background.providers, ...truth.background.bulletproofProviders])).toEqual(new Set(providers));
    for (const r of truth.rings) {
      const domains = new Set([...r.domains.map((d) => d.uid), r.nextDomain.uid]);
      expect(new Set(r.infrastructure.providers)).toEqual(new Set(relsOf('HOSTED_BY').filter((h) => domains.has(h.from)).map((h) => h.to)));
      expect(new Set(r.infrastructure.serverIps)).toEqual(new Set(relsOf('RESOLVES_TO').filter((h) => domains.has(h.from)).map((h) => h.to)));
      expect(r.infrastructure.serverIps.every((ip) => announced.has(ip))).toBe(true);
      expect(byUid.get(r.nextDomain.uid)!.props.name).toBe(r.nextDomain.name);
      expect(r.reportedWithoutPayments).toContain(r.nextDomain.uid);
    }
  });
});
