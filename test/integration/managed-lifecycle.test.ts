/**
 * The app with its own Neo4j (no NEO4J_URI), as `npm start` runs it: a stop signal must take the JVM down with
 * the app, and a JVM that dies under a running app must end the app with one line instead of leaving it serving
 * 503s in silence. Uses its own data folder beside the test server's (warm after the first run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { REPO_ROOT } from '../../server/config.js';
import { managedNeo4jPaths } from '../../server/db/neo4j-conf.js';
import { freePort } from '../support/ports.js';

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function waitFor(what: string, check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(100);
  }
}

describe('the app with its own Neo4j', () => {
  const home = path.join(inject('neo4j').home, 'managed-app');
  const paths = managedNeo4jPaths(home);
  const children: ChildProcess[] = [];
  const jvms: number[] = [];
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const pid of jvms) if (alive(pid)) process.kill(pid, 'SIGKILL');
  });

  /** Starts `tsx server/index.ts` (what `npm start` execs) and resolves once it says where to open it. */
  async function startApp(): Promise<{ child: ChildProcess; output: () => string; exited: Promise<number | null>; jvm: number }> {
    const base: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^(NEO4J_|MONEYTRAIL_|PORT$|HOST$)/.test(k)) base[k] = v;
    const child = spawn(TSX, ['server/index.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...base,
        MONEYTRAIL_HOME: home,
        MONEYTRAIL_SEED: 'none',
        PORT: String(await freePort()),
        NEO4J_BOLT_PORT: String(await freePort()),
        NEO4J_HEAP: '512m',
        NEO4J_PAGECACHE: '64m',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    let err = '';
    child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (err += b.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await Promise.race([
      waitFor('the app to be ready', () => out.includes('MoneyTrail is ready'), 170_000),
      exited.then((code) => {
        throw new Error(`the app exited (${code}) before it was ready: ${err.trim()}`);
      }),
    ]);
    const jvm = Number(readFileSync(paths.pidFile, 'utf8').trim());
    jvms.push(jvm);
    expect(alive(jvm)).toBe(true);
    return { child, output: () => err, exited, jvm };
  }

  it('stops its Neo4j when it is sent SIGTERM', async () => {
    const app = await startApp();
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(alive(app.jvm)).toBe(false);
  }, 240_000);

  it('ends with one line and a non-zero exit when its Neo4j dies under it', async () => {
    const app = await startApp();
    process.kill(app.jvm, 'SIGKILL');
    const code = await Promise.race([app.exited, delay(15_000, 'still running')]);
    expect(code).toBe(1);
    const lines = app.output().trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^error: MoneyTrail's Neo4j \(pid \d+\) stopped unexpectedly \(SIGKILL\): see .*neo4j\.log, then start MoneyTrail again$/)]);
  }, 240_000);
});
