/**
 * Fixed reference data for the synthetic graph. Every name is invented; network identifiers come from ranges
 * reserved for documentation (RFC 5737 / RFC 3849 addresses, RFC 5398 AS numbers, Ofcom drama numbers, reserved
 * TLDs), so nothing generated can point at a real person, company, site or line.
 */
import type { CardScheme } from '../../domain/pan.js';

export type OrgKind = 'bank' | 'card_scheme' | 'payment_provider' | 'internet_company' | 'ngo' | 'police';

export interface OrgDef {
  key: string;
  name: string;
  kind: OrgKind;
  country: string;
  /** banks: the four-letter bank code used in IBANs and BICs */
  bankCode?: string;
  /** acquirers and e-wallet providers: short code used in merchant and wallet ids */
  code?: string;
}

export const ORGANISATIONS: readonly OrgDef[] = [
  { key: 'fjordline-bank', name: 'Fjordline Bank', kind: 'bank', country: 'NL', bankCode: 'FJRD' },
  { key: 'aurelwyn-bank', name: 'Aurelwyn Bank', kind: 'bank', country: 'NL', bankCode: 'AURW' },
  { key: 'kestrelmoor-savings', name: 'Kestrelmoor Savings Bank', kind: 'bank', country: 'IE', bankCode: 'KSTM' },
  { key: 'calderholt-bank', name: 'Calderholt Bank', kind: 'bank', country: 'IE', bankCode: 'CLDH' },
  { key: 'harbourgate-bank', name: 'Harbourgate Bank', kind: 'bank', country: 'GB', bankCode: 'HRBG' },
  { key: 'brackenfield-mutual', name: 'Brackenfield Mutual', kind: 'bank', country: 'GB', bankCode: 'BRKF' },
  { key: 'orbital-card-network', name: 'Orbital Card Network', kind: 'card_scheme', country: 'BE' },
  { key: 'polestar-card-scheme', name: 'Polestar Card Scheme', kind: 'card_scheme', country: 'BE' },
  { key: 'quorvix-pay', name: 'Quorvix Pay', kind: 'payment_provider', country: 'NL', code: 'QVX' },
  { key: 'tessarine-acquiring', name: 'Tessarine Acquiring', kind: 'payment_provider', country: 'IE', code: 'TSR' },
  { key: 'lumenkite-payments', name: 'Lumenkite Payments', kind: 'payment_provider', country: 'GB', code: 'LKP' },
  { key: 'zentrowallet', name: 'Zentrowallet', kind: 'payment_provider', country: 'NL', code: 'ZW' },
  // a crypto exchange that keeps its customers' deposit wallets and reports to the coalition
  { key: 'glimmerdock-exchange', name: 'Glimmerdock Exchange', kind: 'payment_provider', country: 'LT', code: 'GDX' },
  { key: 'nimbusridge-names', name: 'Nimbusridge Names', kind: 'internet_company', country: 'NL' },
  { key: 'skylantern-dns', name: 'Skylantern DNS Observatory', kind: 'internet_company', country: 'DE' },
  { key: 'brightwater-hotline', name: 'Brightwater Hotline', kind: 'ngo', country: 'NL' },
  { key: 'lanternfield-network', name: 'Lanternfield Reporting Network', kind: 'ngo', country: 'GB' },
  { key: 'tideway-cyber-unit', name: 'Tideway Police Cyber Unit', kind: 'police', country: 'NL' },
];

export const BANK_KEYS = ORGANISATIONS.filter((o) => o.kind === 'bank').map((o) => o.key);
export const ACQUIRER_KEYS = ['quorvix-pay', 'tessarine-acquiring', 'lumenkite-payments'] as const;
export const WALLET_PROVIDER_KEYS = ['lumenkite-payments', 'zentrowallet'] as const;
export const CRYPTO_EXCHANGE_KEY = 'glimmerdock-exchange';
export const NGO_KEYS = ['brightwater-hotline', 'lanternfield-network'] as const;
export const POLICE_KEY = 'tideway-cyber-unit';
export const DNS_FEED_KEY = 'skylantern-dns';
export const REGISTRY_FEED_KEY = 'nimbusridge-names';

