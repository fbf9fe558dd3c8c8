import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { guardUntrusted } from '../../server/features/queries/queries.guard.js';
import type { QueryParamSpec } from '../../server/features/queries/queries.format.js';
import { checkParams, ParamError } from '../../server/features/queries/queries.params.js';

const spec = (name: string, type: string, dflt: string | null = null): QueryParamSpec => ({ name, type, default: dflt, help: `the ${name}` });

/** the ParamError a value raises, so a test can say which parameter it names */
function refusal(specs: QueryParamSpec[], input: Record<string, unknown>): ParamError {
  try {
    checkParams(specs, input);
  } catch (err) {
    if (err instanceof ParamError) return err;
    throw err;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

describe('stored-query parameters are checked against their declared type before anything runs', () => {
  it.each(['2025-13-01', '2025-00-10', '2025-02-30', '2025-2-3', 'yesterday'])('refuses the date %s, naming the parameter', (value) => {
    const err = refusal([spec('since', 'date')], { since: value });
    expect(err.param).toBe('since');
    expect(err.message).toMatch(/expected a date like 2025-03-01/);
  });

  it('refuses a bad date inside a list, naming the list parameter', () => {
    expect(refusal([spec('days', 'list<date>')], { days: ['2025-01-02', '2025-13-01'] }).param).toBe('days');
  });

  it('turns good values into driver values: dates, integers for LIMIT, durations', () => {
    const out = checkParams([spec('since', 'date'), spec('top', 'integer', '10'), spec('within', 'duration', 'P7D')], { since: '2024-02-29' });
    expect(out.since!.driver).toEqual(new neo4j.types.Date(2024, 2, 29));
    expect(neo4j.isInt(out.top!.driver)).toBe(true);
    expect(out.top!.plain).toBe(10);
    expect(Number((out.within!.driver as InstanceType<typeof neo4j.types.Duration>).days)).toBe(7);
  });

  it('refuses text for numbers, "yes" for booleans and ids of another label', () => {
    expect(refusal([spec('top', 'integer')], { top: '10 rows' }).param).toBe('top');
    expect(refusal([spec('flag', 'boolean')], { flag: 'yes' }).param).toBe('flag');
    expect(refusal([spec('who', 'entity<Seller>')], { who: 'domain:example.com' }).message).toMatch(/id of a Seller/);
  });

  it('refuses a parameter the query does not declare, so a typo never runs with a default', () => {
    const err = refusal([spec('top', 'integer', '10')], { tpo: 5 });
    expect(err.param).toBe('tpo');
    expect(err.message).toMatch(/it takes top/);
  });

  it('an optional parameter ("= null") may be left unset; a required one may not', () => {
    expect(checkParams([spec('flag', 'boolean', 'null')], {}).flag).toEqual({ plain: null, driver: null });
    expect(refusal([spec('flag', 'boolean')], {}).message).toMatch(/is required/);
  });
});

describe('procedures that reach outside the database are refused', () => {
  it('apoc.spatial geocoding (an outbound HTTP request) is not a read-only procedure', () => {
    expect(guardUntrusted("CALL apoc.spatial.geocodeOnce('Dam 1, Amsterdam') YIELD location RETURN location")).not.toBeNull();
    expect(guardUntrusted('RETURN apoc.text.join(["a", "b"], ",") AS joined')).toBeNull();
  });

  it('says why: loading a URL is reaching outside, GDS would skip the need-to-know checks', () => {
    expect(guardUntrusted("CALL apoc.load.json('https://example.org/x.json') YIELD value RETURN value")?.reason).toMatch(/files or URLs/);
    expect(guardUntrusted("CALL gds.graph.project('g', 'Seller', 'OPERATES')")?.reason).toMatch(/need-to-know/);
  });
});
