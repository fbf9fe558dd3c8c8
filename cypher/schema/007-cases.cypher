// @name schema.007-cases
// @mode write
// @returns nothing
// Case graphs (issue 8): cases by id and by owner/team (case lists), immutable versions by "caseId@number",
// one autosave draft per user and case, shares by principal, comments and activity by case.
CREATE CONSTRAINT case_id IF NOT EXISTS
FOR (c:Case) REQUIRE c.id IS UNIQUE;
CREATE INDEX case_owner IF NOT EXISTS
FOR (c:Case) ON (c.ownerId);
CREATE INDEX case_team IF NOT EXISTS
FOR (c:Case) ON (c.teamId);
CREATE CONSTRAINT case_version_id IF NOT EXISTS
FOR (v:CaseVersion) REQUIRE v.id IS UNIQUE;
CREATE CONSTRAINT case_draft_id IF NOT EXISTS
FOR (d:CaseDraft) REQUIRE d.id IS UNIQUE;
CREATE INDEX case_share_principal IF NOT EXISTS
FOR (s:CaseShare) ON (s.principal);
CREATE CONSTRAINT case_comment_id IF NOT EXISTS
FOR (m:CaseComment) REQUIRE m.id IS UNIQUE;
CREATE INDEX case_comment_case IF NOT EXISTS
FOR (m:CaseComment) ON (m.caseId);
CREATE INDEX case_activity_case IF NOT EXISTS
FOR (a:CaseActivity) ON (a.caseId)
