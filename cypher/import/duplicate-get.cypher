// @name import.duplicate-get
// @mode read
// @param id: string -- possible duplicate id
// @returns duplicate
MATCH (d:PossibleDuplicate {id: $id})
RETURN d {.*} AS duplicate
