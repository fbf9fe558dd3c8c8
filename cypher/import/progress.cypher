// @name import.progress
// @mode write
// @param id: string -- import id
// @param rowsDone: integer -- rows written so far
// @returns id
// Runs in the same transaction as the batch it counts, so progress never runs ahead of the data.
MATCH (i:Import {id: $id})
SET i.rowsDone = $rowsDone
RETURN i.id AS id
