import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NEO4J_MAIN_CLASS,
  Neo4jSetupError,
  REPO_ROOT,
  explainStartupFailure,
  managedNeo4jPaths,
  managedSettingsFromEnv,
  mavenFailureReason,
  neo4jJvmArgs,
  parseMemorySize,
  parsePort,
  renderEnvExports,
  renderNeo4jConf,
  shellQuote,
  startupFailureReason,
} from '../../server/db/neo4j-conf.js';
import { gdsFromEnv } from '../../server/db/neo4j-gds.js';

const paths = managedNeo4jPaths('/srv/mt home');

function confMap(text: string): Map<string, string> {
  const entries = text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const i = l.indexOf('=');
      return [l.slice(0, i), l.slice(i + 1)] as const;
    });
  expect(new Set(entries.map(([k]) => k)).size, 'a setting appears twice').toBe(entries.length);
  return new Map(entries);
}

describe('generated neo4j.conf', () => {
  const conf = confMap(renderNeo4jConf({ paths, boltPort: 7699, pageCache: '256m' }));

  it('serves Bolt on loopback at the chosen port and nothing over HTTP', () => {
    expect(conf.get('server.bolt.listen_address')).toBe('127.0.0.1:7699');
    expect(conf.get('server.default_listen_address')).toBe('127.0.0.1');
    expect(conf.get('server.http.enabled')).toBe('false');
    expect(conf.get('server.https.enabled')).toBe('false');
  });

  it('requires a password and lets APOC run', () => {
    expect(conf.get('dbms.security.auth_enabled')).toBe('true');
    expect(conf.get('dbms.security.procedures.unrestricted')).toBe('apoc.*');
  });

  it('with NEO4J_GDS lets GDS run as well; the flag reads true/false and refuses anything else', () => {
    const withGds = confMap(renderNeo4jConf({ paths, boltPort: 7699, pageCache: '256m', gds: true }));
    expect(withGds.get('dbms.security.procedures.unrestricted')).toBe('apoc.*,gds.*');
    expect([gdsFromEnv(undefined), gdsFromEnv(''), gdsFromEnv('false'), gdsFromEnv('0')]).toEqual([false, false, false, false]);
    expect([gdsFromEnv('true'), gdsFromEnv('TRUE'), gdsFromEnv('1'), gdsFromEnv('yes')]).toEqual([true, true, true, true]);
    expect(() => gdsFromEnv('maybe')).toThrow(/NEO4J_GDS must be true or false, got 'maybe'/);
  });

  it('uses the requested page cache', () => {
    expect(conf.get('server.memory.pagecache.size')).toBe('256m');
  });

  it('keeps every file Neo4j writes inside <home>/neo4j, even when the home has a space', () => {
    const dirs = [...conf].filter(([k]) => k.startsWith('server.directories.'));
    expect(dirs.length).toBeGreaterThanOrEqual(5);
    for (const [, dir] of dirs) expect(dir.startsWith(`${path.resolve('/srv/mt home')}/neo4j/`)).toBe(true);
  });
});

describe('JVM command line', () => {
  const args = neo4jJvmArgs({ paths, heap: '2g' });

  it('fixes the heap at NEO4J_HEAP', () => {
    expect(args).toContain('-Xms2g');
    expect(args).toContain('-Xmx2g');
  });

  it('names this home, which is how a leftover server from a crash is recognised', () => {
    expect(args).toContain(NEO4J_MAIN_CLASS);
    expect(args).toContain(`--home-dir=${paths.root}`);
    expect(args).toContain(`--config-dir=${paths.conf}`);
  });

  it('maps the class archive of an earlier run, or records one for the next', () => {
    const archive = { file: '/a/neo4j-classes-1.jsa', recordTo: '/a/neo4j-classes-1.jsa.partial' };
    const reuse = neo4jJvmArgs({ paths, heap: '1g', classArchive: { ...archive, exists: true } });
    expect(reuse).toContain('-XX:SharedArchiveFile=/a/neo4j-classes-1.jsa');
    expect(reuse.some((a) => a.startsWith('-XX:ArchiveClassesAtExit'))).toBe(false);
    const record = neo4jJvmArgs({ paths, heap: '1g', classArchive: { ...archive, exists: false } });
    expect(record).toContain('-XX:ArchiveClassesAtExit=/a/neo4j-classes-1.jsa.partial');
    expect(record.some((a) => a.startsWith('-XX:SharedArchiveFile'))).toBe(false);
  });

  it('puts the plugins (APOC) and lib jars on the classpath', () => {
    const cp = args[args.indexOf('-cp') + 1] ?? '';
    expect(cp.split(path.delimiter)).toEqual([`${paths.plugins}/*`, `${paths.lib}/*`]);
  });
});

