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
  // need-to-know (server/domain/need-to-know.ts): options, payments and holders only from records the viewer may see; $viewer is injected
  AND all(x IN [domain, accepts, option] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
OPTIONAL MATCH (option)-[settles:SETTLES_TO]->(settlement:PaymentAccount)
WHERE all(x IN [settles, settlement] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
OPTIONAL MATCH (settlement)<-[holds:HOLDS]-(holder)
WHERE all(x IN [holds, holder] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
RETURN domain,
       option AS paymentOption,
       COUNT { (option)<-[paid:VIA|TO]-(t:Transaction) WHERE all(x IN [paid, t] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))) } AS payments,
       settlement AS settlesTo,
       holder,
       accepts,
       settles,
       holds
ORDER BY payments DESC
