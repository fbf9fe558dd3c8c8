import type { Database } from '../../db/database.js';
import type { Role } from '../../domain/roles.js';

export interface SessionRow {
  csrfToken: string;
  expiresAt: string;
  lastSeenAt: string;
  user: { id: string; email: string; role: Role; organisationId: string };
  organisationKind: string | null;
  organisationName: string | null;
}

/** Sessions live in Neo4j so they survive restarts and are shared by every app instance. */
export class SessionsRepository {
  constructor(private readonly db: Database) {}

  async create(s: { idHash: string; userId: string; csrfToken: string; now: string; expiresAt: string; ip: string | null; userAgent: string | null }): Promise<void> {
    await this.db.write('auth.session-create', s);
  }

  async find(idHash: string, now: string, idleCutoff: string): Promise<SessionRow | null> {
    const [row] = await this.db.read<SessionRow>('auth.session-find', { idHash, now, idleCutoff });
    return row ?? null;
  }

  async touch(idHash: string, now: string): Promise<void> {
    await this.db.write('auth.session-touch', { idHash, now });
  }

  async delete(idHash: string): Promise<void> {
    await this.db.write('auth.session-delete', { idHash });
  }

  async purgeExpired(now: string, idleCutoff: string): Promise<number> {
    const [row] = await this.db.write<{ deleted: number }>('auth.sessions-purge-expired', { now, idleCutoff });
    return row?.deleted ?? 0;
  }
}
