/**
 * The investigation graph model: the only labels and relationship types that may ever be spliced into Cypher
 * text (everything else travels as $parameters). README § "The graph model" explains each one.
 */

export const ENTITY_LABELS = [
  'Buyer',
  'Seller',
  'Person',
  'PaymentAccount',
  'Transaction',
  'Merchant',
  'Domain',
  'HostingProvider',
  'IPAddress',
  'Email',
  'Phone',
  'Organisation',
  'Report',
  'Country', // issue 5: countries partners name (ISO 3166 alpha-2 key), so rows from everyone meet on one node
  'Address', // issue 5: postal addresses (FollowTheMoney Address entities)
] as const;
export type EntityLabel = (typeof ENTITY_LABELS)[number];

/**
 * Relationship types. Payments are reified as Transaction nodes:
 *   (PaymentAccount)-[:SENT]->(Transaction)-[:TO]->(PaymentAccount)
 *   (Transaction)-[:VIA]->(Merchant)            -- card/e-wallet payment acquired through a merchant account
 * A Transaction node carries amount, currency, timestamp, status and its own provenance, so a trail can be
 * made time-respecting (each hop later than the previous) and every payment can be cited on its own.
 */
export const REL_TYPES = [
  'HOLDS', // (Buyer|Seller|Person)-[:HOLDS]->(PaymentAccount): registered holder
  'CONTROLS', // (Seller)-[:CONTROLS]->(PaymentAccount|Merchant): beneficial control, e.g. over a mule's account
  'SENT', // (PaymentAccount)-[:SENT]->(Transaction)
  'TO', // (Transaction)-[:TO]->(PaymentAccount)
  'VIA', // (Transaction)-[:VIA]->(Merchant)
  'SETTLES_TO', // (Merchant)-[:SETTLES_TO]->(PaymentAccount): where the acquirer pays the merchant out
  'OPERATES', // (Seller)-[:OPERATES]->(Domain)
  'HOSTED_BY', // (Domain)-[:HOSTED_BY {from, to}]->(HostingProvider)
  'ACCEPTS', // (Domain)-[:ACCEPTS]->(Merchant|PaymentAccount): payment options offered on the site
  'RESOLVES_TO', // (Domain)-[:RESOLVES_TO {from, to}]->(IPAddress)
  'ANNOUNCED_BY', // (IPAddress)-[:ANNOUNCED_BY]->(HostingProvider)
  'USES_EMAIL', // (Buyer|Seller|Person)-[:USES_EMAIL]->(Email)
  'USES_PHONE', // (Buyer|Seller|Person)-[:USES_PHONE]->(Phone)
  'USES_IP', // (Buyer|Seller|Person)-[:USES_IP]->(IPAddress)
  'MENTIONS', // (Report)-[:MENTIONS]->(Domain|PaymentAccount|Email|Merchant|IPAddress|...)
  'FILED', // (Organisation)-[:FILED]->(Report)
  'REPLACED', // (Domain)-[:REPLACED]->(Domain): re-registration after a take-down
  'LOCATED_IN', // (Organisation|Person|...)-[:LOCATED_IN]->(Country): where a bank, company or person is based
  'HAS_ADDRESS', // (Person|Organisation)-[:HAS_ADDRESS]->(Address)
] as const;
export type RelType = (typeof REL_TYPES)[number];

export const PAYMENT_ACCOUNT_KINDS = ['card', 'bank_account', 'e_wallet', 'crypto_wallet'] as const;
export type PaymentAccountKind = (typeof PAYMENT_ACCOUNT_KINDS)[number];

export const TRANSACTION_STATUSES = ['settled', 'pending', 'declined', 'refunded', 'charged_back'] as const;

/**
 * Provenance carried by every node and relationship (property names):
 *   sources    string[]  ids of the Organisations that supplied the fact
 *   importIds  string[]  ids of the Import runs that wrote it
 *   firstSeen  datetime  when it was first recorded
 *   lastSeen   datetime  when it was last confirmed
 * Every entity node also has the extra label `Entity`, a unique `uid` ("<prefix>:<natural key>"),
 * a `caption` for display and `keywords` (alternative spellings for full-text search).
 */
export const PROVENANCE_KEYS = ['sources', 'importIds', 'firstSeen', 'lastSeen'] as const;

/** uid prefixes, so an id says what it is and natural keys from different labels never collide. */
export const UID_PREFIX: Record<EntityLabel, string> = {
  Buyer: 'buyer',
  Seller: 'seller',
  Person: 'person',
  PaymentAccount: 'acct',
  Transaction: 'tx',
  Merchant: 'merchant',
  Domain: 'domain',
  HostingProvider: 'host',
  IPAddress: 'ip',
  Email: 'email',
  Phone: 'phone',
  Organisation: 'org',
  Report: 'report',
  Country: 'country',
  Address: 'address',
};

export function isEntityLabel(x: string): x is EntityLabel {
  return (ENTITY_LABELS as readonly string[]).includes(x);
}
export function isRelType(x: string): x is RelType {
  return (REL_TYPES as readonly string[]).includes(x);
}
