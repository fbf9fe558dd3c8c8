// @name health.components
// @mode read
// @returns version, edition of the Neo4j server answering
CALL dbms.components()
YIELD versions, edition
RETURN versions[0] AS version, edition
