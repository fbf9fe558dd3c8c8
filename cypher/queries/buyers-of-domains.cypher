// @name buyers-of-domains
// @title Buyers who paid the payment options of domains
// @category Buyers
// @description Buyers whose cards or wallets paid a merchant account or e-wallet that the selected websites
// accept, with how many payments and how much.
// @param domains: list<entity<Domain>> -- Websites whose payment options to follow
// @param statuses: list<string> = settled,pending,declined,refunded,charged_back -- Payment statuses to count
// @result table
// @roles analyst, supervisor, data, admin
MATCH (domain:Domain)-[accepts:ACCEPTS]->(option)
WHERE domain.uid IN $domains
  // need-to-know (server/domain/need-to-know.ts): payments and amounts count only records the viewer may see; $viewer is injected
  AND all(x IN [domain, accepts, option] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
WITH collect(DISTINCT option) AS options
MATCH (buyer:Buyer)-[holds:HOLDS]->(paidWith:PaymentAccount)-[sent:SENT]->(t:Transaction)-[via:VIA|TO]->(option)
WHERE option IN options
  AND t.status IN $statuses
  AND all(x IN [buyer, holds, paidWith, sent, t, via] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
WITH buyer, collect(DISTINCT paidWith) AS accounts, count(DISTINCT t) AS payments, sum(t.amount) AS amount
RETURN buyer,
       accounts,
       payments,
       round(amount, 2) AS amount
ORDER BY payments DESC, amount DESC
