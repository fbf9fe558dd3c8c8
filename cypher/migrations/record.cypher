// @name migrations.record
// @mode write
// @param id: string -- migration id (its @name)
// @param checksum: string -- sha256 of the migration text, to notice edits of applied files
// @returns id
MERGE (m:Migration {id: $id})
SET m.checksum = $checksum,
    m.appliedAt = datetime()
RETURN m.id AS id
