// @name import.duplicates-list
// @mode read
// @param status: string -- open, merged or rejected
// @param limit: integer -- how many to return
// @returns duplicate: the proposal with both entities' caption, labels, country, birth date and sources
MATCH (d:PossibleDuplicate)
WHERE d.status = $status
WITH d
ORDER BY d.score DESC, d.proposedAt DESC
LIMIT toInteger($limit)
OPTIONAL MATCH (a:Entity {uid: d.a})
OPTIONAL MATCH (b:Entity {uid: d.b})
RETURN d {.*, aEntity: a {.uid, .caption, .country, .sources, birthDate: toString(a.birthDate), labels: labels(a)}, bEntity: b {.uid, .caption, .country, .sources, birthDate: toString(b.birthDate), labels: labels(b)}} AS duplicate
