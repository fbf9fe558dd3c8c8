/** The API's types, for the client (`import type` only: no server code reaches the browser bundle). */
export type { GraphNode, GraphEdge, Provenance, NeighboursQuery, NeighboursResponse, NeighbourCount, Direction } from './features/graph/graph.schemas.js';
export type { SearchHit, SearchResponse, SearchQuery } from './features/search/search.schemas.js';
export type { HealthResponse } from './features/health/health.schemas.js';
export type { EntityLabel, RelType, PaymentAccountKind } from './domain/model.js';
export { ENTITY_LABELS, REL_TYPES } from './domain/model.js';
