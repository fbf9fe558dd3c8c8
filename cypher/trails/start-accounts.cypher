// @name trails.start-accounts
// @mode read
// @param id: string -- uid of the entity a money trail starts (or ends) at
// @param max: integer -- at most this many accounts
// @param viewer: map -- who is looking {organisationId, lawEnforcement} for the need-to-know rule (server/domain/need-to-know.ts)
// @returns uid, labels of the entity and accounts: the payment accounts the trail starts from
// An account is itself; a buyer or seller brings the accounts it holds or controls; a merchant the accounts it
// settles to; a domain the payment options it accepts (direct accounts, and merchants' settlement accounts).
MATCH (n:Entity {uid: $id})
WHERE (n.restriction IS NULL OR size(coalesce(n.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(n.sources, []) OR (n.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
OPTIONAL CALL (n) {
  WITH n AS a
  WHERE a:PaymentAccount
  RETURN a
UNION
  MATCH (n)-[:HOLDS|CONTROLS|SETTLES_TO|ACCEPTS]->(a:PaymentAccount)
  RETURN a
UNION
  MATCH (n)-[:ACCEPTS|CONTROLS]->(:Merchant)-[:SETTLES_TO]->(a:PaymentAccount)
  RETURN a
}
WITH n, a
WHERE a IS NULL OR (a.restriction IS NULL OR size(coalesce(a.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(a.sources, []) OR (a.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
ORDER BY a.uid
RETURN n.uid AS uid,
       labels(n) AS labels,
       collect(DISTINCT a.uid)[..toInteger($max)] AS accounts
