// @name import.resolve-merged
// @mode read
// @param uids: list<string> -- entity uids a batch is about to write
// @returns uid, survivor: for each uid that was merged away, the entity it now lives on
// A partner re-sending a record of a merged-away entity must land on the survivor, not recreate the duplicate.
UNWIND $uids AS uid
MATCH (g:MergedEntity {uid: uid})
RETURN uid,
       g.mergedInto AS survivor
