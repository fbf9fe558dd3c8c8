// @name import.set-status
// @mode write
// @param id: string -- import id
// @param props: map -- status and what goes with it (error, finishedAt, rolledBackAt, rolledBackBy)
// @returns id
MATCH (i:Import {id: $id})
SET i += $props
RETURN i.id AS id
