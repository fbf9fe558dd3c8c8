// @name graph.expand-ranked
// @mode read
// @param id: string -- uid of the entity to expand
// @param types: list<string> | null -- relationship types to follow (null: all)
// @param direction: string -- 'out', 'in' or 'both'
// @param measure: string -- 'none', 'amount', 'recency' or 'degree': what "top N" ranks by
// @param scanCap: integer -- at most this many relationships are read and ranked (bounds a super-node)
// @param cursorScore: float | null -- keyset cursor: score of the last relationship already sent
// @param cursorRel: string | null -- keyset cursor: elementId of the last relationship already sent
// @param limit: integer -- at most this many relationships
// @param viewer: map -- who is looking {organisationId, lawEnforcement} for the need-to-know rule (server/domain/need-to-know.ts)
// @returns rel (id, type, source, target, props), the neighbour (uid, labels, props), its score, best first, and
// after: how many ranked relationships follow the cursor (this page included)
// Keyset paging on (score DESC, elementId ASC): asking again with the last row's cursor brings the next N and
// never a row already sent, whatever else changed on the canvas. The scan cap keeps a merchant with 200,000
// payments from being read in full; the service reports when the ranking only covered the first scanCap.
MATCH (n:Entity {uid: $id})
CALL (n) {
  MATCH (n)-[r]-(m:Entity)
  WHERE ($types IS NULL OR type(r) IN $types)
    AND (r.restriction IS NULL OR size(coalesce(r.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(r.sources, []) OR (r.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
    AND (m.restriction IS NULL OR size(coalesce(m.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(m.sources, []) OR (m.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
    AND ($direction = 'both' OR ($direction = 'out' AND startNode(r) = n) OR ($direction = 'in' AND endNode(r) = n))
  RETURN r, m
  LIMIT toInteger($scanCap)
}
WITH r, m,
     CASE $measure
       WHEN 'amount' THEN coalesce(toFloat(m.amount), -1.0)
       WHEN 'recency' THEN coalesce(toFloat(coalesce(m.timestamp, r.lastSeen, m.lastSeen, m.firstSeen).epochMillis), -1.0)
       WHEN 'degree' THEN toFloat(COUNT { (m)--() })
       ELSE 0.0
     END AS score,
     elementId(r) AS relId
WHERE $cursorScore IS NULL
   OR score < $cursorScore
   OR (score = $cursorScore AND relId > $cursorRel)
WITH r, m, score, relId
ORDER BY score DESC, relId ASC
WITH collect({r: r, m: m, score: score, relId: relId}) AS ranked
WITH ranked[..toInteger($limit)] AS page, size(ranked) AS after
UNWIND page AS row
WITH row.r AS r, row.m AS m, row.score AS score, row.relId AS relId, after
RETURN relId,
       type(r) AS type,
       startNode(r).uid AS source,
       endNode(r).uid AS target,
       properties(r) AS relProps,
       m.uid AS uid,
       labels(m) AS labels,
       properties(m) AS props,
       score,
       after
