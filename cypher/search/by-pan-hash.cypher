// @name search.by-pan-hash
// @mode read
// @param panHash: string -- keyed hash of a card number the user typed (the number itself never reaches the database)
// @param viewer: map -- {organisationId, lawEnforcement, role} of the user asking (need-to-know, server/domain/need-to-know.ts)
// @returns uid, labels, caption, facts, score: the card with that number, if the graph holds it and the viewer may see it
MATCH (node:PaymentAccount {panHash: $panHash})
WHERE node.restriction IS NULL
   OR size(coalesce(node.restrictedKeys, [])) > 0
   OR $viewer.organisationId IN coalesce(node.sources, [])
   OR (node.restriction = 'source_and_le' AND $viewer.lawEnforcement = true)
RETURN node.uid AS uid,
       labels(node) AS labels,
       node.caption AS caption,
       node {.kind, .country, .mcc, .acquirer, .registrar, .asn, .reference, .status, .category, .restriction, .restrictedKeys, .sources} AS facts,
       1.0E6 AS score
