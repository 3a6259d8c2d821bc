import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'Teie privaatsus',
    description:
      'Kasutame küpsiseid ja sarnaseid tehnoloogiaid. Mõned on saidi tööks vajalikud, teised ainult teie nõusolekul.',
    acceptAll: 'Nõustu kõigiga',
    rejectAll: 'Keeldu kõigist',
    customize: 'Vali',
    save: 'Salvesta valik',
    alwaysOn: 'Alati sees',
    privacyPolicy: 'Privaatsuspoliitika',
  },
  preferences: {
    title: 'Privaatsuse seaded',
    intro: 'Valige, mida lubate. Iga valikut saate siin igal ajal muuta või tagasi võtta.',
    close: 'Sulge',
    readMore: 'Loe lähemalt',
    fullText: 'Täistekst',
    categories: {
      privacy_setting: 'Küpsised ja jälgimine',
      communication: 'Sõnumid teile',
      disclosure: 'Põhimõtted',
      custom: 'Muu',
    },
    states: {
      accepted: 'Lubatud',
      implied: 'Lubatud (kaudselt)',
      declined: 'Pole lubatud',
      viewed: 'Nähtud',
      none: 'Valik puudub',
    },
    given: 'alates',
    expires: 'kuni',
    receipt: 'Vaata minu nõusoleku kviitungit',
  },
  allDevices: 'Teie valik kehtib kõigis teie seadmetes.',
  floatingButton: 'Ava privaatsuse seaded',
  gate: {
    content: 'See sisu',
    text: '{content} laaditakse ainult teie nõusolekul: {consent}.',
    allow: 'Luba {consent} ja laadi',
  },
  usPrivacy: {
    signalHonoured: 'Loobumissignaali on arvestatud',
    doNotSellOrShare: 'Ära müü ega jaga minu isikuandmeid',
    optOut: 'Loobu müügist ja sihitud reklaamist',
    noticeAtCollection:
      'Kogume saidi kasutamisel tunnuseid, seadme- ja sirvimisandmeid siin loetletud eesmärkidel. Privaatsuspoliitika ütleb, mida kogume, miks ja kui kaua seda hoiame.',
  },
  request: {
    link: 'Sinu õigused andmetele',
    title: 'Päring sinu andmete kohta',
    intro:
      'Võid küsida, milliseid andmeid me sinu kohta hoiame, paluda koopiat, parandamist või kustutamist või nende müügi ja jagamise lõpetamist. Kõigepealt kinnitame su e-posti.',
    kind: 'Mida soovid?',
    kinds: {
      access: 'Näha minu kohta hoitavaid andmeid',
      export: 'Saada koopia oma andmetest',
      correct: 'Parandada oma andmeid',
      delete: 'Kustutada oma andmed',
      opt_out: 'Lõpetada minu andmete müük või jagamine',
    },
    email: 'Sinu e-post',
    send: 'Saada päring',
    codeSent: 'Saatsime su e-postile 6-kohalise koodi. Sisesta see päringu kinnitamiseks.',
    code: 'Kood',
    confirm: 'Kinnita',
    done: 'Sinu päring on kinnitatud. Vastame hiljemalt {date}.',
    badEmail: 'Sisesta kehtiv e-posti aadress.',
    badCode: 'See pole kood, mille saatsime.',
    failed: 'Päringut ei õnnestunud saata. Proovi hiljem uuesti.',
  },
} satisfies UiStrings;
