import { ENGLISH_NOTICE_TEXTS } from '../../../core/english-notice-texts.ts';
import type { UiStrings } from '../ui-strings.ts';

export default {
  notice: ENGLISH_NOTICE_TEXTS,
  preferences: {
    title: 'Privacy preferences',
    intro: 'Choose what you allow. You can change or withdraw any choice here at any time.',
    close: 'Close',
    readMore: 'Read more',
    fullText: 'Full text',
    categories: {
      privacy_setting: 'Cookies and tracking',
      communication: 'Messages to you',
      disclosure: 'Policies',
      custom: 'Other',
    },
    states: {
      accepted: 'Allowed',
      implied: 'Allowed (implied)',
      declined: 'Not allowed',
      viewed: 'Seen',
      none: 'No choice yet',
    },
    given: 'since',
    expires: 'until',
    receipt: 'View my consent receipt',
  },
  allDevices: 'Your choice applies to all your devices.',
  floatingButton: 'Open privacy preferences',
  gate: {
    content: 'This content',
    text: '{content} loads only with your consent to {consent}.',
    allow: 'Allow {consent} and load',
  },
  usPrivacy: {
    signalHonoured: 'Opt-out preference signal honoured',
    doNotSellOrShare: 'Do Not Sell or Share My Personal Information',
    optOut: 'Opt out of sale and targeted advertising',
    noticeAtCollection:
      'We collect identifiers, device and browsing data when you use this site, for the purposes listed here. Our privacy policy says what we collect, why, and how long we keep it.',
  },
} satisfies UiStrings;
