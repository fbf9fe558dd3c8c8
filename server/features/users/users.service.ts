import { randomUUID } from 'node:crypto';
import { AppError, errors } from '../../errors.js';
import type { Role } from '../../domain/roles.js';
import { hashPassword, passwordProblem } from './users.password.js';
import type { UserListRow, UsersRepository } from './users.repository.js';
import type { OrganisationSummary, UserSummary } from './users.schemas.js';

export interface CreateUser {
  email: string;
  role: Role;
  organisationId: string;
  password: string;
}

function summary(row: UserListRow['user'], organisationName: string | null): UserSummary {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    organisationId: row.organisationId,
    organisationName,
    disabled: row.disabled === true,
    locked: row.lockedUntil != null && row.lockedUntil > new Date().toISOString(),
    createdAt: row.createdAt ?? null,
    lastLoginAt: row.lastLoginAt ?? null,
  };
}

/** User administration; used by the admin API, the `npm run user` CLI and the first start alike. */
export class UsersService {
  constructor(private readonly repo: UsersRepository) {}

  async create(input: CreateUser): Promise<UserSummary> {
    const email = input.email.trim().toLowerCase();
    const problem = passwordProblem(input.password, email);
    if (problem) throw errors.badRequest(`body parameter "password": ${problem}`);
    if (!(await this.repo.organisation(input.organisationId)))
      throw errors.badRequest(`body parameter "organisationId": no organisation "${input.organisationId}" (use an org:... uid)`);
    if (await this.repo.byEmail(email)) throw new AppError('conflict', 409, `a user with the e-mail ${email} already exists`);
    const row = await this.repo.create(
      { id: randomUUID(), email, role: input.role, organisationId: input.organisationId, passwordHash: await hashPassword(input.password) },
      new Date().toISOString(),
    );
    if (!row) throw errors.badRequest(`body parameter "organisationId": no organisation "${input.organisationId}"`);
    return summary({ ...row.user, lastLoginAt: null, lockedUntil: null }, row.organisationName);
  }

  async list(): Promise<UserSummary[]> {
    return (await this.repo.list()).map((r) => summary(r.user, r.organisationName));
  }

  async find(idOrEmail: string): Promise<UserSummary> {
    const all = await this.list();
    const found = all.find((u) => u.id === idOrEmail || u.email === idOrEmail.trim().toLowerCase());
    if (!found) throw errors.notFound(`user "${idOrEmail}"`);
    return found;
  }

  /** Role change, disable/enable and password reset; every change ends the user's sessions. */
  async update(id: string, change: { role?: Role | undefined; disabled?: boolean | undefined; password?: string | undefined }): Promise<UserSummary> {
    const current = await this.repo.byId(id);
    if (!current) throw errors.notFound(`user "${id}"`);
    const losesAdmin = current.role === 'admin' && !current.disabled && ((change.role && change.role !== 'admin') || change.disabled === true);
    if (losesAdmin && (await this.repo.count()).admins <= 1)
      throw new AppError('conflict', 409, 'this is the last enabled admin: create another admin first');
    const now = new Date().toISOString();
    if (change.password !== undefined) {
      const problem = passwordProblem(change.password, current.email);
      if (problem) throw errors.badRequest(`body parameter "password": ${problem}`);
      await this.repo.setPassword(id, await hashPassword(change.password), now);
    }
    const updated = await this.repo.update(id, { role: change.role ?? null, disabled: change.disabled ?? null }, now);
    if (!updated) throw errors.notFound(`user "${id}"`);
    await this.repo.endSessions(id);
    return this.find(id);
  }

  async organisations(): Promise<OrganisationSummary[]> {
    return this.repo.organisations();
  }

  count(): Promise<{ n: number; admins: number }> {
    return this.repo.count();
  }

  /** The organisation an operator names for the first admin; created when no import has brought it in. */
  async ensureOrganisation(uid: string, name: string, kind: string): Promise<OrganisationSummary> {
    return (await this.repo.organisation(uid)) ?? this.repo.ensureOrganisation(uid, name, kind, new Date().toISOString());
  }
}
