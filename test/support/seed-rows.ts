import { generateSeed } from '../../server/features/seed/seed.generator.js';
import type { NodeRow, RelRow, TxRow } from '../../server/features/seed/seed.rows.js';

/** The rows and the truth the generator writes for the small network, without a database: for unit tests. */
export function generateSmallRows(seed: number, importId: string): { nodes: NodeRow[]; rels: RelRow[]; txs: TxRow[]; truth: unknown } {
  const nodes: NodeRow[] = [];
  const rels: RelRow[] = [];
  const txs: TxRow[] = [];
  const it = generateSeed({ scale: 'small', seed, panKey: 'unit-test-pan-key-0123456789', importId });
  let step = it.next();
  while (!step.done) {
    if (step.value.kind === 'nodes') nodes.push(...step.value.rows);
    else if (step.value.kind === 'rels') rels.push(...step.value.rows);
    else txs.push(...step.value.rows);
    step = it.next();
  }
  return { nodes, rels, txs, truth: step.value };
}
