// @name schema.006-stored-queries
// @mode write
// @returns nothing
// Stored investigative queries (issue 6): (:StoredQuery {name})-[:HAS_VERSION]->(:StoredQueryVersion {id: name@version}).
CREATE CONSTRAINT stored_query_name IF NOT EXISTS
FOR (q:StoredQuery) REQUIRE q.name IS UNIQUE;
CREATE CONSTRAINT stored_query_version_id IF NOT EXISTS
FOR (v:StoredQueryVersion) REQUIRE v.id IS UNIQUE;
