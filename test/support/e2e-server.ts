import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../server/app.js';
import type { Database } from '../../server/db/database.js';
import { createLogger } from '../../server/logger.js';

/** The real app (API + built client) on a free port, for the browser to talk to. */
export async function startAppServer(db: Database): Promise<{ baseUrl: string; close(): Promise<void> }> {
  const app = createApp({ db, logger: createLogger('silent', false) });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
