// @name seed.import-start
// @mode write
// @param id: string -- import id, also written into every seeded row's importIds
// @param props: map -- organisation, mapping, scale, seed, generator, startedAt
// @returns id
CREATE (i:Import {id: $id})
SET i += $props
RETURN i.id AS id
