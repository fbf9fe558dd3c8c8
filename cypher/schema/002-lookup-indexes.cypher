// @name schema.002-lookup-indexes
// @mode write
// @returns nothing
// Range indexes for the look-ups analysts make all day: money by time and amount, accounts by last 4 / BIN,
// domains by registration date, reports by date.
CREATE INDEX transaction_timestamp IF NOT EXISTS
FOR (n:Transaction) ON (n.timestamp);
CREATE INDEX transaction_amount IF NOT EXISTS
FOR (n:Transaction) ON (n.amount);
CREATE INDEX account_last4 IF NOT EXISTS
FOR (n:PaymentAccount) ON (n.last4);
CREATE INDEX account_bin IF NOT EXISTS
FOR (n:PaymentAccount) ON (n.bin);
CREATE INDEX account_kind IF NOT EXISTS
FOR (n:PaymentAccount) ON (n.kind);
CREATE INDEX merchant_mcc IF NOT EXISTS
FOR (n:Merchant) ON (n.mcc);
CREATE INDEX domain_registered IF NOT EXISTS
FOR (n:Domain) ON (n.registeredAt);
CREATE INDEX report_received IF NOT EXISTS
FOR (n:Report) ON (n.receivedAt);
CREATE INDEX entity_caption IF NOT EXISTS
FOR (n:Entity) ON (n.caption);
