// @name new-domains-reusing-merchants
// @title New domains re-using payment options of taken-down ones
// @category Infrastructure
// @description Domains registered after another domain was taken down that accept the same merchant account
// or e-wallet: the replacement site of an operation that kept its payment set-up.
// @param since: datetime = null -- Optional: only domains registered from this moment on
// @result graph
// @roles analyst, supervisor, data, admin
MATCH (old:Domain {status: 'taken_down'})-[was:ACCEPTS]->(option)<-[now:ACCEPTS]-(new:Domain)
WHERE new <> old
  AND new.registeredAt > old.takenDownAt
  AND ($since IS NULL OR new.registeredAt >= $since)
  // need-to-know (server/domain/need-to-know.ts): dates only from records the viewer may see; $viewer is injected
  AND all(x IN [old, was, option, now, new] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
RETURN new AS newDomain,
       new.registeredAt AS registeredAt,
       old AS takenDown,
       old.takenDownAt AS takenDownAt,
       option AS paymentOption,
       duration.inDays(old.takenDownAt, new.registeredAt).days AS daysAfterTakeDown,
       was,
       now
ORDER BY registeredAt
