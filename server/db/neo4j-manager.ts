/**
 * Runs the project's own Neo4j 5.26 Community server when NEO4J_URI is not set: jars from Maven Central (via
 * neo4j/pom.xml, cached in ~/.m2), data under <home>/neo4j, a random password set before the first start, and a
 * child JVM that lives and dies with this process. Pure parts (conf, JVM args, error wording) are in neo4j-conf.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { chmod, mkdir, open, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import neo4j from 'neo4j-driver';
import { probePort } from '../port-probe.js';
import { ensureGdsPlugins, gdsFromEnv } from './neo4j-gds.js';
import { runCommand as run } from './run-command.js';
import {
  NEO4J_ADMIN_CLASS,
  NEO4J_MAIN_CLASS,
  Neo4jSetupError,
  explainStartupFailure,
  managedNeo4jPaths,
  mavenFailureReason,
  neo4jJvmArgs,
  parseMemorySize,
  parsePort,
  renderNeo4jConf,
  startupFailureReason,
  type ManagedNeo4jPaths,
} from './neo4j-conf.js';

export { Neo4jSetupError } from './neo4j-conf.js';

export interface ManagedNeo4jOptions {
  home: string;
  boltPort: number;
  heap?: string;
  pageCache?: string;
  log?: (line: string) => void;
  /** How long to wait for Bolt to answer; default NEO4J_READY_TIMEOUT (seconds) or 120 s. */
  readyTimeoutMs?: number;
  /** Load Graph Data Science as well; default NEO4J_GDS (off). */
  gds?: boolean;
}

