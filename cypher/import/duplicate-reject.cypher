// @name import.duplicate-reject
// @mode write
// @param id: string -- possible duplicate id
// @param by: string -- who decided
// @param at: datetime -- when
// @returns duplicate
// Only an open proposal can be rejected; a rejected pair stays rejected (it is never proposed again).
MATCH (d:PossibleDuplicate {id: $id})
WHERE d.status = 'open'
SET d.status = 'rejected', d.decidedBy = $by, d.decidedAt = $at
RETURN d {.*} AS duplicate
