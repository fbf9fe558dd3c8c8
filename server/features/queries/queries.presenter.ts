import neo4j, { type Node, type Path, type Record as Neo4jRecord, type Relationship } from 'neo4j-driver';
import { ENTITY_LABELS, isRelType } from '../../domain/model.js';
import { toPlain } from '../../db/values.js';
import { presentEdge, presentNode, primaryLabel, type NodeRow } from '../graph/graph.presenter.js';
import type { GraphEdge, GraphNode } from '../graph/graph.schemas.js';
import type { EntityRef, ResultCell } from './queries.schemas.js';

/**
 * Turns raw driver records into a table (cells) and a graph (canvas elements). Entities keep their uid as id,
 * relationships their elementId, the same ids the graph feature uses, so a result merges cleanly with what the
 * canvas already shows. Only :Entity nodes become graph elements; other nodes show as their labels only.
 */
export class ResultCollector {
  private readonly nodes = new Map<string, GraphNode>();
  /** element id → uid of the entities seen */
  private readonly uidOf = new Map<string, string>();
  private readonly rels = new Map<string, Relationship>();

  private isEntity(n: Node): boolean {
    return n.labels.includes('Entity') && typeof n.properties.uid === 'string' && n.labels.some((l) => (ENTITY_LABELS as readonly string[]).includes(l));
  }

  private entity(n: Node): EntityRef | null {
    if (!this.isEntity(n)) return null;
    const uid = n.properties.uid as string;
    this.uidOf.set(n.elementId, uid);
    if (!this.nodes.has(uid)) this.nodes.set(uid, presentNode({ uid, labels: n.labels, props: n.properties }));
    return { id: uid, label: primaryLabel(n.labels), caption: String(n.properties.caption ?? uid) };
  }

  cell(value: unknown): ResultCell {
    if (neo4j.isNode(value)) {
      const ref = this.entity(value as Node);
      return ref ? { $entity: ref } : { $node: { labels: (value as Node).labels } };
    }
    if (neo4j.isRelationship(value)) {
      const r = value as Relationship;
      this.rels.set(r.elementId, r);
      return { $rel: { id: r.elementId, type: r.type, source: null, target: null } };
    }
    if (neo4j.isPath(value)) {
      const p = value as Path;
      const nodes = [p.start, ...p.segments.map((s) => s.end)].map((n) => this.entity(n)).filter((x): x is EntityRef => x !== null);
      for (const s of p.segments) this.rels.set(s.relationship.elementId, s.relationship);
      return { $path: { length: p.length, nodes } };
    }
    if (Array.isArray(value)) return value.map((v) => this.cell(v));
    if (value !== null && typeof value === 'object' && !isDriverValue(value)) {
      const out: Record<string, ResultCell> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = this.cell(v);
      return out;
    }
    return toPlain(value) as ResultCell;
  }

  row(record: Neo4jRecord, keys: string[]): Record<string, ResultCell> {
    const out: Record<string, ResultCell> = {};
    for (const k of keys) out[k] = this.cell(record.get(k));
    return out;
  }

  /** element ids of relationship ends that are not in the result yet, to be fetched */
  missingEnds(): string[] {
    const missing = new Set<string>();
    for (const r of this.rels.values()) {
      if (!this.uidOf.has(r.startNodeElementId)) missing.add(r.startNodeElementId);
      if (!this.uidOf.has(r.endNodeElementId)) missing.add(r.endNodeElementId);
    }
    return [...missing];
  }

  addFetched(rows: (NodeRow & { elementId: string })[]): void {
    for (const row of rows) {
      this.uidOf.set(row.elementId, row.uid);
      if (!this.nodes.has(row.uid)) this.nodes.set(row.uid, presentNode(row));
    }
  }

  /** fills relationship cells' ends once every end's uid is known */
  finishRows(rows: Record<string, ResultCell>[]): void {
    const fix = (cell: ResultCell): void => {
      if (Array.isArray(cell)) cell.forEach(fix);
      else if (cell !== null && typeof cell === 'object') {
        if ('$rel' in cell && cell.$rel && typeof cell.$rel === 'object' && 'id' in cell.$rel) {
          const rel = this.rels.get(String(cell.$rel.id));
          if (rel) {
            cell.$rel.source = this.uidOf.get(rel.startNodeElementId) ?? null;
            cell.$rel.target = this.uidOf.get(rel.endNodeElementId) ?? null;
          }
        } else if (!('$entity' in cell) && !('$path' in cell) && !('$node' in cell)) {
          Object.values(cell).forEach(fix);
        }
      }
    };
    rows.forEach((r) => Object.values(r).forEach(fix));
  }

  graph(): { nodes: GraphNode[]; edges: GraphEdge[] } {
    const edges: GraphEdge[] = [];
    for (const r of this.rels.values()) {
      const source = this.uidOf.get(r.startNodeElementId);
      const target = this.uidOf.get(r.endNodeElementId);
      if (!source || !target || !isRelType(r.type)) continue;
      edges.push(presentEdge({ relId: r.elementId, type: r.type, source, target, relProps: r.properties }));
    }
    return { nodes: [...this.nodes.values()], edges };
  }
}

function isDriverValue(v: object): boolean {
  return (
    neo4j.isInt(v) ||
    neo4j.isDate(v) ||
    neo4j.isDateTime(v) ||
    neo4j.isLocalDateTime(v) ||
    neo4j.isTime(v) ||
    neo4j.isLocalTime(v) ||
    neo4j.isDuration(v) ||
    neo4j.isPoint(v)
  );
}