describe('memory settings', () => {
  it('accepts the usual spellings and normalises case', () => {
    expect(parseMemorySize('1g', 'NEO4J_HEAP', 256)).toBe('1g');
    expect(parseMemorySize(' 512M ', 'NEO4J_PAGECACHE')).toBe('512m');
    expect(parseMemorySize('2048m', 'NEO4J_HEAP', 256)).toBe('2048m');
  });

  it.each(['1gb', '1.5g', '', 'lots', '-1g', '0m'])('rejects %j with a message naming the variable', (value) => {
    expect(() => parseMemorySize(value, 'NEO4J_HEAP', 256)).toThrow(Neo4jSetupError);
    expect(() => parseMemorySize(value, 'NEO4J_HEAP', 256)).toThrow(/^NEO4J_HEAP=.* e\.g\. 512m or 2g$/);
  });

  it('rejects a heap too small to start Neo4j, such as a bare number (bytes)', () => {
    expect(() => parseMemorySize('512', 'NEO4J_HEAP', 256)).toThrow('NEO4J_HEAP=512 is too small for Neo4j: use at least 256m, e.g. 1g');
    expect(() => parseMemorySize('128m', 'NEO4J_HEAP', 256)).toThrow(/too small/);
  });
});

describe('ports and defaults', () => {
  it('defaults to 7687 and <repo>/.moneytrail', () => {
    expect(managedSettingsFromEnv({})).toEqual({ home: path.join(REPO_ROOT, '.moneytrail'), boltPort: 7687 });
  });

  it('honours MONEYTRAIL_HOME (relative to the current directory) and NEO4J_BOLT_PORT', () => {
    expect(managedSettingsFromEnv({ MONEYTRAIL_HOME: 'data/mt', NEO4J_BOLT_PORT: '7700' })).toEqual({
      home: path.resolve('data/mt'),
      boltPort: 7700,
    });
  });

  it.each(['0', '65536', 'abc', '7687x', '76.5'])('rejects NEO4J_BOLT_PORT=%s with one line', (value) => {
    expect(() => parsePort(value, 'NEO4J_BOLT_PORT', 7687)).toThrow(`NEO4J_BOLT_PORT must be a port number between 1 and 65535, got '${value}'`);
  });
});

