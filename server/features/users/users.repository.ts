import type { Database } from '../../db/database.js';
import type { Role } from '../../domain/roles.js';

export interface UserRecord {
  id: string;
  email: string;
  role: Role;
  organisationId: string;
  disabled: boolean;
  passwordHash: string;
  failedLogins: number | null;
  lockedUntil: string | null;
}

export interface UserListRow {
  user: { id: string; email: string; role: Role; organisationId: string; disabled: boolean; createdAt: string; lockedUntil: string | null; lastLoginAt: string | null };
  organisationName: string | null;
  organisationKind: string | null;
}

export interface OrganisationRow {
  uid: string;
  name: string;
  kind: string | null;
}

export interface NewUser {
  id: string;
  email: string;
  role: Role;
  organisationId: string;
  passwordHash: string;
}

/** The only code that runs the users/ Cypher. */
export class UsersRepository {
  constructor(private readonly db: Database) {}

  async create(u: NewUser, now: string): Promise<UserListRow | null> {
    const [row] = await this.db.write<UserListRow>('users.create', { ...u, now });
    return row ?? null;
  }

  async byEmail(email: string): Promise<{ user: UserRecord; organisationKind: string | null } | null> {
    const [row] = await this.db.read<{ user: UserRecord; organisationKind: string | null }>('users.by-email', { email });
    return row ?? null;
  }

  async byId(id: string): Promise<UserRecord | null> {
    const [row] = await this.db.read<{ user: UserRecord }>('users.by-id', { id });
    return row?.user ?? null;
  }

  list(): Promise<UserListRow[]> {
    return this.db.read<UserListRow>('users.list');
  }

  async count(): Promise<{ n: number; admins: number }> {
    const [row] = await this.db.read<{ n: number; admins: number }>('users.count');
    return row ?? { n: 0, admins: 0 };
  }

  async update(id: string, change: { role: Role | null; disabled: boolean | null }, now: string): Promise<UserListRow['user'] | null> {
    const [row] = await this.db.write<{ user: UserListRow['user'] }>('users.update', { id, ...change, now });
    return row?.user ?? null;
  }

  async setPassword(id: string, passwordHash: string, now: string): Promise<boolean> {
    return (await this.db.write('users.set-password', { id, passwordHash, now })).length > 0;
  }

  async loginFailed(id: string, maxFailures: number, lockUntil: string): Promise<{ failedLogins: number; lockedUntil: string | null }> {
    const [row] = await this.db.write<{ failedLogins: number; lockedUntil: string | null }>('users.login-failed', { id, maxFailures, lockUntil });
    return row ?? { failedLogins: 0, lockedUntil: null };
  }

  async loginSucceeded(id: string, now: string): Promise<void> {
    await this.db.write('users.login-succeeded', { id, now });
  }

  async organisation(uid: string): Promise<OrganisationRow | null> {
    const [row] = await this.db.read<OrganisationRow>('users.organisation', { uid });
    return row ?? null;
  }

  organisations(): Promise<OrganisationRow[]> {
    return this.db.read<OrganisationRow>('users.organisations');
  }

  async ensureOrganisation(uid: string, name: string, kind: string, now: string): Promise<OrganisationRow> {
    const [row] = await this.db.write<OrganisationRow>('users.ensure-organisation', { uid, name, kind, now });
    return row!;
  }

  async endSessions(userId: string, keepIdHash: string | null = null): Promise<number> {
    const [row] = await this.db.write<{ deleted: number }>('auth.sessions-delete-for-user', { userId, keepIdHash });
    return row?.deleted ?? 0;
  }
}
