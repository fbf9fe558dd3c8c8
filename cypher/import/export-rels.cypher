// @name import.export-rels
// @mode read
// @param id: string -- import whose relationships to export
// @param limit: integer -- most relationships to return
// @param viewer: map -- who is exporting (need-to-know)
// @returns type, from, to, props: each relationship the import wrote between records the viewer may see
MATCH (a:Entity)-[r]->(b:Entity)
WHERE $id IN r.importIds
  // need-to-know (server/domain/need-to-know.ts)
  AND all(x IN [a, r, b] WHERE (x.restriction IS NULL OR size(coalesce(x.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
RETURN type(r) AS type, a.uid AS from, b.uid AS to, properties(r) AS props
LIMIT toInteger($limit)
