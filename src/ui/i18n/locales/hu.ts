import type { UiStrings } from '../built-in-locales.ts';

export default {
  notice: {
    title: 'Az Ön adatai',
    description:
      'Sütiket és hasonló technológiákat használunk. Egyesek az oldal működéséhez kellenek, a többi csak az Ön hozzájárulásával.',
    acceptAll: 'Összes elfogadása',
    rejectAll: 'Összes elutasítása',
    customize: 'Választás',
    save: 'Választás mentése',
    alwaysOn: 'Mindig aktív',
    privacyPolicy: 'Adatvédelmi tájékoztató',
  },
  preferences: {
    title: 'Adatvédelmi beállítások',
    intro:
      'Válassza ki, mit engedélyez. Bármely döntését itt bármikor módosíthatja vagy visszavonhatja.',
    close: 'Bezárás',
    readMore: 'Bővebben',
    fullText: 'Teljes szöveg',
    categories: {
      privacy_setting: 'Sütik és követés',
      communication: 'Üzenetek Önnek',
      disclosure: 'Szabályzatok',
      custom: 'Egyéb',
    },
    states: {
      accepted: 'Engedélyezve',
      implied: 'Engedélyezve (hallgatólagosan)',
      declined: 'Nem engedélyezett',
      viewed: 'Megtekintve',
      none: 'Még nincs döntés',
    },
    given: 'ettől:',
    expires: 'eddig:',
    receipt: 'Hozzájárulásom igazolásának megtekintése',
  },
  allDevices: 'A választása az összes eszközére vonatkozik.',
  floatingButton: 'Adatvédelmi beállítások megnyitása',
  gate: {
    content: 'Ez a tartalom',
    text: '{content} csak az Ön hozzájárulásával töltődik be: {consent}.',
    allow: '{consent} engedélyezése és betöltés',
  },
  usPrivacy: {
    signalHonoured: 'A leiratkozási jelzést tiszteletben tartottuk',
    doNotSellOrShare: 'Ne adja el és ne ossza meg a személyes adataimat',
    optOut: 'Tiltakozás az eladás és a célzott hirdetés ellen',
    noticeAtCollection:
      'Az oldal használatakor azonosítókat, eszköz- és böngészési adatokat gyűjtünk az itt felsorolt célokra. Az adatvédelmi tájékoztató leírja, mit gyűjtünk, miért és meddig őrizzük.',
  },
  request: {
    link: 'Az adataival kapcsolatos jogai',
    title: 'Kérelem az adataival kapcsolatban',
    intro:
      'Megkérdezheti, milyen adatokat tárolunk Önről, kérhet másolatot, helyesbítést vagy törlést, vagy hogy ne adjuk el és ne osszuk meg őket. Előbb megerősítjük az e-mail-címét.',
    kind: 'Mit szeretne?',
    kinds: {
      access: 'Megnézni a rólam tárolt adatokat',
      export: 'Másolatot kérni az adataimról',
      correct: 'Helyesbíteni az adataimat',
      delete: 'Törölni az adataimat',
      opt_out: 'Leállítani az adataim eladását vagy megosztását',
    },
    email: 'Az Ön e-mail-címe',
    send: 'Kérelem elküldése',
    codeSent: 'Egy 6 számjegyű kódot küldtünk az e-mail-címére. Írja be a kérelem megerősítéséhez.',
    code: 'Kód',
    confirm: 'Megerősítés',
    done: 'A kérelmét megerősítettük. Legkésőbb {date} napon válaszolunk.',
    badEmail: 'Adjon meg érvényes e-mail-címet.',
    badCode: 'Ez nem az a kód, amelyet küldtünk.',
    failed: 'A kérelmet nem sikerült elküldeni. Próbálja újra később.',
  },
} satisfies UiStrings;
