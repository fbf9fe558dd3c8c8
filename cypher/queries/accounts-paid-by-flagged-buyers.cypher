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
MATCH (report:Report)-[mentions:MENTIONS]->(flagged:Domain)-[accepts:ACCEPTS]->(option)
// need-to-know (server/domain/need-to-know.ts): buyers and accounts count only records the viewer may see; $viewer is injected
WHERE all(x IN [report, mentions, flagged, accepts, option] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
WITH collect(DISTINCT option) AS options
MATCH (b:Buyer)-[holds:HOLDS]->(paidWith:PaymentAccount)-[sent:SENT]->(t:Transaction)-[via:VIA|TO]->(paid)
WHERE paid IN options
  AND all(x IN [b, holds, paidWith, sent, t, via, paid] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
WITH collect(DISTINCT b) AS flaggedBuyers
MATCH (b:Buyer)-[holds:HOLDS]->(paidWith:PaymentAccount)-[sent:SENT]->(t:Transaction)-[to:TO]->(account:PaymentAccount)
WHERE all(x IN [b, holds, paidWith, sent, t, to, account] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
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
