import { Router } from 'express';
import { access } from '../../http/access.js';
import { auditWith } from '../../http/audit-context.js';
import { parseInput } from '../../http/validate.js';
import type { UsersService } from './users.service.js';
import { createUserSchema, updateUserSchema, userIdParamsSchema } from './users.schemas.js';

/** User administration (admins). Every act is audited; passwords never reach the audit trail or the logs. */
export function usersRoutes(users: UsersService): Router {
  const router = Router();
  const admin = access({ roles: ['admin'] });

  router.get('/users', admin, async (_req, res) => {
    const list = await users.list();
    auditWith(res, { action: 'user.list', resultCount: list.length });
    res.json({ users: list });
  });

  router.post('/users', admin, async (req, res) => {
    auditWith(res, { action: 'user.create', target: typeof req.body?.email === 'string' ? req.body.email : null });
    const input = parseInput(createUserSchema, req.body, 'body');
    auditWith(res, { action: 'user.create', target: input.email, params: { role: input.role, organisationId: input.organisationId } });
    const created = await users.create(input);
    auditWith(res, { action: 'user.create', target: created.email, params: { userId: created.id, role: created.role, organisationId: created.organisationId } });
    res.status(201).json({ user: created });
  });

  router.patch('/users/:id', admin, async (req, res) => {
    const { id } = parseInput(userIdParamsSchema, req.params, 'path');
    auditWith(res, { action: 'user.update', target: id });
    const change = parseInput(updateUserSchema, req.body, 'body');
    const params = { ...(change.role ? { role: change.role } : {}), ...(change.disabled !== undefined ? { disabled: change.disabled } : {}), ...(change.password !== undefined ? { passwordReset: true } : {}) };
    auditWith(res, { action: 'user.update', target: id, params });
    const updated = await users.update(id, change);
    auditWith(res, { action: 'user.update', target: updated.email, params: { userId: id, ...params } });
    res.json({ user: updated });
  });

  router.get('/organisations', admin, async (_req, res) => {
    res.json({ organisations: await users.organisations() });
  });

  return router;
}
