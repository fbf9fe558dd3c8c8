// @name audit.head
// @mode read
// @returns seq and hash the head points at (no row when nothing was ever recorded)
MATCH (h:AuditHead {id: 'audit'})
RETURN h.seq AS seq,
       h.hash AS hash
