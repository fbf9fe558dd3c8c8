// @name seed.transactions
// @mode write
// @param rows: list<map> -- {uid, from, to, via, props, relProps}: one payment or transfer per row; via is a Merchant uid or null
// @returns created: transactions created; via: VIA relationships created
// Each row becomes (from)-[:SENT]->(:Transaction)-[:TO]->(to), plus -[:VIA]->(merchant) for acquired payments,
// in one UNWIND so a transaction never exists without its money edges.
UNWIND $rows AS row
MATCH (src:Entity {uid: row.from})
MATCH (dst:Entity {uid: row.to})
OPTIONAL MATCH (m:Entity {uid: row.via})
CREATE (t:Entity:Transaction {uid: row.uid})
SET t += row.props
CREATE (src)-[s:SENT]->(t)
SET s = row.relProps
CREATE (t)-[o:TO]->(dst)
SET o = row.relProps
FOREACH (merchant IN CASE WHEN m IS NULL THEN [] ELSE [m] END | CREATE (t)-[v:VIA]->(merchant) SET v = row.relProps)
RETURN count(t) AS created, count(m) AS via
