// @name audit.append
// @mode write
// @param record: map -- seq, at, userId, email, ip, action, target, params (JSON text), resultCount, outcome, prevHash, hash
// @returns seq
// Run in the same transaction as audit.head-lock, after the hash was computed from the locked head.
MATCH (h:AuditHead {id: 'audit'})
CREATE (a:AuditRecord)
SET a = $record
SET h.seq = $record.seq,
    h.hash = $record.hash
RETURN a.seq AS seq
