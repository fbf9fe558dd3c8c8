// @name seed.import-finish
// @mode write
// @param id: string -- import id given to seed.import-start
// @param props: map -- finishedAt, fileHash and the counts of what was written
// @returns id
MATCH (i:Import {id: $id})
SET i += $props
RETURN i.id AS id
