import { useMemo } from 'react';
import { CypherEditor } from '@neo4j-cypher/react-codemirror';
import { closeCompletion, completionStatus } from '@codemirror/autocomplete';
import { EditorView } from '@codemirror/view';
// the package's highlighting colours (.cm-keyword, .cm-p-label...) and light theme live in this stylesheet
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import { useEditorSchema } from '../api/queries-api';
import { cspNonce } from '../lib/csp-nonce';
import { declaredParams, editorSupportSchema, inLineComment } from '../lib/editor-schema';

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
  const preExtensions = useMemo(() => [EditorView.cspNonce.of(cspNonce()), noCompletionInComments], []);
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

/**
 * The package completes wherever a trigger character is typed, comments included: in a query's `// @...` header a
 * '.' opened the property list, which then swallowed the Enter at the end of the line. Completion is closed as soon
 * as it shows up inside a line comment (after the update: an update listener may not dispatch synchronously).
 */
const noCompletionInComments = EditorView.updateListener.of((update) => {
  if (completionStatus(update.state) === null) return;
  const head = update.state.selection.main.head;
  const line = update.state.doc.lineAt(head);
  if (!inLineComment(line.text.slice(0, head - line.from))) return;
  queueMicrotask(() => {
    if (completionStatus(update.view.state) !== null) closeCompletion(update.view);
  });
});
