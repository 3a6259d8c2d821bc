import type { UiStrings } from '../built-in-locales.ts';

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
  request: {
    link: 'Dine rettigheder over dine data',
    title: 'Anmodning om dine data',
    intro:
      'Du kan spørge, hvilke data vi har om dig, bede om en kopi, rettelse eller sletning, eller om at vi stopper salg eller deling. Først bekræfter vi din e-mail.',
    kind: 'Hvad ønsker du?',
    kinds: {
      access: 'Se de data, I har om mig',
      export: 'Få en kopi af mine data',
      correct: 'Ret mine data',
      delete: 'Slet mine data',
      opt_out: 'Stop salg eller deling af mine data',
    },
    email: 'Din e-mail',
    send: 'Send anmodningen',
    codeSent:
      'Vi har sendt en 6-cifret kode til din e-mail. Indtast den for at bekræfte anmodningen.',
    code: 'Kode',
    confirm: 'Bekræft',
    done: 'Din anmodning er bekræftet. Vi svarer senest {date}.',
    badEmail: 'Indtast en gyldig e-mailadresse.',
    badCode: 'Det er ikke den kode, vi sendte.',
    failed: 'Anmodningen kunne ikke sendes. Prøv igen senere.',
  },
} satisfies UiStrings;
