/**
 * Optional Graph Data Science for the project's own Neo4j (NEO4J_GDS=true). MoneyTrail's own analyses are
 * Cypher and need no GDS; this is for data teams who want its algorithms (centrality, communities, paths) from
 * the console, cypher-shell or Neo4j Browser. The jars come from Maven Central through neo4j/gds/pom.xml and sit
 * in <home>/neo4j/plugins next to APOC, listed in a manifest so that turning GDS off removes exactly them.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mavenFailureReason, Neo4jSetupError, type ManagedNeo4jPaths } from './neo4j-conf.js';
import { runCommand } from './run-command.js';

const GDS_POM = fileURLToPath(new URL('../../neo4j/gds/pom.xml', import.meta.url));
const MANIFEST = '.moneytrail-gds-jars';

/** NEO4J_GDS: true/false (also 1/0, yes/no); unset means off. */
export function gdsFromEnv(value: string | undefined): boolean {
  if (value === undefined || value.trim() === '') return false;
  const v = value.trim().toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(v)) return true;
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  throw new Neo4jSetupError(`NEO4J_GDS must be true or false, got '${value}'`);
}

/** Puts the GDS jars into the plugins folder (once per version of the pom) or takes them out again. */
export async function ensureGdsPlugins(p: ManagedNeo4jPaths, enabled: boolean, log: (line: string) => void): Promise<void> {
  const manifestFile = path.join(p.plugins, MANIFEST);
  const manifest = existsSync(manifestFile) ? (await readFile(manifestFile, 'utf8')).split('\n').filter(Boolean) : null;
  const remove = async () => {
    for (const jar of manifest?.slice(1) ?? []) await rm(path.join(p.plugins, jar), { force: true });
    await rm(manifestFile, { force: true });
  };
  if (!enabled) {
    if (manifest) {
      await remove();
      log('GDS turned off: its jars were taken out of the plugins folder');
    }
    return;
  }
  const pom = await readFile(GDS_POM, 'utf8');
  const stamp = createHash('sha256').update(pom).digest('hex');
  if (manifest?.[0] === stamp) return;

  const version = /<gds\.version>([^<]+)</.exec(pom)?.[1] ?? '?';
  log(`resolving Graph Data Science ${version} jars with Maven (~33 MB, downloaded unless already in ~/.m2)…`);
  const partial = `${p.plugins}.gds-partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    // GDS modules, then their third-party libraries; never Neo4j's own artefacts, which the server has in lib
    await runCommand('mvn', ['-q', '-B', '-f', GDS_POM, 'dependency:copy-dependencies', `-DoutputDirectory=${partial}`, '-DincludeGroupIds=org.neo4j.gds']);
    await runCommand('mvn', ['-q', '-B', '-f', GDS_POM, 'dependency:copy-dependencies', `-DoutputDirectory=${partial}`, '-DexcludeGroupIds=org.neo4j']);
  } catch (err) {
    await rm(partial, { recursive: true, force: true });
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Neo4jSetupError('NEO4J_GDS=true needs Maven once to download GDS but `mvn` was not found: install it with: apt-get install -y maven');
    const e = err as { stdout?: string; stderr?: string; message?: string };
    const reason = mavenFailureReason(`${e.stdout ?? ''}\n${e.stderr ?? ''}`) ?? String(e.message).split('\n')[0];
    throw new Neo4jSetupError(`Maven could not fetch the GDS jars: ${reason} (or start without NEO4J_GDS)`);
  }
  await remove();
  const jars = (await readdir(partial)).filter((f) => f.endsWith('.jar')).sort();
  for (const jar of jars) await rename(path.join(partial, jar), path.join(p.plugins, jar));
  await rm(partial, { recursive: true, force: true });
  await writeFile(manifestFile, `${[stamp, ...jars].join('\n')}\n`);
}
