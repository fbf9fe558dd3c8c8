// @name import.match-set-blocks
// @mode write
// @param rows: list<map> -- {uid, block}: the blocking key of each person (indexed by entity_match_block)
// @returns written: entities given a key
// The blocking key (country + date of birth) bounds which entities are ever compared with each other.
UNWIND $rows AS row
MATCH (n:Entity {uid: row.uid})
SET n.matchBlock = row.block
RETURN count(n) AS written
