import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { useChangePassword, useSignOut, type SessionUser } from '../api/session';
import './auth.css';

const ROLE_NAMES: Record<SessionUser['role'], string> = { analyst: 'Analyst', supervisor: 'Supervisor', data: 'Data team', admin: 'Admin' };

/** Who is signed in (e-mail, role, organisation), with sign-out, password change and, for admins, administration. */
export function UserMenu({ user, onAdmin }: { user: SessionUser; onAdmin?: () => void }) {
  const [open, setOpen] = useState(false);
  const [changing, setChanging] = useState(false);
  const signOut = useSignOut();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  return (
    <div className="user-menu" ref={ref} data-testid="user-menu" data-role={user.role}>
      <button type="button" className="user-menu__button" onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="user-menu-button">
        <span className="user-menu__email">{user.email}</span>
        <span className="user-menu__role" data-testid="user-role">
          {ROLE_NAMES[user.role]}
        </span>
      </button>
      {open && (
        <div className="user-menu__panel" role="menu">
          <div className="user-menu__who">
            <strong>{user.email}</strong>
            <span className="muted">
              {ROLE_NAMES[user.role]} · {user.organisationName ?? user.organisationId}
              {user.lawEnforcement ? ' · law enforcement' : ''}
            </span>
          </div>
          {user.role === 'admin' && onAdmin && (
            <button type="button" role="menuitem" onClick={() => (setOpen(false), onAdmin())} data-testid="open-admin">
              Administration…
            </button>
          )}
          <button type="button" role="menuitem" onClick={() => (setOpen(false), setChanging(true))} data-testid="open-change-password">
            Change password…
          </button>
          <button type="button" role="menuitem" onClick={() => signOut.mutate()} data-testid="sign-out">
            Sign out
          </button>
        </div>
      )}
      {changing && <ChangePasswordDialog onClose={() => setChanging(false)} />}
    </div>
  );
}

function ChangePasswordDialog({ onClose }: { onClose: () => void }) {
  const change = useChangePassword();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const mismatch = repeat.length > 0 && repeat !== newPassword;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!mismatch) change.mutate({ currentPassword, newPassword });
  };
  return (
    <div className="modal" role="dialog" aria-modal="true" aria-labelledby="pw-title">
      <form className="modal__card" onSubmit={submit}>
        <h2 id="pw-title">Change password</h2>
        {change.isSuccess ? (
          <p role="status">Your password was changed. Your other sessions were signed out.</p>
        ) : (
          <>
            <label>
              Current password
              <input type="password" autoComplete="current-password" required value={currentPassword} onChange={(e) => setCurrent(e.target.value)} />
            </label>
            <label>
              New password (at least 12 characters)
              <input type="password" autoComplete="new-password" required minLength={12} value={newPassword} onChange={(e) => setNew(e.target.value)} />
            </label>
            <label>
              Repeat the new password
              <input type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
            </label>
            {mismatch && <p className="signin__error">The two new passwords differ.</p>}
            {change.isError && <p className="signin__error" role="alert">{errorMessage(change.error)}</p>}
          </>
        )}
        <div className="modal__actions">
          <button type="button" className="btn" onClick={onClose}>
            {change.isSuccess ? 'Close' : 'Cancel'}
          </button>
          {!change.isSuccess && (
            <button type="submit" className="btn btn--primary" disabled={change.isPending || mismatch}>
              Change password
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
