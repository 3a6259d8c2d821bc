import type { UiStrings } from '../ui-strings.ts';

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
} satisfies UiStrings;
