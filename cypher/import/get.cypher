// @name import.get
// @mode read
// @param id: string -- import id
// @returns import: all its properties
MATCH (i:Import {id: $id})
RETURN i {.*} AS import
