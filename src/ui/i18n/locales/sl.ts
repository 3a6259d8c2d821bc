import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'Vaša zasebnost',
    description:
      'Uporabljamo piškotke in podobne tehnologije. Nekateri so nujni za delovanje strani, drugi le z vašo privolitvijo.',
    acceptAll: 'Sprejmi vse',
    rejectAll: 'Zavrni vse',
    customize: 'Izberi',
    save: 'Shrani izbiro',
    alwaysOn: 'Vedno vklopljeno',
    privacyPolicy: 'Politika zasebnosti',
  },
  preferences: {
    title: 'Nastavitve zasebnosti',
    intro: 'Izberite, kaj dovolite. Vsako izbiro lahko tukaj kadar koli spremenite ali prekličete.',
    close: 'Zapri',
    readMore: 'Več o tem',
    fullText: 'Celotno besedilo',
    categories: {
      privacy_setting: 'Piškotki in sledenje',
      communication: 'Sporočila za vas',
      disclosure: 'Pravilniki',
      custom: 'Drugo',
    },
    states: {
      accepted: 'Dovoljeno',
      implied: 'Dovoljeno (implicitno)',
      declined: 'Ni dovoljeno',
      viewed: 'Ogledano',
      none: 'Še brez izbire',
    },
    given: 'od',
    expires: 'do',
    receipt: 'Prikaži potrdilo moje privolitve',
  },
  allDevices: 'Vaša izbira velja za vse vaše naprave.',
  floatingButton: 'Odpri nastavitve zasebnosti',
  gate: {
    content: 'Ta vsebina',
    text: '{content} se naloži samo z vašo privolitvijo za {consent}.',
    allow: 'Dovoli {consent} in naloži',
  },
  usPrivacy: {
    signalHonoured: 'Signal zavrnitve je bil upoštevan',
    doNotSellOrShare: 'Ne prodajajte in ne delite mojih osebnih podatkov',
    optOut: 'Zavrni prodajo in ciljno oglaševanje',
    noticeAtCollection:
      'Ko uporabljate to spletno mesto, zbiramo identifikatorje ter podatke o napravi in brskanju za tu navedene namene. Pravilnik o zasebnosti pove, kaj zbiramo, zakaj in kako dolgo to hranimo.',
  },
  request: {
    link: 'Vaše pravice glede podatkov',
    title: 'Zahteva glede vaših podatkov',
    intro:
      'Vprašate lahko, katere podatke hranimo o vas, zahtevate kopijo, popravek ali izbris ali da jih prenehamo prodajati ali deliti. Najprej potrdimo vaš e-naslov.',
    kind: 'Kaj želite?',
    kinds: {
      access: 'Videti podatke, ki jih hranite o meni',
      export: 'Prejeti kopijo mojih podatkov',
      correct: 'Popraviti moje podatke',
      delete: 'Izbrisati moje podatke',
      opt_out: 'Ustaviti prodajo ali deljenje mojih podatkov',
    },
    email: 'Vaš e-naslov',
    send: 'Pošlji zahtevo',
    codeSent: 'Na vaš e-naslov smo poslali 6-mestno kodo. Vnesite jo za potrditev zahteve.',
    code: 'Koda',
    confirm: 'Potrdi',
    done: 'Vaša zahteva je potrjena. Odgovorili bomo do {date}.',
    badEmail: 'Vnesite veljaven e-naslov.',
    badCode: 'To ni koda, ki smo jo poslali.',
    failed: 'Zahteve ni bilo mogoče poslati. Poskusite pozneje.',
  },
} satisfies UiStrings;
