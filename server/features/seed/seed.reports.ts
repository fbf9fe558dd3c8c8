/**
 * Hotline reports: NGOs report ring domains (a few days to weeks before each take-down, and some live ones), each
 * ring's freshly registered next domain with the contact address its advertisement gives (before any payment), and
 * one report is a false lead on an ordinary shop, because real report queues contain those too. Summaries are
 * plain descriptions of the payment set-up, never of content.
 */
import type { Rng } from '../../domain/rng.js';
import { NGO_KEYS, REPORT_PHRASES } from './seed.catalogue.js';
import type { SeedContext } from './seed.entities.js';
import { DAY, HOUR, PERIOD_END, org } from './seed.entities.js';
import type { RingPlan } from './seed.rings.js';
import { iso, keywords } from './seed.rows.js';

const NGO_CODES: Record<(typeof NGO_KEYS)[number], string> = { 'brightwater-hotline': 'BWH', 'lanternfield-network': 'LRN' };

interface PlannedReport {
  at: number;
  ngo: (typeof NGO_KEYS)[number];
  category: keyof typeof REPORT_PHRASES;
  summary: string;
  mentions: string[];
  domainName: string;
}

export interface EmittedReport {
  uid: string;
  reference: string;
  at: number;
  mentions: string[];
}

export function emitReports(
  ctx: SeedContext,
  rng: Rng,
  rings: RingPlan[],
  falseLead: { uid: string; name: string },
): EmittedReport[] {
  const planned: PlannedReport[] = [];
  for (const ring of rings) {
    for (const d of ring.domains) {
      const count = d.plantedReportAt !== null ? 1 : d.takenDownAt !== null ? rng.int(1, 2) : rng.chance(0.6) ? 1 : 0;
      for (let i = 0; i < count; i++) {
        const latest = d.takenDownAt ?? PERIOD_END;
        // the report that makes the ring move the domain to another provider (seed.rings.ts planMoveAfterReport)
        const at = d.plantedReportAt ?? Math.max(d.liveFrom + 12 * HOUR, latest - DAY * rng.int(d.takenDownAt !== null ? 2 : 5, d.takenDownAt !== null ? 20 : 60) - HOUR * rng.int(0, 23));
        const category = rng.pick(['paid_access_site', 'payment_page', 'payment_page', 'advertisement'] as const);
        const mentions = [d.uid];
        let summary = `Hotline report: ${REPORT_PHRASES[category]} at ${d.name}`;
        if (category === 'payment_page') {
          const uid = rng.pick(d.merchants);
          const m = ring.merchants.find((x) => x.uid === uid)!;
          mentions.push(uid);
          summary += `; payment page shows card acquiring via merchant ${m.name} (${uid.replace(/^merchant:/, '')})`;
          if (d.acceptsWallet && ring.directWallet && rng.chance(0.5)) {
            mentions.push(ring.directWallet);
            summary += '; an e-wallet account is also offered for direct payment';
          }
        }
        planned.push({ at, ngo: rng.pick(NGO_KEYS), category, summary: `${summary}.`, mentions, domainName: d.name });
      }
    }
  }
  for (const ring of rings) {
    const s = ring.standby;
    planned.push({
      at: s.reportAt,
      ngo: s.ngo,
      category: 'advertisement',
      summary: `Hotline report: ${REPORT_PHRASES.advertisement} at ${s.name}, registered days before; the post gives the contact address ${s.address}; no payment page yet.`,
      mentions: [s.domain, s.email],
      domainName: s.name,
    });
  }
  planned.push({
    at: PERIOD_END - DAY * rng.int(20, 90),
    ngo: rng.pick(NGO_KEYS),
    category: 'paid_access_site',
    summary: `User report: suspected paid-access site at ${falseLead.name}; no payment page found when checked.`,
    mentions: [falseLead.uid],
    domainName: falseLead.name,
  });

  planned.sort((a, b) => a.at - b.at);
  const emitted: EmittedReport[] = [];
  const seq = new Map<string, number>();
  for (const r of planned) {
    const code = NGO_CODES[r.ngo];
    const n = (seq.get(code) ?? 0) + 1;
    seq.set(code, n);
    const reference = `${code}-2025-${String(n).padStart(5, '0')}`;
    const prov = { sources: [org(r.ngo)], firstSeen: r.at };
    const uid = ctx.buf.node('Report', reference, reference, keywords(reference, r.domainName, r.category.replace(/_/g, ' ')), {
      reference,
      receivedAt: iso(r.at),
      category: r.category,
      summary: r.summary,
    }, prov);
    ctx.buf.rel('FILED', org(r.ngo), uid, prov);
    for (const target of r.mentions) ctx.buf.rel('MENTIONS', uid, target, prov);
    emitted.push({ uid, reference, at: r.at, mentions: r.mentions });
  }
  return emitted;
}
