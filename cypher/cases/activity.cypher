// @name cases.activity
// @mode read
// @param id: string -- case id
// @param limit: integer -- newest first, at most this many
// @returns at, actorEmail, kind, summary
MATCH (:Case {id: $id})-[:HAS_ACTIVITY]->(a:CaseActivity)
RETURN a.at AS at,
       a.actorEmail AS actorEmail,
       a.kind AS kind,
       a.summary AS summary
ORDER BY at DESC
LIMIT toInteger($limit)
