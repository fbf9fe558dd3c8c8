// @name trails.account-flows
// @mode read
// @param id: string -- uid of the account
// @param direction: string -- 'out' (paid to) or 'in' (paid by)
// @param scanCap: integer -- at most this many payments are read (bounds a super-node)
// @param limit: integer -- at most this many counterparties, largest total first
// @param viewer: map -- who is looking {organisationId, lawEnforcement} for the need-to-know rule (server/domain/need-to-know.ts)
// @returns per counterparty account: counterparty uid, total, count, first, last, currency
// Collapses many payments between the same two accounts into one aggregated flow.
MATCH (a:Entity {uid: $id})
CALL (a) {
  MATCH (a)-[:SENT]->(t:Transaction)-[:TO]->(b:PaymentAccount)
  WHERE $direction = 'out'
    AND (t.restriction IS NULL OR size(coalesce(t.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(t.sources, []) OR (t.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
    AND (b.restriction IS NULL OR size(coalesce(b.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(b.sources, []) OR (b.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
  RETURN t, b
  LIMIT toInteger($scanCap)
UNION ALL
  MATCH (a)<-[:TO]-(t:Transaction)<-[:SENT]-(b:PaymentAccount)
  WHERE $direction = 'in'
    AND (t.restriction IS NULL OR size(coalesce(t.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(t.sources, []) OR (t.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
    AND (b.restriction IS NULL OR size(coalesce(b.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(b.sources, []) OR (b.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
  RETURN t, b
  LIMIT toInteger($scanCap)
}
WITH b.uid AS counterparty,
     t.currency AS currency,
     sum(t.amount) AS total,
     count(t) AS count,
     min(t.timestamp).epochMillis AS first,
     max(t.timestamp).epochMillis AS last
ORDER BY total DESC
LIMIT toInteger($limit)
RETURN counterparty,
       currency,
       total,
       count,
       first,
       last
