// @name proceeds-per-ring
// @title Proceeds per ring reaching cash-out accounts
// @category Layering
// @description For each seller who controls a merchant account (a ring operator), the money that reached
// seller-held cash-out accounts downstream of the accounts the operator controls.
// @param since: datetime = null -- Optional: count only transfers from this moment on
// @param until: datetime = null -- Optional: count only transfers before this moment
// @result table
// @roles analyst, supervisor, data, admin
MATCH (operator:Seller)-[controlsMerchant:CONTROLS]->(merchant:Merchant)
WHERE all(x IN [operator, controlsMerchant, merchant] WHERE ((x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))))
WITH DISTINCT operator
MATCH (operator)-[controlsStart:CONTROLS]->(start:PaymentAccount)
MATCH p = (start)-[:SENT|TO*2..10]->(cashOut:PaymentAccount)<-[holds:HOLDS]-(holder:Seller)
// need-to-know: the route to a cash-out account counts only through records the viewer may see
WHERE all(x IN [controlsStart, start, holds, holder] + nodes(p) + relationships(p) WHERE ((x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))))
WITH DISTINCT operator, cashOut
MATCH (cashOut)<-[paidTo:TO]-(t:Transaction)
WHERE t.status = 'settled'
  // need-to-know (server/domain/need-to-know.ts): proceeds count only records the viewer may see; $viewer is injected
  AND all(x IN [operator, cashOut, paidTo, t] WHERE ((x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))))
  AND ($since IS NULL OR t.timestamp >= $since)
  AND ($until IS NULL OR t.timestamp < $until)
WITH operator, collect(DISTINCT cashOut) AS cashOuts, sum(t.amount) AS proceeds, count(t) AS transfers
RETURN operator,
       COLLECT { MATCH (operator)-[operates:OPERATES]->(d:Domain) WHERE all(x IN [operates, d] WHERE ((x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))) RETURN d.name ORDER BY d.registeredAt } AS domains,
       cashOuts,
       transfers,
       round(proceeds, 2) AS proceeds
ORDER BY proceeds DESC
