import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'Il-privatezza tiegħek',
    description:
      'Nużaw cookies u teknoloġiji simili. Xi wħud huma meħtieġa għas-sit; oħrajn biss bil-kunsens tiegħek.',
    acceptAll: 'Aċċetta kollox',
    rejectAll: 'Irrifjuta kollox',
    customize: 'Agħżel',
    save: 'Issejvja l-għażla',
    alwaysOn: 'Dejjem attiv',
    privacyPolicy: 'Politika tal-privatezza',
  },
  preferences: {
    title: 'Preferenzi tal-privatezza',
    intro: 'Agħżel x’tippermetti. Tista’ tibdel jew tirtira kull għażla hawn f’kull ħin.',
    close: 'Agħlaq',
    readMore: 'Aqra aktar',
    fullText: 'Test sħiħ',
    categories: {
      privacy_setting: 'Cookies u traċċar',
      communication: 'Messaġġi lilek',
      disclosure: 'Politiki',
      custom: 'Oħrajn',
    },
    states: {
      accepted: 'Permess',
      implied: 'Permess (impliċitu)',
      declined: 'Mhux permess',
      viewed: 'Rajt',
      none: 'L-ebda għażla s’issa',
    },
    given: 'minn',
    expires: 'sa',
    receipt: 'Ara l-irċevuta tal-kunsens tiegħi',
  },
  allDevices: 'L-għażla tiegħek tapplika għall-apparati kollha tiegħek.',
  floatingButton: 'Iftaħ il-preferenzi tal-privatezza',
  gate: {
    content: 'Dan il-kontenut',
    text: '{content} jitgħabba biss bil-kunsens tiegħek għal {consent}.',
    allow: 'Ippermetti {consent} u għabbi',
  },
  usPrivacy: {
    signalHonoured: 'Is-sinjal ta’ rifjut ġie rispettat',
    doNotSellOrShare: 'Tbigħux u taqsmux l-Informazzjoni Personali Tiegħi',
    optOut: 'Irrifjuta l-bejgħ u r-reklamar immirat',
    noticeAtCollection:
      'Niġbru identifikaturi u data tal-apparat u tal-browsing meta tuża dan is-sit, għall-għanijiet elenkati hawn. Il-politika tal-privatezza tgħid x’niġbru, għaliex u kemm inżommuha.',
  },
  request: {
    link: 'Id-drittijiet tiegħek fuq id-data',
    title: 'Talba dwar id-data tiegħek',
    intro:
      'Tista’ tistaqsina x’data għandna dwarek, titlob kopja, korrezzjoni jew tħassir, jew li nieqfu nbigħuha jew naqsmuha. L-ewwel nikkonfermaw l-email tiegħek.',
    kind: 'X’tixtieq?',
    kinds: {
      access: 'Nara d-data li għandkom dwari',
      export: 'Nikseb kopja tad-data tiegħi',
      correct: 'Nikkoreġi d-data tiegħi',
      delete: 'Nħassar id-data tiegħi',
      opt_out: 'Inwaqqaf il-bejgħ jew il-qsim tad-data tiegħi',
    },
    email: 'L-email tiegħek',
    send: 'Ibgħat it-talba',
    codeSent:
      'Bgħatnielek kodiċi ta’ 6 ċifri fuq l-email tiegħek. Daħħlu biex tikkonferma t-talba.',
    code: 'Kodiċi',
    confirm: 'Ikkonferma',
    done: 'It-talba tiegħek ġiet ikkonfermata. Se nwieġbu sa {date}.',
    badEmail: 'Daħħal indirizz tal-email validu.',
    badCode: 'Dan mhuwiex il-kodiċi li bgħatna.',
    failed: 'It-talba ma setgħetx tintbagħat. Erġa’ pprova aktar tard.',
  },
} satisfies UiStrings;
