import { formatPropertyValue } from '../../../lib/format';
import { PROVENANCE_KEYS } from '../../../types/api';

/** Shown elsewhere in the inspector (title, id line, provenance section), so not repeated as properties. */
const HIDDEN_KEYS = new Set<string>(['uid', 'caption', ...PROVENANCE_KEYS]);

export function PropertiesTable({ properties }: { properties: Record<string, unknown> }) {
  const entries = Object.entries(properties)
    .filter(([key]) => !HIDDEN_KEYS.has(key))
    .sort(([a], [b]) => a.localeCompare(b));

  if (entries.length === 0) return <p className="inspector__empty-note">No properties.</p>;

  return (
    <dl className="props" data-testid="inspector-properties">
      {entries.map(([key, value]) => {
        const formatted = formatPropertyValue(key, value, properties);
        return (
          <div className="props__row" key={key} data-key={key}>
            <dt className="props__key" title={key}>
              {key}
            </dt>
            <dd className={`props__value props__value--${formatted.kind}`} title={formatted.title}>
              {formatted.items ? (
                formatted.items.map((item, i) => (
                  <span className="chip" key={i}>
                    {item}
                  </span>
                ))
              ) : (
                formatted.text
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
