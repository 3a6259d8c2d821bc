import type { UiStrings } from '../ui-strings.ts';

export default {
  notice: {
    title: 'Uw privacy',
    description:
      'We gebruiken cookies en vergelijkbare technieken. Sommige zijn nodig voor de site; andere alleen met uw toestemming.',
    acceptAll: 'Alles accepteren',
    rejectAll: 'Alles weigeren',
    customize: 'Kiezen',
    save: 'Keuze opslaan',
    alwaysOn: 'Altijd aan',
    privacyPolicy: 'Privacybeleid',
  },
  preferences: {
    title: 'Privacyvoorkeuren',
    intro: 'Kies wat u toestaat. U kunt elke keuze hier altijd wijzigen of intrekken.',
    close: 'Sluiten',
    readMore: 'Meer lezen',
    fullText: 'Volledige tekst',
    categories: {
      privacy_setting: 'Cookies en tracking',
      communication: 'Berichten aan u',
      disclosure: 'Beleid',
      custom: 'Overig',
    },
    states: {
      accepted: 'Toegestaan',
      implied: 'Toegestaan (impliciet)',
      declined: 'Niet toegestaan',
      viewed: 'Gezien',
      none: 'Nog geen keuze',
    },
    given: 'sinds',
    expires: 'tot',
    receipt: 'Mijn toestemmingsbewijs bekijken',
  },
  allDevices: 'Uw keuze geldt voor al uw apparaten.',
  floatingButton: 'Privacyvoorkeuren openen',
  gate: {
    content: 'Deze inhoud',
    text: '{content} wordt alleen geladen met uw toestemming voor {consent}.',
    allow: '{consent} toestaan en laden',
  },
  usPrivacy: {
    signalHonoured: 'Opt-outsignaal gerespecteerd',
    doNotSellOrShare: 'Mijn persoonsgegevens niet verkopen of delen',
    optOut: 'Afmelden voor verkoop en gerichte advertenties',
    noticeAtCollection:
      'Als u deze site gebruikt, verzamelen we identificatoren, apparaat- en surfgegevens voor de doelen die hier staan. Het privacybeleid zegt wat we verzamelen, waarom en hoelang we het bewaren.',
  },
} satisfies UiStrings;
