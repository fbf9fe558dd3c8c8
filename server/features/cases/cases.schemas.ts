import { z } from 'zod';
import { ENTITY_LABELS, REL_TYPES } from '../../domain/model.js';

/** API shapes for case graphs (issue 8). The client imports the TYPES via server/api-types.ts. */

export const CASE_STATUSES = ['open', 'under_review', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** what a share grants; owner and team supervisors have more (cases.permissions.ts) */
export const SHARE_ROLES = ['viewer', 'commenter', 'editor'] as const;
export type ShareRole = (typeof SHARE_ROLES)[number];
export const ORIGIN_KINDS = ['search', 'expansion', 'trail', 'path', 'query', 'import', 'case', 'unknown'] as const;

/** Upper bounds: a case is a curated picture, not a data dump; the JSON body limit for /cases is 8 MB. */
export const MAX_CASE_NODES = 2_000;
export const MAX_CASE_EDGES = 6_000;

const uid = z.string().min(1).max(512);
const shortText = (max: number) => z.string().max(max, `at most ${max} characters`);
const position = z.object({ x: z.number().finite(), y: z.number().finite() });
const classes = z.array(z.string().max(64)).max(20).optional();

/** How an element got onto the canvas, so a reviewer can replay the reasoning. */
export const originSchema = z.object({
  kind: z.enum(ORIGIN_KINDS),
  /** which search text, expanded entity, trail origin or query name */
  detail: shortText(300).optional(),
  /** e-mail of who added it (filled by the server when absent) */
  by: shortText(200).optional(),
  /** ISO time it was added */
  at: shortText(40).optional(),
});
export type ElementOrigin = z.infer<typeof originSchema>;

export const caseNodeInputSchema = z.object({
  uid,
  position,
  pinned: z.boolean().optional(),
  hidden: z.boolean().optional(),
  classes,
  origin: originSchema.optional(),
});
export const caseEdgeInputSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.enum(REL_TYPES),
  source: uid,
  target: uid,
  hidden: z.boolean().optional(),
  classes,
  origin: originSchema.optional(),
});
/** an aggregated money flow from a trail (trails.schemas Flow) */
export const caseFlowSchema = z.object({
  id: z.string().max(1100),
  source: uid,
  target: uid,
  currency: z.string().max(8),
  total: z.number().finite(),
  count: z.number().int(),
  first: z.string().max(40),
  last: z.string().max(40),
  hop: z.number().int(),
});
export type CaseFlow = z.infer<typeof caseFlowSchema>;

export const annotationsSchema = z.object({
  /** notes on nodes (by uid) and edges (by id) */
  notes: z.array(z.object({ id: z.string().max(64), targetId: z.string().max(1100), text: shortText(5_000) })).max(2_000).default([]),
  textBoxes: z.array(z.object({ id: z.string().max(64), text: shortText(5_000), position })).max(200).default([]),
  highlightedPaths: z.array(z.object({ id: z.string().max(64), label: shortText(200).optional(), elementIds: z.array(z.string().max(1100)).max(500) })).max(100).default([]),
});
export type CaseAnnotations = z.infer<typeof annotationsSchema>;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
/**
 * The canvas filters as the filter panel holds them, so opening a case shows what the analyst saw. Every field
 * is optional: versions saved before filters were kept (stored as {}) open with no filter.
 */
export const canvasFiltersSchema = z.object({
  /** entity kinds switched off */
  hiddenLabels: z.array(z.enum(ENTITY_LABELS, { message: `a label is one of ${ENTITY_LABELS.join(', ')}` })).max(ENTITY_LABELS.length).optional(),
  minAmount: z.number().finite().nullable().optional(),
  maxAmount: z.number().finite().nullable().optional(),
  currency: shortText(8).optional(),
  country: shortText(8).optional(),
  dateFrom: day.or(z.literal('')).optional(),
  dateTo: day.or(z.literal('')).optional(),
});
export type CaseFilters = z.infer<typeof canvasFiltersSchema>;

/** A labelled group of entities the analyst drew a box around (a case annotation, not a graph entity). */
export const groupingSchema = z.object({
  id: z.string().max(64),
  label: z.string().trim().min(1, 'name the group').max(200, 'at most 200 characters'),
  members: z.array(uid).max(MAX_CASE_NODES),
});

