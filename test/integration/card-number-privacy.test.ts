/**
 * A partner's card number typed into the search box: the card is found through its keyed hash, and the number
 * itself is neither stored (audit trail) nor logged (request log), only its BIN and last 4.
 */
import { Writable } from 'node:stream';
import type { Express } from 'express';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../server/api-types.js';
import { createApp } from '../../server/app.js';
import { protectPan } from '../../server/domain/pan.js';
import { signedInAgent, type SignedInAgent } from '../support/auth.js';
import { openTestDatabase, seedSmall, TEST_PAN_KEY } from '../support/test-db.js';

// a test card number (Luhn-valid), assembled so that no full number sits in the source as one literal
const PAN = ['4539', '5787', '6362', '1486'].join('');
const SPACED = ['4539', '5787', '6362', '1486'].join(' ');
const MASKED = '453957…1486';
const CARD_UID = 'acct:card:privacy-test';

describe('a card number searched for', () => {
  const db = openTestDatabase();
  const logLines: string[] = [];
  let app: Express;
  let analyst: SignedInAgent;
  let admin: SignedInAgent;

  beforeAll(async () => {
    await seedSmall(db);
    const { panHash, bin, last4 } = protectPan(PAN, TEST_PAN_KEY);
    await db.driver.executeQuery(
      `CREATE (:Entity:PaymentAccount {uid: $uid, caption: 'VISA •••• ' + $last4, kind: 'card', reference: 'VISA •••• ' + $last4,
               panHash: $panHash, bin: $bin, last4: $last4, keywords: [$last4, $bin], sources: ['org:fjordline-bank']})`,
      { uid: CARD_UID, panHash, bin, last4 },
    );
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logLines.push(chunk.toString());
        done();
      },
    });
    app = createApp({ db, logger: pino({ level: 'info' }, sink), clientDir: null, panKey: TEST_PAN_KEY });
    [analyst, admin] = await Promise.all([signedInAgent(app, db, 'analyst'), signedInAgent(app, db, 'admin')]);
  });
  afterAll(() => db.close());

  it('finds the card by its whole number, typed with or without spaces', async () => {
    for (const q of [PAN, SPACED]) {
      const res = await analyst.get('/api/search').query({ q });
      expect(res.status).toBe(200);
      const body = res.body as SearchResponse;
      expect(body.hits.map((h) => h.id)).toEqual([CARD_UID]);
      expect(body.query).toBe(MASKED);
    }
    // a wrong check digit is not a card number: an ordinary search, which finds nothing
    const typo = await analyst.get('/api/search').query({ q: PAN.slice(0, -1) + '7' });
    expect((typo.body as SearchResponse).hits.map((h) => h.id)).not.toContain(CARD_UID);
  });

  it('keeps only BIN and last 4 in the audit trail and the request log', async () => {
    await analyst.get('/api/search').query({ q: SPACED });
    let text = '';
    await expect
      .poll(async () => {
        const res = await admin.get('/api/audit').query({ action: 'search', limit: 50 });
        text = JSON.stringify(res.body);
        return text.includes(MASKED);
      })
      .toBe(true);
    for (const leak of [PAN, SPACED]) {
      expect(text).not.toContain(leak);
      expect(logLines.join('')).not.toContain(leak);
      expect(logLines.join('')).not.toContain(encodeURIComponent(leak));
    }
    expect(logLines.some((l) => l.includes(MASKED))).toBe(true);
  });
});
