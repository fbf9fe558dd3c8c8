import { csvLine } from '../import/import.csv-safe.js';
import type { DomainEvidenceRow } from './cases.repository.js';
import type { CaseNode, CaseSummary, CaseVersionView } from './cases.schemas.js';

/**
 * Blocking lists for the coalition's partners, one CSV shape per kind of partner:
 *   payments — card schemes and payment providers: payment accounts (card: BIN + last 4 + the keyed PAN hash as the
 *              reference, never a card number; IBAN; e-wallet id) and merchant accounts (merchant id + acquirer);
 *   domains  — registrars and hosters: domains with the registrar, current hosting provider and its contact, and
 *              the evidence reference (case, version, partner report references).
 * Every cell goes through spreadsheetSafe (no formula injection). Built from a version view, i.e. after
 * need-to-know: a reader never exports what they may not see.
 */
export const PAYMENTS_HEADER = ['entry_type', 'account_kind', 'reference', 'bin', 'last4', 'pan_hash', 'iban', 'bic', 'wallet_id', 'wallet_provider', 'merchant_id', 'merchant_name', 'acquirer', 'mcc', 'country', 'first_seen', 'last_seen', 'evidence_reference'];
export const DOMAINS_HEADER = ['domain', 'status', 'registrar', 'registered_at', 'taken_down_at', 'hosting_provider', 'hosting_asn', 'hosting_country', 'hosting_abuse_contact', 'report_references', 'evidence_reference'];

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const evidence = (s: CaseSummary, v: CaseVersionView) => `MoneyTrail case ${s.id} version ${v.number} (${v.createdAt.slice(0, 10)})`;

export function eligible(kind: 'payments' | 'domains', nodes: CaseNode[], only?: readonly string[]): CaseNode[] {
  const wanted = only ? new Set(only) : null;
  const labels = kind === 'payments' ? ['PaymentAccount', 'Merchant'] : ['Domain'];
  return nodes.filter((n) => labels.includes(n.label) && (!wanted || wanted.has(n.uid)));
}

export function paymentsCsv(summary: CaseSummary, version: CaseVersionView, nodes: CaseNode[]): string {
  const ref = evidence(summary, version);
  const lines = nodes.map((n) => {
    const p = n.snapshot;
    if (n.label === 'Merchant')
      return csvLine(['merchant', '', str(p.merchantId), '', '', '', '', '', '', '', str(p.merchantId), str(p.name ?? n.caption), str(p.acquirer), str(p.mcc), str(p.country), str(p.firstSeen), str(p.lastSeen), ref]);
    return csvLine(['payment_account', str(p.kind), str(p.reference ?? n.caption), str(p.bin), str(p.last4), str(p.panHash), str(p.iban), str(p.bic), str(p.walletId), str(p.provider), '', '', '', '', str(p.country), str(p.firstSeen), str(p.lastSeen), ref]);
  });
  return csvLine(PAYMENTS_HEADER) + lines.join('');
}

export function domainsCsv(summary: CaseSummary, version: CaseVersionView, nodes: CaseNode[], evidenceRows: DomainEvidenceRow[]): string {
  const ref = evidence(summary, version);
  const byUid = new Map(evidenceRows.map((r) => [r.uid, r]));
  const lines = nodes.flatMap((n) => {
    const p = n.snapshot;
    const ev = byUid.get(n.uid);
    const reports = (ev?.reports ?? []).join('; ');
    const hosts = ev?.hosts.length ? ev.hosts : [null];
    return hosts.map((h) =>
      csvLine([str(p.name ?? n.caption), str(p.status), str(p.registrar), str(p.registeredAt), str(p.takenDownAt), str(h?.name), str(h?.asn), str(h?.country), str(h?.abuse), reports, ref]),
    );
  });
  return csvLine(DOMAINS_HEADER) + lines.join('');
}
