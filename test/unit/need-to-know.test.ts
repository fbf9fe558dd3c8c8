import { describe, expect, it } from 'vitest';
import { mayView, redactProps, type Viewer } from '../../server/domain/need-to-know.js';

const bank: Viewer = { organisationId: 'org:fjordline-bank', lawEnforcement: false, role: 'analyst' };
const source: Viewer = { organisationId: 'org:aurelwyn-bank', lawEnforcement: false, role: 'analyst' };
const police: Viewer = { organisationId: 'org:tideway-cyber-unit', lawEnforcement: true, role: 'supervisor' };
const sources = ['org:aurelwyn-bank'];

describe('the need-to-know rule', () => {
  it('lets everyone see unrestricted records', () => {
    for (const v of [bank, source, police]) expect(mayView(v, { sources })).toBe(true);
  });
  it('"source and law enforcement": the source and the police, not another bank', () => {
    const r = { restriction: 'source_and_le', sources };
    expect([bank, source, police].map((v) => mayView(v, r))).toEqual([false, true, true]);
  });
  it('"source only": the police are kept out too; an unknown restriction keeps everyone but the source out', () => {
    expect([bank, source, police].map((v) => mayView(v, { restriction: 'source_only', sources }))).toEqual([false, true, false]);
    expect([bank, source, police].map((v) => mayView(v, { restriction: 'eyes_only_typo', sources }))).toEqual([false, true, false]);
  });
  it('a property-level restriction keeps the record visible and removes only the listed properties', () => {
    const props = { uid: 'person:x', caption: 'X', country: 'NL', dateOfBirth: '1979-04-12', restriction: 'source_and_le', restrictedKeys: ['dateOfBirth'], sources };
    expect(mayView(bank, props)).toBe(true);
    expect(redactProps(bank, props)).not.toHaveProperty('dateOfBirth');
    expect(redactProps(bank, props).country).toBe('NL');
    expect(redactProps(police, props).dateOfBirth).toBe('1979-04-12');
  });
  it('a malformed key list fails closed: only identity and provenance remain', () => {
    const props = { uid: 'person:x', caption: 'X', country: 'NL', restriction: 'source_only', restrictedKeys: true, sources };
    expect(Object.keys(redactProps(bank, props)).sort()).toEqual(['caption', 'restrictedKeys', 'restriction', 'sources', 'uid']);
  });
});
