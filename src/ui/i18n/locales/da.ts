import type { UiStrings } from '../ui-strings.ts';

export default {
  notice: {
    title: 'Dit privatliv',
    description:
      'Vi bruger cookies og lignende teknologier. Nogle er nødvendige for sitet; andre kun med dit samtykke.',
    acceptAll: 'Accepter alle',
    rejectAll: 'Afvis alle',
    customize: 'Vælg',
    save: 'Gem valg',
    alwaysOn: 'Altid aktiv',
    privacyPolicy: 'Privatlivspolitik',
  },
  preferences: {
    title: 'Privatlivsindstillinger',
    intro: 'Vælg, hvad du tillader. Du kan til enhver tid ændre eller trække et valg tilbage her.',
    close: 'Luk',
    readMore: 'Læs mere',
    fullText: 'Fuld tekst',
    categories: {
      privacy_setting: 'Cookies og sporing',
      communication: 'Beskeder til dig',
      disclosure: 'Politikker',
      custom: 'Andet',
    },
    states: {
      accepted: 'Tilladt',
      implied: 'Tilladt (underforstået)',
      declined: 'Ikke tilladt',
      viewed: 'Set',
      none: 'Intet valg endnu',
    },
    given: 'siden',
    expires: 'indtil',
    receipt: 'Se min samtykkekvittering',
  },
  allDevices: 'Dit valg gælder på alle dine enheder.',
  floatingButton: 'Åbn privatlivsindstillinger',
  gate: {
    content: 'Dette indhold',
    text: '{content} indlæses kun med dit samtykke til {consent}.',
    allow: 'Tillad {consent} og indlæs',
  },
  usPrivacy: {
    signalHonoured: 'Signal om fravalg respekteret',
    doNotSellOrShare: 'Sælg eller del ikke mine personoplysninger',
    optOut: 'Fravælg salg og målrettet annoncering',
    noticeAtCollection:
      'Vi indsamler identifikatorer, enheds- og browsingdata, når du bruger siden, til de formål, der står her. Privatlivspolitikken fortæller, hvad vi indsamler, hvorfor og hvor længe vi gemmer det.',
  },
} satisfies UiStrings;
