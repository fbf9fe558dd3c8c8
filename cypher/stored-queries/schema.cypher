// @name stored-queries.schema
// @mode read
// @returns labels, relationshipTypes, propertyKeys: what the live graph holds, for the editor's autocompletion
CALL db.labels() YIELD label
WITH collect(label) AS labels
CALL db.relationshipTypes() YIELD relationshipType
WITH labels, collect(relationshipType) AS relationshipTypes
CALL db.propertyKeys() YIELD propertyKey
RETURN labels, relationshipTypes, collect(propertyKey) AS propertyKeys
