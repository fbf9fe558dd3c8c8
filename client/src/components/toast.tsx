import { dismiss, useNotification } from '../lib/notifications';
import './toast.css';

export function Toast() {
  const notification = useNotification();
  if (!notification) return null;
  return (
    <div
      className={`toast toast--${notification.kind}`}
      data-testid="toast"
      data-kind={notification.kind}
      role={notification.kind === 'error' ? 'alert' : 'status'}
      aria-live={notification.kind === 'error' ? 'assertive' : 'polite'}
    >
      <span className="toast__message">{notification.message}</span>
      {/* the × is drawn by CSS so the toast's text is only the message */}
      <button type="button" className="toast__close" onClick={dismiss} aria-label="Dismiss" />
    </div>
  );
}
