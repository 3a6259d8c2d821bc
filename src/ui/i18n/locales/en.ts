import type { UiStrings } from '../ui-strings.ts';

export default {
  notice: {
    title: 'Your privacy',
    description:
      'We use cookies and similar technologies. Some are needed for the site to work; others only with your consent.',
    acceptAll: 'Accept all',
    rejectAll: 'Reject all',
    customize: 'Choose',
    save: 'Save choices',
    alwaysOn: 'Always on',
    privacyPolicy: 'Privacy policy',
  },
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
  },
  floatingButton: 'Open privacy preferences',
  gate: {
    content: 'This content',
    text: '{content} loads only with your consent to {consent}.',
    allow: 'Allow {consent} and load',
  },
} satisfies UiStrings;
