import type { UiStrings } from '../ui-strings.ts';

export default {
  notice: {
    title: 'Do phríobháideachas',
    description:
      'Úsáidimid fianáin agus teicneolaíochtaí cosúla. Tá cuid acu riachtanach don suíomh; cinn eile le do thoiliú amháin.',
    acceptAll: 'Glac le gach rud',
    rejectAll: 'Diúltaigh do gach rud',
    customize: 'Roghnaigh',
    save: 'Sábháil roghanna',
    alwaysOn: 'Ar siúl i gcónaí',
    privacyPolicy: 'Beartas príobháideachais',
  },
  preferences: {
    title: 'Socruithe príobháideachais',
    intro:
      'Roghnaigh a gceadaíonn tú. Is féidir leat aon rogha a athrú nó a tharraingt siar anseo am ar bith.',
    close: 'Dún',
    readMore: 'Tuilleadh eolais',
    fullText: 'Téacs iomlán',
    categories: {
      privacy_setting: 'Fianáin agus rianú',
      communication: 'Teachtaireachtaí chugat',
      disclosure: 'Beartais',
      custom: 'Eile',
    },
    states: {
      accepted: 'Ceadaithe',
      implied: 'Ceadaithe (intuigthe)',
      declined: 'Gan cead',
      viewed: 'Feicthe',
      none: 'Gan rogha fós',
    },
    given: 'ó',
    expires: 'go dtí',
    receipt: 'Féach ar m’admháil toilithe',
  },
  allDevices: 'Baineann do rogha le do ghléasanna go léir.',
  floatingButton: 'Oscail socruithe príobháideachais',
  gate: {
    content: 'An t-ábhar seo',
    text: 'Ní lódálfar {content} ach le do thoiliú do {consent}.',
    allow: 'Ceadaigh {consent} agus lódáil',
  },
  usPrivacy: {
    signalHonoured: 'Tugadh aird ar an gcomhartha diúltaithe',
    doNotSellOrShare: 'Ná Díol ná Roinn Mo Chuid Faisnéise Pearsanta',
    optOut: 'Diúltaigh do dhíol agus d’fhógraíocht spriocdhírithe',
    noticeAtCollection:
      'Bailímid aitheantóirí agus sonraí gléis agus brabhsála nuair a úsáideann tú an suíomh seo, chun na gcuspóirí atá liostaithe anseo. Insíonn an beartas príobháideachais cad a bhailímid, cén fáth agus cá fhad a choinnímid é.',
  },
} satisfies UiStrings;
