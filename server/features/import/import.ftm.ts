/**
 * FollowTheMoney (OCCRP Aleph, OpenSanctions) ↔ MoneyTrail. The schema comes from the maintained npm package, so
 * inheritance (a Company is a LegalEntity) and property names are the ones those tools use. Each FtM entity keeps
 * its id (ftmId) and schema (ftmSchema), so exporting what was imported gives the same entities and links back.
 */
import { Model, defaultModel, type Entity, type Schema } from '@opensanctions/followthemoney';
import type { EntityLabel, RelType } from '../../domain/model.js';
import { ibanValid, normaliseIban } from '../../domain/iban.js';
import { countryCode, countryName } from './import.countries.js';
import { DateValue, InstantValue, normaliseEmail, parseInstant } from './import.fields.js';
import { jsonObjects } from './import.parse.js';
import type { Reader, ReadItem } from './import.readers.js';
import { keywordsOf, uidFor, type FieldProblem, type GraphRows, type NodeRow, type Props, type RelRow } from './import.rows.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export const ftmModel = new Model(defaultModel);
export const FTM_SUPPORTED = ['Person', 'Organization', 'Company', 'LegalEntity', 'BankAccount', 'Address', 'Payment', 'Ownership', 'Directorship'];

const first = (e: Entity, prop: string): string | null => {
  if (!e.schema.hasProperty(prop)) return null;
  const v = e.getFirst(prop);
  return v === null ? null : typeof v === 'string' ? v.trim() || null : v.id;
};
const all = (e: Entity, prop: string): string[] => (e.schema.hasProperty(prop) ? e.getProperty(prop).map((v) => (typeof v === 'string' ? v.trim() : v.id)).filter(Boolean) : []);

function kindOf(schema: Schema): EntityLabel | 'edge' | null {
  if (schema.isA('Person')) return 'Person';
  if (schema.isA('BankAccount')) return 'PaymentAccount';
  if (schema.isA('Address')) return 'Address';
  if (schema.name === 'Payment' || schema.name === 'Ownership' || schema.name === 'Directorship') return 'edge';
  if (schema.isA('LegalEntity')) return 'Organisation';
  return null;
}

/** uid of an FtM entity: bank accounts with a valid IBAN resolve onto the account every partner shares. */
function uidOfEntity(e: Entity): string | null {
  const kind = kindOf(e.schema);
  if (!kind || kind === 'edge') return null;
  if (kind === 'PaymentAccount') {
    const iban = first(e, 'iban');
    if (iban && ibanValid(iban)) return uidFor('PaymentAccount', `iban:${normaliseIban(iban)}`);
  }
  return uidFor(kind, `ftm:${e.id}`);
}

function dateProp(text: string | null): DateValue | InstantValue | null {
  if (!text) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return new DateValue(text);
  const i = parseInstant(text.length === 16 ? `${text}:00` : text);
  return i ? new InstantValue(i) : null;
}

function countryRows(e: Entity, owner: string, nodes: NodeRow[], rels: RelRow[]): string | null {
  let code: string | null = null;
  for (const c of [...all(e, 'country'), ...all(e, 'nationality'), ...all(e, 'jurisdiction')]) {
    const cc = countryCode(c);
    if (!cc) continue;
    code ??= cc;
    const uid = uidFor('Country', cc);
    nodes.push({ uid, label: 'Country', props: { caption: countryName(cc), code: cc, name: countryName(cc), keywords: keywordsOf([countryName(cc), cc]) } });
    rels.push({ type: 'LOCATED_IN', from: owner, to: uid, props: {} });
  }
  return code;
}

