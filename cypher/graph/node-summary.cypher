// @name graph.node-summary
// @mode read
// @param id: string -- uid of the entity
// @param viewer: map -- who is looking {organisationId, lawEnforcement} for the need-to-know rule (server/domain/need-to-know.ts)
// @returns money (direction, currency, total, count, first, last) and linked reports (uid, caption, receivedAt, total)
// Money in and out: payments sent and received by an account, or acquired through a merchant. Reports are
// those that mention the entity, newest first, at most 25 listed.
MATCH (n:Entity {uid: $id})
RETURN COLLECT {
         MATCH (n)-[:SENT]->(t:Transaction)
         WHERE (t.restriction IS NULL OR size(coalesce(t.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(t.sources, []) OR (t.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
         WITH t.currency AS currency, sum(t.amount) AS total, count(t) AS count, min(t.timestamp) AS first, max(t.timestamp) AS last
         RETURN {direction: 'out', currency: currency, total: total, count: count, first: first, last: last} AS row
         UNION
         MATCH (n)<-[:TO]-(t:Transaction)
         WHERE (t.restriction IS NULL OR size(coalesce(t.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(t.sources, []) OR (t.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
         WITH t.currency AS currency, sum(t.amount) AS total, count(t) AS count, min(t.timestamp) AS first, max(t.timestamp) AS last
         RETURN {direction: 'in', currency: currency, total: total, count: count, first: first, last: last} AS row
         UNION
         MATCH (n)<-[:VIA]-(t:Transaction)
         WHERE (t.restriction IS NULL OR size(coalesce(t.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(t.sources, []) OR (t.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
         WITH t.currency AS currency, sum(t.amount) AS total, count(t) AS count, min(t.timestamp) AS first, max(t.timestamp) AS last
         RETURN {direction: 'acquired', currency: currency, total: total, count: count, first: first, last: last} AS row
       } AS money,
       COLLECT {
         MATCH (n)<-[:MENTIONS]-(r:Report)
         WHERE (r.restriction IS NULL OR size(coalesce(r.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(r.sources, []) OR (r.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
         RETURN {uid: r.uid, caption: r.caption, receivedAt: r.receivedAt} AS report
         ORDER BY r.receivedAt DESC
         LIMIT 25
       } AS reports,
       COUNT { (n)<-[:MENTIONS]-(r:Report) WHERE (r.restriction IS NULL OR size(coalesce(r.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(r.sources, []) OR (r.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)) } AS reportCount
