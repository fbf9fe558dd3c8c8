import { formatDateTime } from '../../../lib/format';
import type { Provenance } from '../../../types/api';

type ProvenanceSectionProps = {
  provenance: Provenance;
  /** opens a source organisation on the canvas, when the source is an entity uid */
  onOpenNode?: (id: string) => void;
};

function IdList({ ids, onOpenNode, empty }: { ids: readonly string[]; onOpenNode?: (id: string) => void; empty: string }) {
  if (ids.length === 0) return <span className="muted">{empty}</span>;
  return (
    <span className="chips">
      {ids.map((id) =>
        onOpenNode && id.startsWith('org:') ? (
          <button type="button" className="chip chip--link" key={id} onClick={() => onOpenNode(id)} title={`Show ${id} on the canvas`}>
            {id}
          </button>
        ) : (
          <span className="chip" key={id}>
            {id}
          </span>
        ),
      )}
    </span>
  );
}

/** Where a fact came from and when it was seen: what an analyst cites when the trail goes into a report. */
export function ProvenanceSection({ provenance, onOpenNode }: ProvenanceSectionProps) {
  return (
    <section className="inspector__section" data-testid="inspector-provenance" aria-labelledby="inspector-provenance-title">
      <h3 className="inspector__heading" id="inspector-provenance-title">
        Provenance
      </h3>
      <dl className="props">
        <div className="props__row">
          <dt className="props__key">Sources</dt>
          <dd className="props__value" data-field="sources">
            <IdList ids={provenance.sources} onOpenNode={onOpenNode} empty="none recorded" />
          </dd>
        </div>
        <div className="props__row">
          <dt className="props__key">Imports</dt>
          <dd className="props__value" data-field="importIds">
            <IdList ids={provenance.importIds} empty="none recorded" />
          </dd>
        </div>
        <div className="props__row">
          <dt className="props__key">First seen</dt>
          <dd className="props__value" data-field="firstSeen" title={provenance.firstSeen ?? undefined}>
            {formatDateTime(provenance.firstSeen)}
          </dd>
        </div>
        <div className="props__row">
          <dt className="props__key">Last seen</dt>
          <dd className="props__value" data-field="lastSeen" title={provenance.lastSeen ?? undefined}>
            {formatDateTime(provenance.lastSeen)}
          </dd>
        </div>
      </dl>
    </section>
  );
}
