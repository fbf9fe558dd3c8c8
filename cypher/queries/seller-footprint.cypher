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
  // need-to-know (server/domain/need-to-know.ts): only records the viewer may see; $viewer is injected
  AND all(x IN [seller, link, entity] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
RETURN seller, type(link) AS relation, entity, link
UNION ALL
MATCH (seller:Seller)-[controls:CONTROLS]->(merchant:Merchant)-[link:SETTLES_TO]->(entity:PaymentAccount)
WHERE seller.uid IN $sellers
  AND all(x IN [seller, controls, merchant, link, entity] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
RETURN seller, 'SETTLES_TO' AS relation, entity, link
