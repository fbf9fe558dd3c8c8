// @name cash-out-accounts
// @title Cash-out accounts held by sellers
// @category Layering
// @description Accounts held by sellers that receive settled transfers: where layered proceeds end up, with
// the total received and the first and last transfer.
// @param minTotal: float = 0 -- Only accounts that received at least this much in total
// @result table
// @roles analyst, supervisor, data, admin
MATCH (holder:Seller)-[:HOLDS]->(account:PaymentAccount)<-[:TO]-(t:Transaction)
WHERE t.status = 'settled'
WITH holder, account, sum(t.amount) AS total, count(t) AS transfers, min(t.timestamp) AS firstTransfer, max(t.timestamp) AS lastTransfer
WHERE total >= $minTotal
RETURN account,
       holder,
       round(total, 2) AS received,
       transfers,
       firstTransfer,
       lastTransfer
ORDER BY received DESC
