// @name cash-out-accounts
// @title Cash-out accounts held by sellers
// @category Layering
// @description Accounts held by sellers that receive settled transfers: where layered proceeds end up, with
// the total received and the first and last transfer.
// @param minTotal: float = 0 -- Only accounts that received at least this much in total
// @result table
// @roles analyst, supervisor, data, admin
MATCH (holder:Seller)-[holds:HOLDS]->(account:PaymentAccount)<-[to:TO]-(t:Transaction)
WHERE t.status = 'settled'
  // need-to-know (server/domain/need-to-know.ts): totals count only records the viewer may see; $viewer is injected
  AND all(x IN [holder, holds, account, to, t] WHERE ((x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))))
WITH holder, account, sum(t.amount) AS total, count(t) AS transfers, min(t.timestamp) AS firstTransfer, max(t.timestamp) AS lastTransfer
WHERE total >= $minTotal
RETURN account,
       holder,
       round(total, 2) AS received,
       transfers,
       firstTransfer,
       lastTransfer
ORDER BY received DESC
