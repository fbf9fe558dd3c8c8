// @name schema.005-import
// @mode write
// @returns nothing
// Partner imports (issue 5): imports are found by file hash (re-runs and resumes) and listed by start time;
// possible duplicates by status; weak-match candidates by their blocking key. Country and Address entities
// (FinCEN countries, FollowTheMoney addresses) join the search box, so the full-text index is rebuilt with them.
CREATE INDEX import_file_hash IF NOT EXISTS
FOR (i:Import) ON (i.fileHash);
CREATE INDEX import_started IF NOT EXISTS
FOR (i:Import) ON (i.startedAt);
CREATE CONSTRAINT mapping_preset_name IF NOT EXISTS
FOR (p:MappingPreset) REQUIRE p.name IS UNIQUE;
CREATE CONSTRAINT possible_duplicate_id IF NOT EXISTS
FOR (d:PossibleDuplicate) REQUIRE d.id IS UNIQUE;
CREATE INDEX possible_duplicate_status IF NOT EXISTS
FOR (d:PossibleDuplicate) ON (d.status);
CREATE CONSTRAINT entity_merge_id IF NOT EXISTS
FOR (m:EntityMerge) REQUIRE m.id IS UNIQUE;
CREATE INDEX entity_match_block IF NOT EXISTS
FOR (n:Entity) ON (n.matchBlock);
CREATE INDEX merged_entity_uid IF NOT EXISTS
FOR (n:MergedEntity) ON (n.uid);
DROP INDEX entity_search IF EXISTS;
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Buyer|Seller|Person|PaymentAccount|Merchant|Domain|HostingProvider|IPAddress|Email|Phone|Organisation|Report|Country|Address)
ON EACH [n.caption, n.keywords]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}};
