// @name cases.graph-changes
// @mode read
// @param uids: list<string> -- entities of the case's newest version
// @param savedAt: string -- ISO time that version was saved
// @param viewer: map -- {organisationId, lawEnforcement, role} of the reader (need-to-know)
// @returns uid, props, degree, newSince: current properties, visible relationships, visible relationships first seen after savedAt
UNWIND $uids AS id
MATCH (n:Entity {uid: id})
WHERE (n.restriction IS NULL OR size(coalesce(n.restrictedKeys, [])) > 0
    OR $viewer.organisationId IN coalesce(n.sources, [])
    OR (n.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE (r.restriction IS NULL OR size(coalesce(r.restrictedKeys, [])) > 0
      OR $viewer.organisationId IN coalesce(r.sources, [])
      OR (r.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
    AND (m.restriction IS NULL OR size(coalesce(m.restrictedKeys, [])) > 0
      OR $viewer.organisationId IN coalesce(m.sources, [])
      OR (m.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
  RETURN count(r) AS degree,
         count(CASE WHEN r.firstSeen > datetime($savedAt) OR m.firstSeen > datetime($savedAt) THEN 1 END) AS newSince
}
RETURN n.uid AS uid,
       properties(n) AS props,
       degree,
       newSince