export interface ManagedNeo4j {
  uri: string;
  user: string;
  password: string;
  pid: number;
  stop(): Promise<void>;
  /** Settles when the JVM exits, for whatever reason (stop() or a crash). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const POM = fileURLToPath(new URL('../../neo4j/pom.xml', import.meta.url));
const INSTALL_JAVA = 'install it with: apt-get install -y openjdk-17-jre-headless (or set NEO4J_URI to use an existing Neo4j)';
const STOP_GRACE_MS = 30_000;

export async function readManagedCredentials(home: string): Promise<{ user: string; password: string } | null> {
  const file = managedNeo4jPaths(home).credentials;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Neo4jSetupError(`cannot read ${file}: ${(err as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const c = parsed as { user?: unknown; password?: unknown } | null;
  if (typeof c?.user !== 'string' || typeof c.password !== 'string' || !c.password)
    throw new Neo4jSetupError(`${file} is damaged (expected {"user": ..., "password": ...}): restore it, or delete it and ${managedNeo4jPaths(home).data} to start an empty database`);
  return { user: c.user, password: c.password };
}

export async function startManagedNeo4j(opts: ManagedNeo4jOptions): Promise<ManagedNeo4j> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  const p = managedNeo4jPaths(opts.home);
  const boltPort = parsePort(opts.boltPort, 'NEO4J_BOLT_PORT', 7687);
  const heap = parseMemorySize(opts.heap ?? process.env.NEO4J_HEAP ?? '1g', 'NEO4J_HEAP', 256);
  const pageCache = parseMemorySize(opts.pageCache ?? process.env.NEO4J_PAGECACHE ?? '512m', 'NEO4J_PAGECACHE', 8);
  const timeoutMs = opts.readyTimeoutMs ?? readyTimeoutFromEnv(process.env.NEO4J_READY_TIMEOUT);
  const gds = opts.gds ?? gdsFromEnv(process.env.NEO4J_GDS);

  const { java, banner } = await findJava(log);
  for (const dir of [p.conf, p.data, p.logs, p.run, p.plugins, p.import]) await mkdir(dir, { recursive: true });
  await stopLeftover(p, log);
  await assertPortFree(boltPort);
  await ensureJars(p, log);
  await ensureGdsPlugins(p, gds, log);
  await writeFile(path.join(p.conf, 'neo4j.conf'), renderNeo4jConf({ paths: p, boltPort, pageCache, gds }));
  const creds = await ensureCredentials(p, java, log);
  const classArchive = await classArchiveFor(p, java, banner, heap, log);

  log(`starting Neo4j on bolt://127.0.0.1:${boltPort} (heap ${heap}, page cache ${pageCache}, data in ${p.data})`);
  const logOffsets = { console: sizeOf(p.consoleLog), neo4j: sizeOf(p.neo4jLog) };
  const out = openSync(p.consoleLog, 'a');
  writeSync(out, `--- ${new Date().toISOString()} MoneyTrail starting Neo4j ---\n`);
  // Not detached: the JVM stays in our process group, so a terminal's Ctrl-C reaches it too.
  const child = spawn(java, neo4jJvmArgs({ paths: p, heap, classArchive }), { cwd: p.root, stdio: ['ignore', out, out] });
  closeSync(out);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', () => resolve({ code: null, signal: null }));
  });
  const pid = child.pid ?? 0;
  // 'exit' handlers must be synchronous; SIGKILL is the only thing that reliably finishes in time.
  const killOnExit = () => {
    if (isRunning(child)) child.kill('SIGKILL');
    rmSync(p.pidFile, { force: true });
    rmSync(p.ownerFile, { force: true });
  };
  process.on('exit', killOnExit);
  await writeFile(p.pidFile, `${pid}\n`);
  await writeFile(p.ownerFile, `${process.pid}\n`);

  let ready = false;
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (isRunning(child)) {
        child.kill('SIGTERM');
        const timedOut = await Promise.race([exited.then(() => false), delay(STOP_GRACE_MS, true, { ref: false })]);
        if (timedOut && isRunning(child)) {
          log(`Neo4j did not stop within ${STOP_GRACE_MS / 1000} s: killing it`);
          child.kill('SIGKILL');
          await exited;
        }
      }
      process.off('exit', killOnExit);
      // Only a JVM that finished on its own has written a whole archive; one killed mid-write leaves a torn file.
      const { signal } = await exited;
      if (ready && !classArchive.exists && !signal && existsSync(classArchive.recordTo)) await rename(classArchive.recordTo, classArchive.file);
      await rm(p.pidFile, { force: true });
      await rm(p.ownerFile, { force: true });
    })());

  const uri = `bolt://127.0.0.1:${boltPort}`;
  try {
    await waitUntilReady(uri, creds, exited, timeoutMs, p);
    ready = true;
  } catch (err) {
    await stop();
    if (err instanceof JvmExited) {
      const reason = startupFailureReason(tailFrom(p.consoleLog, logOffsets.console), tailFrom(p.neo4jLog, logOffsets.neo4j));
      throw new Neo4jSetupError(explainStartupFailure(reason, err.message, { paths: p, boltPort, heap, pageCache }));
    }
    throw err;
  }
  log(`Neo4j ready in ${((performance.now() - started) / 1000).toFixed(1)} s (pid ${pid}, ${await pluginStatus(uri, creds, gds)})`);
  return { uri, user: creds.user, password: creds.password, pid, stop, exited };
}

class JvmExited extends Error {}

function readyTimeoutFromEnv(value: string | undefined): number {
  if (value === undefined || value === '') return 120_000;
  const seconds = Number(value);
  if (!(seconds > 0)) throw new Neo4jSetupError(`NEO4J_READY_TIMEOUT must be a number of seconds, e.g. 300, got '${value}'`);
  return seconds * 1000;
}

async function waitUntilReady(
  uri: string,
  creds: { user: string; password: string },
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  timeoutMs: number,
  p: ManagedNeo4jPaths,
): Promise<void> {
  const died = exited.then(({ code, signal }) => {
    throw new JvmExited(signal ? `was killed by ${signal}` : `exited with code ${code}`);
  });
  died.catch(() => {}); // observed below via Promise.race; this only silences the unhandled-rejection warning
  const driver = neo4j.driver(uri, neo4j.auth.basic(creds.user, creds.password), {
    connectionTimeout: 2000,
    connectionAcquisitionTimeout: 3000,
    maxConnectionPoolSize: 1,
  });
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  try {
    for (;;) {
      const attempt = (async () => {
        const session = driver.session();
        try {
          await session.run('RETURN 1');
          return true;
        } catch (err) {
          const code = (err as { code?: string }).code ?? '';
          if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit')
            throw new Neo4jSetupError(
              `Neo4j rejected the password in ${p.credentials} (stale credentials?): restore the matching file, or delete ${p.data} to start an empty database`,
            );
          lastError = (err as Error).message.split('\n')[0] ?? code;
          return false;
        } finally {
          await session.close().catch(() => {});
        }
      })();
      attempt.catch(() => {}); // if the JVM dies first, a late rejection must not go unhandled
      if (await Promise.race([attempt, died])) return;
      if (Date.now() > deadline)
        throw new Neo4jSetupError(
          `Neo4j did not answer on ${uri} within ${Math.round(timeoutMs / 1000)} s (${lastError}): see ${p.neo4jLog}, or raise NEO4J_READY_TIMEOUT`,
        );
      await Promise.race([delay(250), died]);
    }
  } finally {
    await driver.close().catch(() => {});
  }
}

/** APOC (and GDS) are conveniences, not requirements: report whether they loaded instead of failing the start. */
async function pluginStatus(uri: string, creds: { user: string; password: string }, gds: boolean): Promise<string> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(creds.user, creds.password));
  const version = async (fn: string, name: string) => {
    try {
      const { records } = await driver.executeQuery(`RETURN ${fn}() AS v`);
      return `${name} ${String(records[0]?.get('v'))}`;
    } catch {
      return `${name} not loaded: see debug.log`;
    }
  };
  try {
    return [await version('apoc.version', 'APOC'), ...(gds ? [await version('gds.version', 'GDS')] : [])].join(', ');
  } finally {
    await driver.close();
  }
}

