/**
 * Mapping presets: declarative JSON saying how a partner's file becomes graph rows. One preset per partner
 * format; version-controlled ones live in mappings/*.json, ones made in the UI are stored as (:MappingPreset).
 * The same preset reads CSV and JSON Lines (a JSON Lines record's keys play the columns' part).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../../config.js';
import { ENTITY_LABELS, REL_TYPES } from '../../domain/model.js';

export const FIELD_TYPES = [
  'string', 'integer', 'number', 'amount', 'date', 'datetime', 'currency', 'iban', 'card', 'domain', 'email', 'phone',
  'ip', 'country', 'enum', 'wallet',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const DATE_FORMATS = ['YYYY-MM-DD', 'MMM D, YYYY', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY'] as const;

const columnSchema = z.object({
  type: z.enum(FIELD_TYPES).default('string'),
  required: z.boolean().default(false),
  /** date columns: how the partner writes dates */
  format: z.enum(DATE_FORMATS).optional(),
  /** enum columns: the allowed values (compared case-insensitively, stored as written here) */
  values: z.array(z.string()).optional(),
  /** phone columns: ISO country assumed for national numbers */
  defaultCountry: z.string().length(2).optional(),
  /** plain-words name for reports, e.g. "amount in US dollars" */
  description: z.string().optional(),
});

/** "{column}" or "{column.part}" placeholders in text; a template that is exactly one placeholder keeps the value's type. */
const template = z.string().min(1);
const constant = z.union([z.string(), z.number(), z.boolean()]);

const nodeSchema = z.object({
  ref: z.string().regex(/^[a-zA-Z][\w]*$/, 'a node ref is a word, e.g. "sender"'),
  label: z.enum(ENTITY_LABELS),
  /** natural key template; the uid is "<label prefix>:<key>". A row whose key has an empty part makes no such node. */
  key: template,
  caption: template,
  props: z.record(z.string(), template).default({}),
  set: z.record(z.string(), constant).default({}),
  keywords: z.array(template).default([]),
});

const relSchema = z.object({
  type: z.enum(REL_TYPES),
  from: z.string(),
  to: z.string(),
  props: z.record(z.string(), template).default({}),
});

export const mappingSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'a preset name is lower-case letters, digits and dashes'),
    title: z.string().min(1),
    description: z.string().default(''),
    csv: z
      .object({
        delimiter: z.string().min(1).max(2).default(','),
        quote: z.string().length(1).default('"'),
        encoding: z.enum(['utf-8', 'windows-1252']).default('utf-8'),
      })
      .default({ delimiter: ',', quote: '"', encoding: 'utf-8' }),
    /** every column the file must have (header names); unknown extra columns are ignored */
    columns: z.record(z.string(), columnSchema),
    nodes: z.array(nodeSchema).min(1),
    relationships: z.array(relSchema).default([]),
  })
  .superRefine((m, ctx) => {
    const refs = new Set(m.nodes.map((n) => n.ref));
    if (refs.size !== m.nodes.length) ctx.addIssue({ code: 'custom', path: ['nodes'], message: 'two nodes share a ref' });
    m.relationships.forEach((r, i) => {
      for (const end of ['from', 'to'] as const)
        if (!refs.has(r[end])) ctx.addIssue({ code: 'custom', path: ['relationships', i, end], message: `no node with ref "${r[end]}"` });
    });
    const check = (t: string, where: (string | number)[]) => {
      for (const m2 of t.matchAll(/\{([^}.]+)(?:\.[a-z0-9]+)?\}/gi))
        if (!(m2[1]! in m.columns)) ctx.addIssue({ code: 'custom', path: where, message: `"${m2[1]}" is not a declared column` });
    };
    m.nodes.forEach((n, i) => {
      check(n.key, ['nodes', i, 'key']);
      check(n.caption, ['nodes', i, 'caption']);
      for (const [k, t] of Object.entries(n.props)) check(t, ['nodes', i, 'props', k]);
      n.keywords.forEach((t, j) => check(t, ['nodes', i, 'keywords', j]));
    });
    m.relationships.forEach((r, i) => Object.entries(r.props).forEach(([k, t]) => check(t, ['relationships', i, 'props', k])));
    Object.entries(m.columns).forEach(([name, c]) => {
      if (c.type === 'date' && !c.format) ctx.addIssue({ code: 'custom', path: ['columns', name, 'format'], message: 'a date column needs a format' });
      if (c.type === 'enum' && !c.values?.length) ctx.addIssue({ code: 'custom', path: ['columns', name, 'values'], message: 'an enum column needs values' });
    });
  });

export type MappingPreset = z.infer<typeof mappingSchema>;
export type ColumnSpec = MappingPreset['columns'][string];
export type MappingInput = z.input<typeof mappingSchema>;

export const MAPPINGS_DIR = path.join(REPO_ROOT, 'mappings');

export class MappingError extends Error {}

export function parseMapping(raw: unknown, where: string): MappingPreset {
  const parsed = mappingSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new MappingError(`${where}: ${issue.path.join('.') || 'preset'}: ${issue.message}`);
}

/** The version-controlled presets (mappings/*.json), read once. */
let filePresets: Map<string, MappingPreset> | null = null;
export function builtInPresets(dir = MAPPINGS_DIR): Map<string, MappingPreset> {
  if (filePresets && dir === MAPPINGS_DIR) return filePresets;
  const out = new Map<string, MappingPreset>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const preset = parseMapping(JSON.parse(readFileSync(path.join(dir, f), 'utf8')), `mappings/${f}`);
    if (`${preset.name}.json` !== f) throw new MappingError(`mappings/${f}: the preset name must match the file name`);
    out.set(preset.name, preset);
  }
  if (dir === MAPPINGS_DIR) filePresets = out;
  return out;
}

/** The FollowTheMoney reader is code, not a column mapping; it is listed beside the presets under this name. */
export const FTM_MAPPING = 'ftm';
