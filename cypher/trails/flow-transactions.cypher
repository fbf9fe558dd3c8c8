// @name trails.flow-transactions
// @mode read
// @param source: string -- uid of the paying account
// @param target: string -- uid of the receiving account
// @param from: string | null -- ISO date-time: only payments at or after it
// @param to: string | null -- ISO date-time: only payments at or before it
// @param limit: integer -- at most this many payments
// @param viewer: map -- who is looking {organisationId, lawEnforcement} for the need-to-know rule (server/domain/need-to-know.ts)
// @returns the individual payments behind one aggregated flow edge, oldest first, with their money edges
MATCH (a:Entity {uid: $source})-[s:SENT]->(t:Transaction)-[o:TO]->(b:Entity {uid: $target})
WHERE (t.restriction IS NULL OR size(coalesce(t.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(t.sources, []) OR (t.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
  AND ($from IS NULL OR t.timestamp >= datetime($from))
  AND ($to IS NULL OR t.timestamp <= datetime($to))
WITH s, t, o
ORDER BY t.timestamp ASC
LIMIT toInteger($limit)
RETURN t.uid AS uid,
       labels(t) AS labels,
       properties(t) AS props,
       elementId(s) AS sentId,
       properties(s) AS sentProps,
       elementId(o) AS toId,
       properties(o) AS toProps
