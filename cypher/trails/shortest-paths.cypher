// @name trails.shortest-paths
// @mode read
// @param pairs: list<map> -- {from, to}: entity uids to connect (bounded by the caller)
// @param types: list<string> | null -- relationship types a path may use (null: all)
// @param maxLength: integer -- longest path accepted, in relationships (at most 8)
// @param perPair: integer -- at most this many shortest paths per pair
// @param viewer: map -- who is looking {organisationId, lawEnforcement} for the need-to-know rule (server/domain/need-to-know.ts)
// @returns pair (from, to) and per path its nodes (uid, labels, props) and relationships (relId, type, source, target, relProps)
// ALL SHORTEST finds every path of the minimal length (a breadth-first search, not an enumeration of paths);
// the quantifier bound is fixed at 8 because it cannot be a parameter, and longer shortest paths are dropped.
UNWIND $pairs AS pair
MATCH (a:Entity {uid: pair.from})
MATCH (b:Entity {uid: pair.to})
CALL (a, b) {
  MATCH p = ALL SHORTEST (a) ((x)-[r]-(y) WHERE ($types IS NULL OR type(r) IN $types)
    AND (r.restriction IS NULL OR size(coalesce(r.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(r.sources, []) OR (r.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
    AND (y.restriction IS NULL OR size(coalesce(y.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(y.sources, []) OR (y.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))){1,8} (b)
  WHERE length(p) <= $maxLength
  RETURN p
  LIMIT toInteger($perPair)
}
RETURN pair.from AS source,
       pair.to AS target,
       [n IN nodes(p) | {uid: n.uid, labels: labels(n), props: properties(n)}] AS nodes,
       [r IN relationships(p) | {relId: elementId(r), type: type(r), source: startNode(r).uid, target: endNode(r).uid, relProps: properties(r)}] AS rels
