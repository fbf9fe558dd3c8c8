/**
 * Rows the seed generator emits and the repository writes. Rows are plain JSON (temporal values are ISO strings;
 * the repository turns the keys in TEMPORAL_KEYS into Neo4j datetimes), so the generator stays pure and its
 * output can be compared byte for byte.
 */
import type { EntityLabel, RelType } from '../../domain/model.js';
import { UID_PREFIX } from '../../domain/model.js';
import { CURRENCY_SYMBOL } from './seed.catalogue.js';

export type PropValue = string | number | boolean | string[] | null;
export type Props = Record<string, PropValue>;

export interface NodeRow {
  uid: string;
  label: EntityLabel;
  props: Props;
}
export interface RelRow {
  type: RelType;
  from: string;
  to: string;
  props: Props;
}
/** One payment or transfer: becomes (from)-[:SENT]->(:Transaction)-[:TO]->(to) and, if via, -[:VIA]->(merchant). */
export interface TxRow {
  uid: string;
  from: string;
  to: string;
  via: string | null;
  props: Props;
  /** provenance shared by the SENT, TO and VIA relationships */
  relProps: Props;
}

export type SeedBatch =
  | { kind: 'nodes'; rows: NodeRow[] }
  | { kind: 'rels'; rows: RelRow[] }
  | { kind: 'transactions'; rows: TxRow[] };

/** Property keys holding instants; everything else is stored as given. */
export const TEMPORAL_KEYS: ReadonlySet<string> = new Set([
  'firstSeen', 'lastSeen', 'timestamp', 'registeredAt', 'takenDownAt', 'receivedAt', 'from', 'to', 'startedAt', 'finishedAt',
]);

export const iso = (ms: number): string => new Date(ms).toISOString();

export function uidOf(label: EntityLabel, key: string): string {
  return `${UID_PREFIX[label]}:${key}`;
}

/** Space-separated, lower-case, de-duplicated alternative spellings for the full-text index. */
export function keywords(...parts: (string | null | undefined)[]): string {
  const seen = new Set<string>();
  for (const part of parts) {
    if (!part) continue;
    for (const word of part.toLowerCase().split(/\s+/)) if (word) seen.add(word);
  }
  return [...seen].join(' ');
}

/** "Müller" → "muller": for e-mail local parts and keywords. */
export function ascii(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss').replace(/ø/g, 'o').replace(/ł/g, 'l');
}

/** "€1,250.00": hand-rolled so captions never depend on the machine's ICU data. */
export function money(cents: number, currency: string): string {
  const whole = Math.floor(cents / 100);
  const frac = String(cents % 100).padStart(2, '0');
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${CURRENCY_SYMBOL[currency] ?? `${currency} `}${grouped}.${frac}`;
}

export const plainAmount = (cents: number): string => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

export interface Provenance {
  sources: string[];
  firstSeen: number;
  lastSeen?: number;
}

/**
 * Buffers rows between yields and keeps the running totals. Nodes are always flushed before relationships and
 * transactions, so a batch never refers to a node that has not been written yet.
 */
export class RowBuffer {
  nodes: NodeRow[] = [];
  rels: RelRow[] = [];
  txs: TxRow[] = [];
  readonly totals = { nodes: 0, relationships: 0, transactions: 0 };

  constructor(private readonly importId: string) {}

  node(label: EntityLabel, key: string, caption: string, kw: string, props: Props, prov: Provenance): string {
    const uid = uidOf(label, key);
    this.nodes.push({
      uid,
      label,
      props: {
        caption,
        keywords: kw,
        ...props,
        sources: prov.sources,
        importIds: [this.importId],
        firstSeen: iso(prov.firstSeen),
        lastSeen: iso(prov.lastSeen ?? prov.firstSeen),
      },
    });
    this.totals.nodes++;
    return uid;
  }

  rel(type: RelType, from: string, to: string, prov: Provenance, props: Props = {}): void {
    this.rels.push({
      type,
      from,
      to,
      props: { ...props, sources: prov.sources, importIds: [this.importId], firstSeen: iso(prov.firstSeen), lastSeen: iso(prov.lastSeen ?? prov.firstSeen) },
    });
    this.totals.relationships++;
  }

  tx(row: Omit<TxRow, 'relProps' | 'props'> & { props: Props; sources: string[]; at: number }): void {
    const seen = iso(row.at);
    this.txs.push({
      uid: row.uid,
      from: row.from,
      to: row.to,
      via: row.via,
      props: { ...row.props, sources: row.sources, importIds: [this.importId], firstSeen: seen, lastSeen: seen },
      relProps: { sources: row.sources, importIds: [this.importId], firstSeen: seen, lastSeen: seen },
    });
    this.totals.nodes++;
    this.totals.transactions++;
    this.totals.relationships += row.via ? 3 : 2;
  }

  get size(): number {
    return this.nodes.length + this.rels.length + this.txs.length;
  }

  /** Yields what has accumulated, once there are at least `minRows` rows (all of it when called without). */
  *flush(minRows = 0): Generator<SeedBatch> {
    if (this.size < minRows) return;
    if (this.nodes.length > 0) yield { kind: 'nodes', rows: this.nodes };
    if (this.rels.length > 0) yield { kind: 'rels', rows: this.rels };
    if (this.txs.length > 0) yield { kind: 'transactions', rows: this.txs };
    this.nodes = [];
    this.rels = [];
    this.txs = [];
  }
}
