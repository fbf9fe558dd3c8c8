// @name reported-entities-without-payments
// @title Reported entities with no payment data yet
// @category Reports
// @description Domains, accounts, merchants and contact details named in reports that no payment in the graph
// touches yet: where to ask banks and acquirers for data next.
// @param since: datetime = null -- Optional: only reports received from this moment on
// @result table
// @roles analyst, supervisor, data, admin
MATCH (report:Report)-[mentions:MENTIONS]->(entity:Entity)
WHERE NOT entity:Report
  AND ($since IS NULL OR report.receivedAt >= $since)
  // need-to-know (server/domain/need-to-know.ts): reports, and the payments that rule an entity out, only from
  // records the viewer may see; $viewer is injected
  AND all(x IN [report, mentions, entity] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
WITH entity, collect(report.reference) AS reports, min(report.receivedAt) AS firstReported
WHERE NOT EXISTS { (entity)-[paid:SENT|TO|VIA]-(t:Transaction) WHERE all(x IN [paid, t] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))) }
  AND NOT EXISTS { (entity)-[link:ACCEPTS|SETTLES_TO|HOLDS|CONTROLS]->(linked)-[paid:SENT|TO|VIA]-(t:Transaction) WHERE all(x IN [link, linked, paid, t] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))) }
  AND NOT EXISTS { (entity)<-[uses:USES_EMAIL|USES_PHONE|USES_IP]-(party)-[link:HOLDS|CONTROLS]->(linked)-[paid:SENT|TO]-(t:Transaction) WHERE all(x IN [uses, party, link, linked, paid, t] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))) }
RETURN entity,
       [l IN labels(entity) WHERE l <> 'Entity'][0] AS kind,
       reports,
       firstReported
ORDER BY firstReported DESC
