import type { Database } from '../../db/database.js';
import type { HealthResponse } from './health.schemas.js';

/** Health is the one place that talks to the Database directly: asking the server is the whole point. */
export class HealthService {
  constructor(private readonly db: Database) {}

  async check(): Promise<HealthResponse> {
    try {
      const info = await this.db.serverInfo();
      return {
        status: 'ok',
        neo4j: { reachable: true, address: info.address, version: info.version, edition: info.edition, database: this.db.database ?? null },
      };
    } catch (err) {
      return {
        status: 'unavailable',
        neo4j: { reachable: false, address: null, version: null, edition: null, database: this.db.database ?? null },
        reason: describeDriverError(err),
      };
    }
  }
}

function describeDriverError(err: unknown): string {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'Neo.ClientError.Security.Unauthorized') return 'Neo4j refused the user name or password (check NEO4J_USER / NEO4J_PASSWORD)';
  if (code === 'ServiceUnavailable') return 'Neo4j is not answering at the configured address (is it running? check NEO4J_URI)';
  return 'Neo4j did not answer a health query';
}
