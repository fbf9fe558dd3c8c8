// @name import.duplicates-list
// @mode read
// @param status: string -- open, merged or rejected
// @param limit: integer -- how many to return
// @param viewer: map -- who is looking (need-to-know)
// @returns duplicate: the proposal with both entities' caption, labels, country, birth date and sources
// A pair is listed only when the viewer may see both records in full (need-to-know, as in queries): deciding a
// merge means comparing their restricted facts.
MATCH (d:PossibleDuplicate)
WHERE d.status = $status
OPTIONAL MATCH (a:Entity {uid: d.a})
OPTIONAL MATCH (b:Entity {uid: d.b})
WITH d, a, b
WHERE all(x IN [a, b] WHERE x IS NULL OR (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
WITH d, a, b
ORDER BY d.score DESC, d.proposedAt DESC
LIMIT toInteger($limit)
RETURN d {.*, aEntity: a {.uid, .caption, .country, .sources, birthDate: toString(a.birthDate), labels: labels(a)}, bEntity: b {.uid, .caption, .country, .sources, birthDate: toString(b.birthDate), labels: labels(b)}} AS duplicate
