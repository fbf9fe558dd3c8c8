// @name seller-footprint
// @title Seller footprint: sites, merchant accounts and accounts
// @category Sellers
// @description The websites the selected sellers operate, the merchant accounts and payment accounts they
// control or hold, and where those merchant accounts settle.
// @param sellers: list<entity<Seller>> -- Sellers to map (pick them, or run on the canvas selection)
// @result graph
// @roles analyst, supervisor, data, admin
MATCH (seller:Seller)-[link:OPERATES|CONTROLS|HOLDS]->(entity:Entity)
WHERE seller.uid IN $sellers
RETURN seller, type(link) AS relation, entity, link
UNION ALL
MATCH (seller:Seller)-[:CONTROLS]->(:Merchant)-[link:SETTLES_TO]->(entity:PaymentAccount)
WHERE seller.uid IN $sellers
RETURN seller, 'SETTLES_TO' AS relation, entity, link
