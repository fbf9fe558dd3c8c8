// @name round-tripping-cycles
// @title Round-tripping cycles
// @category Layering
// @description Money that leaves an account and comes back to it through one to three other accounts, each
// transfer later than the one before and all within a time limit: round-tripping to make proceeds look like
// ordinary business.
// @param within: duration = P30D -- Longest time from the first to the last transfer of a cycle
// @param minAmount: float = 0 -- Ignore transfers smaller than this
// @result graph
// @roles analyst, supervisor, data, admin
MATCH cycle = (a:PaymentAccount)-[:SENT]->(t1:Transaction)-[:TO]->(b:PaymentAccount)-[:SENT]->(t2:Transaction)-[:TO]->(a)
WHERE t1.timestamp < t2.timestamp
  AND t2.timestamp <= t1.timestamp + $within
  AND t1.amount >= $minAmount
  AND t2.amount >= $minAmount
  // need-to-know (server/domain/need-to-know.ts): only cycles made of records the viewer may see; $viewer is injected
  AND all(x IN nodes(cycle) WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
  AND all(x IN relationships(cycle) WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
RETURN a AS account, 2 AS transfers, [t1.amount, t2.amount] AS amounts, t1.timestamp AS firstTransfer, t2.timestamp AS lastTransfer, cycle
UNION ALL
MATCH cycle = (a:PaymentAccount)-[:SENT]->(t1:Transaction)-[:TO]->(b:PaymentAccount)-[:SENT]->(t2:Transaction)-[:TO]->(c:PaymentAccount)-[:SENT]->(t3:Transaction)-[:TO]->(a)
WHERE t1.timestamp < t2.timestamp
  AND t2.timestamp < t3.timestamp
  AND t2.timestamp <= t1.timestamp + $within
  AND t3.timestamp <= t1.timestamp + $within
  AND b <> c
  AND t1.amount >= $minAmount
  AND t2.amount >= $minAmount
  AND t3.amount >= $minAmount
  AND all(x IN nodes(cycle) WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
  AND all(x IN relationships(cycle) WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
RETURN a AS account, 3 AS transfers, [t1.amount, t2.amount, t3.amount] AS amounts, t1.timestamp AS firstTransfer, t3.timestamp AS lastTransfer, cycle
UNION ALL
MATCH cycle = (a:PaymentAccount)-[:SENT]->(t1:Transaction)-[:TO]->(b:PaymentAccount)-[:SENT]->(t2:Transaction)-[:TO]->(c:PaymentAccount)-[:SENT]->(t3:Transaction)-[:TO]->(d:PaymentAccount)-[:SENT]->(t4:Transaction)-[:TO]->(a)
WHERE t1.timestamp < t2.timestamp
  AND t2.timestamp < t3.timestamp
  AND t3.timestamp < t4.timestamp
  AND t2.timestamp <= t1.timestamp + $within
  AND t3.timestamp <= t1.timestamp + $within
  AND t4.timestamp <= t1.timestamp + $within
  AND b <> c
  AND c <> d
  AND b <> d
  AND t1.amount >= $minAmount
  AND t2.amount >= $minAmount
  AND t3.amount >= $minAmount
  AND t4.amount >= $minAmount
  AND all(x IN nodes(cycle) WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
  AND all(x IN relationships(cycle) WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
RETURN a AS account, 4 AS transfers, [t1.amount, t2.amount, t3.amount, t4.amount] AS amounts, t1.timestamp AS firstTransfer, t4.timestamp AS lastTransfer, cycle
