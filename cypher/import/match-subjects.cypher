// @name import.match-subjects
// @mode read
// @param uids: list<string> -- person-like entities an import just wrote
// @returns uid, name, country, birthDate (ISO date or null)
// What weak-match resolution compares: the name, country and date of birth of each person the import touched.
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
WHERE n:Person OR n:Buyer OR n:Seller
RETURN n.uid AS uid,
       coalesce(n.name, n.caption) AS name,
       n.country AS country,
       CASE WHEN n.birthDate IS NULL THEN null ELSE toString(n.birthDate) END AS birthDate
