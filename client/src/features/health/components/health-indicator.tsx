import { useHealth } from '../api/health';
import './health.css';

/** Green when the API and its database answer, red otherwise, grey until the first answer. */
export function HealthIndicator() {
  const health = useHealth();

  let state: 'unknown' | 'ok' | 'down' = 'unknown';
  let text = 'Checking…';
  let detail = 'Checking the server';
  if (health.data) {
    const { status, neo4j, reason } = health.data;
    state = status === 'ok' ? 'ok' : 'down';
    text = status === 'ok' ? 'Online' : 'Unavailable';
    const db = [neo4j.edition && `Neo4j ${neo4j.edition}`, neo4j.version, neo4j.database && `database ${neo4j.database}`]
      .filter(Boolean)
      .join(' · ');
    detail = status === 'ok' ? db || 'Connected' : (reason ?? 'The database is unreachable');
  } else if (health.isError) {
    state = 'down';
    text = 'Offline';
    detail = health.error.message;
  }

  return (
    <div className={`health health--${state}`} data-testid="health" data-status={state} title={detail} role="status">
      <span className="health__dot" aria-hidden="true" />
      <span className="health__text">{text}</span>
    </div>
  );
}
