import neo4j from 'neo4j-driver';

/**
 * Neo4j values → JSON-safe values for the API. Integers arrive as JS numbers (the driver is created with
 * disableLosslessIntegers; amounts and counts stay far below 2^53), temporal and spatial values become strings.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (
    neo4j.isDateTime(value) ||
    neo4j.isDate(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value) ||
    neo4j.isPoint(value)
  ) {
    return temporalToIso(value);
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

function temporalToIso(value: unknown): string {
  if (neo4j.isDateTime(value)) {
    // Zoned DateTime → a proper ISO instant so browsers parse it the same everywhere.
    const dt = value as unknown as { toStandardDate(): Date; nanosecond: number };
    try {
      return dt.toStandardDate().toISOString();
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export function toPlainProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) out[k] = toPlain(v);
  return out;
}
