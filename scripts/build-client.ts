/**
 * Builds the browser client (client/ → client/dist) with Vite, using client/vite.config.ts.
 *
 *   tsx scripts/build-client.ts             always build
 *   tsx scripts/build-client.ts --if-stale  build only if a client source (or an API type it compiles against)
 *                                           changed since client/dist/index.html was written
 *
 * Prints exactly one line on success either way; errors go to stderr with a non-zero exit code.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clientDir = path.join(repoRoot, 'client');
const configFile = path.join(clientDir, 'vite.config.ts');
const outputMarker = path.join(clientDir, 'dist', 'index.html');
const apiTypes = path.join(repoRoot, 'server', 'api-types.ts');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * server/api-types.ts and the files it reaches through relative imports (the zod schemas, the domain model):
 * the client is compiled against them, and ENTITY_LABELS / REL_TYPES are bundled from them.
 */
function apiTypeFiles(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const specifier = match[1];
      if (!specifier) continue;
      const resolved = path.resolve(path.dirname(file), specifier);
      const candidates = [resolved, resolved.replace(/\.js$/, '.ts'), `${resolved}.ts`, path.join(resolved, 'index.ts')];
      const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
      if (hit) visit(hit);
    }
  };
  visit(entry);
  return [...seen];
}

function staleReason(): string | null {
  if (!existsSync(outputMarker)) return 'no previous build';
  const builtAt = statSync(outputMarker).mtimeMs;
  const inputs = [
    ...filesUnder(path.join(clientDir, 'src')),
    ...filesUnder(path.join(clientDir, 'public')),
    path.join(clientDir, 'index.html'),
    configFile,
    ...apiTypeFiles(apiTypes),
  ];
  for (const file of inputs) {
    if (existsSync(file) && statSync(file).mtimeMs > builtAt) return `${path.relative(repoRoot, file)} changed`;
  }
  return null;
}

async function main(): Promise<void> {
  const ifStale = process.argv.includes('--if-stale');
  const outDir = path.relative(repoRoot, path.dirname(outputMarker));
  let reason = 'build requested';
  if (ifStale) {
    const stale = staleReason();
    if (stale === null) {
      console.log(`client: ${outDir} is up to date, skipping build`);
      return;
    }
    reason = stale;
  }
  const started = performance.now();
  // Vite's per-file report would break the one-line promise; warnings and errors still get through.
  await build({ configFile, logLevel: 'warn', mode: 'production' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`client: built ${outDir} in ${seconds}s (${reason})`);
}

main().catch((err: unknown) => {
  console.error('client: build failed');
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
