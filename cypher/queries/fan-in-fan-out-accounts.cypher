// @name fan-in-fan-out-accounts
// @title Fan-in / fan-out accounts (mule pattern)
// @category Layering
// @description Accounts that, within a time window, both receive money and pass it on to several other
// accounts: the mule and hub accounts that layer proceeds. Shows how much of what came in went out again.
// @param since: datetime = 2025-01-01T00:00:00Z -- Start of the window
// @param until: datetime = 2025-10-01T00:00:00Z -- End of the window
// @param minSenders: integer = 1 -- Smallest number of distinct accounts paying in
// @param minReceivers: integer = 2 -- Smallest number of distinct accounts paid out to
// @result table
// @roles analyst, supervisor, data, admin
MATCH (account:PaymentAccount)-[sentOut:SENT]->(out:Transaction)-[toReceiver:TO]->(receiver:PaymentAccount)
WHERE out.timestamp >= $since
  AND out.timestamp < $until
  // need-to-know (server/domain/need-to-know.ts): counts and amounts only from records the viewer may see; $viewer is injected
  AND all(x IN [account, sentOut, out, toReceiver, receiver] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
WITH account, collect(DISTINCT receiver) AS receivers, sum(out.amount) AS amountOut, count(out) AS transfersOut
WHERE size(receivers) >= $minReceivers
MATCH (sender:PaymentAccount)-[sentIn:SENT]->(in:Transaction)-[toAccount:TO]->(account)
WHERE in.timestamp >= $since
  AND in.timestamp < $until
  AND all(x IN [sender, sentIn, in, toAccount] WHERE (x.restriction IS NULL OR $viewer.organisationId IN coalesce(x.sources, []) OR (x.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)))
WITH account, receivers, amountOut, transfersOut, collect(DISTINCT sender) AS senders, sum(in.amount) AS amountIn
WHERE size(senders) >= $minSenders
RETURN account,
       size(senders) AS senders,
       size(receivers) AS receivers,
       transfersOut,
       round(amountIn, 2) AS amountIn,
       round(amountOut, 2) AS amountOut,
       round(100.0 * amountOut / amountIn) AS passedOnPercent
ORDER BY passedOnPercent DESC, amountOut DESC
