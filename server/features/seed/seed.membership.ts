/**
 * Who every emitted entity belongs to: a ring or the background (Organisations apart). Read from the rows as they
 * are yielded (who uses which identifier, who holds which account, what a domain resolves to, which provider
 * announces an address), so the truth describes exactly the graph written and drawing it needs no randomness.
 */
import type { EmittedReport } from './seed.reports.js';
import type { RingPlan } from './seed.rings.js';
import type { SeedBatch } from './seed.rows.js';
import type { IdentifierTruth, RingCoreTruth, RingTruth, SeedTruth } from './seed.truth.js';

type IdentifierKind = keyof IdentifierTruth;
const IDENTIFIER_RELS: Readonly<Record<string, IdentifierKind>> = { USES_EMAIL: 'emails', USES_PHONE: 'phones', USES_IP: 'ips' };

type BackgroundMembership = Pick<SeedTruth['background'], 'bulletproofProviders' | 'serverIps' | 'persons' | 'identifiers' | 'buyerIdentifiers' | 'reports'>;

const noIdentifiers = (): IdentifierTruth => ({ emails: [], phones: [], ips: [] });

export class MembershipLedger {
  private readonly personNames = new Map<string, string>();
  /** every Organisation node, as written */
  readonly organisations: SeedTruth['organisations'] = [];
  /** identifier uid → kind and the people using it, in emission order */
  private readonly identifiers = new Map<string, { kind: IdentifierKind; users: string[] }>();
  private readonly holdings = new Map<string, string[]>();
  private readonly resolvesTo = new Map<string, string[]>();
  private readonly serverIps: string[] = [];

  /** Passes the batches through unchanged, noting what the truth needs (transactions are not looked at). */
  *tap(batches: Iterable<SeedBatch>): Generator<SeedBatch> {
    for (const batch of batches) {
      if (batch.kind === 'nodes') {
        for (const n of batch.rows) {
          if (n.label === 'Person') this.personNames.set(n.uid, String(n.props.name));
          else if (n.label === 'Organisation') this.organisations.push({ uid: n.uid, name: String(n.props.name), kind: String(n.props.kind) });
        }
      } else if (batch.kind === 'rels') {
        for (const r of batch.rows) {
          const kind = IDENTIFIER_RELS[r.type];
          if (kind) {
            const entry = this.identifiers.get(r.to);
            if (entry) entry.users.push(r.from);
            else this.identifiers.set(r.to, { kind, users: [r.from] });
          } else if (r.type === 'HOLDS') push(this.holdings, r.from, r.to);
          else if (r.type === 'RESOLVES_TO') push(this.resolvesTo, r.from, r.to);
          else if (r.type === 'ANNOUNCED_BY') this.serverIps.push(r.from);
        }
      }
      yield batch;
    }
  }

  /**
   * Completes each ring's truth and returns the background's share. A buyer who paid two rings (with their
   * accounts and identifiers) goes under both; everything else has exactly one place.
   */
  complete(
    plans: readonly RingPlan[],
    cores: readonly RingCoreTruth[],
    background: { buyers: readonly string[]; accounts: readonly string[]; domains: readonly string[]; merchants: readonly string[] },
    providers: readonly { uid: string; bulletproof: boolean }[],
    hosting: readonly { domain: string; provider: string }[],
    reports: readonly EmittedReport[],
  ): { rings: RingTruth[]; background: BackgroundMembership } {
    // group index per owner: 0..n-1 rings, -1 background
    const BG = -1;
    const groupsOf = new Map<string, number[]>();
    const join = (uid: string, g: number) => {
      const list = groupsOf.get(uid);
      if (!list) groupsOf.set(uid, [g]);
      else if (!list.includes(g)) list.push(g);
    };
    const rings = plans.map((plan, g) => {
      const core = cores[g]!;
      const members = [
        ...core.sellers.map((s) => s.uid),
        ...core.domains.map((d) => d.uid),
        plan.standby.domain,
        plan.standby.email,
        ...core.merchantAccounts,
        ...core.paymentAccounts,
        ...core.buyers,
      ];
      for (const uid of members) join(uid, g);
      const ringAccounts = new Set(core.paymentAccounts);
      const persons: RingTruth['persons'] = [];
      for (const [uid, name] of this.personNames) {
        const accounts = this.holdings.get(uid) ?? [];
        if (!accounts.some((a) => ringAccounts.has(a))) continue;
        persons.push({ uid, name, role: uid === plan.nominee ? 'nominee' : 'mule', accounts });
        join(uid, g);
      }
      const buyerAccounts = core.buyers.flatMap((b) => this.holdings.get(b) ?? []);
      for (const a of buyerAccounts) join(a, g);
      const ringDomains = new Set([...core.domains.map((d) => d.uid), plan.standby.domain]);
      const infrastructure = {
        providers: [...new Set(hosting.filter((h) => ringDomains.has(h.domain)).map((h) => h.provider))],
        serverIps: [...new Set([...ringDomains].flatMap((d) => this.resolvesTo.get(d) ?? []))],
      };
      return { core, plan, persons, buyerAccounts, infrastructure, identifiers: noIdentifiers(), buyerIdentifiers: noIdentifiers(), reports: [] as string[] };
    });
    for (const uid of [...background.buyers, ...background.accounts, ...background.domains, ...background.merchants]) join(uid, BG);

    const bg: BackgroundMembership = {
      bulletproofProviders: providers.filter((p) => p.bulletproof).map((p) => p.uid),
      serverIps: this.serverIps,
      persons: [],
      identifiers: noIdentifiers(),
      buyerIdentifiers: noIdentifiers(),
      reports: [],
    };
    for (const [uid, name] of this.personNames) {
      if (groupsOf.has(uid)) continue;
      bg.persons.push({ uid, name, accounts: this.holdings.get(uid) ?? [] });
      join(uid, BG);
    }
    const buyers = new Set([...rings.flatMap((r) => r.core.buyers), ...background.buyers]);
    const ringOf = (g: number) => rings[g]!;
    for (const [uid, { kind, users }] of this.identifiers) {
      const groups = new Set(users.flatMap((u) => groupsOf.get(u) ?? []));
      for (const g of groups) {
        const asBuyer = users.some((u) => buyers.has(u) && groupsOf.get(u)!.includes(g));
        const target = g === BG ? (asBuyer ? bg.buyerIdentifiers : bg.identifiers) : asBuyer ? ringOf(g).buyerIdentifiers : ringOf(g).identifiers;
        target[kind].push(uid);
      }
    }
    // the standby contact address is used by nobody in the graph: only the report names it
    rings.forEach((r) => r.identifiers.emails.push(r.plan.standby.email));
    for (const report of reports) {
      const groups = new Set(report.mentions.flatMap((m) => groupsOf.get(m) ?? []));
      for (const g of groups) (g === BG ? bg.reports : ringOf(g).reports).push(report.uid);
    }

    return {
      rings: rings.map((r) => ({
        ...r.core,
        nextDomain: { uid: r.plan.standby.domain, name: r.plan.standby.name },
        persons: r.persons,
        identifiers: r.identifiers,
        buyerAccounts: r.buyerAccounts,
        buyerIdentifiers: r.buyerIdentifiers,
        reports: r.reports,
        infrastructure: r.infrastructure,
      })),
      background: bg,
    };
  }
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
