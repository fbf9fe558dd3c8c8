// @name trails.downstream-hop
// @mode read
// @param frontier: list<map> -- {uid, after}: accounts and the epoch ms money arrived there (after null: any time)
// @param minAmount: float | null -- only payments of at least this amount
// @param from: string | null -- ISO date-time: only payments at or after it
// @param to: string | null -- ISO date-time: only payments at or before it
// @param limit: integer -- at most this many payments per hop
// @param viewer: map -- who is looking {organisationId, lawEnforcement} for the need-to-know rule (server/domain/need-to-know.ts)
// @returns one row per payment leaving a frontier account strictly after the money arrived there
// One hop of a time-respecting trail: the service calls it once per hop with every account reached in the
// previous hop, so a trail of N hops is N queries whatever its width.
UNWIND $frontier AS f
MATCH (a:Entity {uid: f.uid})-[:SENT]->(t:Transaction)-[:TO]->(b:PaymentAccount)
WHERE (f.after IS NULL OR t.timestamp > datetime({epochMillis: toInteger(f.after)}))
  AND t.status <> 'declined'
  AND (t.restriction IS NULL OR size(coalesce(t.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(t.sources, []) OR (t.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
  AND (a.restriction IS NULL OR size(coalesce(a.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(a.sources, []) OR (a.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
  AND (b.restriction IS NULL OR size(coalesce(b.restrictedKeys, [])) > 0 OR $viewer.organisationId IN coalesce(b.sources, []) OR (b.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
  AND ($minAmount IS NULL OR t.amount >= $minAmount)
  AND ($from IS NULL OR t.timestamp >= datetime($from))
  AND ($to IS NULL OR t.timestamp <= datetime($to))
RETURN a.uid AS source,
       b.uid AS target,
       t.uid AS tx,
       t.amount AS amount,
       t.currency AS currency,
       t.timestamp.epochMillis AS at
LIMIT toInteger($limit)
