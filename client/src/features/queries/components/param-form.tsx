import { useState, type FormEvent } from 'react';
import type { ParamInput, QueryParamView } from '../../../types/api';
import { EntityPicker } from './entity-picker';

type Picked = { id: string; caption: string };
export type FormValues = Record<string, string | boolean | Picked[]>;

/** an optional boolean (`= null`): left unset, true or false, so "not set" is not silently sent as false */
const isTriState = (p: QueryParamView) => p.input.kind === 'scalar' && p.input.scalar === 'boolean' && (p.default === 'null' || p.default === '');

const labelPrefix: Record<string, string> = {
  Buyer: 'buyer:', Seller: 'seller:', Person: 'person:', PaymentAccount: 'acct:', Transaction: 'tx:', Merchant: 'merchant:',
  Domain: 'domain:', HostingProvider: 'host:', IPAddress: 'ip:', Email: 'email:', Phone: 'phone:', Organisation: 'org:', Report: 'report:',
};

const entityOf = (input: ParamInput) => (input.kind === 'entity' ? input : input.kind === 'list' && input.of.kind === 'entity' ? input.of : null);

function initial(p: QueryParamView): string | boolean | Picked[] {
  if (entityOf(p.input)) return [];
  const d = p.default === null || p.default === 'null' ? '' : p.default;
  if (isTriState(p)) return '';
  if (p.input.kind === 'scalar' && p.input.scalar === 'boolean') return d === 'true';
  if (p.input.kind === 'scalar' && p.input.scalar === 'datetime' && d) return d.replace(/Z$/, '').slice(0, 16);
  return d;
}

/** The request body's params: entity picks become ids; empty fields are left out so defaults apply. */
export function toParams(params: QueryParamView[], values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of params) {
    const v = values[p.name];
    if (Array.isArray(v)) {
      if (v.length > 0) out[p.name] = p.input.kind === 'list' ? v.map((x) => x.id) : v[0]!.id;
    } else if (typeof v === 'boolean') out[p.name] = v;
    else if (isTriState(p)) {
      if (v === 'true' || v === 'false') out[p.name] = v === 'true';
    }
    else if (v !== undefined && v !== '') out[p.name] = p.input.kind === 'scalar' && p.input.scalar === 'datetime' && !/Z|[+-]\d\d:?\d\d$/.test(v) ? `${v}Z` : v;
  }
  return out;
}

/** A form generated from the query's declared parameter types. */
export function ParamForm({ params, busy, selectedIds, onRun, submitLabel = 'Run query' }: {
  params: QueryParamView[];
  busy: boolean;
  submitLabel?: string;
  /** ids selected on the canvas, to fill entity parameters from */
  selectedIds: readonly string[];
  onRun: (params: Record<string, unknown>) => void;
}) {
  const [values, setValues] = useState<FormValues>(() => Object.fromEntries(params.map((p) => [p.name, initial(p)])));
  const set = (name: string, v: string | boolean | Picked[]) => setValues((prev) => ({ ...prev, [name]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onRun(toParams(params, values));
  };
  return (
    <form className="param-form" onSubmit={submit} data-testid="query-param-form">
      {params.map((p) => {
        const id = `qp-${p.name}`;
        const entity = entityOf(p.input);
        const fromSelection = entity ? selectedIds.filter((s) => s.startsWith(labelPrefix[entity.label] ?? '\u0000')) : [];
        return (
          <div className="param-form__field" key={p.name}>
            <label htmlFor={id}>
              {p.name} <span className="muted">({p.type}{p.default === null ? ', required' : ''})</span>
            </label>
            {entity ? (
              <>
                <EntityPicker inputId={id} label={entity.label} multiple={p.input.kind === 'list'} value={values[p.name] as Picked[]} onChange={(v) => set(p.name, v)} />
                {fromSelection.length > 0 && (
                  <button type="button" className="link-button" onClick={() => set(p.name, (p.input.kind === 'list' ? fromSelection : fromSelection.slice(0, 1)).map((s) => ({ id: s, caption: s })))}>
                    Use the {fromSelection.length} selected on the canvas
                  </button>
                )}
              </>
            ) : isTriState(p) ? (
              <select id={id} value={values[p.name] as string} onChange={(e) => set(p.name, e.target.value)}>
                <option value="">not set (no filter)</option>
                <option value="true">yes</option>
                <option value="false">no</option>
              </select>
            ) : p.input.kind === 'scalar' && p.input.scalar === 'boolean' ? (
              <input id={id} type="checkbox" checked={values[p.name] as boolean} onChange={(e) => set(p.name, e.target.checked)} />
            ) : (
              <input
                id={id}
                name={p.name}
                type={p.input.kind === 'scalar' ? ({ integer: 'number', float: 'number', date: 'date', datetime: 'datetime-local' } as Record<string, string>)[p.input.scalar] ?? 'text' : 'text'}
                step={p.input.kind === 'scalar' && p.input.scalar === 'float' ? 'any' : undefined}
                value={values[p.name] as string}
                placeholder={p.input.kind === 'list' ? 'comma-separated' : p.input.kind === 'scalar' && p.input.scalar === 'duration' ? 'e.g. P30D, PT12H' : ''}
                onChange={(e) => set(p.name, e.target.value)}
              />
            )}
            <p className="param-form__help">{p.help}</p>
          </div>
        );
      })}
      <button type="submit" className="primary" disabled={busy} data-testid="query-run">
        {busy ? 'Running…' : submitLabel}
      </button>
    </form>
  );
}