describe('db:env output', () => {
  /** What a user's shell ends up with after `eval "$(npm run -s db:env)"`. */
  function evalInSh(exports: string, name: string): string {
    const r = spawnSync('sh', ['-c', `${exports}\nprintf '%s' "$${name}"`], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    return r.stdout;
  }

  it('prints plain values as in the docs', () => {
    expect(renderEnvExports([['NEO4J_URI', 'bolt://127.0.0.1:7687'], ['NEO4J_USER', 'neo4j']])).toBe(
      'export NEO4J_URI=bolt://127.0.0.1:7687\nexport NEO4J_USER=neo4j',
    );
  });

  it.each(["it's", 'a b', '$HOME', '`id`', 'x;rm -rf ~', 'back\\slash', 'two\nlines', "''", '!x', '*'])(
    'round-trips the password %j through sh unchanged',
    (password) => {
      expect(evalInSh(renderEnvExports([['NEO4J_PASSWORD', password]]), 'NEO4J_PASSWORD')).toBe(password);
    },
  );

  it('quotes an empty value instead of dropping it', () => {
    expect(shellQuote('')).toBe("''");
  });
});

describe('start-up failure message', () => {
  const ctx = { paths, boltPort: 7687, heap: '1g', pageCache: '512m' };
  const neo4jLog = (cause: string) =>
    [
      '2026-01-01 10:00:00.000+0000 INFO  Starting...',
      '2026-01-01 10:00:04.000+0000 ERROR Failed to start Neo4j on localhost:7474.',
      'java.lang.RuntimeException: Error starting Neo4j database server at /x/data/databases',
      '\tat org.neo4j.graphdb.facade.DatabaseManagementServiceFactory.startDatabaseServer(DatabaseManagementServiceFactory.java:288)',
      "Caused by: org.neo4j.kernel.lifecycle.LifecycleException: Component 'org.neo4j.bolt.BoltServer@1' failed to start.",
      `Caused by: ${cause}`,
      '\tat java.base/sun.nio.ch.Net.bind0(Native Method)',
    ].join('\n');

  it('turns a Bolt bind failure into the port advice', () => {
    const reason = startupFailureReason('', neo4jLog('java.net.BindException: Address already in use'));
    expect(explainStartupFailure(reason, 'exited with code 1', ctx)).toBe(
      'port 7687 is in use: set NEO4J_BOLT_PORT to a free port or stop the other process',
    );
  });

  it('blames memory when the JVM cannot reserve its heap', () => {
    const console = 'Error occurred during initialization of VM\nCould not reserve enough space for 2097152KB object heap\n';
    const msg = explainStartupFailure(startupFailureReason(console, ''), 'exited with code 1', ctx);
    expect(msg).toMatch(/^this machine cannot give Neo4j its memory .*: lower NEO4J_HEAP or NEO4J_PAGECACHE$/);
  });

  it('passes on the innermost cause of anything else, on one line, with where to read more', () => {
    const reason = startupFailureReason(
      '--- 2026-01-01 MoneyTrail starting Neo4j ---\n',
      neo4jLog('java.lang.ClassNotFoundException: apoc.result.WeightedPathResult'),
    );
    const msg = explainStartupFailure(reason, 'exited with code 1', ctx);
    expect(msg).toBe(
      `Neo4j exited with code 1 during start-up: java.lang.ClassNotFoundException: apoc.result.WeightedPathResult (details: ${paths.neo4jLog}, ${paths.consoleLog})`,
    );
  });

  it('reports a JVM that refused its options', () => {
    const console = "Unrecognized VM option 'NoSuchOption'\nError: Could not create the Java Virtual Machine.\n";
    expect(startupFailureReason(console, '')).toBe("Unrecognized VM option 'NoSuchOption'");
  });

  it('stays one readable line when the log has nothing useful or a huge message', () => {
    expect(explainStartupFailure(startupFailureReason('', ''), 'was killed by SIGKILL', ctx)).toBe(
      `Neo4j was killed by SIGKILL during start-up (details: ${paths.neo4jLog}, ${paths.consoleLog})`,
    );
    const long = explainStartupFailure(`x\n${'y'.repeat(2000)}`, 'exited with code 1', ctx);
    expect(long).not.toContain('\n');
    expect(long.length).toBeLessThan(500);
  });
});

describe('Maven failure message', () => {
  it('keeps only the reason from Maven\'s error block', () => {
    const output = [
      '\x1b[0m[ERROR] Failed to execute goal on project moneytrail-neo4j: Could not resolve dependencies for project moneytrail:moneytrail-neo4j:pom:1.0.0: Cannot access central (https://repo.maven.apache.org/maven2) in offline mode -> [Help 1]',
      '[ERROR] ',
      '[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.',
      '[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/DependencyResolutionException',
    ].join('\n');
    expect(mavenFailureReason(output)).toBe(
      'Could not resolve dependencies for project moneytrail:moneytrail-neo4j:pom:1.0.0: Cannot access central (https://repo.maven.apache.org/maven2) in offline mode',
    );
  });

  it('says nothing rather than something misleading when Maven printed no error', () => {
    expect(mavenFailureReason('[INFO] BUILD FAILURE\n')).toBeNull();
  });
});
