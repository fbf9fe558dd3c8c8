// @name import.existing-uids
// @mode write
// @param uids: list<string> -- entity uids of one batch
// @returns uid: those already in the graph (index seeks on the uid constraint)
// Runs inside the batch's write transaction (hence write mode). Lets a batch CREATE the entities and relationships
// that cannot exist yet instead of MERGE-ing them (a concurrent creator trips the uid constraint: see create-nodes).
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
RETURN n.uid AS uid
