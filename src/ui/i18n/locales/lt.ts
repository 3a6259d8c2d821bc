import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'Jūsų privatumas',
    description:
      'Naudojame slapukus ir panašias technologijas. Kai kurie būtini svetainei veikti, kiti – tik gavus jūsų sutikimą.',
    acceptAll: 'Priimti visus',
    rejectAll: 'Atmesti visus',
    customize: 'Pasirinkti',
    save: 'Išsaugoti pasirinkimą',
    alwaysOn: 'Visada įjungta',
    privacyPolicy: 'Privatumo politika',
  },
  preferences: {
    title: 'Privatumo nustatymai',
    intro:
      'Pasirinkite, ką leidžiate. Bet kurį pasirinkimą čia galite bet kada pakeisti arba atšaukti.',
    close: 'Uždaryti',
    readMore: 'Skaityti daugiau',
    fullText: 'Visas tekstas',
    categories: {
      privacy_setting: 'Slapukai ir sekimas',
      communication: 'Žinutės jums',
      disclosure: 'Politikos',
      custom: 'Kita',
    },
    states: {
      accepted: 'Leidžiama',
      implied: 'Leidžiama (numanomai)',
      declined: 'Neleidžiama',
      viewed: 'Peržiūrėta',
      none: 'Dar nepasirinkta',
    },
    given: 'nuo',
    expires: 'iki',
    receipt: 'Peržiūrėti mano sutikimo kvitą',
  },
  allDevices: 'Jūsų pasirinkimas taikomas visuose jūsų įrenginiuose.',
  floatingButton: 'Atverti privatumo nustatymus',
  gate: {
    content: 'Šis turinys',
    text: '{content} įkeliamas tik gavus jūsų sutikimą: {consent}.',
    allow: 'Leisti {consent} ir įkelti',
  },
  usPrivacy: {
    signalHonoured: 'Atsisakymo signalo paisoma',
    doNotSellOrShare: 'Neparduokite ir nesidalykite mano asmenine informacija',
    optOut: 'Atsisakyti pardavimo ir tikslinės reklamos',
    noticeAtCollection:
      'Naudojantis svetaine renkame identifikatorius, įrenginio ir naršymo duomenis čia nurodytais tikslais. Privatumo politikoje nurodyta, ką renkame, kodėl ir kiek laiko saugome.',
  },
  request: {
    link: 'Jūsų teisės į duomenis',
    title: 'Prašymas dėl jūsų duomenų',
    intro:
      'Galite paklausti, kokius duomenis apie jus saugome, paprašyti kopijos, ištaisymo ar ištrynimo arba nutraukti jų pardavimą ar dalijimąsi. Pirmiausia patvirtiname jūsų el. paštą.',
    kind: 'Ko norėtumėte?',
    kinds: {
      access: 'Matyti apie mane saugomus duomenis',
      export: 'Gauti savo duomenų kopiją',
      correct: 'Ištaisyti savo duomenis',
      delete: 'Ištrinti savo duomenis',
      opt_out: 'Nutraukti mano duomenų pardavimą ar dalijimąsi',
    },
    email: 'Jūsų el. paštas',
    send: 'Siųsti prašymą',
    codeSent: 'Į jūsų el. paštą išsiuntėme 6 skaitmenų kodą. Įveskite jį prašymui patvirtinti.',
    code: 'Kodas',
    confirm: 'Patvirtinti',
    done: 'Jūsų prašymas patvirtintas. Atsakysime iki {date}.',
    badEmail: 'Įveskite galiojantį el. pašto adresą.',
    badCode: 'Tai ne tas kodas, kurį išsiuntėme.',
    failed: 'Prašymo išsiųsti nepavyko. Bandykite vėliau.',
  },
} satisfies UiStrings;