/** Turns one FtM entity into graph rows; references to other entities use the ids → uids map of the file. */
export function ftmEntityRows(raw: Record<string, unknown>, uids: Map<string, string>): { rows: GraphRows | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (typeof raw.id !== 'string' || !raw.id) return { rows: null, problems: [{ field: 'id', reason: 'is missing: every FtM entity needs an id' }] };
  if (typeof raw.schema !== 'string') return { rows: null, problems: [{ field: 'schema', reason: 'is missing' }] };
  let e: Entity;
  try {
    e = ftmModel.getEntity(raw as never);
  } catch {
    return { rows: null, problems: [{ field: 'schema', reason: `"${raw.schema}" is not a FollowTheMoney schema` }] };
  }
  const kind = kindOf(e.schema);
  if (!kind) return { rows: null, problems: [{ field: 'schema', reason: `${e.schema.name} entities are not imported (supported: ${FTM_SUPPORTED.join(', ')})` }] };
  const nodes: NodeRow[] = [];
  const rels: RelRow[] = [];
  const base = { ftmId: e.id, ftmSchema: e.schema.name };
  const ref = (prop: string): string | null => {
    const id = first(e, prop);
    if (!id) return null;
    const uid = uids.get(id);
    if (!uid) problems.push({ field: prop, reason: `refers to entity "${id}", which is not in the file` });
    return uid ?? null;
  };

  if (kind === 'edge') {
    const rel = (type: RelType, from: string | null, to: string | null, props: Props) => {
      if (from && to) rels.push({ type, from, to, props: { ...base, ...props } });
    };
    if (e.schema.name === 'Payment') {
      const amount = Number(first(e, 'amount'));
      const currency = (first(e, 'currency') ?? '').toUpperCase();
      if (!Number.isFinite(amount) || amount < 0) problems.push({ field: 'amount', reason: `"${first(e, 'amount') ?? ''}" is not an amount` });
      if (currency && !Intl.supportedValuesOf('currency').includes(currency)) problems.push({ field: 'currency', reason: `"${currency}" is not an ISO 4217 currency code` });
      const from = ref('payerAccount') ?? ref('payer');
      const to = ref('beneficiaryAccount') ?? ref('beneficiary');
      if (!from || !to) problems.push({ field: 'payer', reason: 'a payment needs a payer (or payer account) and a beneficiary (or beneficiary account)' });
      if (problems.length) return { rows: null, problems };
      const uid = uidFor('Transaction', `ftm:${e.id}`);
      const when = dateProp(first(e, 'date') ?? first(e, 'startDate'));
      const props: Props = { ...base, caption: `${currency || ''} ${amount.toFixed(2)}`.trim(), amount, keywords: keywordsOf([first(e, 'purpose')]) };
      if (currency) props.currency = currency;
      if (when) props.timestamp = when instanceof DateValue ? new InstantValue(`${when.iso}T00:00:00.000Z`) : when;
      const purpose = first(e, 'purpose');
      if (purpose) props.purpose = purpose;
      nodes.push({ uid, label: 'Transaction', props });
      rels.push({ type: 'SENT', from: from!, to: uid, props: {} }, { type: 'TO', from: uid, to: to!, props: {} });
    } else if (e.schema.name === 'Ownership') {
      const owner = ref('owner');
      const asset = ref('asset');
      if (problems.length) return { rows: null, problems };
      rel(asset?.startsWith('acct:') ? 'HOLDS' : 'CONTROLS', owner, asset, {});
    } else {
      const director = ref('director');
      const org = ref('organization');
      if (problems.length) return { rows: null, problems };
      rel('CONTROLS', director, org, { role: first(e, 'role') ?? 'director' });
    }
    return { rows: { nodes, rels }, problems };
  }

  const uid = uidOfEntity(e)!;
  const caption = e.getCaption() || e.id;
  const props: Props = { ...base, caption, keywords: keywordsOf([caption, ...all(e, 'alias')]) };
  if (kind === 'Person' || kind === 'Organisation') {
    const name = first(e, 'name');
    if (name) props.name = name;
    const birth = dateProp(first(e, 'birthDate'));
    if (birth instanceof DateValue) props.birthDate = birth;
    if (kind === 'Organisation') props.kind = e.schema.name === 'Company' ? 'company' : e.schema.name === 'Organization' ? 'organisation' : 'legal_entity';
    const cc = countryRows(e, uid, nodes, rels);
    if (cc) props.country = cc;
    for (const email of all(e, 'email')) {
      const addr = normaliseEmail(email);
      if (!addr) problems.push({ field: 'email', reason: `"${email}" is not an e-mail address` });
      else {
        nodes.push({ uid: uidFor('Email', addr), label: 'Email', props: { caption: addr, address: addr, keywords: keywordsOf([addr, addr.replace(/[@.]/g, ' ')]) } });
        rels.push({ type: 'USES_EMAIL', from: uid, to: uidFor('Email', addr), props: {} });
      }
    }
    for (const phone of all(e, 'phone')) {
      const p = parsePhoneNumberFromString(phone);
      const number = p?.isPossible() ? p.number : phone.replace(/[^\d+]/g, '');
      nodes.push({ uid: uidFor('Phone', number), label: 'Phone', props: { caption: number, number, keywords: number } });
      rels.push({ type: 'USES_PHONE', from: uid, to: uidFor('Phone', number), props: {} });
    }
    for (const id of all(e, 'addressEntity')) {
      const a = uids.get(id);
      if (!a) problems.push({ field: 'addressEntity', reason: `refers to entity "${id}", which is not in the file` });
      else rels.push({ type: 'HAS_ADDRESS', from: uid, to: a, props: {} });
    }
  } else if (kind === 'PaymentAccount') {
    props.kind = 'bank_account';
    const iban = first(e, 'iban');
    if (iban) {
      if (!ibanValid(iban)) problems.push({ field: 'iban', reason: `"${iban}" is not a valid IBAN (its check digits or length are wrong)` });
      else props.iban = normaliseIban(iban);
    }
    for (const [from, to] of [['bankName', 'bank'], ['accountNumber', 'accountNumber'], ['bic', 'bic'], ['currency', 'currency']] as const) {
      const v = first(e, from);
      if (v) props[to] = v;
    }
    const cc = countryRows(e, uid, nodes, rels);
    if (cc) props.country = cc;
  } else {
    for (const p of ['full', 'street', 'city', 'postalCode', 'region']) {
      const v = first(e, p);
      if (v) props[p] = v;
    }
    const cc = countryRows(e, uid, nodes, rels);
    if (cc) props.country = cc;
  }
  if (problems.length) return { rows: null, problems };
  nodes.unshift({ uid, label: kind, props });
  return { rows: { nodes, rels }, problems };
}

