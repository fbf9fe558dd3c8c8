import neo4j from 'neo4j-driver';
import { readFileSync } from 'node:fs';
import { startManagedNeo4j } from '../server/db/neo4j-manager.js';
const managed = await startManagedNeo4j({ home: '/tmp/mt-test-import', boltPort: 7721, heap: '1g', pageCache: '256m' });
const d = neo4j.driver(managed.uri, neo4j.auth.basic(managed.user, managed.password));
try {
  const strip = (f: string) => readFileSync(f,'utf8').split('\n').filter(l=>!l.startsWith('//')).join('\n');
  const cnt = await d.executeQuery("MATCH (t:Transaction) RETURN count(t) AS n");
  console.log('tx', cnt.records[0].get('n'));
  const rows = (await d.executeQuery("MATCH (a:PaymentAccount)-[:SENT]->(t:Transaction) WHERE t.uid STARTS WITH 'tx:sct:BENCH' RETURN a.uid AS from, t.uid AS to LIMIT 500")).records.map(r=>({type:'SENT', from:r.get('from'), to:r.get('to'), props:{}}));
  const nrows = rows.map(r => ({uid: r.to, label: 'Transaction', props: {amount: 1}}));
  const walk=(p: any,ind='')=>{ console.log(ind+p.operatorType, p.dbHits, p.rows, JSON.stringify(p.arguments.Details ?? '').slice(0,90)); p.children.forEach((ch: any)=>walk(ch,ind+'  ')); };
  for (let k = 0; k < 3; k++) for (const [name, params] of [['nodes', {rows: nrows}], ['relationships', {rows}]] as const) {
    const t0=Date.now();
    const res = await d.executeQuery(strip(`/work/main/cypher/import/${name}.cypher`), {...params, importId:'x'+k, org:'org:x'+k, at: neo4j.types.DateTime.fromStandardDate(new Date())});
    console.log(name, 'ms', Date.now()-t0, res.summary.resultAvailableAfter?.toString(), res.summary.resultConsumedAfter?.toString());
  }
} finally { await d.close(); await managed.stop(); }
