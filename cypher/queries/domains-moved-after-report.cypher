// @name domains-moved-after-report
// @title Domains that moved hosting after a report
// @category Infrastructure
// @description Reported domains that started being hosted by a different provider after the report: a site
// relocating once it has been noticed.
// @param within: duration = P120D -- Only moves within this long after the report (e.g. P30D, P6M)
// @result table
// @roles analyst, supervisor, data, admin
MATCH (report:Report)-[mentions:MENTIONS]->(domain:Domain)-[moved:HOSTED_BY]->(to:HostingProvider)
WHERE moved.from > report.receivedAt
  AND moved.from <= report.receivedAt + $within
  // need-to-know (server/domain/need-to-know.ts): reports, dates and moves only from records the viewer may see; $viewer is injected
  AND all(x IN [report, mentions, domain, moved, to] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
MATCH (domain)-[before:HOSTED_BY]->(from:HostingProvider)
WHERE before.from < moved.from
  AND from <> to
  AND all(x IN [before, from] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
WITH domain, from, to, moved, min(report.receivedAt) AS reportedAt, collect(DISTINCT report.reference) AS reports
RETURN domain,
       reportedAt,
       reports,
       from AS movedFrom,
       to AS movedTo,
       moved.from AS movedAt,
       duration.inDays(reportedAt, moved.from).days AS daysAfterReport
ORDER BY movedAt
