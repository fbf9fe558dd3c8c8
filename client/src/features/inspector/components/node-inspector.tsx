import { useState } from 'react';
import { LabelBadge, LabelIcon } from '../../../components/label-icon';
import type { GraphNode, RelType } from '../../../types/api';
import { PropertiesTable } from './properties-table';
import { ProvenanceSection } from './provenance-section';
import { RelationshipCounts, type CountsState } from './relationship-counts';
import { ExpandControls } from './expand-controls';

type NodeInspectorProps = {
  node: GraphNode;
  counts: CountsState;
  expanding: boolean;
  onCanvas: (type: RelType, direction: 'in' | 'out') => number;
  onExpand: (nodeId: string, filter?: { types: RelType[]; direction: 'in' | 'out' }) => void;
  onOpenNode: (id: string) => void;
};

export function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  // Clipboard access needs a secure context (https or localhost); elsewhere the button simply does nothing.
  if (!navigator.clipboard) return null;
  return (
    <button
      type="button"
      className="button button--tiny"
      onClick={() => {
        navigator.clipboard.writeText(text).then(
          () => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1200);
          },
          () => undefined,
        );
      }}
      title="Copy the id"
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

export function NodeInspector({ node, counts, expanding, onCanvas, onExpand, onOpenNode }: NodeInspectorProps) {
  return (
    <div className="inspector__body" data-kind="node" data-node-id={node.id}>
      <header className="inspector__header">
        <LabelIcon label={node.label} size={30} />
        <div className="inspector__heading-text">
          <h2 className="inspector__title" data-testid="inspector-title" title={node.caption}>
            {node.caption || node.id}
          </h2>
          <div className="inspector__subtitle">
            <LabelBadge label={node.label} />
            {node.labels
              .filter((l) => l !== node.label && l !== 'Entity')
              .map((l) => (
                <span className="chip chip--quiet" key={l}>
                  {l}
                </span>
              ))}
          </div>
        </div>
      </header>
      <div className="inspector__id">
        <code title={node.id}>{node.id}</code>
        <CopyButton text={node.id} />
      </div>

      <section className="inspector__section" aria-labelledby="inspector-rels-title">
        <div className="inspector__section-head">
          <h3 className="inspector__heading" id="inspector-rels-title">
            Relationships
          </h3>
          <button
            type="button"
            className="button button--primary button--small"
            data-testid="expand-all"
            disabled={expanding}
            onClick={() => onExpand(node.id)}
            title="Bring in up to 50 neighbours (same as double-clicking the node)"
          >
            {expanding ? 'Expanding…' : 'Expand all'}
          </button>
        </div>
        <RelationshipCounts
          state={counts}
          busy={expanding}
          onCanvas={onCanvas}
          onExpand={(type, direction) => onExpand(node.id, { types: [type], direction })}
        />
      </section>

      <ExpandControls nodeId={node.id} />

      <section className="inspector__section" aria-labelledby="inspector-props-title">
        <h3 className="inspector__heading" id="inspector-props-title">
          Properties
        </h3>
        <PropertiesTable properties={node.properties} />
      </section>

      <ProvenanceSection provenance={node.provenance} onOpenNode={onOpenNode} />
    </div>
  );
}