async function findJava(log: (line: string) => void): Promise<{ java: string; banner: string }> {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  let banner: string;
  try {
    banner = (await run(java, ['-version'])).stderr;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Neo4jSetupError(
        process.env.JAVA_HOME
          ? `JAVA_HOME=${process.env.JAVA_HOME} has no bin/java: point JAVA_HOME at a Java 17 install, or unset it to use \`java\` from PATH`
          : `Java 17 is required to run the bundled Neo4j but \`java\` is not on PATH: ${INSTALL_JAVA}`,
      );
    throw new Neo4jSetupError(`\`${java} -version\` failed (${firstLine(err)}): Java 17 is required, ${INSTALL_JAVA}`);
  }
  const m = /version "(?:1\.)?(\d+)/.exec(banner);
  const major = m ? Number(m[1]) : 0;
  if (major < 17) throw new Neo4jSetupError(`Neo4j 5.26 needs Java 17 or 21 but \`${java}\` is Java ${major || '?'}: ${INSTALL_JAVA}`);
  if (major > 21) log(`Java ${major} is newer than Neo4j 5.26 supports (17 or 21); trying anyway`);
  return { java, banner };
}

/** Jars are copied from ~/.m2 into <home>/neo4j/lib once per pom version: later starts need neither Maven nor network. */
async function ensureJars(p: ManagedNeo4jPaths, log: (line: string) => void): Promise<void> {
  const pom = await readFile(POM, 'utf8');
  const stamp = createHash('sha256').update(pom).digest('hex');
  const stampFile = path.join(p.lib, '.moneytrail-pom.sha256');
  if (existsSync(stampFile) && (await readFile(stampFile, 'utf8')).trim() === stamp) return;

  const version = (prop: string) => new RegExp(`<${prop}>([^<]+)</${prop}>`).exec(pom)?.[1] ?? '?';
  log(`resolving Neo4j ${version('neo4j.version')} and APOC ${version('apoc.version')} jars with Maven (~125 MB, downloaded unless already in ~/.m2)…`);
  const t0 = performance.now();
  const partial = `${p.lib}.partial`;
  await rm(partial, { recursive: true, force: true });
  try {
    await run('mvn', ['-q', '-B', '-f', POM, 'dependency:copy-dependencies', `-DoutputDirectory=${partial}`]);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Neo4jSetupError('Maven is needed once to download Neo4j but `mvn` was not found: install it with: apt-get install -y maven (or set NEO4J_URI to use an existing Neo4j)');
    throw new Neo4jSetupError(`Maven could not fetch the Neo4j jars: ${mavenFailureReason(mavenOutput(err)) ?? firstLine(err)} (the first start needs Maven Central; later ones use ~/.m2)`);
  }
  // Neo4j only registers procedures from jars in the plugins folder; APOC's own dependencies can stay in lib.
  for (const f of await readdir(p.plugins)) if (/^apoc-.*\.jar$/.test(f)) await rm(path.join(p.plugins, f));
  for (const f of await readdir(partial)) if (/^apoc-.*\.jar$/.test(f)) await rename(path.join(partial, f), path.join(p.plugins, f));
  await rm(p.lib, { recursive: true, force: true });
  await rename(partial, p.lib);
  await writeFile(stampFile, `${stamp}\n`);
  log(`Neo4j jars ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/**
 * Class-data sharing: the first run records the classes it loaded (~100 MB) and later runs map them instead of
 * loading and verifying them again, which cut warm starts from ~10 s to ~4.5 s with one of two cores busy. An
 * archive that does not match this JVM, heap or classpath is refused, and a torn one crashes the JVM, so each start
 * first checks it with -Xshare:on (~0.2 s) and records a new one if the check fails.
 */
async function classArchiveFor(p: ManagedNeo4jPaths, java: string, javaBanner: string, heap: string, log: (line: string) => void) {
  const jars = async (dir: string) => (await readdir(dir)).filter((f) => f.endsWith('.jar')).sort().join(',');
  const key = createHash('sha256').update(`${javaBanner}\n${await jars(p.plugins)}\n${await jars(p.lib)}`).digest('hex').slice(0, 16);
  const file = path.join(p.lib, `neo4j-classes-${key}.jsa`);
  const archive = { file, exists: existsSync(file), recordTo: `${file}.partial` };
  for (const f of await readdir(p.lib))
    if (/^neo4j-classes-.*\.jsa/.test(f) && !f.startsWith(path.basename(file))) await rm(path.join(p.lib, f), { force: true });
  if (archive.exists) {
    const args = neo4jJvmArgs({ paths: p, heap, classArchive: archive });
    try {
      await run(java, [...args.slice(0, args.indexOf(NEO4J_MAIN_CLASS)), '-Xshare:on', '-XX:ErrorFile=/dev/null', '-XX:-CreateCoredumpOnCrash', '-version']);
      return archive;
    } catch {
      await rm(file, { force: true });
      archive.exists = false;
    }
  }
  log('recording a class archive during this run to speed up later starts (this start and its stop take longer)');
  return archive;
}

/** 33 characters, 192 random bits, never starting with "-" (see ensureCredentials) */
export function newPassword(): string {
  return `m${randomBytes(24).toString('base64url')}`;
}

/** The password must be in place before the system database is first created; afterwards Neo4j owns it. */
async function ensureCredentials(p: ManagedNeo4jPaths, java: string, log: (line: string) => void) {
  const fresh = !existsSync(path.join(p.data, 'databases', 'system'));
  let creds = await readManagedCredentials(p.home);
  // neo4j-admin reads a password that starts with "-" as an option ("Missing required parameter: '<password>'"):
  // one base64url password in 64 did. Before the database exists such a password can still be replaced.
  if (creds && fresh && creds.password.startsWith('-')) creds = null;
  if (!creds) {
    if (!fresh)
      throw new Neo4jSetupError(`${p.credentials} is missing but ${p.data} already has a password: restore the file, or delete ${p.data} to start an empty database`);
    creds = { user: 'neo4j', password: newPassword() };
    const tmp = `${p.credentials}.tmp`;
    const fh = await open(tmp, 'w', 0o600);
    await fh.writeFile(`${JSON.stringify(creds, null, 2)}\n`);
    await fh.close();
    await chmod(tmp, 0o600);
    await rename(tmp, p.credentials);
  }
  if (fresh) {
    log(`first start: setting the Neo4j password (saved in ${p.credentials})`);
    try {
      await run(java, ['-Xmx256m', '-cp', `${p.lib}/*`, NEO4J_ADMIN_CLASS, 'dbms', 'set-initial-password', creds.password], {
        ...process.env,
        NEO4J_HOME: p.root,
        NEO4J_CONF: p.conf,
      });
    } catch (err) {
      throw new Neo4jSetupError(`neo4j-admin could not set the initial password: ${firstLine(err)}`);
    }
  }
  return creds;
}

/** A JVM left by a crashed or SIGKILLed run would hold the port and the store lock: stop it, unless it is in use. */
async function stopLeftover(p: ManagedNeo4jPaths, log: (line: string) => void): Promise<void> {
  const pid = readPid(p.pidFile);
  if (!pid || !commandLine(pid).includes(`--home-dir=${p.root}`) || !commandLine(pid).includes(NEO4J_MAIN_CLASS)) {
    rmSync(p.pidFile, { force: true });
    return;
  }
  const owner = readPid(p.ownerFile);
  if (owner && owner !== process.pid && commandLine(owner).some((a) => /node|tsx/.test(a)))
    throw new Neo4jSetupError(`Neo4j for ${p.home} is already running (pid ${pid}, started by process ${owner}): stop that first, or use it via NEO4J_URI`);
  log(`stopping leftover Neo4j (pid ${pid}) from a run that did not shut down cleanly`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + STOP_GRACE_MS;
  while (isAlive(pid) && Date.now() < deadline) await delay(200);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  while (isAlive(pid)) await delay(100);
  rmSync(p.pidFile, { force: true });
}

async function assertPortFree(port: number): Promise<void> {
  const err = await probePort(port, '127.0.0.1');
  if (!err) return;
  throw new Neo4jSetupError(
    err.code === 'EACCES'
      ? `port ${port} needs root: set NEO4J_BOLT_PORT to a port above 1024`
      : `port ${port} is in use: set NEO4J_BOLT_PORT to a free port or stop the other process`,
  );
}

function firstLine(err: unknown): string {
  const e = err as { stderr?: string; stdout?: string; message?: string };
  const text = [e.stderr, e.stdout, e.message].find((t) => t && t.trim()) ?? 'unknown error';
  return text.trim().split('\n')[0]!.trim();
}

function mavenOutput(err: unknown): string {
  const e = err as { stdout?: string; stderr?: string };
  return `${e.stdout ?? ''}\n${e.stderr ?? ''}`;
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function readPid(file: string): number | null {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function commandLine(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8')); // a zombie has already stopped
  } catch {
    return true;
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function tailFrom(file: string, offset: number): string {
  try {
    const text = readFileSync(file);
    return text.subarray(Math.max(offset, text.length - 256 * 1024)).toString('utf8');
  } catch {
    return '';
  }
}
