/**
 * `npm start` mistakes a new user makes, tried as they would: the real server entry point in a child process,
 * against the test Neo4j (NEO4J_URI). Each must end in one line saying what to change and a non-zero exit.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { freePort } from '../support/ports.js';

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

describe('npm start refuses a bad set-up with one clear line', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'mt-startup-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  function startServer(env: Record<string, string>): Promise<Run> {
    const neo = inject('neo4j');
    const base: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^(NEO4J_|MONEYTRAIL_|PORT$|HOST$)/.test(k)) base[k] = v;
    const started = Date.now();
    return new Promise((resolve) => {
      const child = execFile(
        TSX,
        ['server/index.ts'],
        {
          cwd: REPO_ROOT,
          timeout: 60_000,
          env: {
            ...base,
            MONEYTRAIL_HOME: home,
            MONEYTRAIL_SEED: 'none',
            LOG_LEVEL: 'warn',
            NEO4J_URI: neo.uri,
            NEO4J_USER: neo.user,
            NEO4J_PASSWORD: neo.password,
            ...(neo.database ? { NEO4J_DATABASE: neo.database } : {}),
            ...env,
          },
        },
        (_err, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr, seconds: (Date.now() - started) / 1000 }),
      );
    });
  }

  function expectOneLine(run: Run, pattern: RegExp): void {
    expect(run.code, run.stderr).not.toBe(0);
    expect(run.code).not.toBeNull(); // it exited by itself, it was not killed by the timeout
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(pattern)]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }

  it('names PORT when the HTTP port is taken, before it spends time on the database', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      // the database address is unreachable on purpose: the port must be checked first
      const run = await startServer({ PORT: String(port), NEO4J_URI: 'bolt://127.0.0.1:1' });
      expectOneLine(run, new RegExp(`^error: port ${port} is in use: set PORT to a free port or stop the other process$`));
      const withDb = await startServer({ PORT: String(port) });
      expectOneLine(withDb, new RegExp(`^error: port ${port} is in use: set PORT`));
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 120_000);

  it('names NEO4J_DATABASE when the server has no such database', async () => {
    const run = await startServer({ PORT: String(await freePort()), NEO4J_DATABASE: 'nosuchdb' });
    expectOneLine(run, /^error: Neo4j at \S+ has no database "nosuchdb": check NEO4J_DATABASE/);
  }, 120_000);

  it('names NEO4J_USER and NEO4J_PASSWORD when the password is wrong', async () => {
    const run = await startServer({ PORT: String(await freePort()), NEO4J_PASSWORD: 'not-the-password' });
    expectOneLine(run, /^error: Neo4j at \S+ refused user "neo4j": check NEO4J_USER and NEO4J_PASSWORD$/);
  }, 120_000);
});
