// @name merchants-shared-by-domains
// @title Merchant accounts shared by several domains
// @category Payments
// @description Merchant accounts accepted by several websites: one acquiring contract behind many sites is how
// an operation keeps taking card payments after a take-down.
// @param minDomains: integer = 2 -- Smallest number of websites that accept the merchant account
// @result graph
// @roles analyst, supervisor, data, admin
MATCH (merchant:Merchant)<-[accepts:ACCEPTS]-(domain:Domain)
WITH merchant, collect(domain) AS domains, collect(accepts) AS links
WHERE size(domains) >= $minDomains
RETURN merchant,
       merchant.acquirer AS acquirer,
       size(domains) AS domainCount,
       domains,
       links
ORDER BY domainCount DESC, merchant.caption
