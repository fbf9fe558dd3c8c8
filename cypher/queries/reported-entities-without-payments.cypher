// @name reported-entities-without-payments
// @title Reported entities with no payment data yet
// @category Reports
// @description Domains, accounts, merchants and contact details named in reports that no payment in the graph
// touches yet: where to ask banks and acquirers for data next.
// @param since: datetime = null -- Optional: only reports received from this moment on
// @result table
// @roles analyst, supervisor, data, admin
MATCH (report:Report)-[:MENTIONS]->(entity:Entity)
WHERE NOT entity:Report
  AND ($since IS NULL OR report.receivedAt >= $since)
WITH entity, collect(report.reference) AS reports, min(report.receivedAt) AS firstReported
WHERE NOT EXISTS { (entity)-[:SENT|TO|VIA]-(:Transaction) }
  AND NOT EXISTS { (entity)-[:ACCEPTS|SETTLES_TO|HOLDS|CONTROLS]->()-[:SENT|TO|VIA]-(:Transaction) }
  AND NOT EXISTS { (entity)<-[:USES_EMAIL|USES_PHONE|USES_IP]-()-[:HOLDS|CONTROLS]->()-[:SENT|TO]-(:Transaction) }
RETURN entity,
       [l IN labels(entity) WHERE l <> 'Entity'][0] AS kind,
       reports,
       firstReported
ORDER BY firstReported DESC
