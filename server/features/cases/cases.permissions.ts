import type { Role } from '../../domain/roles.js';
import type { CaseAccessLevel, ShareRole } from './cases.schemas.js';

/**
 * Who may do what with a case (README § Cases). A case belongs to its owner and to a team: the owner's
 * organisation when the case was created. Access is the highest of:
 *   owner                                   → owner (everything, including sharing and transfer)
 *   supervisor of the case's team           → editor + may share and transfer ("supervisors see every case of their team")
 *   a share with the user                   → viewer | commenter | editor
 *   a share with the user's organisation    → viewer | commenter | editor
 * Anyone else has no access and is told the case does not exist (404), so a case link reveals nothing.
 * Admins manage accounts, not investigations: they get no implicit access.
 */
export interface CaseAccessSubject {
  id: string;
  role: Role;
  organisationId: string;
}
export interface CaseAccessFacts {
  ownerId: string;
  teamId: string;
  shares: readonly { kind: 'user' | 'team'; principal: string; role: ShareRole }[];
}
export interface CaseAccess {
  level: CaseAccessLevel | null;
  /** may change shares and transfer ownership */
  canManage: boolean;
}

const RANK: Record<CaseAccessLevel, number> = { viewer: 1, commenter: 2, editor: 3, owner: 4 };

export function accessTo(user: CaseAccessSubject, c: CaseAccessFacts): CaseAccess {
  if (c.ownerId === user.id) return { level: 'owner', canManage: true };
  let level: CaseAccessLevel | null = null;
  const raise = (l: CaseAccessLevel) => {
    if (!level || RANK[l] > RANK[level]) level = l;
  };
  const teamSupervisor = user.role === 'supervisor' && c.teamId === user.organisationId;
  if (teamSupervisor) raise('editor');
  for (const s of c.shares) {
    if ((s.kind === 'user' && s.principal === user.id) || (s.kind === 'team' && s.principal === user.organisationId)) raise(s.role);
  }
  return { level, canManage: teamSupervisor };
}

export function atLeast(level: CaseAccessLevel | null, wanted: CaseAccessLevel): boolean {
  return level !== null && RANK[level] >= RANK[wanted];
}
