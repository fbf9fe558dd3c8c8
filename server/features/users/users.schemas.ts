import { z } from 'zod';
import { ROLES } from '../../domain/roles.js';

const email = z
  .string({ error: 'add an e-mail address' })
  .trim()
  .toLowerCase()
  .max(254, 'an e-mail address is at most 254 characters')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'this is not an e-mail address');
const role = z.enum(ROLES, { error: `role must be one of ${ROLES.join(', ')}` });

export const createUserSchema = z.object({
  email,
  role,
  organisationId: z.string({ error: 'choose the organisation the user belongs to' }).trim().min(1, 'choose the organisation the user belongs to'),
  password: z.string({ error: 'set an initial password' }),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    role: role.optional(),
    disabled: z.boolean({ error: 'disabled must be true or false' }).optional(),
    password: z.string().optional(),
  })
  .refine((v) => v.role !== undefined || v.disabled !== undefined || v.password !== undefined, { message: 'change the role, disabled or password' });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const userIdParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: role,
  organisationId: z.string(),
  organisationName: z.string().nullable(),
  disabled: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
});
export type UserSummary = z.infer<typeof userSchema>;

export interface OrganisationSummary {
  uid: string;
  name: string;
  kind: string | null;
}
