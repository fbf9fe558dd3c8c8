// @name migrations.applied
// @mode read
// @returns id, checksum of each migration already applied
MATCH (m:Migration)
RETURN m.id AS id, m.checksum AS checksum
