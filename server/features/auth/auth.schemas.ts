import { z } from 'zod';
import type { Role } from '../../domain/roles.js';

export const loginSchema = z.object({
  email: z.string({ error: 'add your e-mail address' }).trim().min(1, 'add your e-mail address').max(254, 'an e-mail address is at most 254 characters'),
  password: z.string({ error: 'add your password' }).min(1, 'add your password').max(256, 'a password is at most 256 characters'),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: 'add your current password' }).min(1, 'add your current password'),
  newPassword: z.string({ error: 'add the new password' }),
});

export interface SessionResponse {
  user: {
    id: string;
    email: string;
    role: Role;
    organisationId: string;
    organisationName: string | null;
    lawEnforcement: boolean;
  } | null;
  /** echo in the x-csrf-token header on every state-changing request */
  csrfToken: string | null;
}
