// @name audit.list
// @mode read
// @param user: string | null -- only records whose e-mail contains this text (null: everyone)
// @param action: string | null -- only this action or actions starting with it plus a dot (null: all)
// @param from: string | null -- ISO time, inclusive (null: from the start)
// @param to: string | null -- ISO time, exclusive (null: until now)
// @param beforeSeq: integer | null -- page backwards: only records older than this seq
// @param limit: integer -- page size
// @returns the records, newest first
MATCH (a:AuditRecord)
WHERE ($user IS NULL OR toLower(a.email) CONTAINS toLower($user))
  AND ($action IS NULL OR a.action = $action OR a.action STARTS WITH $action + '.')
  AND ($from IS NULL OR a.at >= $from)
  AND ($to IS NULL OR a.at < $to)
  AND ($beforeSeq IS NULL OR a.seq < $beforeSeq)
RETURN a {.*} AS record
ORDER BY a.seq DESC
LIMIT toInteger($limit)
