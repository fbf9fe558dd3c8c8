import { useState } from 'react';
import { AdminPage } from '../features/admin';
import { AuthGate, UserMenu, type SessionUser } from '../features/auth';
import { GraphSessionProvider } from '../features/graph';
import { AppProvider } from './provider';
import { Workbench } from './workbench';
import './app.css';

export function App() {
  return (
    <AppProvider>
      <AuthGate>{(user) => <SignedInApp key={user.id} user={user} />}</AuthGate>
    </AppProvider>
  );
}

/** Keyed by user: signing in as someone else starts from an empty canvas. */
function SignedInApp({ user }: { user: SessionUser }) {
  const [admin, setAdmin] = useState(false);
  return (
    <GraphSessionProvider>
      <Workbench userMenu={<UserMenu user={user} onAdmin={() => setAdmin(true)} />} />
      {admin && user.role === 'admin' && <AdminPage onClose={() => setAdmin(false)} />}
    </GraphSessionProvider>
  );
}
