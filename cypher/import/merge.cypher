// @name import.merge
// @mode write
// @param duplicateId: string -- the open PossibleDuplicate being merged
// @param mergeId: string -- id of the EntityMerge record this creates
// @param survivor: string -- uid that stays
// @param merged: string -- uid merged away into the survivor
// @param by: string -- who merged
// @param at: datetime -- when
// @returns merge: the EntityMerge record, moved: relationships moved onto the survivor
// The merged-away node is not deleted: it loses its Entity labels and becomes a MergedEntity pointing at the
// survivor, keeping its own properties and provenance. Its relationships are re-created on the survivor
// (same type and properties, tagged with the merge id) so an undo can put every one of them back exactly.
// The survivor's previous sources, importIds, keywords and mergedUids are kept on the EntityMerge for the undo.
MATCH (d:PossibleDuplicate {id: $duplicateId})
WHERE d.status = 'open'
MATCH (s:Entity {uid: $survivor})
MATCH (m:Entity {uid: $merged})
CREATE (x:EntityMerge {id: $mergeId, duplicateId: d.id, survivor: s.uid, merged: m.uid, by: $by, at: $at})
SET x.mergedLabels = labels(m), x.survivorSources = s.sources, x.survivorImportIds = s.importIds, x.survivorKeywords = s.keywords, x.survivorMergedUids = s.mergedUids
WITH d, s, m, x
CALL (s, m) {
  MATCH (m)-[r]->(o)
  WHERE o <> s AND o <> m
  CREATE (s)-[c:$(type(r))]->(o)
  SET c = properties(r)
  SET c.mergeId = $mergeId, c.mergeDir = 'out'
  DELETE r
  RETURN count(c) AS outMoved
}
CALL (s, m) {
  MATCH (m)<-[r]-(o)
  WHERE o <> s AND o <> m
  CREATE (o)-[c:$(type(r))]->(s)
  SET c = properties(r)
  SET c.mergeId = $mergeId, c.mergeDir = 'in'
  DELETE r
  RETURN count(c) AS inMoved
}
CALL (s, m) {
  UNWIND coalesce(m.mergedUids, []) AS earlier
  MATCH (g:MergedEntity {uid: earlier})
  SET g.mergedInto = s.uid
  RETURN count(g) AS repointed
}
SET s.sources = coalesce(s.sources, []) + [o IN coalesce(m.sources, []) WHERE NOT o IN coalesce(s.sources, [])]
SET s.importIds = coalesce(s.importIds, []) + [i IN coalesce(m.importIds, []) WHERE NOT i IN coalesce(s.importIds, [])]
SET s.keywords = trim(coalesce(s.keywords, '') + ' ' + coalesce(m.keywords, '') + ' ' + m.uid)
SET s.mergedUids = coalesce(s.mergedUids, []) + m.uid + coalesce(m.mergedUids, [])
REMOVE m:$(labels(m))
SET m:MergedEntity
SET m.mergedInto = s.uid, m.mergeId = $mergeId
SET d.status = 'merged', d.mergeId = $mergeId, d.decidedBy = $by, d.decidedAt = $at
RETURN x {.*} AS merge,
       outMoved + inMoved AS moved
