import { writeFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import { CypherCatalog } from './server/db/cypher-catalog.js';
import { Database } from './server/db/database.js';
import { startManagedNeo4j } from './server/db/neo4j-manager.js';
import { makeIban } from './server/domain/iban.js';
import { ImportRepository } from './server/features/import/import.repository.js';
import { ImportService } from './server/features/import/import.service.js';

const managed = await startManagedNeo4j({ home: '/tmp/mt-bench-import2', boltPort: 7772 });
const db = new Database({ uri: managed.uri, user: managed.user, password: managed.password }, CypherCatalog.load());
try {
  const rows = Number(process.argv[2] ?? 20000);
  const tag = `P${Date.now() % 100000}`;
  const iban = (i: number) => makeIban('NL', `BNCH${String(i).padStart(10, '0')}`);
  const lines = ['reference;booked_on;debtor_name;debtor_iban;creditor_name;creditor_iban;amount;currency;remittance'];
  for (let i = 0; i < rows; i++) { const a = (i * 7919) % 20000; const b = (i * 104729 + 1) % 20000; lines.push(`${tag}-${i};01.03.2025;Holder ${a};${iban(a)};Holder ${b};${iban(b)};${(i % 9000) + 10}.50;EUR;bench`); }
  writeFileSync('/tmp/prof2.csv', lines.join('\n') + '\n');
  // time each named query
  const orig = db.writeTransaction.bind(db);
  const times = new Map<string, number>();
  (db as unknown as { writeTransaction: typeof db.writeTransaction }).writeTransaction = (work) => orig((run) => work(async (name, params) => { const t = performance.now(); const r = await run(name, params); times.set(name, (times.get(name) ?? 0) + performance.now() - t); return r; }));
  const service = new ImportService(new ImportRepository(db));
  const phases: [string, number][] = [];
  const t0 = performance.now();
  await service.run({ path: '/tmp/prof2.csv', fileName: 'prof2.csv', organisation: 'prof-bank', mapping: 'bank-transfers', user: 'p', panKey: 'k'.repeat(32), batchRows: 10000, onProgress: (p) => { if (!phases.length || phases.at(-1)![0] !== p.phase) phases.push([p.phase, performance.now() - t0]); } });
  console.log('total', ((performance.now() - t0) / 1000).toFixed(1), 's', phases.map(([p, t]) => `${p}@${(t / 1000).toFixed(1)}`).join(' '));
  console.log([...times].map(([k, v]) => `${k}: ${(v / 1000).toFixed(1)}s`).join('\n'));
  const s = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
  const t1 = performance.now();
  await s.run(`UNWIND range(0, ${rows - 1}) AS i WITH i, i*7919 % 20000 AS a, (i*104729+1) % 20000 AS b
    MERGE (x:Entity {uid: 'acct:iban:' + toString(a) + 'zz'}) MERGE (y:Entity {uid: 'acct:iban:' + toString(b) + 'zz'})
    CREATE (t:Entity:Transaction {uid: '${tag}-base-' + toString(i), amount: 1.0}) CREATE (x)-[:SENT]->(t) CREATE (t)-[:TO]->(y)`);
  console.log('baseline-ish one query', ((performance.now() - t1) / 1000).toFixed(1), 's');
  await s.close();
} finally {
  await db.close();
  await managed.stop();
}
