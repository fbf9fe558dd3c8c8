import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../../server/config.js';

/** The browser tests drive the production build, as a user gets it from `npm start`. */
export default function setup(): void {
  execFileSync('npx', ['tsx', 'scripts/build-client.ts', '--if-stale'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
