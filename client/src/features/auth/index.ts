export { AuthGate } from './components/auth-gate';
export { UserMenu } from './components/user-menu';
export { postJson, useSession, type SessionUser } from './api/session';
export { csrfHeaders } from './lib/csrf';
