// @name cases.domain-evidence
// @mode read
// @param uids: list<string> -- Domain entities of the case
// @param viewer: map -- {organisationId, lawEnforcement, role} of the reader (need-to-know)
// @returns uid, reports (reference list), hosts (current hosting providers: uid, name, asn, country, abuse contact)
UNWIND $uids AS id
MATCH (d:Entity:Domain {uid: id})
WHERE (d.restriction IS NULL OR size(coalesce(d.restrictedKeys, [])) > 0
    OR $viewer.organisationId IN coalesce(d.sources, [])
    OR (d.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
CALL (d) {
  OPTIONAL MATCH (r:Report)-[rel:MENTIONS]->(d)
  WHERE (r.restriction IS NULL OR $viewer.organisationId IN coalesce(r.sources, [])
      OR (r.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
    AND (rel.restriction IS NULL OR $viewer.organisationId IN coalesce(rel.sources, [])
      OR (rel.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
  RETURN collect(DISTINCT r.reference)[..20] AS reports
}
CALL (d) {
  OPTIONAL MATCH (d)-[h:HOSTED_BY]->(p:HostingProvider)
  WHERE h.to IS NULL
    AND (p.restriction IS NULL OR $viewer.organisationId IN coalesce(p.sources, [])
      OR (p.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
    AND (h.restriction IS NULL OR $viewer.organisationId IN coalesce(h.sources, [])
      OR (h.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))
  RETURN collect(DISTINCT CASE WHEN p IS NULL THEN null ELSE {uid: p.uid, name: p.name, asn: p.asn, country: p.country,
    abuse: coalesce(p.abuseEmail, p.abuseContact, p.email)} END) AS hosts
}
RETURN d.uid AS uid,
       reports,
       hosts
