// @name import.export-nodes
// @mode read
// @param id: string -- import whose entities to export
// @param limit: integer -- most entities to return
// @param viewer: map -- who is exporting (need-to-know)
// @returns uid, label, props: each entity the import wrote that the viewer may see, with all its properties
// (restricted properties are removed afterwards with redactProps)
MATCH (n:Entity)
WHERE $id IN n.importIds
  // need-to-know (server/domain/need-to-know.ts)
  AND (n.restriction IS NULL OR size(coalesce(n.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(n.sources, []) OR (n.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
RETURN n.uid AS uid, [l IN labels(n) WHERE l <> 'Entity'][0] AS label, properties(n) AS props
ORDER BY uid
LIMIT toInteger($limit)
