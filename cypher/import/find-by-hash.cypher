// @name import.find-by-hash
// @mode read
// @param fileHash: string -- SHA-256 of the file's bytes
// @param mapping: string -- preset name
// @param organisation: string -- uid of the supplying Organisation
// @returns import: the newest live Import of this file by this organisation with this preset (complete, running or failed)
// How a re-run recognises a file it has seen: complete means nothing to do, anything else means finish it.
MATCH (i:Import {fileHash: $fileHash})
WHERE i.mapping = $mapping
AND i.organisation = $organisation
AND i.status IN ['complete', 'running', 'failed']
RETURN i {.*} AS import
ORDER BY i.startedAt DESC
LIMIT 1
