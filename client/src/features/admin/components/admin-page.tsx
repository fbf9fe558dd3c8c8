import { useState } from 'react';
import { AuditLog } from './audit-log';
import { UsersAdmin } from './users-admin';
import './admin.css';

/** Administration (admins only; the server refuses everyone else whatever the UI shows). */
export function AdminPage({ onClose }: { onClose: () => void }) {
  const [tab, setTab] = useState<'users' | 'audit'>('users');
  return (
    <div className="admin" role="dialog" aria-modal="true" aria-label="Administration" data-testid="admin-page">
      <header className="admin__header">
        <h1>Administration</h1>
        <nav className="admin__tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'users'} onClick={() => setTab('users')} data-testid="admin-tab-users">
            Users
          </button>
          <button type="button" role="tab" aria-selected={tab === 'audit'} onClick={() => setTab('audit')} data-testid="admin-tab-audit">
            Audit log
          </button>
        </nav>
        <button type="button" className="btn" onClick={onClose} data-testid="admin-close">
          Back to the workbench
        </button>
      </header>
      <div className="admin__body">{tab === 'users' ? <UsersAdmin /> : <AuditLog />}</div>
    </div>
  );
}
