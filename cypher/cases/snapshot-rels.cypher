// @name cases.snapshot-rels
// @mode read
// @param rels: list<map> -- {id, source, target}: relationships on the canvas (element ids as the API gave them)
// @param viewer: map -- {organisationId, lawEnforcement, role} of the saver (need-to-know)
// @returns id, type, source, target, props of each relationship that still exists between those entities
UNWIND $rels AS rel
MATCH (a:Entity {uid: rel.source})-[r]->(b:Entity {uid: rel.target})
WHERE elementId(r) = rel.id
  AND (r.restriction IS NULL OR size(coalesce(r.restrictedKeys, [])) > 0
    OR $viewer.organisationId IN coalesce(r.sources, [])
    OR (r.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
RETURN elementId(r) AS id,
       type(r) AS type,
       a.uid AS source,
       b.uid AS target,
       properties(r) AS props
