// @name import.start
// @mode write
// @param id: string -- import id
// @param props: map -- organisation, user, fileName, fileHash, mapping, format, rowsTotal, rowsRejected, startedAt, status
// @returns id
MERGE (i:Import {id: $id})
SET i += $props
RETURN i.id AS id
