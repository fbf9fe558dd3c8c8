import { redactProps, type Viewer } from '../../domain/need-to-know.js';
import { primaryLabel } from '../graph/graph.presenter.js';
import type { SearchRow } from './search.repository.js';
import type { SearchHit } from './search.schemas.js';

const KIND_NAMES: Record<string, string> = {
  card: 'card',
  bank_account: 'bank account',
  e_wallet: 'e-wallet',
  crypto_wallet: 'crypto wallet',
};

/** The second line of a search result: the fact that tells two similar captions apart. */
function detailOf(label: string, f: Record<string, unknown>): string | null {
  const parts: string[] = [];
  if (label === 'PaymentAccount' && f.kind) parts.push(KIND_NAMES[String(f.kind)] ?? String(f.kind));
  if (label === 'Merchant' && f.mcc) parts.push(`MCC ${String(f.mcc)}`);
  if (f.acquirer) parts.push(String(f.acquirer));
  if (f.registrar) parts.push(String(f.registrar));
  if (f.asn) parts.push(`AS${String(f.asn).replace(/^AS/i, '')}`);
  if (f.category) parts.push(String(f.category));
  if (f.country) parts.push(String(f.country));
  return parts.length ? parts.join(' · ') : null;
}

export function presentHit(row: SearchRow, viewer: Viewer): SearchHit {
  const label = primaryLabel(row.labels);
  const facts = redactProps(viewer, row.facts);
  return { id: row.uid, label, caption: row.caption ?? row.uid, detail: detailOf(label, facts), score: Math.round(row.score * 1000) / 1000 };
}
