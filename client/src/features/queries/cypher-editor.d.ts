/**
 * The package ships its types outside its "exports" map, so TypeScript cannot find them under bundler
 * resolution; this declares the part of CypherEditorProps the queries feature uses.
 */
declare module '@neo4j-cypher/react-codemirror' {
  import type { ComponentType } from 'react';
  export interface CypherEditorProps {
    value?: string;
    onValueChanged?: (value: string, changes?: unknown) => void;
    schema?: { labels?: string[]; relationshipTypes?: string[]; propertyKeys?: string[] };
    lint?: boolean;
    autofocus?: boolean;
    lineWrapping?: boolean;
    readOnly?: boolean;
    className?: string;
    theme?: 'light' | 'dark' | 'auto';
  }
  export const CypherEditor: ComponentType<CypherEditorProps>;
}
