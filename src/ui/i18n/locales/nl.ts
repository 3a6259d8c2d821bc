import type { UiStrings } from '../built-in-locales.ts';

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
  request: {
    link: 'Uw rechten over uw gegevens',
    title: 'Verzoek over uw gegevens',
    intro:
      'U kunt ons vragen welke gegevens we over u hebben, om een kopie, correctie of verwijdering, of om te stoppen met verkopen of delen. Eerst bevestigen we uw e-mailadres.',
    kind: 'Wat wilt u?',
    kinds: {
      access: 'Mijn bewaarde gegevens inzien',
      export: 'Een kopie van mijn gegevens krijgen',
      correct: 'Mijn gegevens corrigeren',
      delete: 'Mijn gegevens verwijderen',
      opt_out: 'Verkoop of delen van mijn gegevens stoppen',
    },
    email: 'Uw e-mailadres',
    send: 'Verzoek versturen',
    codeSent:
      'We hebben een code van 6 cijfers naar uw e-mailadres gestuurd. Vul die in om uw verzoek te bevestigen.',
    code: 'Code',
    confirm: 'Bevestigen',
    done: 'Uw verzoek is bevestigd. We antwoorden uiterlijk op {date}.',
    badEmail: 'Vul een geldig e-mailadres in.',
    badCode: 'Dit is niet de code die we stuurden.',
    failed: 'Het verzoek kon niet worden verstuurd. Probeer het later opnieuw.',
  },
} satisfies UiStrings;
