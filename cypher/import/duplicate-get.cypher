// @name import.duplicate-get
// @mode read
// @param id: string -- possible duplicate id
// @param viewer: map -- who is looking (need-to-know)
// @returns duplicate, or nothing when the viewer may not see both records in full (as in import.duplicates-list)
MATCH (d:PossibleDuplicate {id: $id})
OPTIONAL MATCH (a:Entity {uid: d.a})
OPTIONAL MATCH (b:Entity {uid: d.b})
WITH d, a, b
WHERE all(x IN [a, b] WHERE x IS NULL OR (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
RETURN d {.*} AS duplicate
