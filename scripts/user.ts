/**
 * `npm run user -- <command>`: user administration from the command line, with or without the app running.
 *   add --email E --role analyst|supervisor|data|admin --org org:... [--org-name N --org-kind K]
 *   list | orgs | disable --email E | enable --email E | role --email E --role R | passwd --email E
 * Passwords are typed at a prompt that does not echo, or read from MONEYTRAIL_USER_PASSWORD (automation).
 * There is no default password. Every change is written to the audit trail as done by "cli:<os user>".
 */
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { AppError } from '../server/errors.js';
import { ROLES, type Role } from '../server/domain/roles.js';
import { AuditRepository } from '../server/features/audit/audit.repository.js';
import { AuditService } from '../server/features/audit/audit.service.js';
import { UsersRepository } from '../server/features/users/users.repository.js';
import { UsersService } from '../server/features/users/users.service.js';
import { openCliDatabase } from './cli-database.js';

class UsageError extends Error {}
const USAGE = 'usage: npm run user -- add --email E --role R --org org:... | list | orgs | disable --email E | enable --email E | role --email E --role R | passwd --email E';

async function readPassword(prompt: string): Promise<string> {
  const fromEnv = process.env.MONEYTRAIL_USER_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError('no terminal to ask for the password: set MONEYTRAIL_USER_PASSWORD');
  const ask = (text: string) =>
    new Promise<string>((resolve, reject) => {
      process.stderr.write(text);
      const stdin = process.stdin;
      stdin.setRawMode(true);
      stdin.resume();
      stdin.setEncoding('utf8');
      let value = '';
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off('data', onData);
            process.stderr.write('\n');
            return resolve(value);
          }
          if (ch === '\u0003') {
            stdin.setRawMode(false);
            return reject(new UsageError('cancelled'));
          }
          if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
          else value += ch;
        }
      };
      stdin.on('data', onData);
    });
  const first = await ask(prompt);
  const again = await ask('Repeat it: ');
  if (first !== again) throw new UsageError('the two passwords differ');
  return first;
}

function role(value: string | undefined): Role {
  if (!value || !(ROLES as readonly string[]).includes(value)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  return value as Role;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({ args: rest, options: { email: { type: 'string' }, role: { type: 'string' }, org: { type: 'string' }, 'org-name': { type: 'string' }, 'org-kind': { type: 'string' } }, strict: true }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}; ${USAGE}`);
  }
  if (!command || !['add', 'list', 'orgs', 'disable', 'enable', 'role', 'passwd'].includes(command)) throw new UsageError(USAGE);
  const needEmail = () => {
    if (!values.email) throw new UsageError(`${command} needs --email`);
    return values.email;
  };
  // validate arguments and read the password before starting a database
  if (command === 'add') {
    needEmail();
    role(values.role);
    if (!values.org) throw new UsageError('add needs --org (an Organisation uid such as org:tideway-cyber-unit; `npm run user -- orgs` lists them)');
  }
  if (command === 'role') role(values.role);
  if (['disable', 'enable', 'role', 'passwd'].includes(command)) needEmail();
  const password = command === 'add' || command === 'passwd' ? await readPassword(`Password for ${values.email}: `) : null;

  const opened = await openCliDatabase((line) => process.stderr.write(`${line}\n`));
  try {
    const users = new UsersService(new UsersRepository(opened.db));
    const audit = new AuditService(new AuditRepository(opened.db));
    const actor = `cli:${userInfo().username}`;
    const record = (action: string, target: string, params: Record<string, unknown>) =>
      audit.append({ userId: null, email: actor, ip: 'cli', action, target, params, resultCount: null, outcome: 'ok 200' });

    switch (command) {
      case 'list': {
        for (const u of await users.list())
          process.stdout.write(`${u.email}\t${u.role}\t${u.organisationId}\t${u.disabled ? 'disabled' : u.locked ? 'locked' : 'active'}\n`);
        await record('user.list', 'users', {});
        return 0;
      }
      case 'orgs': {
        for (const o of await users.organisations()) process.stdout.write(`${o.uid}\t${o.kind ?? ''}\t${o.name}\n`);
        return 0;
      }
      case 'add': {
        const org = values.org!;
        if (values['org-name']) await users.ensureOrganisation(org, values['org-name'], values['org-kind'] ?? 'internal');
        const created = await users.create({ email: values.email!, role: role(values.role), organisationId: org, password: password! });
        await record('user.create', created.email, { userId: created.id, role: created.role, organisationId: created.organisationId });
        process.stdout.write(`created ${created.role} ${created.email} (${created.organisationName ?? created.organisationId})\n`);
        return 0;
      }
      default: {
        const user = await users.find(needEmail());
        const change =
          command === 'disable' ? { disabled: true } : command === 'enable' ? { disabled: false } : command === 'role' ? { role: role(values.role) } : { password: password! };
        await users.update(user.id, change);
        const params = command === 'passwd' ? { passwordReset: true } : change;
        await record('user.update', user.email, { userId: user.id, ...params });
        process.stdout.write(`${command === 'passwd' ? 'password set for' : `${command}d`} ${user.email}\n`);
        return 0;
      }
    }
  } finally {
    await opened.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const msg = err instanceof UsageError || err instanceof AppError ? err.message : `user command failed: ${(err as Error).message}`;
    process.stderr.write(`error: ${msg}\n`);
    process.exit(1);
  },
);
