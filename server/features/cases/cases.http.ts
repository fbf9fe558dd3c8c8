import type { Request } from 'express';
import { viewerOf } from '../../http/access.js';
import type { Actor } from './cases.service.js';

/** The signed-in user as the cases services see them (only behind access({ roles })). */
export function actorOf(req: Request): Actor {
  const viewer = viewerOf(req);
  const user = req.user!;
  return { id: user.id, email: user.email, role: user.role, organisationId: user.organisationId, viewer };
}
