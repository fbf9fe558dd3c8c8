// @name import.merge-get
// @mode read
// @param mergeId: string -- an EntityMerge id
// @returns merge, survivorExists, mergedAway (the merged-away entity is still merged under this id)
MATCH (x:EntityMerge {id: $mergeId})
OPTIONAL MATCH (s:Entity {uid: x.survivor})
OPTIONAL MATCH (m:MergedEntity {uid: x.merged})
RETURN x {.*} AS merge,
       s IS NOT NULL AS survivorExists,
       m IS NOT NULL AND m.mergeId = x.id AS mergedAway
