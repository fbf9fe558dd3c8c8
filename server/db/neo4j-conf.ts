/**
 * Pure pieces of the managed Neo4j (see neo4j-manager.ts): where its files live, the neo4j.conf and JVM command
 * line we generate, memory/port validation, shell quoting for `db:env`, and turning a failed start-up's logs into
 * one line a person can act on. No I/O here, so all of it is unit-tested.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Something the person running MoneyTrail must install or change; the message is one line and says what. */
export class Neo4jSetupError extends Error {
  override name = 'Neo4jSetupError';
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const NEO4J_MAIN_CLASS = 'org.neo4j.server.CommunityEntryPoint';
export const NEO4J_ADMIN_CLASS = 'org.neo4j.cli.AdminTool';

export interface ManagedNeo4jPaths {
  home: string;
  root: string;
  conf: string;
  data: string;
  logs: string;
  run: string;
  plugins: string;
  import: string;
  lib: string;
  credentials: string;
  pidFile: string;
  ownerFile: string;
  neo4jLog: string;
  consoleLog: string;
}

export function managedNeo4jPaths(home: string): ManagedNeo4jPaths {
  const h = path.resolve(home);
  const root = path.join(h, 'neo4j');
  const logs = path.join(root, 'logs');
  const run = path.join(root, 'run');
  return {
    home: h,
    root,
    conf: path.join(root, 'conf'),
    data: path.join(root, 'data'),
    logs,
    run,
    plugins: path.join(root, 'plugins'),
    import: path.join(root, 'import'),
    lib: path.join(root, 'lib'),
    credentials: path.join(h, 'neo4j-credentials.json'),
    pidFile: path.join(run, 'neo4j.pid'),
    ownerFile: path.join(run, 'owner.pid'),
    neo4jLog: path.join(logs, 'neo4j.log'),
    consoleLog: path.join(logs, 'console.log'),
  };
}

const UNIT_BYTES = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 } as const;

/**
 * Validates a JVM/Neo4j memory size such as `1g` or `512m` and returns it lower-cased. Both the JVM (-Xmx) and
 * neo4j.conf read a bare number as bytes, so `NEO4J_HEAP=512` would be 512 bytes: the minimum catches that.
 */
export function parseMemorySize(value: string, name: string, minMiB = 0): string {
  const m = /^([1-9]\d*)([kmg]?)$/.exec(value.trim().toLowerCase());
  if (!m) throw new Neo4jSetupError(`${name}=${value} is not a memory size: use a number with k, m or g, e.g. 512m or 2g`);
  const bytes = Number(m[1]) * UNIT_BYTES[m[2] as keyof typeof UNIT_BYTES];
  if (bytes < minMiB * 1024 ** 2) throw new Neo4jSetupError(`${name}=${value} is too small for Neo4j: use at least ${minMiB}m, e.g. 1g`);
  return `${m[1]}${m[2]}`;
}

export function parsePort(value: string | number | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = typeof value === 'number' ? value : /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Neo4jSetupError(`${name} must be a port number between 1 and 65535, got '${value}'`);
  return port;
}

/** Where `db:env` and `db:start` find the managed server: the same defaults the app uses. */
export function managedSettingsFromEnv(env: NodeJS.ProcessEnv): { home: string; boltPort: number } {
  return {
    home: path.resolve(env.MONEYTRAIL_HOME || path.join(REPO_ROOT, '.moneytrail')),
    boltPort: parsePort(env.NEO4J_BOLT_PORT, 'NEO4J_BOLT_PORT', 7687),
  };
}

export interface ConfOptions {
  paths: ManagedNeo4jPaths;
  boltPort: number;
  pageCache: string;
  /** Graph Data Science jars are in plugins (NEO4J_GDS): its procedures need the same unrestricted access as APOC */
  gds?: boolean;
}

/** neo4j.conf, rewritten on every start so that changing NEO4J_BOLT_PORT or NEO4J_PAGECACHE just works. */
export function renderNeo4jConf({ paths: p, boltPort, pageCache, gds = false }: ConfOptions): string {
  const settings: Array<[string, string]> = [
    ['server.directories.data', p.data],
    ['server.directories.logs', p.logs],
    ['server.directories.run', p.run],
    ['server.directories.plugins', p.plugins],
    ['server.directories.import', p.import],
    ['server.directories.lib', p.lib],
    // Loopback only: this server holds investigation data and exists for this machine's app.
    ['server.default_listen_address', '127.0.0.1'],
    ['server.bolt.enabled', 'true'],
    ['server.bolt.listen_address', `127.0.0.1:${boltPort}`],
    ['server.bolt.advertised_address', `127.0.0.1:${boltPort}`],
    // The app speaks Bolt only; an HTTP port would be one more thing to collide with a Neo4j Desktop.
    ['server.http.enabled', 'false'],
    ['server.https.enabled', 'false'],
    ['dbms.security.auth_enabled', 'true'],
    ['dbms.security.procedures.unrestricted', gds ? 'apoc.*,gds.*' : 'apoc.*'],
    ['server.memory.pagecache.size', pageCache],
    // A workbench does not need days of transaction logs for point-in-time recovery; keep the disk small.
    ['db.tx_log.rotation.retention_policy', '2 files'],
    ['db.tx_log.rotation.size', '64m'],
    ['dbms.usage_report.enabled', 'false'],
    // Netty's default 5 s quiet period (taken twice) made every stop take 10 s; by then all databases are closed.
    ['internal.dbms.bolt.netty_server_shutdown_quiet_period', '0'],
  ];
  return [
    '# Written by MoneyTrail (server/db/neo4j-conf.ts) on every start: edits here are overwritten.',
    '# Heap is passed to the JVM as -Xms/-Xmx (NEO4J_HEAP); page cache comes from NEO4J_PAGECACHE.',
    ...settings.map(([k, v]) => `${k}=${v}`),
    '',
  ].join('\n');
}

