// @name import.duplicates-propose
// @mode write
// @param rows: list<map> -- {id, a, b, score, reason}: proposed pairs (id derived from the sorted pair of uids)
// @param importId: string -- the import whose entities produced the proposals
// @param at: datetime -- when they were proposed
// @returns proposed: pairs new to the graph
// MERGE on the pair id: a pair already proposed, merged or rejected is never proposed again.
UNWIND $rows AS row
MATCH (a:Entity {uid: row.a})
MATCH (b:Entity {uid: row.b})
MERGE (d:PossibleDuplicate {id: row.id})
ON CREATE SET d.a = row.a, d.b = row.b, d.score = row.score, d.reason = row.reason, d.status = 'open', d.importId = $importId, d.proposedAt = $at, d.new = true
WITH d, coalesce(d.new, false) AS isNew
REMOVE d.new
RETURN count(CASE WHEN isNew THEN 1 END) AS proposed
