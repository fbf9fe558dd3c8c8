// @name users.organisations
// @mode read
// @returns uid, name, kind of every Organisation, by name
MATCH (o:Entity:Organisation)
RETURN o.uid AS uid,
       o.caption AS name,
       o.kind AS kind
ORDER BY name ASC
