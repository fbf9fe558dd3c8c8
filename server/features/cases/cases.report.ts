import { createHash } from 'node:crypto';
import type { CaseComment, CaseContent, CaseNode, CaseSummary, CaseVersionView } from './cases.schemas.js';

/**
 * The case report: one self-contained HTML page (inline SVG picture, one <style> block allowed by its hash in
 * the page's own Content-Security-Policy, no script, no external resource), printable as is and rendered to PDF
 * by Chromium (cases.pdf.ts). It shows the version it was made from and only what the reader may see: it is
 * built from a version view that already went through need-to-know.
 */

const KEY_FACTS: Record<string, string[]> = {
  PaymentAccount: ['kind', 'reference', 'bin', 'last4', 'scheme', 'issuer', 'iban', 'bic', 'bank', 'walletId', 'provider', 'country', 'currency'],
  Merchant: ['merchantId', 'acquirer', 'mcc', 'country'],
  Domain: ['name', 'registrar', 'status', 'registeredAt', 'takenDownAt'],
  Transaction: ['amount', 'currency', 'timestamp', 'status'],
  HostingProvider: ['asn', 'country', 'abuseEmail'],
  Report: ['reference', 'receivedAt', 'category'],
};
const HIDDEN = new Set(['uid', 'caption', 'keywords', 'sources', 'importIds', 'firstSeen', 'lastSeen', 'restriction', 'restrictedKeys', 'panHash']);

