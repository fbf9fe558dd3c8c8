import neo4j, { type Node, type Path, type Record as Neo4jRecord, type Relationship } from 'neo4j-driver';
import { ENTITY_LABELS, isRelType } from '../../domain/model.js';
import { toPlain } from '../../db/values.js';
import { presentEdge, presentNode, primaryLabel, type NodeRow } from '../graph/graph.presenter.js';
import type { GraphEdge, GraphNode } from '../graph/graph.schemas.js';
import type { EntityRef, ResultCell } from './queries.schemas.js';
import { clearedFor, type Viewer } from '../../domain/need-to-know.js';
import { INTERNAL_PROPERTIES } from './queries.guard.js';

/**
 * Turns raw driver records into a table (cells) and a graph (canvas elements). Entities keep their uid as id,
 * relationships their elementId, the same ids the graph feature uses, so a result merges cleanly with what the
 * canvas already shows.
 *
 * Need-to-know is applied here to every value, however deeply nested (lists, maps, paths), because analyst
 * Cypher may not apply the predicate itself: a node or relationship the viewer may not see becomes null and is
 * counted in `withheld`; a path through one becomes null; a relationship to a hidden end is withheld too;
 * a record with restricted properties is withheld as a whole unless the viewer is cleared for it, as in the
 * queries' own predicate (queries.need-to-know.ts), since the query may have computed with those properties. Nodes that are not :Entity (MoneyTrail's own records) become
 * null and are counted in `internal`. Maps that carry a restriction (properties(n), n {.*}) are judged like the
 * record they came from. Scalars computed from restricted records cannot be traced here: the queries themselves
 * apply the predicate with $viewer, which queries.need-to-know.ts checks before any query runs.
 */
export class ResultCollector {
  private readonly nodes = new Map<string, GraphNode>();
  /** element id → uid of the entities seen */
  private readonly uidOf = new Map<string, string>();
  private readonly rels = new Map<string, Relationship>();
  /** restricted records replaced by null */
  withheld = 0;
  /** MoneyTrail's own (non-entity) nodes replaced by null */
  internal = 0;

  constructor(private readonly viewer: Viewer) {}

  private isEntity(n: Node): boolean {
    return n.labels.includes('Entity') && typeof n.properties.uid === 'string' && n.labels.some((l) => (ENTITY_LABELS as readonly string[]).includes(l));
  }

  /** the entity as a reference, or why it is not shown */
  private entity(n: Node): EntityRef | 'internal' | 'withheld' {
    if (!this.isEntity(n)) return 'internal';
    if (!clearedFor(this.viewer, n.properties)) return 'withheld';
    const uid = n.properties.uid as string;
    this.uidOf.set(n.elementId, uid);
    const props = n.properties;
    if (!this.nodes.has(uid)) this.nodes.set(uid, presentNode({ uid, labels: n.labels, props }, this.viewer));
    return { id: uid, label: primaryLabel(n.labels), caption: String(props.caption ?? uid) };
  }

  private hide(why: 'internal' | 'withheld'): null {
    if (why === 'internal') this.internal += 1;
    else this.withheld += 1;
    return null;
  }

  cell(value: unknown): ResultCell {
    if (neo4j.isNode(value)) {
      const ref = this.entity(value as Node);
      return typeof ref === 'string' ? this.hide(ref) : { $entity: ref };
    }
    if (neo4j.isRelationship(value)) {
      const r = value as Relationship;
      if (!clearedFor(this.viewer, r.properties)) return this.hide('withheld');
      this.rels.set(r.elementId, r);
      return { $rel: { id: r.elementId, type: r.type, source: null, target: null } };
    }
    if (neo4j.isPath(value)) {
      const p = value as Path;
      const refs = [p.start, ...p.segments.map((s) => s.end)].map((n) => this.entity(n));
      const hidden = refs.find((x): x is 'internal' | 'withheld' => typeof x === 'string');
      if (hidden) return this.hide(hidden);
      if (p.segments.some((s) => !clearedFor(this.viewer, s.relationship.properties))) return this.hide('withheld');
      for (const s of p.segments) this.rels.set(s.relationship.elementId, s.relationship);
      return { $path: { length: p.length, nodes: refs as EntityRef[] } };
    }
    if (Array.isArray(value)) return value.map((v) => this.cell(v));
    if (value !== null && typeof value === 'object' && !isDriverValue(value)) {
      const map = value as Record<string, unknown>;
      // the properties of a record (properties(n), n {.*}): the same rule as the record itself
      if (map.restriction !== undefined && map.restriction !== null && !clearedFor(this.viewer, map)) return this.hide('withheld');
      const out: Record<string, ResultCell> = {};
      for (const [k, v] of Object.entries(map)) if (!INTERNAL_KEYS.has(k)) out[k] = this.cell(v);
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

  /** ends fetched with the need-to-know predicate: an end not among them is hidden or not an entity */
  addFetched(rows: (NodeRow & { elementId: string })[]): void {
    for (const row of rows) {
      if (!clearedFor(this.viewer, row.props)) continue;
      this.uidOf.set(row.elementId, row.uid);
      if (!this.nodes.has(row.uid)) this.nodes.set(row.uid, presentNode(row, this.viewer));
    }
  }

  /** fills relationship cells' ends; a relationship to an end the viewer may not see is withheld */
  finishRows(rows: Record<string, ResultCell>[]): Record<string, ResultCell>[] {
    for (const [id, r] of this.rels) if (!this.uidOf.has(r.startNodeElementId) || !this.uidOf.has(r.endNodeElementId)) this.rels.delete(id);
    const fix = (cell: ResultCell): ResultCell => {
      if (Array.isArray(cell)) return cell.map(fix);
      if (cell === null || typeof cell !== 'object') return cell;
      if ('$rel' in cell && cell.$rel && typeof cell.$rel === 'object' && 'id' in cell.$rel) {
        const rel = this.rels.get(String(cell.$rel.id));
        if (!rel) return this.hide('withheld');
        return { $rel: { ...cell.$rel, source: this.uidOf.get(rel.startNodeElementId) ?? null, target: this.uidOf.get(rel.endNodeElementId) ?? null } };
      }
      if ('$entity' in cell || '$path' in cell || '$node' in cell) return cell;
      return Object.fromEntries(Object.entries(cell).map(([k, v]) => [k, fix(v)]));
    };
    return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, fix(v)])));
  }

  graph(): { nodes: GraphNode[]; edges: GraphEdge[] } {
    const edges: GraphEdge[] = [];
    for (const r of this.rels.values()) {
      const source = this.uidOf.get(r.startNodeElementId);
      const target = this.uidOf.get(r.endNodeElementId);
      if (!source || !target || !isRelType(r.type)) continue;
      edges.push(presentEdge({ relId: r.elementId, type: r.type, source, target, relProps: r.properties }, this.viewer));
    }
    return { nodes: [...this.nodes.values()], edges };
  }

  /** what was left out, in words, or null */
  notice(): string | null {
    const parts: string[] = [];
    if (this.withheld > 0) parts.push(`${this.withheld.toLocaleString('en-GB')} restricted record${this.withheld === 1 ? '' : 's'} withheld (need-to-know)`);
    if (this.internal > 0) parts.push(`${this.internal.toLocaleString('en-GB')} internal record${this.internal === 1 ? '' : 's'} left out (not part of the investigation graph)`);
    return parts.length ? parts.join('; ') : null;
  }
}

const INTERNAL_KEYS: ReadonlySet<string> = new Set(INTERNAL_PROPERTIES);

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
