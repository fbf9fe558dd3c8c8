// @name merchants-shared-by-domains
// @title Merchant accounts shared by several domains
// @category Payments
// @description Merchant accounts accepted by several websites: one acquiring contract behind many sites is how
// an operation keeps taking card payments after a take-down.
// @param minDomains: integer = 2 -- Smallest number of websites that accept the merchant account
// @result graph
// @roles analyst, supervisor, data, admin
MATCH (merchant:Merchant)<-[accepts:ACCEPTS]-(domain:Domain)
// need-to-know (server/domain/need-to-know.ts): domains count only records the viewer may see; $viewer is injected
WHERE all(x IN [merchant, accepts, domain] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
WITH merchant, collect(domain) AS domains, collect(accepts) AS links
WHERE size(domains) >= $minDomains
RETURN merchant,
       merchant.acquirer AS acquirer,
       size(domains) AS domainCount,
       domains,
       links
ORDER BY domainCount DESC, merchant.caption
