import type { NoticeTexts } from './types.ts';

/**
 * The notice in English when a site wrote none of its own: the widget's built-in English
 * (`ui/i18n/locales/en.ts`), the texts `npm run admin create-project` gives a new project, and
 * the labels of the demo shop's notice.
 */
export const ENGLISH_NOTICE_TEXTS: Readonly<NoticeTexts> = {
  title: 'Your privacy',
  description:
    'We use cookies and similar technologies. Some are needed for the site to work; others only with your consent.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customize: 'Choose',
  save: 'Save choices',
  alwaysOn: 'Always on',
  privacyPolicy: 'Privacy policy',
};