/** What the client sends: the canvas by reference (uids); the server takes the property snapshot itself. */
export const caseContentInputSchema = z.object({
  nodes: z.array(caseNodeInputSchema).max(MAX_CASE_NODES, `a case holds at most ${MAX_CASE_NODES} entities`),
  edges: z.array(caseEdgeInputSchema).max(MAX_CASE_EDGES, `a case holds at most ${MAX_CASE_EDGES} relationships`).default([]),
  flows: z.array(caseFlowSchema).max(MAX_CASE_EDGES).default([]),
  filters: canvasFiltersSchema.default({}),
  groupings: z.array(groupingSchema).max(100).default([]),
  annotations: annotationsSchema.default({ notes: [], textBoxes: [], highlightedPaths: [] }),
  /** node size mode and other canvas-wide style choices */
  style: z.object({ sizeMode: z.string().max(40).optional() }).default({}),
});
export type CaseContentInput = z.infer<typeof caseContentInputSchema>;

/** A stored entity: the reference plus what it looked like when saved. */
export interface CaseNode {
  uid: string;
  label: (typeof ENTITY_LABELS)[number];
  caption: string;
  position: { x: number; y: number };
  pinned?: boolean | undefined;
  hidden?: boolean | undefined;
  classes?: string[] | undefined;
  origin: ElementOrigin;
  /** the entity's properties at save time, as the saver was allowed to see them (need-to-know applied again on every read) */
  snapshot: Record<string, unknown>;
  /** relationships the saver could see at save time ("what changed since") */
  degree: number;
}
export interface CaseEdge {
  id: string;
  type: (typeof REL_TYPES)[number];
  source: string;
  target: string;
  hidden?: boolean | undefined;
  classes?: string[] | undefined;
  origin?: ElementOrigin | undefined;
  snapshot: Record<string, unknown>;
}
export interface CaseContent {
  nodes: CaseNode[];
  edges: CaseEdge[];
  flows: CaseFlow[];
  filters: CaseFilters;
  groupings: { id: string; label: string; members: string[] }[];
  annotations: CaseAnnotations;
  style: { sizeMode?: string | undefined };
  /** whose view the saved degrees were counted in ("<organisation>|<law enforcement>"), see cases.collab.service changes() */
  degreeViewer?: string;
}

export const caseIdParamsSchema = z.object({ id: z.string().regex(/^case-[a-z0-9-]{6,64}$/, 'not a case id') });
export const versionParamsSchema = caseIdParamsSchema.extend({ n: z.coerce.number().int('a version is a whole number').min(1, 'versions start at 1') });

export const createCaseSchema = z.object({
  title: z.string().trim().min(1, 'give the case a title').max(200, 'at most 200 characters'),
  description: shortText(5_000).default(''),
  status: z.enum(CASE_STATUSES).default('open'),
  message: shortText(500).default('First version'),
  content: caseContentInputSchema,
});
export const saveVersionSchema = z.object({
  /** the version the editor started from: a save from an older one is a conflict, never a silent overwrite */
  baseVersion: z.number().int().min(1, 'baseVersion starts at 1'),
  message: z.string().trim().min(1, 'say what changed in a message').max(500, 'at most 500 characters'),
  content: caseContentInputSchema,
});
export const branchSchema = saveVersionSchema.extend({ title: z.string().trim().min(1).max(200).optional() });
export const restoreSchema = z.object({
  baseVersion: z.number().int().min(1, 'baseVersion starts at 1'),
  message: shortText(500).optional(),
});
export const updateCaseSchema = z
  .object({
    title: z.string().trim().min(1, 'a title cannot be empty').max(200).optional(),
    description: shortText(5_000).optional(),
    status: z.enum(CASE_STATUSES, { message: 'status is open, under_review or closed' }).optional(),
  })
  .refine((v) => v.title !== undefined || v.description !== undefined || v.status !== undefined, 'send title, description or status');
export const compareQuerySchema = z.object({
  from: z.coerce.number().int().min(1, 'from is a version number'),
  to: z.coerce.number().int().min(1, 'to is a version number'),
});
export const versionQuerySchema = z.object({ version: z.coerce.number().int().min(1, 'version starts at 1').optional() });
export const draftSchema = z.object({
  baseVersion: z.number().int().min(0),
  /** the draft also keeps the canvas's own JSON (records included), so entities added since the save come back */
  content: caseContentInputSchema.extend({ canvas: z.unknown().optional() }),
});

