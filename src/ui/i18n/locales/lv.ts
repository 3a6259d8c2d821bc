import type { UiStrings } from '../ui-strings.ts';

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
} satisfies UiStrings;
