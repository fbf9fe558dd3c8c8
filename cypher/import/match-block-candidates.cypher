// @name import.match-block-candidates
// @mode read
// @param blocks: list<string> -- blocking keys of the persons an import wrote
// @param perBlock: integer -- at most this many entities read per block (a bounded candidate set)
// @returns block, uid, name
// Index seek on Entity.matchBlock per key; names are compared in TypeScript.
UNWIND $blocks AS block
CALL (block) {
  MATCH (n:Entity {matchBlock: block})
  RETURN n
  LIMIT toInteger($perBlock)
}
RETURN block,
       n.uid AS uid,
       coalesce(n.name, n.caption) AS name
