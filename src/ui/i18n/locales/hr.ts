import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'Vaša privatnost',
    description:
      'Koristimo kolačiće i slične tehnologije. Neki su nužni za rad stranice, ostali samo uz vašu privolu.',
    acceptAll: 'Prihvati sve',
    rejectAll: 'Odbij sve',
    customize: 'Odaberi',
    save: 'Spremi odabir',
    alwaysOn: 'Uvijek uključeno',
    privacyPolicy: 'Pravila privatnosti',
  },
  preferences: {
    title: 'Postavke privatnosti',
    intro: 'Odaberite što dopuštate. Svaki odabir ovdje možete bilo kada promijeniti ili povući.',
    close: 'Zatvori',
    readMore: 'Saznajte više',
    fullText: 'Cijeli tekst',
    categories: {
      privacy_setting: 'Kolačići i praćenje',
      communication: 'Poruke vama',
      disclosure: 'Pravila',
      custom: 'Ostalo',
    },
    states: {
      accepted: 'Dopušteno',
      implied: 'Dopušteno (prešutno)',
      declined: 'Nije dopušteno',
      viewed: 'Viđeno',
      none: 'Još nema odabira',
    },
    given: 'od',
    expires: 'do',
    receipt: 'Prikaži potvrdu moje privole',
  },
  allDevices: 'Vaš izbor vrijedi za sve vaše uređaje.',
  floatingButton: 'Otvori postavke privatnosti',
  gate: {
    content: 'Ovaj sadržaj',
    text: '{content} učitava se samo uz vaš pristanak za {consent}.',
    allow: 'Dopusti {consent} i učitaj',
  },
  usPrivacy: {
    signalHonoured: 'Signal odbijanja je poštovan',
    doNotSellOrShare: 'Ne prodajte i ne dijelite moje osobne podatke',
    optOut: 'Odbij prodaju i ciljano oglašavanje',
    noticeAtCollection:
      'Kada koristite ovu stranicu, prikupljamo identifikatore te podatke o uređaju i pregledavanju, u ovdje navedene svrhe. Pravila privatnosti navode što prikupljamo, zašto i koliko dugo to čuvamo.',
  },
  request: {
    link: 'Vaša prava nad podacima',
    title: 'Zahtjev o vašim podacima',
    intro:
      'Možete pitati koje podatke o vama čuvamo, zatražiti kopiju, ispravak ili brisanje, ili da ih prestanemo prodavati ili dijeliti. Najprije potvrđujemo vašu e-poštu.',
    kind: 'Što želite?',
    kinds: {
      access: 'Vidjeti podatke koje čuvate o meni',
      export: 'Dobiti kopiju svojih podataka',
      correct: 'Ispraviti svoje podatke',
      delete: 'Izbrisati svoje podatke',
      opt_out: 'Zaustaviti prodaju ili dijeljenje mojih podataka',
    },
    email: 'Vaša e-pošta',
    send: 'Pošalji zahtjev',
    codeSent:
      'Poslali smo šesteroznamenkasti kod na vašu e-poštu. Unesite ga kako biste potvrdili zahtjev.',
    code: 'Kod',
    confirm: 'Potvrdi',
    done: 'Vaš je zahtjev potvrđen. Odgovorit ćemo do {date}.',
    badEmail: 'Unesite valjanu adresu e-pošte.',
    badCode: 'To nije kod koji smo poslali.',
    failed: 'Zahtjev nije moguće poslati. Pokušajte kasnije.',
  },
} satisfies UiStrings;