export interface JvmOptions {
  paths: ManagedNeo4jPaths;
  heap: string;
  /** Class-data-sharing archive: map it if it exists, else have the JVM record one at exit into `recordTo`. */
  classArchive?: { file: string; exists: boolean; recordTo: string };
}

/** Arguments for `java`: Neo4j's own defaults that matter on Java 17, minus the profiling and pre-touch ones. */
export function neo4jJvmArgs({ paths: p, heap, classArchive: cds }: JvmOptions): string[] {
  return [
    ...(cds ? [cds.exists ? `-XX:SharedArchiveFile=${cds.file}` : `-XX:ArchiveClassesAtExit=${cds.recordTo}`] : []),
    `-Xms${heap}`,
    `-Xmx${heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+UnlockExperimentalVMOptions',
    '-XX:+TrustFinalNonStaticFields',
    '-XX:+DisableExplicitGC',
    // A server that ran out of heap is better dead (and reported) than limping along behind the app.
    '-XX:+ExitOnOutOfMemoryError',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '-cp',
    `${p.plugins}/*${path.delimiter}${p.lib}/*`,
    NEO4J_MAIN_CLASS,
    `--home-dir=${p.root}`,
    `--config-dir=${p.conf}`,
  ];
}

/** Quotes for POSIX sh, so `eval "$(npm run -s db:env)"` gets the exact value back whatever it contains. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

export function renderEnvExports(vars: ReadonlyArray<readonly [string, string]>): string {
  return vars.map(([name, value]) => `export ${name}=${shellQuote(value)}`).join('\n');
}

/**
 * The cause of a failed start, from what this attempt appended to console.log (the JVM's own output) and
 * neo4j.log: the innermost `Caused by` of a fatal exception, else the JVM's complaint, else the last ERROR line.
 */
export function startupFailureReason(consoleText: string, neo4jLogText: string): string | null {
  const lastCause = (lines: string[]) => lines.filter((l) => l.startsWith('Caused by: ')).at(-1)?.slice('Caused by: '.length);
  const consoleLines = consoleText.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('---'));
  const jvm = consoleLines.find((l) => /^(Error|Exception in thread|Invalid|Unrecognized|Could not|Terminating due to)/.test(l));
  if (jvm) {
    const next = consoleLines[consoleLines.indexOf(jvm) + 1];
    if (jvm.startsWith('Error occurred during initialization of VM') && next) return `${jvm}: ${next}`;
    return lastCause(consoleLines) ?? jvm.replace(/^Exception in thread "[^"]*" /, '');
  }
  const lines = neo4jLogText.split('\n').map((l) => l.trim());
  const error = lines.filter((l) => / ERROR /.test(l)).at(-1);
  return lastCause(lines) ?? (error ? error.replace(/^.*? ERROR\s+/, '') : null);
}

/** The one line of Maven's output that says what went wrong (colour codes and boilerplate removed). */
export function mavenFailureReason(output: string): string | null {
  const lines = output.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const line = lines.find((l) => /^\[ERROR\] \S/.test(l));
  if (!line) return null;
  return line
    .replace(/^\[ERROR\]\s*/, '')
    .replace(/^Failed to execute goal (.*? )?on project [^:]+: /, '')
    .replace(/ -> \[Help \d+\]$/, '');
}

export interface FailureContext {
  paths: ManagedNeo4jPaths;
  boltPort: number;
  heap: string;
  pageCache: string;
}

/** Turns a start-up failure reason into advice; unknown reasons are passed on with a pointer to the full log. */
export function explainStartupFailure(reason: string | null, exit: string, ctx: FailureContext): string {
  const r = (reason ?? '').replace(/\s+/g, ' ').trim();
  if (/Address already in use|BindException/i.test(r))
    return `port ${ctx.boltPort} is in use: set NEO4J_BOLT_PORT to a free port or stop the other process`;
  if (/FileLockException|locked by another process|Lock file has been locked/i.test(r))
    return `another Neo4j is using ${ctx.paths.data}: stop it (its pid may be in ${ctx.paths.pidFile}) and start again`;
  if (/reserve enough space|Cannot allocate memory|insufficient memory/i.test(r))
    return `this machine cannot give Neo4j its memory (heap ${ctx.heap}, page cache ${ctx.pageCache}): lower NEO4J_HEAP or NEO4J_PAGECACHE`;
  if (/OutOfMemoryError: (Java heap space|GC overhead)/.test(r))
    return `Neo4j ran out of heap while starting (NEO4J_HEAP=${ctx.heap}): raise NEO4J_HEAP, e.g. 2g`;
  if (/UnsupportedClassVersionError/.test(r))
    return 'the installed Java is too old for Neo4j 5: install Java 17 with: apt-get install -y openjdk-17-jre-headless';
  const shown = r.length > 300 ? `${r.slice(0, 297)}...` : r;
  return `Neo4j ${exit} during start-up${shown ? `: ${shown}` : ''} (details: ${ctx.paths.neo4jLog}, ${ctx.paths.consoleLog})`;
}
