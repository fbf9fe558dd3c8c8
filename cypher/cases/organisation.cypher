// @name cases.organisation
// @mode read
// @param uid: string -- an organisation uid (a team to share with)
// @returns uid, name: no row when there is no such organisation
MATCH (o:Entity:Organisation {uid: $uid})
RETURN o.uid AS uid,
       o.caption AS name
