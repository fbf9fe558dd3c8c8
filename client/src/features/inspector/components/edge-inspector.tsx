import { LabelIcon } from '../../../components/label-icon';
import type { GraphEdge, GraphNode } from '../../../types/api';
import { PropertiesTable } from './properties-table';
import { ProvenanceSection } from './provenance-section';

type EdgeInspectorProps = {
  edge: GraphEdge;
  source: GraphNode | undefined;
  target: GraphNode | undefined;
  onSelect: (id: string) => void;
  onOpenNode: (id: string) => void;
};

function Endpoint({ id, node, role, onSelect }: { id: string; node: GraphNode | undefined; role: string; onSelect: (id: string) => void }) {
  return (
    <button type="button" className="endpoint" onClick={() => onSelect(id)} title={`Select the ${role} (${id})`} data-endpoint={role}>
      {node && <LabelIcon label={node.label} size={20} />}
      <span className="endpoint__text">
        <span className="endpoint__role">{role}</span>
        <span className="endpoint__caption">{node?.caption ?? id}</span>
      </span>
    </button>
  );
}

export function EdgeInspector({ edge, source, target, onSelect, onOpenNode }: EdgeInspectorProps) {
  return (
    <div className="inspector__body" data-kind="edge" data-edge-id={edge.id}>
      <header className="inspector__header">
        <span className="edge-glyph" aria-hidden="true">
          →
        </span>
        <div className="inspector__heading-text">
          <h2 className="inspector__title" data-testid="inspector-title">
            {edge.type}
          </h2>
          <div className="inspector__subtitle muted">Relationship</div>
        </div>
      </header>

      <section className="inspector__section" aria-label="Endpoints">
        <div className="endpoints">
          <Endpoint id={edge.source} node={source} role="from" onSelect={onSelect} />
          <span className="endpoints__arrow" aria-hidden="true">
            ↓ {edge.type}
          </span>
          <Endpoint id={edge.target} node={target} role="to" onSelect={onSelect} />
        </div>
      </section>

      <section className="inspector__section" aria-labelledby="inspector-props-title">
        <h3 className="inspector__heading" id="inspector-props-title">
          Properties
        </h3>
        <PropertiesTable properties={edge.properties} />
      </section>

      <ProvenanceSection provenance={edge.provenance} onOpenNode={onOpenNode} />
    </div>
  );
}