export function ftmReader(opts: { path: string; fileName: string }): Reader {
  let uids: Map<string, string> | null = null;
  const scan = async () => {
    const map = new Map<string, string>();
    for await (const { value } of jsonObjects(opts.path, opts.fileName)) {
      if (typeof value.id !== 'string' || typeof value.schema !== 'string') continue;
      try {
        const uid = uidOfEntity(ftmModel.getEntity(value as never));
        if (uid) map.set(value.id, uid);
      } catch {
        // an unknown schema is reported when the entity itself is read
      }
    }
    return map;
  };
  return {
    format: 'ftm',
    columns: ['id', 'schema', 'caption'],
    nodesBeforeRelationships: true,
    async *read(): AsyncGenerator<ReadItem> {
      uids ??= await scan();
      let row = 0;
      for await (const { line, value } of jsonObjects(opts.path, opts.fileName)) {
        row++;
        const { rows, problems } = ftmEntityRows(value, uids);
        const caption = rows?.nodes[0]?.props.caption;
        yield { row, line, shown: { id: String(value.id ?? ''), schema: String(value.schema ?? ''), caption: typeof caption === 'string' ? caption : '' }, problems, rows };
      }
      if (row === 0) throw new Error(`${opts.fileName} holds no FollowTheMoney entities`);
    },
  };
}

/** Our entities and relationships → FtM entity JSON objects (one per line in the export). */
export interface ExportNode {
  uid: string;
  label: string;
  props: Record<string, unknown>;
}
export interface ExportRel {
  type: string;
  from: string;
  to: string;
  props: Record<string, unknown>;
}

