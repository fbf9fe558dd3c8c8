import { useMemo } from 'react';
import { CypherEditor } from '@neo4j-cypher/react-codemirror';
import { EditorView } from '@codemirror/view';
// the package's highlighting colours (.cm-keyword, .cm-p-label...) and light theme live in this stylesheet
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import { useEditorSchema } from '../api/queries-api';
import { cspNonce } from '../lib/csp-nonce';
import { declaredParams, editorSupportSchema } from '../lib/editor-schema';

/**
 * The Neo4j Cypher editor as the queries feature uses it (editor and console): live-schema completion of labels,
 * relationship types, properties and declared parameters; syntax colours; lint; CodeMirror's own styles injected
 * under the page's CSP nonce.
 */
export function CypherCodeEditor({ value, onChange, className, testId, lineWrapping = false }: {
  value: string;
  onChange: (value: string) => void;
  className?: string;
  testId?: string;
  lineWrapping?: boolean;
}) {
  const live = useEditorSchema(true);
  const paramKey = declaredParams(value).join(',');
  const schema = useMemo(() => editorSupportSchema(live.data, paramKey ? paramKey.split(',') : []), [live.data, paramKey]);
  // created once: the wrapper reconfigures the editor whenever this array changes identity
  const preExtensions = useMemo(() => [EditorView.cspNonce.of(cspNonce())], []);
  return (
    <div className={className} data-testid={testId}>
      <CypherEditor
        className="cypher-code-editor"
        value={value}
        onValueChanged={(v: string) => onChange(v)}
        schema={schema}
        lint
        autofocus={false}
        lineWrapping={lineWrapping}
        tooltipAbsolute={false}
        preExtensions={preExtensions}
      />
    </div>
  );
}