export const shareSchema = z.object({
  kind: z.enum(['user', 'team'], { message: 'a share is with a user or a team' }),
  /** user: the user's e-mail or id; team: the organisation uid */
  principal: z.string().trim().min(1, 'name who to share with').max(200),
  role: z.enum(SHARE_ROLES, { message: 'role is viewer, commenter or editor' }),
});
export const setSharesSchema = z.object({ shares: z.array(shareSchema).max(100) });
export const transferSchema = z.object({ to: z.string().trim().min(1, 'name the new owner (e-mail or id)').max(200) });
export const commentSchema = z.object({
  body: z.string().trim().min(1, 'write something').max(5_000, 'at most 5000 characters'),
  /** a comment on one entity of the case (uid); absent = on the case */
  entityUid: uid.optional(),
  /** reply to a comment (threads) */
  parentId: z.string().max(80).optional(),
});
export const reportQuerySchema = versionQuerySchema.extend({ format: z.enum(['html', 'pdf'], { message: 'format is html or pdf' }).default('html') });
export const BLOCKING_KINDS = ['payments', 'domains'] as const;
export const blockingParamsSchema = caseIdParamsSchema.extend({
  kind: z.enum(BLOCKING_KINDS, { message: 'kind is payments (card schemes, payment providers) or domains (registrars, hosters)' }),
});
export const blockingQuerySchema = versionQuerySchema.extend({
  /** only these entities (the selection on the canvas); absent = every eligible entity of the case */
  uids: z
    .preprocess((v) => (v === undefined || v === '' ? undefined : String(v).split(',').map((s) => s.trim()).filter(Boolean)), z.array(uid).max(MAX_CASE_NODES).optional()),
});

// ---- responses ----

export type CaseAccessLevel = 'viewer' | 'commenter' | 'editor' | 'owner';
export interface CaseShare {
  kind: 'user' | 'team';
  principal: string;
  /** e-mail or organisation name, for display */
  name: string | null;
  role: ShareRole;
}
export interface CaseSummary {
  id: string;
  title: string;
  description: string;
  status: CaseStatus;
  ownerId: string;
  ownerEmail: string | null;
  teamId: string;
  teamName: string | null;
  head: number;
  createdAt: string;
  updatedAt: string;
  branchOf: { caseId: string; version: number } | null;
  /** what the asking user may do */
  access: CaseAccessLevel;
  canManage: boolean;
}
export interface CaseVersionSummary {
  number: number;
  parent: number | null;
  message: string;
  authorId: string;
  authorEmail: string;
  createdAt: string;
  entityCount: number;
  restoredFrom: number | null;
}
export interface CaseVersionView extends CaseVersionSummary {
  content: CaseContent;
  /** entities of this version the reader may not see were left out */
  withheld: number;
}
export interface CaseDetail {
  case: CaseSummary;
  version: CaseVersionView;
  shares: CaseShare[];
}
export interface CaseDiff {
  from: number;
  to: number;
  added: { uid: string; caption: string; label: string }[];
  removed: { uid: string; caption: string; label: string }[];
  edgesAdded: number;
  edgesRemoved: number;
  moved: number;
  notes: { targetId: string; before: string | null; after: string | null }[];
  changedSnapshots: { uid: string; caption: string; keys: string[] }[];
  /** text boxes added, removed or reworded (by id; before/after text) */
  textBoxes: { id: string; before: string | null; after: string | null }[];
  /** groups added, removed, renamed or with other members (by id; before/after label) */
  groupings: { id: string; before: string | null; after: string | null; membersChanged: boolean }[];
  /** the canvas filters differ */
  filtersChanged: boolean;
}
export interface CaseConflictDetails {
  head: number;
  baseVersion: number;
  headAuthor: string | null;
  headAt: string | null;
}
export interface CaseDraftView {
  baseVersion: number;
  savedAt: string;
  content: CaseContentInput & { canvas?: unknown };
}
export interface CaseGraphChange {
  uid: string;
  caption: string;
  label: string;
  /** the entity is no longer in the graph (or no longer visible to the reader) */
  gone: boolean;
  changedKeys: string[];
  newConnections: number;
}
export interface CaseChangesResponse {
  version: number;
  savedAt: string;
  changes: CaseGraphChange[];
}
export interface CaseComment {
  id: string;
  entityUid: string | null;
  parentId: string | null;
  authorId: string;
  authorEmail: string;
  body: string;
  mentions: string[];
  createdAt: string;
}
export interface CaseActivity {
  at: string;
  actorEmail: string;
  kind: string;
  summary: string;
}
export interface CaseMention {
  caseId: string;
  caseTitle: string;
  comment: CaseComment;
}