const COLOURS: Record<string, string> = {
  Buyer: '#4e79a7', Seller: '#e15759', Person: '#76b7b2', PaymentAccount: '#f28e2b', Transaction: '#bab0ac', Merchant: '#edc948',
  Domain: '#59a14f', HostingProvider: '#b07aa1', IPAddress: '#9c755f', Email: '#ff9da7', Phone: '#86bcb6', Organisation: '#8cd17d', Report: '#d37295',
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function keyFacts(n: CaseNode): [string, string][] {
  const wanted = KEY_FACTS[n.label] ?? Object.keys(n.snapshot).filter((k) => !HIDDEN.has(k)).slice(0, 6);
  return wanted.filter((k) => n.snapshot[k] !== undefined && n.snapshot[k] !== null && !HIDDEN.has(k)).map((k) => [k, String(n.snapshot[k])]);
}

/** Money totals: trail flows by currency, and the payments (Transaction entities) in the case by currency and status. */
export function moneyTotals(c: CaseContent): { flows: { currency: string; total: number; count: number }[]; payments: { currency: string; status: string; total: number; count: number }[] } {
  const flows = new Map<string, { currency: string; total: number; count: number }>();
  for (const f of c.flows) {
    const t = flows.get(f.currency) ?? { currency: f.currency, total: 0, count: 0 };
    t.total += f.total;
    t.count += f.count;
    flows.set(f.currency, t);
  }
  const payments = new Map<string, { currency: string; status: string; total: number; count: number }>();
  for (const n of c.nodes) {
    if (n.label !== 'Transaction' || typeof n.snapshot.amount !== 'number') continue;
    const currency = String(n.snapshot.currency ?? '?');
    const status = String(n.snapshot.status ?? 'unknown');
    const t = payments.get(`${currency}|${status}`) ?? { currency, status, total: 0, count: 0 };
    t.total += n.snapshot.amount;
    t.count += 1;
    payments.set(`${currency}|${status}`, t);
  }
  const round = <T extends { total: number }>(t: T) => ({ ...t, total: Math.round(t.total * 100) / 100 });
  return { flows: [...flows.values()].map(round), payments: [...payments.values()].map(round) };
}

/** The canvas as saved, drawn as SVG from the stored positions (no client screenshot needed). */
export function graphSvg(c: CaseContent, width = 760, height = 480): string {
  const nodes = c.nodes.filter((n) => !n.hidden);
  if (nodes.length === 0) return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="60"><text x="10" y="30">(empty canvas)</text></svg>`;
  const xs = nodes.map((n) => n.position.x);
  const ys = nodes.map((n) => n.position.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = 40;
  const scale = Math.min((width - 2 * pad) / Math.max(maxX - minX, 1), (height - 2 * pad) / Math.max(maxY - minY, 1), 2);
  const at = new Map(nodes.map((n) => [n.uid, { x: pad + (n.position.x - minX) * scale, y: pad + (n.position.y - minY) * scale }]));
  const path = new Set(c.annotations.highlightedPaths.flatMap((p) => p.elementIds));
  const lines = [...c.edges.map((e) => ({ id: e.id, s: e.source, t: e.target })), ...c.flows.map((f) => ({ id: f.id, s: f.source, t: f.target }))]
    .filter((e) => at.has(e.s) && at.has(e.t))
    .map((e) => {
      const a = at.get(e.s)!;
      const b = at.get(e.t)!;
      return `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="${path.has(e.id) ? '#d62728' : '#999'}" stroke-width="${path.has(e.id) ? 2.5 : 1}"/>`;
    });
  const circles = nodes.map((n) => {
    const p = at.get(n.uid)!;
    const caption = n.caption.length > 28 ? `${n.caption.slice(0, 27)}…` : n.caption;
    return `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="7" fill="${COLOURS[n.label] ?? '#888'}" stroke="${path.has(n.uid) ? '#d62728' : '#333'}"/><text x="${(p.x + 9).toFixed(1)}" y="${(p.y + 4).toFixed(1)}" font-size="9">${escapeHtml(caption)}</text>`;
  });
  // groups as boxes around their members, text boxes where the analyst put them (when inside the picture)
  const hulls = c.groupings.map((g) => {
    const ps = g.members.map((m) => at.get(m)).filter((p): p is { x: number; y: number } => !!p);
    if (ps.length === 0) return '';
    const [x1, x2, y1, y2] = [Math.min(...ps.map((p) => p.x)) - 14, Math.max(...ps.map((p) => p.x)) + 14, Math.min(...ps.map((p) => p.y)) - 14, Math.max(...ps.map((p) => p.y)) + 14];
    return `<rect x="${x1.toFixed(1)}" y="${y1.toFixed(1)}" width="${(x2 - x1).toFixed(1)}" height="${(y2 - y1).toFixed(1)}" rx="8" fill="#fff6d5" stroke="#c9a227" stroke-dasharray="4 3"/><text x="${x1.toFixed(1)}" y="${(y1 - 3).toFixed(1)}" font-size="9" font-weight="bold">${escapeHtml(g.label)}</text>`;
  });
  const boxes = c.annotations.textBoxes.map((b) => {
    const x = pad + (b.position.x - minX) * scale;
    const y = pad + (b.position.y - minY) * scale;
    if (x < 0 || y < 0 || x > width || y > height) return '';
    const t = b.text.length > 40 ? `${b.text.slice(0, 39)}…` : b.text;
    return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="9" font-style="italic" fill="#6b5300">${escapeHtml(t)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Case graph" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${hulls.join('')}${lines.join('')}${circles.join('')}${boxes.join('')}</svg>`;
}

const STYLE = `body{font:12px/1.4 system-ui,sans-serif;margin:24px;color:#111}h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:20px 0 6px;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:3px 5px;vertical-align:top;text-align:left}th{background:#f3f3f3}
.meta{color:#555}.facts{margin:0;padding:0;list-style:none}.note{white-space:pre-wrap}figure{margin:0;border:1px solid #ddd}@page{size:A4;margin:12mm}`;

/** CSP for the report page: only its own style block (by hash) and inline images. */
export function reportCsp(): string {
  const hash = createHash('sha256').update(STYLE).digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}

export function reportHtml(input: { summary: CaseSummary; version: CaseVersionView; comments: CaseComment[]; reader: string; generatedAt: string }): string {
  const { summary, version, comments } = input;
  const c = version.content;
  const notesFor = new Map<string, string[]>();
  for (const n of c.annotations.notes) notesFor.set(n.targetId, [...(notesFor.get(n.targetId) ?? []), n.text]);
  const totals = moneyTotals(c);
  const caption = new Map(c.nodes.map((n) => [n.uid, n.caption]));
  const rows = c.nodes.map((n) => {
    const facts = keyFacts(n).map(([k, v]) => `<li><b>${escapeHtml(k)}</b>: ${escapeHtml(v)}</li>`).join('');
    const o = n.origin;
    const prov = `${escapeHtml(o.kind)}${o.detail ? ` (${escapeHtml(o.detail)})` : ''} by ${escapeHtml(o.by ?? '?')} ${escapeHtml(o.at ?? '')}`;
    const sources = Array.isArray(n.snapshot.sources) ? (n.snapshot.sources as unknown[]).map(String).join(', ') : '';
    const seen = `${escapeHtml(n.snapshot.firstSeen ?? '')} – ${escapeHtml(n.snapshot.lastSeen ?? '')}`;
    const notes = (notesFor.get(n.uid) ?? []).map((t) => `<div class="note">${escapeHtml(t)}</div>`).join('');
    return `<tr><td>${escapeHtml(n.caption)}<br><span class="meta">${escapeHtml(n.uid)}</span></td><td>${escapeHtml(n.label)}</td><td><ul class="facts">${facts}</ul></td><td>Added via ${prov}<br>Sources: ${escapeHtml(sources)}<br>Seen: ${seen}</td><td>${notes}</td></tr>`;
  });
  const moneyRows = [
    ...totals.flows.map((t) => `<tr><td>Trail flows</td><td>${escapeHtml(t.currency)}</td><td>${t.total.toFixed(2)}</td><td>${t.count} payments</td></tr>`),
    ...totals.payments.map((t) => `<tr><td>Payments in case (${escapeHtml(t.status)})</td><td>${escapeHtml(t.currency)}</td><td>${t.total.toFixed(2)}</td><td>${t.count} payments</td></tr>`),
  ];
  const edgeNotes = c.annotations.notes.filter((n) => !caption.has(n.targetId)).map((n) => `<li><b>${escapeHtml(n.targetId)}</b>: <span class="note">${escapeHtml(n.text)}</span></li>`);
  const boxes = c.annotations.textBoxes.map((b) => `<li class="note">${escapeHtml(b.text)}</li>`);
  const paths = c.annotations.highlightedPaths.map((p) => `<li>${escapeHtml(p.label ?? 'Highlighted path')}: ${p.elementIds.map((id) => escapeHtml(caption.get(id) ?? id)).join(' → ')}</li>`);
  const groups = c.groupings.map((g) => `<li><b>${escapeHtml(g.label)}</b>: ${g.members.map((id) => escapeHtml(caption.get(id) ?? id)).join(', ')}</li>`);
  const commentItems = comments.map((m) => `<li><b>${escapeHtml(m.authorEmail)}</b> ${escapeHtml(m.createdAt)}${m.entityUid ? ` on ${escapeHtml(caption.get(m.entityUid) ?? m.entityUid)}` : ''}: <span class="note">${escapeHtml(m.body)}</span></li>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(summary.title)} — case report v${version.number}</title><style>${STYLE}</style></head><body>
<h1>${escapeHtml(summary.title)}</h1>
<p class="meta">Case ${escapeHtml(summary.id)} · version ${version.number} of ${summary.head} · saved ${escapeHtml(version.createdAt)} by ${escapeHtml(version.authorEmail)} (“${escapeHtml(version.message)}”) · status ${escapeHtml(summary.status)} · owner ${escapeHtml(summary.ownerEmail ?? summary.ownerId)} · team ${escapeHtml(summary.teamName ?? summary.teamId)}</p>
<p class="meta">Report for ${escapeHtml(input.reader)}, generated ${escapeHtml(input.generatedAt)}. Metadata only; entity properties are as they were when the version was saved.${version.withheld > 0 ? ` ${version.withheld} entities of this version are restricted and not shown to you.` : ''}</p>
${summary.description ? `<p class="note">${escapeHtml(summary.description)}</p>` : ''}
<h2>Graph</h2><figure>${graphSvg(c)}</figure>
<h2>Money-trail totals</h2>${moneyRows.length ? `<table><tr><th>What</th><th>Currency</th><th>Total</th><th>Count</th></tr>${moneyRows.join('')}</table>` : '<p>No payments or trail flows in this case.</p>'}
<h2>Entities (${c.nodes.length})</h2><table><tr><th>Entity</th><th>Kind</th><th>Key facts</th><th>Provenance</th><th>Notes</th></tr>${rows.join('')}</table>
<h2>Notes</h2>${edgeNotes.length || boxes.length || paths.length ? `<ul>${[...edgeNotes, ...boxes, ...paths].join('')}</ul>` : '<p>No other notes.</p>'}
<h2>Groups</h2>${groups.length ? `<ul>${groups.join('')}</ul>` : '<p>No groups.</p>'}
<h2>Comments</h2>${commentItems.length ? `<ul>${commentItems.join('')}</ul>` : '<p>No comments.</p>'}
</body></html>`;
}
