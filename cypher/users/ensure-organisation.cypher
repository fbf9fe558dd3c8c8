// @name users.ensure-organisation
// @mode write
// @param uid: string -- Organisation uid (org:...)
// @param name: string -- display name
// @param kind: string -- bank, police, ngo, internal...
// @param now: string -- ISO time
// @returns uid, name, kind
// Used only when an operator names an organisation that no import has brought in yet (e.g. the operators' own).
MERGE (o:Entity:Organisation {uid: $uid})
ON CREATE SET o.caption = $name, o.name = $name, o.kind = $kind, o.keywords = [$name], o.sources = [], o.importIds = [],
  o.firstSeen = $now, o.lastSeen = $now
RETURN o.uid AS uid,
       o.caption AS name,
       o.kind AS kind
