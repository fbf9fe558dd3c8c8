/**
 * The one place the client reaches into server/: API shapes as types only (erased at build time), plus the
 * model's constant lists, which are plain data with no server imports.
 */
export type {
  Direction,
  EntityLabel,
  GraphEdge,
  GraphNode,
  HealthResponse,
  NeighbourCount,
  NeighboursResponse,
  Provenance,
  RelType,
  SearchHit,
  SearchResponse,
  ExpandResponse,
  ExpandMeasure,
  NodeSummary,
  PathsResponse,
  MoneyTrailResponse,
  Flow,
  FlowTransactionsResponse,
  ImportSummary,
  ImportReportBody,
  ImportResultBody,
  ImportStreamEvent,
  PresetSummary,
  PreviewBody,
  DuplicateSummary,
  DuplicateEntity,
  MergeResultBody,
  PresetSourceBody,
} from '../../../server/api-types';
export { ENTITY_LABELS, PROVENANCE_KEYS, REL_TYPES } from '../../../server/domain/model';
export type {
  EditorSchemaResponse,
  EntityRef,
  ParamInput,
  QueryCheckResult,
  QueryDetail,
  QueryParamView,
  QueryRunResult,
  QuerySummary,
  QueryVersionView,
  RelationshipsAmongResponse,
  ResultCell,
  SaveResult,
} from '../../../server/api-types';
export type {
  AuditEntryView,
  AuditListResponse,
  AuditVerifyResponse,
  OrganisationSummary,
  Role,
  SessionResponse,
  UserSummary,
} from '../../../server/api-types';
