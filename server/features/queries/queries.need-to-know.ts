/**
 * The need-to-know check every stored and console query must pass before it runs.
 *
 * The runner (queries.presenter.ts) withholds restricted nodes and relationships from results, but it cannot see
 * where a scalar came from: `RETURN s.name`, `count(d)` or `collect(d.name)` over records the viewer may not see
 * would leak them. So the query itself must keep every record it binds to those the viewer is cleared for, with
 * the predicate below, and this check refuses a query that leaves any node or relationship of a graph pattern
 * uncovered (MATCH, OPTIONAL MATCH, EXISTS { }, COUNT { }, pattern comprehensions). In queries a record with
 * restricted properties counts as restricted as a whole: a query can compute with any property, so a viewer not
 * cleared for it does not get the record at all (search, expansion and case views still show it, redacted).
 *
 * It is a check against a forgotten predicate, reading the query text: covered means the variable (or a list,
 * `nodes(p)`/`relationships(p)` of a path, holding it) is tested by the exact predicate, conjoined (AND) directly
 * into a WHERE. Pattern predicates written without braces (`WHERE (a)-->(b)`) are not checked: they reveal only
 * whether a record exists.
 */

/** The predicate, for variable `x`; $viewer is injected by the runner. */
export const queryPredicate = (x: string) =>
  `(${x}.restriction IS NULL OR $viewer.organisationId IN coalesce(${x}.sources, []) OR (${x}.restriction = 'source_and_le' AND $viewer.lawEnforcement = true))`;

export interface NeedToKnowGap {
  /** pattern variables no predicate covers, in order of appearance */
  uncovered: string[];
  /** a node or relationship without a variable, outside a covered path */
  anonymous: string | null;
  /** a predicate that is OR-ed, negated or not in a WHERE, so it does not filter */
  weakened: boolean;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;
const CLAUSE_END = /^(WHERE|WITH|RETURN|MATCH|OPTIONAL|UNWIND|CALL|ORDER|SKIP|LIMIT|UNION|FOREACH|CREATE|MERGE|SET|DELETE|DETACH|REMOVE|FINISH|YIELD)\b/i;

/** comments blanked; `masked` has string contents blanked too (same length), so structure is read safely */
function scan(text: string): { code: string; masked: string } {
  let code = '';
  let masked = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '/' && (next === '/' || next === '*')) {
      const end = next === '/' ? text.indexOf('\n', i) : text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : next === '/' ? end : end + 2;
      const blank = text.slice(i, stop).replace(/[^\n]/g, ' ');
      code += blank;
      masked += blank;
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' && c !== '`' ? 2 : 1;
      const stop = Math.min(text.length, j + 1);
      const raw = text.slice(i, stop);
      code += raw;
      // backticked names keep their letters (they are identifiers); string contents are blanked
      masked += c === '`' ? raw.replace(/`/g, ' ') : c + ' '.repeat(Math.max(0, raw.length - 2)) + (raw.length > 1 ? c : '');
      i = stop;
    } else {
      code += c;
      masked += c;
      i += 1;
    }
  }
  return { code, masked };
}

/** bracket depth before each character */
function depths(masked: string): number[] {
  const out: number[] = [];
  let d = 0;
  for (const c of masked) {
    if (c === ')' || c === ']' || c === '}') d -= 1;
    out.push(d);
    if (c === '(' || c === '[' || c === '{') d += 1;
  }
  return out;
}

const keywordAt = (masked: string, i: number, re: RegExp) =>
  (i === 0 || /[^\w.$]/.test(masked[i - 1]!)) &&
  re.test(masked.slice(i)) &&
  // STARTS WITH and ENDS WITH are operators, not the WITH clause
  !(/^WITH\b/i.test(masked.slice(i)) && /\b(STARTS|ENDS)\s*$/i.test(masked.slice(Math.max(0, i - 12), i)));

/** the end of a pattern starting at `from`: the next clause keyword or the bracket closing the enclosing one */
function patternEnd(masked: string, depth: number[], from: number, stopAtPipe: boolean): number {
  const base = depth[from]!;
  for (let i = from; i < masked.length; i++) {
    if (depth[i]! < base) return i;
    if (depth[i] !== base) continue;
    if (stopAtPipe && masked[i] === '|') return i;
    if (/[A-Za-z]/.test(masked[i]!) && keywordAt(masked, i, CLAUSE_END)) return i;
  }
  return masked.length;
}

