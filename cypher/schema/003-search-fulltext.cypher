// @name schema.003-search-fulltext
// @mode write
// @returns nothing
// One full-text index for the search box over everything but individual transactions (which are reached by
// expanding accounts, not by name). keywords holds alternative spellings: IBAN groups, last 4, BIN, e-mail parts.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Buyer|Seller|Person|PaymentAccount|Merchant|Domain|HostingProvider|IPAddress|Email|Phone|Organisation|Report)
ON EACH [n.caption, n.keywords]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}};
