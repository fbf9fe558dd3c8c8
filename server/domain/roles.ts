/** Roles of the coalition's users (README § Access). */
export const ROLES = ['analyst', 'supervisor', 'data', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Everyone signed in. */
export const ANY_ROLE: readonly Role[] = ROLES;
