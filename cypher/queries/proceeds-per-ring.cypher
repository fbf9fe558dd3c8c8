// @name proceeds-per-ring
// @title Proceeds per ring reaching cash-out accounts
// @category Layering
// @description For each seller who controls a merchant account (a ring operator), the money that reached
// seller-held cash-out accounts downstream of the accounts the operator controls.
// @param since: datetime = null -- Optional: count only transfers from this moment on
// @param until: datetime = null -- Optional: count only transfers before this moment
// @result table
// @roles analyst, supervisor, data, admin
MATCH (operator:Seller)-[:CONTROLS]->(:Merchant)
WITH DISTINCT operator
MATCH (operator)-[:CONTROLS]->(start:PaymentAccount)
MATCH (start)-[:SENT|TO*2..10]->(cashOut:PaymentAccount)<-[:HOLDS]-(:Seller)
WITH DISTINCT operator, cashOut
MATCH (cashOut)<-[:TO]-(t:Transaction)
WHERE t.status = 'settled'
  // need-to-know (server/domain/need-to-know.ts): proceeds count only records the viewer may see; $viewer is injected
  AND all(x IN [operator, cashOut, t] WHERE ((x.restriction IS NULL OR size(coalesce(x.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))))
  AND ($since IS NULL OR t.timestamp >= $since)
  AND ($until IS NULL OR t.timestamp < $until)
WITH operator, collect(DISTINCT cashOut) AS cashOuts, sum(t.amount) AS proceeds, count(t) AS transfers
RETURN operator,
       COLLECT { MATCH (operator)-[:OPERATES]->(d:Domain) RETURN d.name ORDER BY d.registeredAt } AS domains,
       cashOuts,
       transfers,
       round(proceeds, 2) AS proceeds
ORDER BY proceeds DESC
