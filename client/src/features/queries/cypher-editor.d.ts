/**
 * The package ships its types outside its "exports" map, so TypeScript cannot find them under bundler
 * resolution; this declares the part of CypherEditorProps the queries feature uses.
 */
declare module '@neo4j-cypher/react-codemirror' {
  import type { ComponentType } from 'react';
  import type { Extension } from '@codemirror/state';
  /**
   * Schema in Neo4j Browser's shape: labels and relationship types carry their leading ':' (":Seller",
   * ":OPERATES"); property keys and parameter names are bare.
   */
  export interface EditorSupportSchema {
    labels?: string[];
    relationshipTypes?: string[];
    propertyKeys?: string[];
    parameters?: string[];
  }
  export interface CypherEditorProps {
    value?: string;
    onValueChanged?: (value: string, changes?: unknown) => void;
    schema?: EditorSupportSchema;
    lint?: boolean;
    autofocus?: boolean;
    lineWrapping?: boolean;
    readOnly?: boolean;
    /** false: completion and lint popups are position: fixed, so a scrolling panel does not clip them */
    tooltipAbsolute?: boolean;
    className?: string;
    theme?: 'light' | 'dark' | 'auto';
    preExtensions?: Extension[];
  }
  export const CypherEditor: ComponentType<CypherEditorProps>;
}
