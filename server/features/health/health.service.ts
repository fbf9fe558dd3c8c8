import { setTimeout as delay } from 'node:timers/promises';
import type { Database } from '../../db/database.js';
import { databaseOrigin, type DatabaseOrigin } from '../../db/open-database.js';
import type { HealthResponse } from './health.schemas.js';

/** A load balancer or `curl` waits for this answer: a hung Neo4j must turn into a 503 quickly, not in minutes. */
export const HEALTH_TIMEOUT_MS = 4000;

class HealthTimeout extends Error {}

/** Health is the one place that talks to the Database directly: asking the server is the whole point. */
export class HealthService {
  private readonly timeoutMs: number;

  constructor(
    private readonly db: Database,
    opts: { timeoutMs?: number } = {},
  ) {
    this.timeoutMs = opts.timeoutMs ?? HEALTH_TIMEOUT_MS;
  }

  async check(): Promise<HealthResponse> {
    const asked = this.db.serverInfo();
    asked.catch(() => {}); // after a timeout the late answer (or error) is of no interest
    const timer = new AbortController();
    try {
      const info = await Promise.race([
        asked,
        delay(this.timeoutMs, undefined, { signal: timer.signal }).then(() => {
          throw new HealthTimeout();
        }),
      ]);
      return {
        status: 'ok',
        neo4j: { reachable: true, address: info.address, version: info.version, edition: info.edition, database: this.db.database ?? null },
      };
    } catch (err) {
      return {
        status: 'unavailable',
        neo4j: { reachable: false, address: null, version: null, edition: null, database: this.db.database ?? null },
        reason: describeFailure(err, databaseOrigin(this.db), this.timeoutMs),
      };
    } finally {
      timer.abort();
    }
  }
}

/** One sentence that says what to check, which differs between the app's own Neo4j and one chosen by NEO4J_URI. */
function describeFailure(err: unknown, origin: DatabaseOrigin | undefined, timeoutMs: number): string {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'Neo.ClientError.Security.Unauthorized')
    return origin?.managedHome
      ? `MoneyTrail's own Neo4j refused its password (see ${origin.managedHome}/neo4j-credentials.json); restart MoneyTrail`
      : 'Neo4j refused the user name or password (check NEO4J_USER / NEO4J_PASSWORD)';
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') return 'Neo4j has no such database (check NEO4J_DATABASE)';
  const silent = err instanceof HealthTimeout;
  if (!silent && code !== 'ServiceUnavailable' && code !== 'SessionExpired') return 'Neo4j did not answer a health query';
  const what = silent ? `did not answer within ${timeoutMs / 1000} s` : 'is not answering';
  if (origin?.managedHome)
    return `MoneyTrail's own Neo4j at ${origin.uri} ${what} (stopped or hung?): see ${origin.managedHome}/neo4j/logs/neo4j.log and restart MoneyTrail`;
  if (origin) return `Neo4j at ${origin.uri} ${what} (is it running? check NEO4J_URI)`;
  return `Neo4j ${what} at the configured address (is it running? check NEO4J_URI)`;
}
