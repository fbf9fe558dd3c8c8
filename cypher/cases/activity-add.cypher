// @name cases.activity-add
// @mode write
// @param rows: list<map> -- {caseId, actorId, actorEmail, kind, summary, at}: one entry per row
// @returns count: entries written
UNWIND $rows AS row
MATCH (c:Case {id: row.caseId})
CREATE (c)-[:HAS_ACTIVITY]->(a:CaseActivity)
SET a = row
RETURN count(a) AS count
