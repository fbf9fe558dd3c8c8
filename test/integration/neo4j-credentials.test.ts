/**
 * The generated Neo4j password on a fresh home. neo4j-admin took a password starting with "-" for an option, so
 * one first start in 64 failed ("Missing required parameter: '<password>'"); CI hit it. A fresh home that already
 * holds such a password (left by that failure) must start too.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, describe, expect, it } from 'vitest';
import { managedNeo4jPaths } from '../../server/db/neo4j-conf.js';
import { newPassword, startManagedNeo4j, type ManagedNeo4j } from '../../server/db/neo4j-manager.js';
import { freePort } from '../support/ports.js';

describe('the password of the project\'s own Neo4j', () => {
  let home = '';
  let running: ManagedNeo4j | null = null;
  afterAll(async () => {
    await running?.stop();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('never starts with "-"', () => {
    for (let i = 0; i < 5_000; i++) expect(newPassword()).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{31,}$/);
  });

  it('a fresh home left with a "-" password by a failed first start starts, with a new password that works', { timeout: 180_000 }, async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'mt-creds-'));
    const file = managedNeo4jPaths(home).credentials;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ user: 'neo4j', password: '-RZ3pXq0w8M1eVb2nYt4uIo5pAs6dFg7' }), { mode: 0o600 });
    running = await startManagedNeo4j({ home, boltPort: await freePort(), heap: '512m', pageCache: '64m' });
    const saved = JSON.parse(await readFile(file, 'utf8')) as { password: string };
    expect(saved.password.startsWith('-')).toBe(false);
    expect(running.password).toBe(saved.password);
    const driver = neo4j.driver(running.uri, neo4j.auth.basic(running.user, running.password));
    try {
      const { records } = await driver.executeQuery('RETURN 1 AS one');
      expect(Number(records[0]!.get('one'))).toBe(1);
    } finally {
      await driver.close();
    }
  });
});