interface Element {
  name: string | null;
  kind: 'node' | 'relationship';
  path: string | null;
  at: number;
}

/** the variable a node or relationship pattern starts with, if any ("(WHERE ...)" names none) */
function variableOf(inside: string): string | null {
  const id = IDENT.exec(inside.trimStart());
  return id && !/^WHERE$/i.test(id[0]) ? id[0] : null;
}

/** the nodes and relationships of the pattern text masked[from, to) */
function elementsOf(masked: string, depth: number[], from: number, to: number): Element[] {
  const out: Element[] = [];
  const base = depth[from]!;
  let path: string | null = null;
  for (let i = from; i < to; i++) {
    const c = masked[i]!;
    const d = depth[i]!;
    if (d === base && c === ',') path = null;
    if (d === base && /[A-Za-z_]/.test(c) && (i === 0 || !/[\w.$]/.test(masked[i - 1]!))) {
      const m = /^([A-Za-z_]\w*)\s*=\s*(?=[(A-Za-z])/.exec(masked.slice(i, to));
      if (m) {
        path = m[1]!;
        i += m[0].length - 1;
        continue;
      }
    }
    // property maps hold expressions, not pattern elements
    if (c === '{') {
      i = closing(depth, i);
      continue;
    }
    if (c === '(' && !(i > 0 && /\w/.test(masked[i - 1]!))) {
      const rest = masked.slice(i + 1, to);
      if (/^\s*\(/.test(rest)) continue; // a quantified group: its elements follow
      out.push({ name: variableOf(rest), kind: 'node', path, at: i });
      i = Math.min(closing(depth, i), to); // its WHERE and property map are expressions
    } else if (c === '[') {
      out.push({ name: variableOf(masked.slice(i + 1, to)), kind: 'relationship', path, at: i });
      i = Math.min(closing(depth, i), to);
    } else if (c === '-' && masked[i + 1] === '-' && d === base) {
      out.push({ name: null, kind: 'relationship', path, at: i });
      i += 1;
    }
  }
  return out;
}

function closing(depth: number[], open: number): number {
  const d = depth[open]!;
  for (let i = open + 1; i < depth.length; i++) if (depth[i] === d) return i;
  return depth.length - 1;
}

interface Coverage {
  names: Set<string>;
  pathNodes: Set<string>;
  pathRels: Set<string>;
  weakened: boolean;
}

/** the predicate above for any variable (group 1), whitespace-tolerant */
const predicateRe = () =>
  new RegExp(
    String.raw`\(\s*([A-Za-z_]\w*)\.restriction\s+IS\s+NULL\s+OR\s+\$viewer\.organisationId\s+IN\s+coalesce\(\s*\1\.sources\s*,\s*\[\s*\]\s*\)\s+OR\s+\(\s*\1\.restriction\s*=\s*'source_and_le'\s+AND\s+\$viewer\.lawEnforcement\s*=\s*true\s*\)\s*\)`,
    'gi',
  );

/** the identifiers a list expression of an all(x IN ...) holds: [a, b], r, nodes(p), relationships(p), sums of them */
function listTargets(expr: string, cov: Coverage) {
  for (const m of expr.matchAll(/\b(nodes|relationships)\s*\(\s*([A-Za-z_]\w*)\s*\)/gi)) (m[1]!.toLowerCase() === 'nodes' ? cov.pathNodes : cov.pathRels).add(m[2]!);
  const plain = expr.replace(/\b(nodes|relationships)\s*\(\s*[A-Za-z_]\w*\s*\)/gi, ' ');
  for (const m of plain.matchAll(/[A-Za-z_]\w*/g)) cov.names.add(m[0]);
}

/** which variables the predicates in this part of the query cover, and whether one of them is weakened */
function coverageOf(code: string, masked: string): Coverage {
  const cov: Coverage = { names: new Set(), pathNodes: new Set(), pathRels: new Set(), weakened: false };
  const spans: [number, number][] = [];
  for (const m of code.matchAll(predicateRe())) {
    if (masked[m.index] !== code[m.index]) continue; // inside a string literal
    const v = m[1]!;
    const before = masked.slice(0, m.index);
    // all(v IN <list> WHERE ((pred))) : the list is covered
    const starts = [...before.matchAll(new RegExp(`\\ball\\s*\\(\\s*${v}\\s+IN\\s+`, 'gi'))];
    const last = starts.at(-1);
    const wrapper = last ? /^([^]*?)\s+WHERE\s*((?:\(\s*)*)$/i.exec(before.slice(last.index + last[0].length)) : null;
    if (last && wrapper && !/\bWHERE\b/i.test(wrapper[1]!)) {
      const opened = wrapper[2]!.split('(').length - 1;
      const closed = new RegExp(`^(\\s*\\)){${opened + 1}}`).exec(masked.slice(m.index + m[0].length));
      if (closed) {
        listTargets(wrapper[1]!, cov);
        spans.push([last.index, m.index + m[0].length + closed[0].length]);
        continue;
      }
      cov.weakened = true;
      continue;
    }
    cov.names.add(v);
    spans.push([m.index, m.index + m[0].length]);
  }
  // each predicate must be a conjunct of a WHERE: nothing OR-ed to it, not negated, not inside another expression
  let flat = masked;
  for (const [a, b] of spans) flat = flat.slice(0, a) + '\u0001'.repeat(b - a) + flat.slice(b);
  const depth = depths(flat);
  for (const [a] of spans) {
    const d = depth[a]!;
    let i = a - 1;
    while (i >= 0 && depth[i]! >= d && !(depth[i] === d && /[A-Za-z]/.test(flat[i]!) && keywordAt(flat, i, CLAUSE_END))) i -= 1;
    if (i < 0 || depth[i]! < d || !keywordAt(flat, i, /^WHERE\b/i)) {
      cov.weakened = true;
      continue;
    }
    const end = patternEnd(flat, depth, i + 5, false);
    const where = flat.slice(i + 5, end).split('').map((ch, k) => (depth[i + 5 + k] === d ? ch : ' ')).join('');
    if (/\b(OR|XOR)\b/i.test(where) || /\bNOT\s*\u0001/i.test(flat.slice(Math.max(0, a - 8), a + 1))) cov.weakened = true;
  }
  return cov;
}

/** the segments of the query holding graph patterns: [start, end) */
function patternSegments(masked: string, depth: number[]): [number, number, boolean][] {
  const out: [number, number, boolean][] = [];
  for (let i = 0; i < masked.length; i++) {
    if (!/[A-Za-z[]/.test(masked[i]!)) continue;
    if (keywordAt(masked, i, /^MATCH\b/i)) {
      out.push([i + 5, patternEnd(masked, depth, i + 5, false), false]);
    } else if (keywordAt(masked, i, /^(EXISTS|COUNT)\s*\{/i)) {
      const open = masked.indexOf('{', i);
      const inner = masked.slice(open + 1);
      if (/^\s*MATCH\b/i.test(inner)) continue; // its MATCH is found on its own
      out.push([open + 1, patternEnd(masked, depth, open + 1, false), false]);
    } else if (masked[i] === '[' && /^\[\s*([A-Za-z_]\w*\s*=\s*)?\(/.test(masked.slice(i))) {
      // a pattern comprehension [(a)-[r]->(b) WHERE ... | expr]: a list literal has no arrow after its first item
      const end = patternEnd(masked, depth, i + 1, true);
      if (masked[end] === '|' && /\)\s*<?-/.test(masked.slice(i, end))) out.push([i + 1, end, true]);
    }
  }
  return out;
}

interface Analysis {
  gap: NeedToKnowGap | null;
  /** where the pattern that first binds each uncovered variable ends (absolute offset) */
  endOf: Map<string, number>;
  masked: string;
  depth: number[];
}

function analyse(cypher: string): Analysis {
  const { code, masked } = scan(cypher);
  const depth = depths(masked);
  // UNION parts bind their own variables
  const cuts = [0];
  for (const m of masked.matchAll(/\bUNION(\s+ALL)?\b/gi)) if (depth[m.index] === 0) cuts.push(m.index);
  cuts.push(masked.length);
  const uncovered: string[] = [];
  const endOf = new Map<string, number>();
  let anonymous: string | null = null;
  let weakened = false;
  for (let p = 0; p + 1 < cuts.length; p++) {
    const [a, b] = [cuts[p]!, cuts[p + 1]!];
    const cov = coverageOf(code.slice(a, b), masked.slice(a, b));
    weakened ||= cov.weakened;
    const partMasked = masked.slice(a, b);
    const partDepth = depths(partMasked);
    for (const [from, to] of patternSegments(partMasked, partDepth)) {
      for (const el of elementsOf(partMasked, partDepth, from, to)) {
        const byPath = el.path !== null && (el.kind === 'node' ? cov.pathNodes : cov.pathRels).has(el.path);
        if (byPath || (el.name !== null && cov.names.has(el.name))) continue;
        if (el.name === null) anonymous ??= partMasked.slice(el.at, Math.min(to, el.at + 24)).replace(/\s+/g, ' ').trim();
        else if (!uncovered.includes(el.name)) {
          uncovered.push(el.name);
          endOf.set(el.name, a + to);
        }
      }
    }
  }
  const gap = uncovered.length || anonymous || weakened ? { uncovered, anonymous, weakened } : null;
  return { gap, endOf, masked, depth };
}

/** The gaps of this query's need-to-know coverage, or null when every pattern element is covered. */
export function needToKnowGaps(cypher: string): NeedToKnowGap | null {
  return analyse(cypher).gap;
}

/**
 * The query with the missing checks added, when only named variables are missing them: each pattern that binds
 * one gets `all(x IN [...] WHERE <predicate>)` in its WHERE (the existing condition kept, in parentheses) or a new
 * WHERE. Null when there is nothing to add or the gap is of another kind.
 */
export function withNeedToKnowChecks(cypher: string): string | null {
  const { gap, endOf, masked, depth } = analyse(cypher);
  if (!gap || gap.anonymous || gap.weakened || gap.uncovered.length === 0) return null;
  const groups = new Map<number, string[]>();
  for (const name of gap.uncovered) groups.set(endOf.get(name)!, [...(groups.get(endOf.get(name)!) ?? []), name]);
  let out = cypher;
  // from the end, so earlier offsets stay valid
  for (const [at, names] of [...groups].sort((x, y) => y[0] - x[0])) {
    const cond = `all(x IN [${names.join(', ')}] WHERE ${queryPredicate('x')})`;
    if (/^WHERE\b/i.test(masked.slice(at))) {
      let end = patternEnd(masked, depth, at + 5, false);
      while (end > at + 5 && /\s/.test(masked[end - 1]!)) end -= 1;
      out = `${out.slice(0, at + 5)} ${cond}\n  AND (${out.slice(at + 5, end).trim()})${out.slice(end)}`;
    } else if (/^[A-Za-z]/.test(masked.slice(at))) {
      out = `${out.slice(0, at)}WHERE ${cond}\n${out.slice(at)}`;
    } else {
      out = `${out.slice(0, at).trimEnd()} WHERE ${cond} ${out.slice(at)}`;
    }
  }
  return needToKnowGaps(out) ? null : out;
}

/** The gap in words, with the line to add. */
export function describeGap(gap: NeedToKnowGap): string {
  const parts: string[] = [];
  if (gap.uncovered.length)
    parts.push(
      `${gap.uncovered.join(', ')} ${gap.uncovered.length === 1 ? 'is' : 'are'} not checked for need-to-know; add to the WHERE: AND all(x IN [${gap.uncovered.join(', ')}] WHERE ${queryPredicate('x')})`,
    );
  if (gap.anonymous) parts.push(`name every node and relationship of the pattern so it can be checked (found "${gap.anonymous}")`);
  if (gap.weakened) parts.push('the need-to-know predicate must be AND-ed directly into a WHERE (not OR-ed, negated or inside another expression)');
  return `refused: need-to-know: ${parts.join('; ')}`;
}
