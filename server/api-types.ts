/** The API's types, for the client (`import type` only: no server code reaches the browser bundle). */
export type { GraphNode, GraphEdge, Provenance, NeighboursQuery, NeighboursResponse, NeighbourCount, Direction } from './features/graph/graph.schemas.js';
export type { ExpandQuery, ExpandResponse, ExpandMeasure, NodeSummary } from './features/graph/expansion.schemas.js';
export type { RelationshipsAmongResponse } from './features/graph/relationships.schemas.js';
export type { PathsResponse, TrailPath, MoneyTrailResponse, Flow, FlowTransactionsResponse, AccountFlowsResponse } from './features/trails/trails.schemas.js';
export type { SearchHit, SearchResponse, SearchQuery } from './features/search/search.schemas.js';
export type { HealthResponse } from './features/health/health.schemas.js';
export type { EntityLabel, RelType, PaymentAccountKind } from './domain/model.js';
export { ENTITY_LABELS, REL_TYPES } from './domain/model.js';
export type {
  QuerySummary,
  QueryDetail,
  QueryParamView,
  ParamInput,
  QueryVersionView,
  QueryCheckResult,
  QueryPosition,
  QueryRunResult,
  ResultCell,
  EntityRef,
  SaveResult,
  EditorSchemaResponse,
} from './features/queries/queries.schemas.js';
export type { ImportSummary, ImportReportBody, ImportResultBody, ImportStreamEvent, ImportProblem, PresetSummary, PreviewBody, DuplicateSummary, DuplicateEntity, MergeResultBody, PresetSourceBody } from './features/import/import.schemas.js';
export type { SessionResponse } from './features/auth/auth.schemas.js';
export type { UserSummary, OrganisationSummary } from './features/users/users.schemas.js';
export type { AuditEntryView, AuditListResponse, AuditVerifyResponse } from './features/audit/audit.schemas.js';
export type { Role } from './domain/roles.js';
export type {
  CaseSummary,
  CaseDetail,
  CaseVersionSummary,
  CaseVersionView,
  CaseContent,
  CaseContentInput,
  CaseNode,
  CaseDiff,
  CaseDraftView,
  CaseChangesResponse,
  CaseComment,
  CaseActivity,
  CaseMention,
  CaseShare,
  CaseStatus,
  ShareRole,
  ElementOrigin,
  CaseConflictDetails,
  CaseFilters,
} from './features/cases/cases.schemas.js';
