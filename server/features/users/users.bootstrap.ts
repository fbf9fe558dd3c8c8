import { randomBytes } from 'node:crypto';
import type { Role } from '../../domain/roles.js';
import type { UsersService } from './users.service.js';
import type { AuditService } from '../audit/audit.service.js';

export interface BootstrapOptions {
  adminEmail?: string | undefined;
  adminPassword?: string | undefined;
  /** organisation of the first admin; created as an "internal" organisation when no import brought it in */
  adminOrg?: string | undefined;
  /** demo mode (MONEYTRAIL_SEED is not none): create one demo user per role when there is no user */
  demo: boolean;
  /** where the demo passwords are printed once (never the logger: logs must not hold passwords) */
  print: (text: string) => void;
  log: (line: string) => void;
}

const POLICE = 'org:tideway-cyber-unit';
const BANK = 'org:fjordline-bank';
/** one per role, plus a bank analyst to show need-to-know between coalition partners */
const DEMO_USERS: readonly { email: string; role: Role; org: string }[] = [
  { email: 'admin@tideway.demo', role: 'admin', org: POLICE },
  { email: 'supervisor@tideway.demo', role: 'supervisor', org: POLICE },
  { email: 'analyst@tideway.demo', role: 'analyst', org: POLICE },
  { email: 'data@tideway.demo', role: 'data', org: POLICE },
  { email: 'analyst@fjordline.demo', role: 'analyst', org: BANK },
];

const actor = { userId: null, email: 'system:first-start', ip: null, target: null, resultCount: null, outcome: 'ok 200' } as const;

/**
 * First start: there is no default password, ever. The first admin comes from MONEYTRAIL_ADMIN_EMAIL and
 * MONEYTRAIL_ADMIN_PASSWORD (only while no user exists), or from `npm run user -- add`; the demo gets random
 * passwords that are printed once.
 */
export async function bootstrapUsers(users: UsersService, audit: AuditService, opts: BootstrapOptions): Promise<void> {
  if ((await users.count()).n > 0) return;
  if (opts.adminEmail && opts.adminPassword) {
    const org = opts.adminOrg ?? 'org:moneytrail-operators';
    await users.ensureOrganisation(org, org === 'org:moneytrail-operators' ? 'MoneyTrail operators' : org.replace(/^org:/, ''), 'internal');
    const created = await users.create({ email: opts.adminEmail, role: 'admin', organisationId: org, password: opts.adminPassword });
    await audit.append({ ...actor, action: 'user.create', target: created.email, params: { userId: created.id, role: 'admin', organisationId: org } });
    opts.log(`created the first admin ${created.email} from MONEYTRAIL_ADMIN_EMAIL`);
    return;
  }
  if (!opts.demo) {
    opts.log('no users yet: create the first admin with `npm run user -- add --email you@example.org --role admin --org org:...` or set MONEYTRAIL_ADMIN_EMAIL and MONEYTRAIL_ADMIN_PASSWORD');
    return;
  }
  const known = new Set((await users.organisations()).map((o) => o.uid));
  if (!known.has(POLICE) || !known.has(BANK)) {
    opts.log('no users yet and the demo organisations are missing: create the first admin with `npm run user -- add ...`');
    return;
  }
  const lines: string[] = [];
  for (const u of DEMO_USERS) {
    const password = randomBytes(12).toString('base64url');
    const created = await users.create({ email: u.email, role: u.role, organisationId: u.org, password });
    await audit.append({ ...actor, action: 'user.create', target: created.email, params: { userId: created.id, role: u.role, organisationId: u.org, demo: true } });
    lines.push(`  ${u.role.padEnd(10)} ${u.email.padEnd(26)} ${password}   (${created.organisationName ?? u.org})`);
  }
  opts.print(
    ['', 'Demo users (the passwords are shown only this once; change them with `npm run user -- passwd --email ...`):', ...lines, ''].join('\n') + '\n',
  );
}
