import net from 'node:net';

/**
 * Tries to listen on port/host and lets go at once: null when it is free, else the listen error (EADDRINUSE,
 * EACCES, EADDRNOTAVAIL...) for the caller to turn into the one line that names its own setting.
 */
export function probePort(port: number, host: string): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => resolve(err));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(null)));
  });
}
