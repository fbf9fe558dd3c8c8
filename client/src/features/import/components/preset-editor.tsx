import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import type { PreviewBody } from '../../../types/api';
import { fetchPresetSource, previewDraft, usePresets, useSavePreset } from '../api/import-api';
import { Preview } from './preview-table';

const BLANK = {
  name: 'my-partner',
  title: 'My partner: what the file is',
  description: 'Who sends it, and what each row becomes.',
  csv: { delimiter: ',', quote: '"', encoding: 'utf-8' },
  columns: { reference: { type: 'string', required: true } },
  nodes: [],
  relationships: [],
};

/**
 * Create or edit a mapping preset (the JSON format of mappings/*.json), preview it on the first rows of a file,
 * save it. Presets from files are read-only here: "Copy" starts a new preset from one.
 */
export function PresetEditor({ file }: { file: File | null }) {
  const presets = usePresets();
  const save = useSavePreset();
  const [text, setText] = useState('');
  const [readOnly, setReadOnly] = useState(false);
  const [source, setSource] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [preview, setPreview] = useState<PreviewBody | null>(null);

  const load = async (name: string) => {
    setMessage(null);
    setPreview(null);
    if (!name) return;
    if (name === '(new)') {
      setText(JSON.stringify(BLANK, null, 2));
      setReadOnly(false);
      setSource(null);
      return;
    }
    try {
      const p = await fetchPresetSource(name);
      setText(JSON.stringify(p.preset, null, 2));
      setReadOnly(p.builtIn);
      setSource(name);
    } catch (e) {
      setMessage({ error: true, text: errorMessage(e) });
    }
  };
  const parsed = (): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      setMessage({ error: true, text: `The preset is not valid JSON: ${(e as Error).message}` });
      return undefined;
    }
  };
  const copy = () => {
    const p = parsed() as { name?: string } | undefined;
    if (!p) return;
    setText(JSON.stringify({ ...p, name: `${p.name ?? 'preset'}-copy` }, null, 2));
    setReadOnly(false);
    setMessage({ error: false, text: 'Editing a copy: give it a name of its own, then save.' });
  };
  const runPreview = async () => {
    if (!file) return setMessage({ error: true, text: 'Choose a file above to preview the preset on its first rows.' });
    setMessage(null);
    try {
      setPreview(await previewDraft(file, text));
    } catch (e) {
      setPreview(null);
      setMessage({ error: true, text: errorMessage(e) });
    }
  };
  const doSave = () => {
    const p = parsed();
    if (p === undefined) return;
    save.mutate(p, {
      onSuccess: (r) => setMessage({ error: false, text: `Saved preset "${r.name}". It is now in the preset list.` }),
      onError: (e) => setMessage({ error: true, text: errorMessage(e) }),
    });
  };

  return (
    <section className="import-history" data-testid="preset-editor">
      <h3>Mapping presets</h3>
      <label>
        Edit{' '}
        <select data-testid="preset-editor-choose" defaultValue="" onChange={(e) => void load(e.target.value)}>
          <option value="">choose…</option>
          <option value="(new)">a new preset</option>
          {presets.data?.filter((p) => p.name !== 'ftm').map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}{p.builtIn ? ' (from a file, read-only)' : ''}
            </option>
          ))}
        </select>
      </label>
      {text && (
        <>
          {readOnly && <p className="import-hint">{source} is a preset under version control (mappings/{source}.json): read-only here. Copy it to make your own.</p>}
          <textarea data-testid="preset-editor-json" aria-label="Preset JSON" rows={18} spellCheck={false} style={{ width: '100%', fontFamily: 'monospace' }} value={text} readOnly={readOnly} onChange={(e) => setText(e.target.value)} />
          <div className="import-actions">
            <button type="button" data-testid="preset-editor-preview" onClick={() => void runPreview()}>Preview on the chosen file</button>
            {readOnly ? (
              <button type="button" data-testid="preset-editor-copy" onClick={copy}>Copy</button>
            ) : (
              <button type="button" data-testid="preset-editor-save" disabled={save.isPending} onClick={doSave}>Save preset</button>
            )}
          </div>
        </>
      )}
      {message && <p role={message.error ? 'alert' : 'status'} data-testid="preset-editor-message">{message.text}</p>}
      {preview && <Preview preview={preview} />}
    </section>
  );
}
