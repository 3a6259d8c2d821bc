import type { UiStrings } from '../built-in-locales.ts';

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
  request: {
    link: 'Do chearta maidir le sonraí',
    title: 'Iarratas faoi do shonraí',
    intro:
      'Is féidir leat fiafraí cad iad na sonraí atá againn fút, cóip, ceartú nó scriosadh a iarraidh, nó iarraidh orainn stop a chur lena ndíol nó lena gcomhroinnt. Deimhnímid do ríomhphost ar dtús.',
    kind: 'Cad ba mhaith leat?',
    kinds: {
      access: 'Na sonraí atá agaibh fúm a fheiceáil',
      export: 'Cóip de mo shonraí a fháil',
      correct: 'Mo shonraí a cheartú',
      delete: 'Mo shonraí a scriosadh',
      opt_out: 'Stop a chur le díol nó comhroinnt mo shonraí',
    },
    email: 'Do ríomhphost',
    send: 'Seol an t-iarratas',
    codeSent:
      'Sheolamar cód 6 dhigit chuig do ríomhphost. Cuir isteach é chun an t-iarratas a dheimhniú.',
    code: 'Cód',
    confirm: 'Deimhnigh',
    done: 'Tá d’iarratas deimhnithe. Tabharfaimid freagra faoi {date}.',
    badEmail: 'Cuir isteach seoladh ríomhphoist bailí.',
    badCode: 'Ní hé seo an cód a sheolamar.',
    failed: 'Níorbh fhéidir an t-iarratas a sheoladh. Bain triail eile as ar ball.',
  },
} satisfies UiStrings;
