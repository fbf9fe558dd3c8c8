// @name hosting-providers-by-reported-domains
// @title Hosting providers ranked by reported domains
// @category Infrastructure
// @description Hosting providers ranked by how many reported domains they host or hosted, with the share of
// all their domains that were reported: where to send notices, and which hosters look bulletproof.
// @param currentOnly: boolean = false -- Count only domains hosted there now
// @param limit: integer = 20 -- How many providers to show
// @result table
// @roles analyst, supervisor, data, admin
MATCH (report:Report)-[mentions:MENTIONS]->(domain:Domain)-[hosted:HOSTED_BY]->(provider:HostingProvider)
WHERE (NOT $currentOnly OR hosted.to IS NULL)
  // need-to-know (server/domain/need-to-know.ts): counts only records the viewer may see; $viewer is injected
  AND all(x IN [report, mentions, domain, hosted, provider] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
WITH provider, count(DISTINCT domain) AS reportedDomains, count(DISTINCT report) AS reports
MATCH (provider)<-[hostedAny:HOSTED_BY]-(any:Domain)
WHERE all(x IN [hostedAny, any] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
WITH provider, reportedDomains, reports, count(DISTINCT any) AS allDomains
RETURN provider,
       provider.asn AS asn,
       provider.country AS country,
       reportedDomains,
       reports,
       allDomains,
       round(100.0 * reportedDomains / allDomains, 1) AS reportedPercent
ORDER BY reportedDomains DESC, reportedPercent DESC
LIMIT toInteger($limit)
