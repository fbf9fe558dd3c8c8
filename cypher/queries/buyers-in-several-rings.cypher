// @name buyers-in-several-rings
// @title Buyers linked to several seller rings
// @category Buyers
// @description Buyers whose payments reached accounts controlled by more than one seller: a buyer who links
// otherwise separate operations.
// @param minRings: integer = 2 -- Smallest number of different sellers' accounts the buyer paid
// @result table
// @roles analyst, supervisor, data, admin
MATCH (buyer:Buyer)-[holds:HOLDS]->(paidWith:PaymentAccount)-[sent:SENT]->(t:Transaction)-[to:TO]->(account:PaymentAccount)<-[controls:CONTROLS]-(seller:Seller)
// need-to-know (server/domain/need-to-know.ts): rings and payments count only records the viewer may see; $viewer is injected
WHERE all(x IN [buyer, holds, paidWith, sent, t, to, account, controls, seller] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
WITH buyer, collect(DISTINCT seller) AS sellers, count(DISTINCT t) AS payments
WHERE size(sellers) >= $minRings
RETURN buyer,
       size(sellers) AS rings,
       sellers,
       payments
ORDER BY rings DESC, payments DESC
