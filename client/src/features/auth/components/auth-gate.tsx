import type { ReactNode } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { useSession, type SessionUser } from '../api/session';
import { SignInPage } from './sign-in-page';
import { installCsrfFetch } from '../lib/csrf';

installCsrfFetch();

/** Shows the sign-in page until there is a session, then the app (given the signed-in user). */
export function AuthGate({ children }: { children: (user: SessionUser) => ReactNode }) {
  const session = useSession();
  if (session.isPending) return <div className="signin signin--loading" aria-busy="true" />;
  if (session.isError)
    return (
      <main className="signin">
        <p className="signin__error" role="alert">
          {errorMessage(session.error)}
        </p>
      </main>
    );
  if (!session.data.user) return <SignInPage />;
  return <>{children(session.data.user)}</>;
}
