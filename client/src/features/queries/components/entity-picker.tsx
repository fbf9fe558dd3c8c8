import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import type { EntityLabel, SearchResponse } from '../../../types/api';

type Picked = { id: string; caption: string };

/** Searches the graph for entities of one label; picks one, or several for list parameters. */
export function EntityPicker({ label, multiple, value, onChange, inputId }: {
  label: EntityLabel;
  multiple: boolean;
  value: Picked[];
  onChange: (v: Picked[]) => void;
  inputId: string;
}) {
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const hits = useQuery({
    queryKey: ['queries', 'picker', label, q],
    queryFn: ({ signal }) => apiGet<SearchResponse>('/api/search', { params: { q, labels: label, limit: 8 }, signal }),
    enabled: q.length >= 2,
  });
  const add = (p: Picked) => {
    onChange(multiple ? [...value.filter((v) => v.id !== p.id), p] : [p]);
    setText('');
  };
  return (
    <div className="entity-picker">
      {value.length > 0 && (
        <ul className="entity-picker__chips">
          {value.map((v) => (
            <li key={v.id} className="chip" title={v.id}>
              {v.caption}
              <button type="button" aria-label={`Remove ${v.caption}`} onClick={() => onChange(value.filter((x) => x.id !== v.id))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        id={inputId}
        type="search"
        value={text}
        placeholder={`Search ${label}…`}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
      />
      {q.length >= 2 && hits.data && (
        <ul className="entity-picker__hits" role="listbox">
          {hits.data.hits.length === 0 && <li className="muted">No {label} matches “{q}”</li>}
          {hits.data.hits.map((h) => (
            <li key={h.id} role="option" aria-selected={false}>
              <button type="button" onClick={() => add({ id: h.id, caption: h.caption })}>
                {h.caption} <span className="muted">{h.detail ?? h.id}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