const ftmIdOf = (n: ExportNode | undefined, uid: string) => (typeof n?.props.ftmId === 'string' ? n.props.ftmId : `mt-${uid.replace(/[^\w.:-]/g, '_')}`);
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function toFtm(nodes: ExportNode[], rels: ExportRel[]): { id: string; schema: string; properties: Record<string, string[]> }[] {
  const byUid = new Map(nodes.map((n) => [n.uid, n]));
  const out = new Map<string, { id: string; schema: string; properties: Record<string, string[]> }>();
  const add = (e: { properties: Record<string, string[]> }, prop: string, v: unknown) => {
    const s = str(v);
    if (s && !(e.properties[prop] ??= []).includes(s)) e.properties[prop]!.push(s);
  };
  for (const n of nodes) {
    let schema: string | null = typeof n.props.ftmSchema === 'string' ? n.props.ftmSchema : null;
    if (!schema) {
      if (['Person', 'Buyer', 'Seller'].includes(n.label)) schema = 'Person';
      else if (['Organisation', 'Merchant', 'HostingProvider'].includes(n.label)) schema = n.props.kind === 'company' ? 'Company' : 'Organization';
      else if (n.label === 'PaymentAccount') schema = 'BankAccount';
      else if (n.label === 'Address') schema = 'Address';
      else if (n.label === 'Transaction') schema = 'Payment';
    }
    if (!schema) continue;
    const e = { id: ftmIdOf(n, n.uid), schema, properties: {} as Record<string, string[]> };
    if (schema === 'Payment') {
      add(e, 'amount', n.props.amount);
      add(e, 'currency', n.props.currency);
      add(e, 'purpose', n.props.purpose);
      if (typeof n.props.timestamp === 'string') add(e, 'date', n.props.timestamp.slice(0, 10));
    } else if (schema === 'BankAccount') {
      add(e, 'iban', n.props.iban);
      add(e, 'bankName', n.props.bank);
      add(e, 'accountNumber', n.props.accountNumber ?? (n.props.iban ? null : n.props.reference));
      add(e, 'bic', n.props.bic);
      add(e, 'currency', n.props.currency);
    } else if (schema === 'Address') {
      for (const p of ['full', 'street', 'city', 'postalCode', 'region']) add(e, p, n.props[p]);
      if (typeof n.props.country === 'string') add(e, 'country', n.props.country.toLowerCase());
    } else {
      add(e, 'name', n.props.name ?? n.props.caption);
      if (typeof n.props.birthDate === 'string') add(e, 'birthDate', n.props.birthDate);
    }
    out.set(n.uid, e);
  }
  for (const r of rels) {
    const from = out.get(r.from);
    const to = byUid.get(r.to);
    if (r.type === 'LOCATED_IN' && from && to) add(from, from.schema === 'Person' ? 'nationality' : 'country', String(to.props.code ?? '').toLowerCase());
    else if (r.type === 'USES_EMAIL' && from && to) add(from, 'email', to.props.address);
    else if (r.type === 'USES_PHONE' && from && to) add(from, 'phone', to.props.number);
    else if (r.type === 'OPERATES' && from && to) add(from, 'website', to.props.name);
    else if (r.type === 'HAS_ADDRESS' && from && to) add(from, 'addressEntity', ftmIdOf(to, r.to));
    else if (r.type === 'SENT') {
      const tx = out.get(r.to);
      if (tx) add(tx, byUid.get(r.from)?.label === 'PaymentAccount' ? 'payerAccount' : 'payer', ftmIdOf(byUid.get(r.from), r.from));
    } else if (r.type === 'TO') {
      const tx = out.get(r.from);
      if (tx) add(tx, to?.label === 'PaymentAccount' ? 'beneficiaryAccount' : 'beneficiary', ftmIdOf(to, r.to));
    } else if (r.type === 'HOLDS' || r.type === 'CONTROLS') {
      const schema = typeof r.props.ftmSchema === 'string' ? r.props.ftmSchema : r.type === 'HOLDS' ? 'Ownership' : 'Ownership';
      const id = typeof r.props.ftmId === 'string' ? r.props.ftmId : `mt-${r.type.toLowerCase()}-${ftmIdOf(byUid.get(r.from), r.from)}-${ftmIdOf(to, r.to)}`;
      const e = { id, schema, properties: {} as Record<string, string[]> };
      if (schema === 'Directorship') {
        add(e, 'director', ftmIdOf(byUid.get(r.from), r.from));
        add(e, 'organization', ftmIdOf(to, r.to));
        add(e, 'role', r.props.role);
      } else {
        add(e, 'owner', ftmIdOf(byUid.get(r.from), r.from));
        add(e, 'asset', ftmIdOf(to, r.to));
      }
      out.set(`rel:${id}`, e);
    }
  }
  // every exported entity must be valid FtM: the package's model checks schema and property names
  for (const e of out.values()) ftmModel.getEntity(e as never);
  return [...out.values()];
}
