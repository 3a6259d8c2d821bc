import { ENGLISH_NOTICE_TEXTS } from '../../../core/english-notice-texts.ts';
import type { UiStrings } from '../built-in-locales.ts';

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
  request: {
    link: 'Your data rights',
    title: 'Ask about your data',
    intro:
      'You can ask us what we hold about you, for a copy, for a correction or for deletion, or to stop selling or sharing it. We confirm your email first.',
    kind: 'What would you like?',
    kinds: {
      access: 'See the data held about me',
      export: 'Get a copy of my data',
      correct: 'Correct my data',
      delete: 'Delete my data',
      opt_out: 'Stop the sale or sharing of my data',
    },
    email: 'Your email',
    send: 'Send the request',
    codeSent: 'We sent a 6-digit code to your email. Enter it to confirm your request.',
    code: 'Code',
    confirm: 'Confirm',
    done: 'Your request is confirmed. We will answer by {date}.',
    badEmail: 'Enter a valid email address.',
    badCode: 'This is not the code we sent.',
    failed: 'The request could not be sent. Try again later.',
  },
} satisfies UiStrings;
