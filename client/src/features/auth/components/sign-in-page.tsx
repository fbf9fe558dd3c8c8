import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { useSignIn } from '../api/session';
import './auth.css';

/** The only screen a signed-out browser gets: nothing of the graph is loaded before sign-in. */
export function SignInPage() {
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email, password });
  };

  return (
    <main className="signin">
      <form className="signin__card" onSubmit={submit} data-testid="signin-form" aria-labelledby="signin-title">
        <div className="signin__brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <h1 id="signin-title">MoneyTrail</h1>
        </div>
        <p className="muted">Sign in with the account your administrator gave you. Every search and view is recorded.</p>
        <label>
          E-mail
          <input type="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} data-testid="signin-email" />
        </label>
        <label>
          Password
          <input type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} data-testid="signin-password" />
        </label>
        {signIn.isError && (
          <p className="signin__error" role="alert" data-testid="signin-error">
            {errorMessage(signIn.error)}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={signIn.isPending} data-testid="signin-submit">
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
