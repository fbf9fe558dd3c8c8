import { z } from 'zod';
import type { EntityLabel } from '../../domain/model.js';
import type { Role } from '../../domain/roles.js';
import type { GraphEdge, GraphNode } from '../graph/graph.schemas.js';
import type { ResultKind, ScalarType } from './queries.format.js';

/** API shapes of stored queries. The client imports the types only (server/api-types.ts). */

export const queryNameParamsSchema = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{1,79}$/, 'a query name is 2–80 lower-case letters, digits and dashes'),
});

const version = z.coerce
  .number({ error: 'version must be a number' })
  .int('version must be a whole number')
  .min(1, 'version must be at least 1');

export const versionParamsSchema = queryNameParamsSchema.extend({ version });

/** parameter values: JSON values, or text as typed in a form */
const paramValues = z.record(z.string(), z.unknown(), { error: 'params must be an object of name: value' });

export const runBodySchema = z.object({
  params: paramValues.default({}),
  /** data team and admins may run a draft version to test it; analysts always run the published one */
  version: version.optional(),
});
export type RunBody = z.infer<typeof runBodySchema>;

const source = z
  .string({ error: 'source must be the text of a .cypher query file' })
  .min(1, 'the query file is empty')
  .max(100_000, 'a query file is at most 100,000 characters');

export const saveBodySchema = z.object({
  source,
  publish: z.boolean({ error: 'publish must be true or false' }).default(false),
  note: z.string().max(500, 'a note is at most 500 characters').default(''),
});
export type SaveBody = z.infer<typeof saveBodySchema>;

export const versionBodySchema = z.object({ version });

export const checkBodySchema = z.object({ source });

export const consoleBodySchema = z.object({
  cypher: z.string({ error: 'cypher must be text' }).trim().min(1, 'type a Cypher query to run').max(100_000, 'a query is at most 100,000 characters'),
  params: paramValues.default({}),
});

export type ParamInput = { kind: 'scalar'; scalar: ScalarType } | { kind: 'entity'; label: EntityLabel } | { kind: 'list'; of: ParamInput };

export interface QueryParamView {
  name: string;
  type: string;
  input: ParamInput;
  /** as written in the header; null = required */
  default: string | null;
  help: string;
}

export interface QuerySummary {
  name: string;
  title: string;
  description: string;
  category: string;
  resultKind: ResultKind;
  roles: Role[];
  params: QueryParamView[];
  timeoutSeconds: number;
  /** null: never published (a draft only) */
  publishedVersion: number | null;
  latestVersion: number;
  /** a newer version than the published one exists */
  hasDraft: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
  /** the definition shown is the published one (false: the latest draft, for the data team) */
  isPublishedDefinition: boolean;
}

export interface QueryVersionView {
  version: number;
  createdAt: string | null;
  createdBy: string | null;
  note: string;
  /** "file" (shipped in cypher/queries), "editor", "import" or "rollback" */
  origin: string;
  published: boolean;
}

export interface QueryDetail extends QuerySummary {
  /** the .cypher source of the definition shown */
  source: string;
  /** for the data team and admins */
  versions: QueryVersionView[] | null;
}

export interface QueryPosition {
  line: number;
  column: number;
}

export interface QueryCheckResult {
  ok: boolean;
  message: string;
  /** where the problem is in the .cypher source (1-based), when known */
  position: QueryPosition | null;
  /** the source with the missing need-to-know checks added, when that is all that is wrong */
  fix: string | null;
  summary: Omit<QuerySummary, 'publishedVersion' | 'latestVersion' | 'hasDraft' | 'updatedAt' | 'updatedBy' | 'isPublishedDefinition'> | null;
}

export interface SaveResult {
  name: string;
  version: number;
  publishedVersion: number | null;
}

export interface EntityRef {
  id: string;
  label: EntityLabel;
  caption: string;
}

/** A table cell: a plain value, an entity ({$entity}), a relationship ({$rel}) or a path ({$path}). */
export type ResultCell =
  | null
  | string
  | number
  | boolean
  | ResultCell[]
  | { $entity: EntityRef }
  | { $node: { labels: string[] } }
  | { $rel: { id: string; type: string; source: string | null; target: string | null } }
  | { $path: { length: number; nodes: EntityRef[] } }
  | { [key: string]: ResultCell };

export interface QueryRunResult {
  query: { name: string; version: number; title: string; resultKind: ResultKind } | null;
  columns: string[];
  rows: Record<string, ResultCell>[];
  /** every entity and relationship in the result, ready for the canvas */
  graph: { nodes: GraphNode[]; edges: GraphEdge[] };
  rowCount: number;
  /** the row limit was hit: only the first rowLimit rows are shown */
  truncated: boolean;
  rowLimit: number;
  durationMs: number;
  /** a sentence for the analyst when a limit or the need-to-know rule shaped the result */
  notice: string | null;
  /** records replaced by null because the viewer may not see them (need-to-know) */
  withheld: number;
  params: Record<string, unknown>;
}

export interface EditorSchemaResponse {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
}
