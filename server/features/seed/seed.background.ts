/**
 * The ordinary internet the rings hide in: hosting providers with their server addresses, shops (merchant account,
 * settlement account, web domain) and sites with no shop behind them. Mainstream providers host both ordinary and
 * ring domains, so a provider is never evidence on its own.
 */
import type { Rng } from '../../domain/rng.js';
import {
  ACQUIRER_KEYS,
  BANK_KEYS,
  BULLETPROOF_HOSTS,
  DOC_ASNS,
  IBAN_COUNTRIES,
  MAINSTREAM_HOSTS,
  REGISTRARS,
  RESERVED_TLDS,
  SHOP_CATEGORIES,
  SHOP_WORDS,
} from './seed.catalogue.js';
import { DAY, PERIOD_END, PERIOD_START, cumulative, emitAccepts, emitBankAccount, emitDomain, emitMerchant, org, pickCumulative } from './seed.entities.js';
import type { HostingSegment, ProviderPlan, SeedContext } from './seed.entities.js';
import { orgByKey } from './seed.identities.js';
import { keywords } from './seed.rows.js';

export interface Shop {
  merchant: string;
  settlement: string;
  acquirer: string;
  currency: string;
  /** typical ticket in the shop's currency */
  median: number;
  domain: { uid: string; name: string };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Hosting providers (documentation AS numbers) and the server addresses each announces. */
export function emitInfrastructure(ctx: SeedContext, rng: Rng): void {
  const p = ctx.params;
  const defs = [
    ...Array.from({ length: p.mainstreamProviders }, (_, i) => ({ ...MAINSTREAM_HOSTS[i % MAINSTREAM_HOSTS.length]!, bulletproof: false })),
    ...Array.from({ length: p.bulletproofProviders }, (_, i) => ({ ...BULLETPROOF_HOSTS[i % BULLETPROOF_HOSTS.length]!, bulletproof: true })),
  ];
  if (defs.length > DOC_ASNS.length) throw new Error('more hosting providers than documentation AS numbers');
  const prov = { sources: [org('skylantern-dns')], firstSeen: PERIOD_START, lastSeen: PERIOD_END };
  defs.forEach((def, i) => {
    const asn = DOC_ASNS[i]!;
    const uid = ctx.buf.node('HostingProvider', slug(def.name), def.name, keywords(def.name, `as${asn}`, String(asn)), { name: def.name, asn, country: def.country }, prov);
    const plan: ProviderPlan = { uid, name: def.name, bulletproof: def.bulletproof, ips: [] };
    // Big mainstream hosts get more addresses; bulletproof hosters run a handful.
    const count = def.bulletproof ? rng.int(3, 6) : Math.max(2, Math.round((p.serverIps * 2) / (p.mainstreamProviders * (1 + i * 0.25))));
    for (let k = 0; k < count; k++) {
      const address = ctx.ids.serverIp();
      const ip = ctx.buf.node('IPAddress', address, address, keywords(address), { address, version: address.includes(':') ? 6 : 4 }, prov);
      ctx.buf.rel('ANNOUNCED_BY', ip, uid, prov);
      plan.ips.push(ip);
    }
    ctx.providers.push(plan);
  });
}

/** Ordinary shops and sites; returns the shops (buyers pay them) and every background domain uid. */
export function emitBackgroundSites(ctx: SeedContext, rng: Rng): { shops: Shop[]; domains: string[] } {
  const mainstream = ctx.providers.filter((p) => !p.bulletproof);
  const bulletproof = ctx.providers.filter((p) => p.bulletproof);
  const hostWeights = cumulative(mainstream.map((_, i) => 1 / (i + 1)));
  const hosting = (registeredAt: number, onBulletproof: boolean): HostingSegment[] => {
    const first = onBulletproof ? rng.pick(bulletproof) : mainstream[pickCumulative(hostWeights, rng.next())]!;
    const from = Math.max(registeredAt, PERIOD_START - 365 * DAY);
    if (onBulletproof || !rng.chance(0.15)) return [{ provider: first, from, to: null }];
    const moved = PERIOD_START + DAY * rng.int(10, 260);
    return [{ provider: first, from, to: moved }, { provider: rng.pick(mainstream.filter((m) => m !== first)), from: moved, to: null }];
  };
  const uniqueName = (stem: string) => {
    for (let n = 1; ; n++) {
      const name = `${n === 1 ? stem : `${stem}${n}`}.${rng.pick(RESERVED_TLDS)}`;
      if (!ctx.domainNames.has(name)) {
        ctx.domainNames.add(name);
        return name;
      }
    }
  };
  const registrationDate = () => Date.UTC(rng.int(2012, 2024), rng.int(0, 11), rng.int(1, 28), rng.int(0, 23), rng.int(0, 59));
  const registry = [org('nimbusridge-names')];

  const shops: Shop[] = [];
  const domains: string[] = [];
  for (let k = 0; k < ctx.params.backgroundMerchants; k++) {
    const category = rng.pick(SHOP_CATEGORIES);
    const name = `${cap(rng.pick(SHOP_WORDS))}${rng.pick(['', 'field', 'wood', 'side', 'gate', 'way', 'brook'])} ${category.label}`;
    const country = rng.pick(IBAN_COUNTRIES);
    const currency = country === 'GB' ? 'GBP' : 'EUR';
    const bankKey = rng.pick(BANK_KEYS.filter((b) => orgByKey(b).country === country));
    const acquirerKey = rng.pick(ACQUIRER_KEYS);
    const registeredAt = registrationDate();
    const opened = { firstSeen: PERIOD_START, lastSeen: PERIOD_END };
    const settlement = emitBankAccount(ctx, bankKey, opened, currency);
    const merchant = emitMerchant(ctx, { name, mcc: category.mcc, acquirerKey, country, firstSeen: PERIOD_START });
    ctx.buf.rel('SETTLES_TO', merchant, settlement.uid, { sources: [org(acquirerKey)], ...opened });
    const domainName = uniqueName(slug(name));
    const domain = emitDomain(ctx, rng, { name: domainName, registeredAt, takenDownAt: null, registrar: rng.pick(REGISTRARS), hosting: hosting(registeredAt, false), sources: registry });
    emitAccepts(ctx, domain, merchant, { sources: [org(acquirerKey)], ...opened });
    domains.push(domain);
    shops.push({ merchant, settlement: settlement.uid, acquirer: org(acquirerKey), currency, median: category.median, domain: { uid: domain, name: domainName } });
  }
  for (let k = 0; k < ctx.params.extraDomains; k++) {
    const stem = `${rng.pick(SHOP_WORDS)}-${rng.pick(['journal', 'notes', 'studio', 'photos', 'recipes', 'forum', 'travels', 'garden'])}`;
    const registeredAt = registrationDate();
    // A few ordinary sites sit on bulletproof hosters too: being hosted there proves nothing by itself.
    const domain = emitDomain(ctx, rng, { name: uniqueName(stem), registeredAt, takenDownAt: null, registrar: rng.pick(REGISTRARS), hosting: hosting(registeredAt, rng.chance(0.05)), sources: registry });
    domains.push(domain);
  }
  return { shops, domains };
}
