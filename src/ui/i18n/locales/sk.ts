import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'Vaše súkromie',
    description:
      'Používame cookies a podobné technológie. Niektoré sú potrebné na chod stránky, ostatné len s vaším súhlasom.',
    acceptAll: 'Prijať všetko',
    rejectAll: 'Odmietnuť všetko',
    customize: 'Vybrať',
    save: 'Uložiť voľbu',
    alwaysOn: 'Vždy aktívne',
    privacyPolicy: 'Zásady ochrany súkromia',
  },
  preferences: {
    title: 'Nastavenia súkromia',
    intro: 'Zvoľte, čo povolíte. Každú voľbu tu môžete kedykoľvek zmeniť alebo odvolať.',
    close: 'Zavrieť',
    readMore: 'Viac informácií',
    fullText: 'Celý text',
    categories: {
      privacy_setting: 'Cookies a sledovanie',
      communication: 'Správy pre vás',
      disclosure: 'Zásady',
      custom: 'Ostatné',
    },
    states: {
      accepted: 'Povolené',
      implied: 'Povolené (implicitne)',
      declined: 'Nepovolené',
      viewed: 'Zobrazené',
      none: 'Zatiaľ bez voľby',
    },
    given: 'od',
    expires: 'do',
    receipt: 'Zobraziť potvrdenie môjho súhlasu',
  },
  allDevices: 'Vaša voľba platí pre všetky vaše zariadenia.',
  floatingButton: 'Otvoriť nastavenia súkromia',
  gate: {
    content: 'Tento obsah',
    text: '{content} sa načíta len s vaším súhlasom pre {consent}.',
    allow: 'Povoliť {consent} a načítať',
  },
  usPrivacy: {
    signalHonoured: 'Signál odmietnutia bol rešpektovaný',
    doNotSellOrShare: 'Nepredávajte ani nezdieľajte moje osobné údaje',
    optOut: 'Odmietnuť predaj a cielenú reklamu',
    noticeAtCollection:
      'Pri používaní stránky zhromažďujeme identifikátory, údaje o zariadení a prehliadaní na tu uvedené účely. Zásady ochrany súkromia uvádzajú, čo zhromažďujeme, prečo a ako dlho to uchovávame.',
  },
  request: {
    link: 'Vaše práva k údajom',
    title: 'Žiadosť o vaše údaje',
    intro:
      'Môžete sa opýtať, aké údaje o vás uchovávame, požiadať o kópiu, opravu alebo vymazanie, alebo o ukončenie ich predaja či zdieľania. Najprv overíme váš e-mail.',
    kind: 'Čo si želáte?',
    kinds: {
      access: 'Zobraziť údaje, ktoré o mne máte',
      export: 'Získať kópiu mojich údajov',
      correct: 'Opraviť moje údaje',
      delete: 'Vymazať moje údaje',
      opt_out: 'Ukončiť predaj alebo zdieľanie mojich údajov',
    },
    email: 'Váš e-mail',
    send: 'Odoslať žiadosť',
    codeSent: 'Na váš e-mail sme poslali šesťmiestny kód. Zadajte ho na potvrdenie žiadosti.',
    code: 'Kód',
    confirm: 'Potvrdiť',
    done: 'Vaša žiadosť je potvrdená. Odpovieme do {date}.',
    badEmail: 'Zadajte platnú e-mailovú adresu.',
    badCode: 'Toto nie je kód, ktorý sme poslali.',
    failed: 'Žiadosť sa nepodarilo odoslať. Skúste to neskôr.',
  },
} satisfies UiStrings;
