// @name import.source-organisation
// @mode write
// @param uid: string -- uid of the organisation that sent the file ("org:<key>")
// @param name: string -- caption for a new organisation node (its key)
// @param keywords: string -- search keywords for a new node
// @param importId: string -- the import
// @param at: datetime -- when the import started
// @returns uid
// Provenance (sources) points at Organisation uids, so the partner must exist as an entity. An existing
// organisation is not altered beyond recording that this import relied on it.
MERGE (o:Entity {uid: $uid})
ON CREATE SET o:Organisation, o.caption = $name, o.name = $name, o.kind = 'partner', o.keywords = $keywords, o.createdBy = $importId, o.firstSeen = $at, o.lastSeen = $at, o.sources = [$uid], o.sourceAddedBy = [$importId], o.importIds = []
SET o.importIds = CASE WHEN $importId IN coalesce(o.importIds, []) THEN o.importIds ELSE coalesce(o.importIds, []) + $importId END
RETURN o.uid AS uid
