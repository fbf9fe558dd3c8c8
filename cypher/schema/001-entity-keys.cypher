// @name schema.001-entity-keys
// @mode write
// @returns nothing
// Every entity is found by its uid (the key all API routes use) and by its natural key per label.
// Unique constraints also give the index that MERGE on import needs.
CREATE CONSTRAINT entity_uid IF NOT EXISTS
FOR (n:Entity) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT domain_name IF NOT EXISTS
FOR (n:Domain) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT email_address IF NOT EXISTS
FOR (n:Email) REQUIRE n.address IS UNIQUE;
CREATE CONSTRAINT phone_number IF NOT EXISTS
FOR (n:Phone) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT ip_address IF NOT EXISTS
FOR (n:IPAddress) REQUIRE n.address IS UNIQUE;
CREATE CONSTRAINT account_pan_hash IF NOT EXISTS
FOR (n:PaymentAccount) REQUIRE n.panHash IS UNIQUE;
CREATE CONSTRAINT account_iban IF NOT EXISTS
FOR (n:PaymentAccount) REQUIRE n.iban IS UNIQUE;
CREATE CONSTRAINT import_id IF NOT EXISTS
FOR (n:Import) REQUIRE n.id IS UNIQUE;
