import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'Jūsu privātums',
    description:
      'Mēs izmantojam sīkdatnes un līdzīgas tehnoloģijas. Dažas ir vajadzīgas vietnes darbībai, citas – tikai ar jūsu piekrišanu.',
    acceptAll: 'Pieņemt visas',
    rejectAll: 'Noraidīt visas',
    customize: 'Izvēlēties',
    save: 'Saglabāt izvēli',
    alwaysOn: 'Vienmēr ieslēgts',
    privacyPolicy: 'Privātuma politika',
  },
  preferences: {
    title: 'Privātuma iestatījumi',
    intro: 'Izvēlieties, ko atļaujat. Jebkuru izvēli šeit varat jebkurā laikā mainīt vai atsaukt.',
    close: 'Aizvērt',
    readMore: 'Lasīt vairāk',
    fullText: 'Pilns teksts',
    categories: {
      privacy_setting: 'Sīkdatnes un izsekošana',
      communication: 'Ziņas jums',
      disclosure: 'Politikas',
      custom: 'Citi',
    },
    states: {
      accepted: 'Atļauts',
      implied: 'Atļauts (netieši)',
      declined: 'Nav atļauts',
      viewed: 'Skatīts',
      none: 'Vēl nav izvēles',
    },
    given: 'kopš',
    expires: 'līdz',
    receipt: 'Skatīt manas piekrišanas apliecinājumu',
  },
  allDevices: 'Jūsu izvēle attiecas uz visām jūsu ierīcēm.',
  floatingButton: 'Atvērt privātuma iestatījumus',
  gate: {
    content: 'Šis saturs',
    text: '{content} tiek ielādēts tikai ar jūsu piekrišanu: {consent}.',
    allow: 'Atļaut {consent} un ielādēt',
  },
  usPrivacy: {
    signalHonoured: 'Atteikuma signāls ir ievērots',
    doNotSellOrShare: 'Nepārdodiet un nekopīgojiet manu personisko informāciju',
    optOut: 'Atteikties no pārdošanas un mērķētas reklāmas',
    noticeAtCollection:
      'Kad izmantojat vietni, mēs vācam identifikatorus, ierīces un pārlūkošanas datus šeit norādītajiem nolūkiem. Privātuma politikā teikts, ko mēs vācam, kāpēc un cik ilgi to glabājam.',
  },
  request: {
    link: 'Jūsu tiesības uz datiem',
    title: 'Pieprasījums par jūsu datiem',
    intro:
      'Varat jautāt, kādus datus par jums glabājam, lūgt kopiju, labojumu vai dzēšanu, vai lūgt pārtraukt to pārdošanu vai kopīgošanu. Vispirms apstiprinām jūsu e-pastu.',
    kind: 'Ko vēlaties?',
    kinds: {
      access: 'Redzēt par mani glabātos datus',
      export: 'Saņemt savu datu kopiju',
      correct: 'Labot savus datus',
      delete: 'Dzēst savus datus',
      opt_out: 'Pārtraukt manu datu pārdošanu vai kopīgošanu',
    },
    email: 'Jūsu e-pasts',
    send: 'Nosūtīt pieprasījumu',
    codeSent:
      'Uz jūsu e-pastu nosūtījām 6 ciparu kodu. Ievadiet to, lai apstiprinātu pieprasījumu.',
    code: 'Kods',
    confirm: 'Apstiprināt',
    done: 'Jūsu pieprasījums ir apstiprināts. Atbildēsim līdz {date}.',
    badEmail: 'Ievadiet derīgu e-pasta adresi.',
    badCode: 'Šis nav mūsu nosūtītais kods.',
    failed: 'Pieprasījumu neizdevās nosūtīt. Mēģiniet vēlāk.',
  },
} satisfies UiStrings;
