// @name buyers-in-several-rings
// @title Buyers linked to several seller rings
// @category Buyers
// @description Buyers whose payments reached accounts controlled by more than one seller: a buyer who links
// otherwise separate operations.
// @param minRings: integer = 2 -- Smallest number of different sellers' accounts the buyer paid
// @result table
// @roles analyst, supervisor, data, admin
MATCH (buyer:Buyer)-[:HOLDS]->(:PaymentAccount)-[:SENT]->(t:Transaction)-[:TO]->(:PaymentAccount)<-[:CONTROLS]-(seller:Seller)
WITH buyer, collect(DISTINCT seller) AS sellers, count(DISTINCT t) AS payments
WHERE size(sellers) >= $minRings
RETURN buyer,
       size(sellers) AS rings,
       sellers,
       payments
ORDER BY rings DESC, payments DESC
