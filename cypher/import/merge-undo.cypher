// @name import.merge-undo
// @mode write
// @param mergeId: string -- the EntityMerge to undo
// @param by: string -- who undid it
// @param at: datetime -- when
// @returns merge: the EntityMerge record, restored: relationships put back on the merged-away entity
// Only the latest merge into a survivor can be undone (its mergedUids must still end with this merge's), so
// the survivor's earlier values restored from the record are exactly what they were before.
MATCH (x:EntityMerge {id: $mergeId})
WHERE x.undoneAt IS NULL
MATCH (s:Entity {uid: x.survivor})
MATCH (m:MergedEntity {uid: x.merged})
WHERE m.mergeId = x.id
  AND s.mergedUids = coalesce(x.survivorMergedUids, []) + m.uid + coalesce(m.mergedUids, [])
CALL (s, m, x) {
  MATCH (s)-[c]->(o)
  WHERE c.mergeId = x.id
    AND c.mergeDir = 'out'
  CREATE (m)-[r:$(type(c))]->(o)
  SET r = properties(c)
  REMOVE r.mergeId, r.mergeDir
  DELETE c
  RETURN count(r) AS outRestored
}
CALL (s, m, x) {
  MATCH (s)<-[c]-(o)
  WHERE c.mergeId = x.id
    AND c.mergeDir = 'in'
  CREATE (o)-[r:$(type(c))]->(m)
  SET r = properties(c)
  REMOVE r.mergeId, r.mergeDir
  DELETE c
  RETURN count(r) AS inRestored
}
CALL (m) {
  UNWIND coalesce(m.mergedUids, []) AS earlier
  MATCH (g:MergedEntity {uid: earlier})
  SET g.mergedInto = m.uid
  RETURN count(g) AS repointed
}
SET s.sources = x.survivorSources, s.importIds = x.survivorImportIds, s.keywords = x.survivorKeywords, s.mergedUids = x.survivorMergedUids
REMOVE m:MergedEntity
REMOVE m.mergedInto, m.mergeId
SET m:$(x.mergedLabels)
SET x.undoneAt = $at, x.undoneBy = $by
WITH x, outRestored + inRestored AS restored
MATCH (d:PossibleDuplicate {id: x.duplicateId})
SET d.status = 'open'
REMOVE d.mergeId, d.decidedBy, d.decidedAt
RETURN x {.*} AS merge,
       restored
