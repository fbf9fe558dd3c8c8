// @name users.organisation
// @mode read
// @param uid: string -- Organisation uid
// @returns uid, name, kind of the organisation (no row when unknown)
MATCH (o:Entity:Organisation {uid: $uid})
RETURN o.uid AS uid,
       o.caption AS name,
       o.kind AS kind
