import type { EntityLabel } from '../../types/api';

/**
 * One colour per label, dark enough to carry a white glyph and distinct enough to tell apart on a busy canvas.
 * Red is kept for sellers: they are who the money trail leads to.
 */
export const LABEL_COLOURS: Record<EntityLabel, string> = {
  Buyer: '#2563eb',
  Seller: '#dc2626',
  Person: '#7c3aed',
  PaymentAccount: '#15803d',
  Transaction: '#b45309',
  Merchant: '#ea580c',
  Domain: '#0891b2',
  HostingProvider: '#334155',
  IPAddress: '#4338ca',
  Email: '#db2777',
  Phone: '#0f766e',
  Organisation: '#78716c',
  Report: '#9f1239',
  Country: '#0369a1',
  Address: '#65a30d',
};

export const LABEL_NAMES: Record<EntityLabel, string> = {
  Buyer: 'Buyer',
  Seller: 'Seller',
  Person: 'Person',
  PaymentAccount: 'Payment account',
  Transaction: 'Transaction',
  Merchant: 'Merchant',
  Domain: 'Domain',
  HostingProvider: 'Hosting provider',
  IPAddress: 'IP address',
  Email: 'Email',
  Phone: 'Phone',
  Organisation: 'Organisation',
  Report: 'Report',
  Country: 'Country',
  Address: 'Address',
};
