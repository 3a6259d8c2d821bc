import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  consentEventItemSchema,
  privacyConsentEventsRequestSchema,
  proofSchema,
  siteConsentEventsRequestSchema,
} from './schemas.ts';
import { noticeSnapshotText, snapshotMismatches, snapshotTypes } from './proof.ts';
import { ENGLISH_NOTICE_TEXTS } from './english-notice-texts.ts';
import type { ConsentType, NoticeSnapshot } from './types.ts';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);

const analytics: ConsentType = {
  id: '00000000-0000-4000-8000-000000000001',
  category: 'privacy_setting',
  label: 'analytics',
  version: 2,
  name: 'Analytics',
  description: 'Counts visits.',
  required: false,
  readOnly: false,
  validStates: ['viewed', 'accepted', 'declined'],
  status: 'active',
};

const snapshot: NoticeSnapshot = {
  surface: 'notice',
  language: 'fr',
  texts: { title: 'Votre vie privée', acceptAll: 'Tout accepter' },
  types: snapshotTypes([analytics]),
  buttons: ['rejectAll', 'acceptAll', 'customize'],
};
const hash = 'a'.repeat(64);

describe('proof schema', () => {
  const valid = ajv.compile(proofSchema);

  it('takes the documented keys and refuses any other', () => {
    expect(
      valid({
        noticeHash: hash,
        language: 'pt-BR',
        surface: 'preferences',
        signals: { gpc: true },
        notice: snapshot,
      }),
    ).toBe(true);
    expect(valid({})).toBe(true);
    expect(valid({ tcString: 'CP...' })).toBe(false);
    expect(valid({ signals: { dnt: true } })).toBe(false);
    expect(valid({ surface: 'banner' })).toBe(false);
    expect(valid({ noticeHash: 'ABC' })).toBe(false);
    expect(valid({ language: '<script>' })).toBe(false);
    // A snapshot always comes with the hash it claims.
    expect(valid({ notice: snapshot })).toBe(false);
    expect(valid({ noticeHash: hash, notice: { ...snapshot, extra: 1 } })).toBe(false);
  });

  // Strings the widget made for issue 20's e2e vendor list and issue 21's California visitor.
  const tcString = 'CQhNxMAQhNxMAH_AAADEAeCAAAAAAAAAAAAAAAAAAAAA.IAAAAAAAAAAA.QAAAAAAAAAA';
  const gppString = 'DBABBg~BVVqAAEABCA.QA';

  it('takes the TCF and GPP strings in their own keys, and the signal honoured', () => {
    expect(
      valid({
        tcf: { tcString, acString: '2~89.2822~dv.' },
        gpp: { gppString, applicableSections: [8] },
        signals: { gpc: true, gpcHonoured: true },
      }),
    ).toBe(true);
    expect(valid({ tcf: { tcString: 'COtybn4PA_zT4KjACBENAPCIAEBAAECAAIAAAAAAAAAA' } })).toBe(true);
    expect(valid({ tcf: { tcString, acString: '2~~dv.7.89' } })).toBe(true);
    expect(valid({ gpp: { gppString: 'DBAA', applicableSections: [-1] } })).toBe(true);
    expect(valid({ signals: { gpc: true, gpcHonoured: false } })).toBe(true);
  });

  it('refuses what is not a TC, AC or GPP string, or too long, or honoured without the signal', () => {
    const refused = [
      { tcf: {} },
      { tcf: { acString: '2~1~dv.' } },
      { tcf: { tcString: '' } },
      { tcf: { tcString: 'CP xx' } },
      { tcf: { tcString: 'CPxx..IA' } },
      { tcf: { tcString: '<script>' } },
      { tcf: { tcString: 'A'.repeat(10_001) } },
      { tcf: { tcString, acString: '1~1.2' } },
      { tcf: { tcString, acString: '2~1..2~dv.' } },
      { tcf: { tcString, acString: '2~1~dv.x' } },
      { tcf: { tcString, extra: 1 } },
      { gpp: {} },
      { gpp: { gppString: 'CBABBg~BVVqAAEABCA' } },
      { gpp: { gppString: 'DBABBg~~' } },
      { gpp: { gppString: `DBABBg~${'A'.repeat(10_000)}` } },
      { gpp: { gppString, applicableSections: [64] } },
      { gpp: { gppString, applicableSections: ['usca'] } },
      { gpp: { gppString, sections: [8] } },
      { signals: { gpcHonoured: true } },
      { signals: { gpc: false, gpcHonoured: true } },
      { tcString },
      { gppString },
    ];
    for (const proof of refused)
      expect(valid(proof), JSON.stringify(proof).slice(0, 80)).toBe(false);
  });

  it('is in the Site API items only: seed 000 keeps its exact schema', () => {
    const item = {
      concordId: '00000000-0000-4000-8000-000000000002',
      label: 'analytics',
      consentState: 'accepted',
      consentAction: 'user_click',
      proof: { surface: 'api' },
    };
    expect(ajv.compile(siteConsentEventsRequestSchema)({ items: [item] })).toBe(true);
    expect(ajv.compile(privacyConsentEventsRequestSchema)({ items: [item] })).toBe(false);
    expect(consentEventItemSchema.properties).not.toHaveProperty('proof');
  });
});

describe('notice snapshots', () => {
  it('hash the same whatever the order of their keys', () => {
    const reordered = {
      buttons: snapshot.buttons,
      types: snapshot.types,
      texts: { acceptAll: 'Tout accepter', title: 'Votre vie privée' },
      language: 'fr',
      surface: 'notice',
    } as NoticeSnapshot;
    expect(noticeSnapshotText(reordered)).toBe(noticeSnapshotText(snapshot));
    expect(noticeSnapshotText({ ...snapshot, language: 'en' })).not.toBe(
      noticeSnapshotText(snapshot),
    );
  });

  it('agree with the config that made them, and name what another config changed', () => {
    expect(snapshotMismatches(snapshot, [analytics], {})).toEqual([]);
    expect(snapshotMismatches(snapshot, [{ ...analytics, version: 3 }], {})).toEqual([
      'type "analytics" is at version 3, not 2',
    ]);
    expect(snapshotMismatches(snapshot, [{ ...analytics, description: 'Other.' }], {})).toEqual([
      'type "analytics" has another name or description',
    ]);
    expect(snapshotMismatches(snapshot, [], {})).toHaveLength(1);
    const own = {
      fr: { ...ENGLISH_NOTICE_TEXTS, acceptAll: 'Tout accepter', title: 'Vos données' },
    };
    expect(snapshotMismatches(snapshot, [analytics], own)).toEqual([
      'text "title" is not the project\'s',
    ]);
    expect(snapshotMismatches(snapshot, [analytics], { en: ENGLISH_NOTICE_TEXTS })).toEqual([]);
  });
});
