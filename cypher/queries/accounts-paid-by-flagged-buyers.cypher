// @name accounts-paid-by-flagged-buyers
// @title Accounts paid by many buyers of flagged sites
// @category Payments
// @description Payment accounts that receive money from several buyers who also paid a reported (flagged)
// website, and whose payers are mostly such buyers: the collection accounts behind flagged sites, including
// accounts no report names yet.
// @param minBuyers: integer = 3 -- Smallest number of distinct flagged-site buyers paying the account
// @param minShare: float = 0.8 -- Smallest share (0 to 1) of the account's paying buyers who also paid a flagged site
// @result table
// @roles analyst, supervisor, data, admin
MATCH (:Report)-[:MENTIONS]->(:Domain)-[:ACCEPTS]->(option)
WITH collect(DISTINCT option) AS options
MATCH (b:Buyer)-[:HOLDS]->(:PaymentAccount)-[:SENT]->(t:Transaction)-[:VIA|TO]->(paid)
WHERE paid IN options
WITH collect(DISTINCT b) AS flaggedBuyers
MATCH (b:Buyer)-[:HOLDS]->(:PaymentAccount)-[:SENT]->(:Transaction)-[:TO]->(account:PaymentAccount)
WITH account, flaggedBuyers, collect(DISTINCT b) AS payers
WITH account, size(payers) AS allBuyers, size([p IN payers WHERE p IN flaggedBuyers]) AS fromFlagged
WHERE fromFlagged >= $minBuyers
  AND toFloat(fromFlagged) / allBuyers >= $minShare
RETURN account,
       account.kind AS kind,
       fromFlagged AS flaggedBuyers,
       allBuyers,
       round(100.0 * fromFlagged / allBuyers) AS sharePercent
ORDER BY flaggedBuyers DESC, account.caption
