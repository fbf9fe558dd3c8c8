// @name import.finish
// @mode write
// @param id: string -- import id
// @param props: map -- status 'complete', finishedAt, seconds
// @returns import: the Import with its counts
// Counts come from the graph, not from the run, so a run resumed after a crash reports the same figures as
// one that never stopped. Marked complete last: until then a re-run of the same file finishes the job.
MATCH (i:Import {id: $id})
CALL (i) {
  MATCH (n:Entity)
  WHERE $id IN n.importIds
  RETURN count(n) AS nodes, count(CASE WHEN n.createdBy = $id THEN 1 END) AS nodesCreated
}
CALL (i) {
  MATCH ()-[r]->()
  WHERE $id IN r.importIds
  RETURN count(r) AS rels, count(CASE WHEN r.createdBy = $id THEN 1 END) AS relsCreated
}
SET i += $props
SET i.nodesCreated = nodesCreated, i.nodesUpdated = nodes - nodesCreated, i.relsCreated = relsCreated, i.relsUpdated = rels - relsCreated
RETURN i {.*} AS import
