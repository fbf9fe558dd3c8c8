// @name audit.head-lock
// @mode write
// @returns seq and hash of the last record in the chain (0 and null for an empty chain)
// Takes the write lock on the single AuditHead node; it is held until the transaction that appends the next
// record commits, so concurrent appends from any number of app instances queue up and the chain cannot fork.
MERGE (h:AuditHead {id: 'audit'})
ON CREATE SET h.seq = 0, h.hash = null
SET h.lockedAt = timestamp()
RETURN h.seq AS seq,
       h.hash AS hash
