// @name search.fulltext
// @mode read
// @param query: string -- Lucene query built by the search service from the user's words
// @param labels: list<string> | null -- only hits with one of these labels (null: all)
// @param limit: integer -- how many hits to return
// @param viewer: map -- {organisationId, lawEnforcement, role} of the user asking (need-to-know, server/domain/need-to-know.ts)
// @returns uid, labels, caption, facts (a few properties for the result's second line), score
// Over-fetches from the index so that a label filter still fills the page.
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: toInteger($limit * 4)})
YIELD node, score
WHERE ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels))
  AND (node.restriction IS NULL OR size(coalesce(node.restrictedKeys, [])) > 0
    OR $viewer.organisationId IN coalesce(node.sources, [])
    OR (node.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
RETURN node.uid AS uid,
       labels(node) AS labels,
       node.caption AS caption,
       node {.kind, .country, .mcc, .acquirer, .registrar, .asn, .reference, .status, .category, .restriction, .restrictedKeys, .sources} AS facts,
       score
ORDER BY score DESC, caption ASC
LIMIT toInteger($limit)