/** Test BINs only; the remaining digits and the Luhn digit are derived at run time. */
export const TEST_BINS: readonly { bin: string; schemeOrg: string; scheme: CardScheme }[] = [
  { bin: '411111', schemeOrg: 'orbital-card-network', scheme: 'visa' },
  { bin: '424242', schemeOrg: 'orbital-card-network', scheme: 'visa' },
  { bin: '400000', schemeOrg: 'orbital-card-network', scheme: 'visa' },
  { bin: '555555', schemeOrg: 'polestar-card-scheme', scheme: 'mastercard' },
  { bin: '510510', schemeOrg: 'polestar-card-scheme', scheme: 'mastercard' },
  { bin: '222300', schemeOrg: 'polestar-card-scheme', scheme: 'mastercard' },
];

export const REGISTRARS = ['Nimbusridge Names', 'Ferrowick Registry Services', 'Quillmark Domains'] as const;
/** the registrar that looks away: ring domains are mostly registered here */
export const LAX_REGISTRAR = 'Anchorless Domains';

export const RESERVED_TLDS = ['example', 'test', 'invalid'] as const;
export const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

/** RFC 5398: AS numbers reserved for documentation. */
export const DOC_ASNS: readonly number[] = [
  ...Array.from({ length: 16 }, (_, i) => 64496 + i),
  ...Array.from({ length: 16 }, (_, i) => 65536 + i),
];

/** RFC 5737 blocks: the first two for servers, the third for people's connections. */
export const SERVER_IPV4_PREFIXES = ['192.0.2.', '198.51.100.'] as const;
export const USER_IPV4_PREFIX = '203.0.113.';

/** Ofcom numbers reserved for drama (E.164 prefix, count of numbers after it). */
export const FICTIONAL_PHONE_RANGES: readonly { prefix: string; size: number; national: string }[] = [
  { prefix: '+447700900', size: 1000, national: '07700 900' },
  { prefix: '+44207946', size: 1000, national: '020 7946 ' },
  { prefix: '+441134960', size: 1000, national: '0113 496 0' },
  { prefix: '+441144960', size: 1000, national: '0114 496 0' },
  { prefix: '+441154960', size: 1000, national: '0115 496 0' },
  { prefix: '+441164960', size: 1000, national: '0116 496 0' },
  { prefix: '+441174960', size: 1000, national: '0117 496 0' },
  { prefix: '+441184960', size: 1000, national: '0118 496 0' },
  { prefix: '+441214960', size: 1000, national: '0121 496 0' },
  { prefix: '+441314960', size: 1000, national: '0131 496 0' },
  { prefix: '+441414960', size: 1000, national: '0141 496 0' },
  { prefix: '+441514960', size: 1000, national: '0151 496 0' },
  { prefix: '+441614960', size: 1000, national: '0161 496 0' },
  { prefix: '+441914980', size: 1000, national: '0191 498 0' },
  { prefix: '+442920180', size: 1000, national: '029 2018 0' },
];

export const MAINSTREAM_HOSTS: readonly { name: string; country: string }[] = [
  { name: 'Cloudmere Networks', country: 'NL' },
  { name: 'Birchstack Hosting', country: 'DE' },
  { name: 'Oakvault Cloud', country: 'IE' },
  { name: 'Solvane Datacenters', country: 'FR' },
  { name: 'Greywell Compute', country: 'GB' },
  { name: 'Northpine Servers', country: 'SE' },
  { name: 'Tallgrass Web Services', country: 'US' },
  { name: 'Copperleaf Hosting', country: 'NL' },
  { name: 'Fennick Cloud', country: 'DE' },
  { name: 'Mistral Edge', country: 'FR' },
  { name: 'Larchmont Hosting', country: 'US' },
  { name: 'Quayside Servers', country: 'GB' },
  { name: 'Heronfield Data', country: 'IE' },
  { name: 'Saltmarsh Compute', country: 'NL' },
  { name: 'Brightmoor Hosting', country: 'DE' },
  { name: 'Alderbank Cloud', country: 'SE' },
  { name: 'Pinecrest Web', country: 'US' },
  { name: 'Wrenfield Hosting', country: 'GB' },
  { name: 'Kelpstone Networks', country: 'NL' },
  { name: 'Marlowe Datacenters', country: 'FR' },
  { name: 'Thistledown Cloud', country: 'GB' },
  { name: 'Ravensworth Hosting', country: 'DE' },
];

/** Hosters that ignore abuse reports: where rings end up once mainstream hosts evict them. */
export const BULLETPROOF_HOSTS: readonly { name: string; country: string }[] = [
  { name: 'Stormhold Hosting', country: 'SC' },
  { name: 'Ironcove Servers', country: 'PA' },
  { name: 'Blackreef Networks', country: 'BZ' },
];

