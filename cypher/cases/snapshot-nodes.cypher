// @name cases.snapshot-nodes
// @mode read
// @param uids: list<string> -- the entities on the canvas being saved (bounded by the schema)
// @param viewer: map -- {organisationId, lawEnforcement, role} of the saver (need-to-know, server/domain/need-to-know.ts)
// @returns uid, labels, props, degree: what the saver sees of each entity now (the evidence snapshot)
// degree counts only relationships (and neighbours) the saver may see, for "what changed since this was saved".
UNWIND $uids AS id
MATCH (n:Entity {uid: id})
// need-to-know (server/domain/need-to-know.ts): the saver cannot store what they may not see
WHERE (n.restriction IS NULL OR size(coalesce(n.restrictedKeys, [])) > 0
    OR $viewer.organisationId IN coalesce(n.sources, [])
    OR (n.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
RETURN n.uid AS uid,
       labels(n) AS labels,
       properties(n) AS props,
       COUNT {
         (n)-[r]-(m:Entity)
         WHERE (r.restriction IS NULL OR size(coalesce(r.restrictedKeys, [])) > 0
             OR $viewer.organisationId IN coalesce(r.sources, [])
             OR (r.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
           AND (m.restriction IS NULL OR size(coalesce(m.restrictedKeys, [])) > 0
             OR $viewer.organisationId IN coalesce(m.sources, [])
             OR (m.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
       } AS degree
