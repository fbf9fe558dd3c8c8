import { describe, expect, it } from 'vitest';
import type { QueryParamView, QuerySummary } from '../../server/features/queries/queries.schemas.js';
import { queriesForSelection } from '../../client/src/features/queries/lib/selection-queries.js';

const param = (name: string, input: QueryParamView['input'], dflt: string | null = null): QueryParamView => ({ name, type: '', input, default: dflt, help: '' });
const query = (name: string, params: QueryParamView[], publishedVersion: number | null = 1): QuerySummary => ({
  name, title: name, description: '', category: '', resultKind: 'graph', roles: ['analyst'], params, timeoutSeconds: 10,
  publishedVersion, latestVersion: 1, hasDraft: false, updatedAt: null, updatedBy: null, isPublishedDefinition: true,
});

describe('queries offered for a canvas selection', () => {
  const sellers = query('footprint', [param('sellers', { kind: 'list', of: { kind: 'entity', label: 'Seller' } })]);
  const oneDomain = query('domain', [param('domain', { kind: 'entity', label: 'Domain' }), param('since', { kind: 'scalar', scalar: 'date' }, '2025-01-01')]);
  const needsDate = query('needs-date', [param('seller', { kind: 'entity', label: 'Seller' }), param('since', { kind: 'scalar', scalar: 'date' })]);
  const draft = query('draft', [param('sellers', { kind: 'list', of: { kind: 'entity', label: 'Seller' } })], null);
  const selection = [
    { id: 'seller:a', label: 'Seller' },
    { id: 'seller:b', label: 'Seller' },
    { id: 'domain:x.example', label: 'Domain' },
    { id: 'domain:y.example', label: 'Domain' },
  ];

  it('fills list parameters with every selected entity of the label and single ones with the first', () => {
    const offered = queriesForSelection([sellers, oneDomain], selection);
    expect(offered.map((o) => o.query.name)).toEqual(['footprint', 'domain']);
    expect(offered[0]!.params).toEqual({ sellers: ['seller:a', 'seller:b'] });
    expect(offered[1]!.params).toEqual({ domain: 'domain:x.example' });
  });

  it('leaves out drafts, queries the selection cannot fill, and ones with a required parameter it cannot supply', () => {
    expect(queriesForSelection([draft, needsDate], selection)).toEqual([]);
    expect(queriesForSelection([oneDomain], [{ id: 'seller:a', label: 'Seller' }])).toEqual([]);
  });
});