export const RING_DOMAIN_WORDS = {
  first: ['velvet', 'amber', 'midnight', 'crimson', 'lunar', 'pale', 'ember', 'quiet', 'violet', 'onyx', 'silver', 'copper'],
  second: ['archive', 'gallery', 'vault', 'club', 'lounge', 'collection', 'room', 'depot', 'cellar', 'library', 'portal', 'annex'],
} as const;

export const SHELL_COMPANY_WORDS = ['Northgate', 'Bluecrest', 'Harrowden', 'Westmoor', 'Elmfield', 'Kingsley', 'Ashcombe', 'Redwater', 'Stonebridge', 'Fairhaven', 'Greyfriars', 'Oldcastle'] as const;
export const SHELL_COMPANY_SUFFIXES = ['Digital Media Ltd', 'Content Services B.V.', 'Online Solutions Ltd', 'Web Subscriptions Ltd', 'Media Licensing B.V.'] as const;
/** merchant category codes rings register under: digital goods and vague business services */
export const RING_MCCS = ['5815', '5817', '5968', '7399'] as const;

export const SHOP_WORDS = ['blue', 'green', 'oak', 'river', 'sunny', 'urban', 'maple', 'fresh', 'north', 'harbour', 'willow', 'stone', 'meadow', 'cedar', 'coral', 'bright'] as const;

/** Ordinary shop categories: merchant category code and a typical (median) ticket in euros. */
export const SHOP_CATEGORIES: readonly { word: string; label: string; mcc: string; median: number }[] = [
  { word: 'books', label: 'Books', mcc: '5942', median: 22 },
  { word: 'garden', label: 'Garden Supplies', mcc: '5261', median: 38 },
  { word: 'bikes', label: 'Bikes', mcc: '5940', median: 85 },
  { word: 'coffee', label: 'Coffee', mcc: '5814', median: 14 },
  { word: 'crafts', label: 'Crafts', mcc: '5970', median: 24 },
  { word: 'travel', label: 'Travel', mcc: '4722', median: 240 },
  { word: 'pets', label: 'Pet Supplies', mcc: '5995', median: 32 },
  { word: 'sports', label: 'Sports', mcc: '5941', median: 55 },
  { word: 'kitchen', label: 'Kitchenware', mcc: '5719', median: 45 },
  { word: 'music', label: 'Music', mcc: '5733', median: 28 },
  { word: 'games', label: 'Games', mcc: '5816', median: 19 },
  { word: 'tickets', label: 'Tickets', mcc: '7922', median: 65 },
  { word: 'grocer', label: 'Grocer', mcc: '5411', median: 42 },
  { word: 'fashion', label: 'Fashion', mcc: '5651', median: 60 },
  { word: 'software', label: 'Software', mcc: '5734', median: 35 },
  { word: 'streaming', label: 'Streaming', mcc: '5815', median: 11 },
];

/** Buyer countries with a relative weight and the currency their cards are held in. */
export const BUYER_COUNTRIES: readonly { country: string; weight: number; currency: string }[] = [
  { country: 'DE', weight: 18, currency: 'EUR' },
  { country: 'NL', weight: 14, currency: 'EUR' },
  { country: 'GB', weight: 16, currency: 'GBP' },
  { country: 'FR', weight: 12, currency: 'EUR' },
  { country: 'IE', weight: 5, currency: 'EUR' },
  { country: 'ES', weight: 8, currency: 'EUR' },
  { country: 'IT', weight: 8, currency: 'EUR' },
  { country: 'PL', weight: 6, currency: 'PLN' },
  { country: 'SE', weight: 5, currency: 'SEK' },
  { country: 'US', weight: 8, currency: 'USD' },
];

/** Countries whose IBAN BBAN is four letters of bank code and digits: the banks above live there. */
export const IBAN_COUNTRIES = ['NL', 'IE', 'GB'] as const;

export const CURRENCY_SYMBOL: Readonly<Record<string, string>> = { EUR: '€', GBP: '£', USD: '$', SEK: 'SEK ', PLN: 'PLN ' };

export const REPORT_PHRASES = {
  paid_access_site: 'site offering paid access to a members area',
  payment_page: 'payment page of a paid-access site',
  advertisement: 'forum post advertising a paid-access site',
} as const;
