import { describe, expect, it } from 'vitest';
import { builtInPresets } from '../../server/features/import/import.mapping.js';
import { BatchBuilder, buildRows, evaluate, money, sameProps, validateRecord } from '../../server/features/import/import.rows.js';
import { DateValue, InstantValue } from '../../server/features/import/import.fields.js';

const intl = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('the fast row path of the import engine', () => {
  it('writes amounts in captions exactly as the en-US number format does, half-way cents included', () => {
    const values = [0, -0, 0.005, 1.005, 2.675, 999.995, 1000, 1234567.891, -1234.5, 56898523.47, 1e20, 1e21, 123.4];
    for (let i = 1; i < 3_000; i++) values.push(i * 0.005, i * 1234.567, (i * 7919) / 1000);
    expect(values.filter((v) => money(v) !== intl(v)).map((v) => [v, money(v), intl(v)])).toEqual([]);
  });

  it('turns a bank transfer row into two accounts, a transaction and its two edges, as the preset says', () => {
    const mapping = builtInPresets().get('bank-transfers')!;
    const record = {
      reference: 'R-1', booked_on: '05.03.2025', debtor_name: 'Anna  Berg', debtor_iban: 'nl91 abna 0417 1643 00', creditor_name: 'Cas Dijk',
      creditor_iban: 'GB82WEST12345698765432', amount: '1234.5', currency: 'eur', remittance: '',
    };
    const { values, problems } = validateRecord(record, mapping, 'k'.repeat(32));
    expect(problems).toEqual([]);
    const { nodes, rels } = buildRows(values, mapping);
    expect(nodes.map((n) => n.uid)).toEqual(['acct:iban:NL91ABNA0417164300', 'acct:iban:GB82WEST12345698765432', 'tx:sct:R-1']);
    const tx = nodes[2]!.props;
    expect(tx.caption).toBe('EUR 1,234.50');
    expect(tx.keywords).toBe('eur 1,234.50');
    expect(tx.amount).toBe(1234.5);
    expect((tx.timestamp as InstantValue).iso).toBe('2025-03-05T00:00:00.000Z');
    expect(tx).not.toHaveProperty('remittance'); // an empty optional column leaves the property out
    expect(nodes[0]!.props.keywords).toBe('nl91abna0417164300 anna berg');
    expect(rels.map((r) => [r.type, r.from, r.to])).toEqual([
      ['SENT', 'acct:iban:NL91ABNA0417164300', 'tx:sct:R-1'],
      ['TO', 'tx:sct:R-1', 'acct:iban:GB82WEST12345698765432'],
    ]);
  });

  it('evaluates a template with several placeholders, and gives nothing when one of them is empty', () => {
    expect(evaluate('{a} / {b.lower}', { a: 'X', b: 'YZ' })).toBe('X / yz');
    expect(evaluate('{a} / {b}', { a: 'X', b: null })).toBeNull();
    expect(evaluate('{d.iso}', { d: new DateValue('2025-01-02') })).toBe('2025-01-02');
  });

  it('collapses a batch: a recurring account is sent once, a changed one keeps the later values and both keywords', () => {
    const b = new BatchBuilder();
    const acct = (name: string) => ({ uid: 'acct:1', label: 'PaymentAccount' as const, props: { holderName: name, keywords: name.toLowerCase() } });
    b.add({ nodes: [acct('Ann')], rels: [] });
    b.add({ nodes: [acct('Ann')], rels: [] });
    b.add({ nodes: [acct('Bo')], rels: [] });
    const out = b.take();
    expect(out.rows).toBe(3);
    expect(out.nodes).toHaveLength(1);
    expect(out.nodes[0]!.props).toEqual({ holderName: 'Bo', keywords: 'ann bo' });
  });

  it('compares properties by value, dates and lists included', () => {
    expect(sameProps({ a: 1, d: new DateValue('2025-01-01'), l: ['x'] }, { a: 1, d: new DateValue('2025-01-01'), l: ['x'] })).toBe(true);
    expect(sameProps({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameProps({ d: new DateValue('2025-01-01') }, { d: new InstantValue('2025-01-01') })).toBe(false);
  });
});
