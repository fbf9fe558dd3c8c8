// @name buyers-of-domains
// @title Buyers who paid the payment options of domains
// @category Buyers
// @description Buyers whose cards or wallets paid a merchant account or e-wallet that the selected websites
// accept, with how many payments and how much.
// @param domains: list<entity<Domain>> -- Websites whose payment options to follow
// @param statuses: list<string> = settled,pending,declined,refunded,charged_back -- Payment statuses to count
// @result table
// @roles analyst, supervisor, data, admin
MATCH (domain:Domain)-[:ACCEPTS]->(option)
WHERE domain.uid IN $domains
WITH collect(DISTINCT option) AS options
MATCH (buyer:Buyer)-[:HOLDS]->(paidWith:PaymentAccount)-[:SENT]->(t:Transaction)-[:VIA|TO]->(option)
WHERE option IN options
  AND t.status IN $statuses
WITH buyer, collect(DISTINCT paidWith) AS accounts, count(DISTINCT t) AS payments, sum(t.amount) AS amount
RETURN buyer,
       accounts,
       payments,
       round(amount, 2) AS amount
ORDER BY payments DESC, amount DESC
