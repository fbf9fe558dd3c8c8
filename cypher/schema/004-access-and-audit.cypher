// @name schema.004-access-and-audit
// @mode write
// @returns nothing
// Accounts, sessions and the audit chain (issue 7). Users are found by id and by e-mail (lower-cased), sessions
// by the hash of their cookie id; the audit head is a single node whose lock serialises appends to the chain.
CREATE CONSTRAINT user_id IF NOT EXISTS
FOR (u:User) REQUIRE u.id IS UNIQUE;
CREATE CONSTRAINT user_email IF NOT EXISTS
FOR (u:User) REQUIRE u.email IS UNIQUE;
CREATE CONSTRAINT session_id_hash IF NOT EXISTS
FOR (s:Session) REQUIRE s.idHash IS UNIQUE;
CREATE INDEX session_expires IF NOT EXISTS
FOR (s:Session) ON (s.expiresAt);
CREATE CONSTRAINT audit_seq IF NOT EXISTS
FOR (a:AuditRecord) REQUIRE a.seq IS UNIQUE;
CREATE INDEX audit_at IF NOT EXISTS
FOR (a:AuditRecord) ON (a.at);
CREATE CONSTRAINT audit_head_id IF NOT EXISTS
FOR (h:AuditHead) REQUIRE h.id IS UNIQUE;
