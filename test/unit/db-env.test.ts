import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, managedNeo4jPaths, renderNeo4jConf } from '../../server/db/neo4j-conf.js';

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

/** The environment of a user's shell: nothing of the test runner's own NEO4J_* / MONEYTRAIL_* settings. */
function shellEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(NEO4J_|MONEYTRAIL_)/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

/** Runs `npm run -s db:env` as a user would and evaluates its output in sh: the variables a tool then sees. */
async function dbEnvInShell(extra: Record<string, string>): Promise<{ text: string; vars: Record<string, string> }> {
  const { stdout } = await run(TSX, ['scripts/db-env.ts'], { cwd: REPO_ROOT, env: shellEnv(extra) });
  const names = ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE'];
  const script = `${stdout}\n${names.map((n) => `printf '%s\\0' "\${${n}-<unset>}"`).join('\n')}`;
  const r = spawnSync('sh', ['-c', script], { encoding: 'utf8', env: shellEnv({}) });
  expect(r.status, r.stderr).toBe(0);
  const values = r.stdout.split('\0');
  return { text: stdout, vars: Object.fromEntries(names.map((n, i) => [n, values[i] ?? ''])) };
}

const NASTY = "it's $HOME `id`; x";

describe('npm run -s db:env', () => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'mt db-env '));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('repeats an external server with its database, quoted so sh reads every value back unchanged', async () => {
    const { vars } = await dbEnvInShell({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USER: 'analyst one',
      NEO4J_PASSWORD: NASTY,
      NEO4J_DATABASE: 'cases db',
    });
    expect(vars).toEqual({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_USER: 'analyst one', NEO4J_PASSWORD: NASTY, NEO4J_DATABASE: 'cases db' });
  }, 30_000);

  it('prints no NEO4J_DATABASE line when none is chosen (the server default applies)', async () => {
    const { text, vars } = await dbEnvInShell({ NEO4J_URI: 'bolt://db.example:7687', NEO4J_PASSWORD: 'p' });
    expect(text).not.toMatch(/NEO4J_DATABASE/);
    expect(vars.NEO4J_DATABASE).toBe('<unset>');
  }, 30_000);

  it("points at the app's own server: its saved password, the port it last started on, and NEO4J_DATABASE", async () => {
    const p = managedNeo4jPaths(home);
    mkdirSync(p.conf, { recursive: true });
    writeFileSync(p.credentials, JSON.stringify({ user: 'neo4j', password: NASTY }), { mode: 0o600 });
    writeFileSync(path.join(p.conf, 'neo4j.conf'), renderNeo4jConf({ paths: p, boltPort: 7958, pageCache: '256m' }));
    const { vars } = await dbEnvInShell({ MONEYTRAIL_HOME: home, NEO4J_DATABASE: 'neo4j' });
    expect(vars).toEqual({ NEO4J_URI: 'bolt://127.0.0.1:7958', NEO4J_USER: 'neo4j', NEO4J_PASSWORD: NASTY, NEO4J_DATABASE: 'neo4j' });
    // an explicit NEO4J_BOLT_PORT in this shell wins: it is where the next start will listen
    const explicit = await dbEnvInShell({ MONEYTRAIL_HOME: home, NEO4J_BOLT_PORT: '7957' });
    expect(explicit.vars.NEO4J_URI).toBe('bolt://127.0.0.1:7957');
  }, 30_000);

  it('says what to run, with a non-zero exit, when the managed server was never started', async () => {
    const err = await run(TSX, ['scripts/db-env.ts'], { cwd: REPO_ROOT, env: shellEnv({ MONEYTRAIL_HOME: path.join(home, 'never') }) }).then(
      () => null,
      (e: { code: number; stderr: string; stdout: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stdout).toBe('');
    expect(err?.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^no managed Neo4j in .*: run `npm run db:start` \(or `npm start`\)/)]);
  }, 30_000);
});

describe('npm start', () => {
  it('hands its process over to the server (exec), so a SIGTERM to npm reaches the server and its Neo4j', async () => {
    const { readFile } = await import('node:fs/promises');
    const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    // `sh -c "a && b"` does not pass signals on; `exec` makes the server the process npm signals
    const last = pkg.scripts.start?.split('&&').at(-1)?.trim();
    expect(last).toMatch(/^exec tsx server\/index\.ts$/);
  });
});
