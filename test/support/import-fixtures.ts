import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../server/config.js';

/** The FinCEN transactions: the shared copy next to the repo when this setup has it, else the copy in fixtures. */
export function fincenTransactionsPath(): string {
  const shared = path.resolve(REPO_ROOT, '..', 'shared', 'datasets', 'fincen', 'transactions.csv');
  return existsSync(shared) ? shared : path.join(REPO_ROOT, 'test', 'fixtures', 'fincen', 'transactions.csv');
}

export const IMPORT_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'import');
