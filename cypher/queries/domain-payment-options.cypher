// @name domain-payment-options
// @title Payment options of domains and where they settle
// @category Payments
// @description The merchant accounts and e-wallets the selected websites accept, how many payments went
// through each, the account each merchant account settles to and who holds it.
// @param domains: list<entity<Domain>> -- Websites to look at (pick them, or run on the canvas selection)
// @result graph
// @roles analyst, supervisor, data, admin
MATCH (domain:Domain)-[accepts:ACCEPTS]->(option)
WHERE domain.uid IN $domains
OPTIONAL MATCH (option)-[settles:SETTLES_TO]->(settlement:PaymentAccount)
OPTIONAL MATCH (settlement)<-[holds:HOLDS]-(holder)
RETURN domain,
       option AS paymentOption,
       COUNT { (option)<-[:VIA|TO]-(:Transaction) } AS payments,
       settlement AS settlesTo,
       holder,
       accepts,
       settles,
       holds
ORDER BY payments DESC
